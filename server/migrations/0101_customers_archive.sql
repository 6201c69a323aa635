-- Customers archive (issue 3): generated codes, search, history, lifecycle timeline, documents.

-- Customer codes KH + at least 5 digits, from a sequence (unique by construction and by index).
CREATE SEQUENCE customer_code_seq START 1;
ALTER TABLE customers ALTER COLUMN code SET DEFAULT ('KH' || lpad(nextval('customer_code_seq')::text, 5, '0'));

ALTER TABLE customers
  ADD COLUMN pinyin text NOT NULL DEFAULT '',
  ADD COLUMN created_by bigint REFERENCES users(id),
  ADD COLUMN closed_at timestamptz,
  -- One lower-case text to search name, code, USCC and pinyin initials with a single LIKE.
  ADD COLUMN search_text text GENERATED ALWAYS AS (lower(code || '|' || name || '|' || coalesce(uscc, '') || '|' || pinyin)) STORED;

CREATE INDEX customers_tags_idx ON customers USING gin (tags);
CREATE INDEX customers_region_idx ON customers(province, city, county);
CREATE INDEX customers_name_idx ON customers(name);
CREATE INDEX customers_updated_idx ON customers(updated_at DESC);
CREATE INDEX customers_pinyin_idx ON customers(pinyin text_pattern_ops);

-- Substring search over 100k+ customers: a trigram index where the server has pg_trgm
-- (PostgreSQL). PGlite has no pg_trgm loaded; there the LIKE scans, which is fine for its size.
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
  EXCEPTION WHEN others THEN
    NULL;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    BEGIN
      EXECUTE 'CREATE INDEX customers_search_trgm_idx ON customers USING gin (search_text public.gin_trgm_ops)';
    EXCEPTION WHEN others THEN
      NULL;
    END;
  END IF;
END $$;

CREATE INDEX customer_managers_customer_idx ON customer_managers(customer_id, assigned_at);
ALTER TABLE customer_managers
  ADD COLUMN unassigned_by bigint REFERENCES users(id),
  ADD COLUMN unassign_reason text;

-- Lifecycle timeline: every transition with its reason, actor and time.
CREATE TABLE customer_transitions (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  actor_id bigint REFERENCES users(id),
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_transitions_customer_idx ON customer_transitions(customer_id, at);

-- History of every change to a customer's archive (fields, delivery points, documents, managers,
-- status): before/after per change. Kept besides the audit log, shown on the History tab.
CREATE TABLE customer_history (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint REFERENCES users(id),
  actor_name text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb
);
CREATE INDEX customer_history_customer_idx ON customer_history(customer_id, at DESC, id DESC);

ALTER TABLE delivery_points
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN notes text;
ALTER TABLE delivery_points ADD CONSTRAINT delivery_points_pressure_chk CHECK (pressure_level IS NULL OR pressure_level IN ('high', 'sub_high', 'medium', 'low'));

-- Licences and qualification documents. The file bytes live in the database (one table per
-- document, fetched only on download) so that an upload commits or rolls back with its record,
-- and backups/replicas carry them.
CREATE TABLE customer_documents (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  kind text NOT NULL,
  title text NOT NULL,
  doc_no text,
  issued_on date,
  expires_on date,
  file_name text NOT NULL,
  mime text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by bigint REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX customer_documents_customer_idx ON customer_documents(customer_id) WHERE deleted_at IS NULL;
CREATE INDEX customer_documents_expiry_idx ON customer_documents(expires_on) WHERE deleted_at IS NULL AND expires_on IS NOT NULL;

CREATE TABLE customer_document_files (
  document_id bigint PRIMARY KEY REFERENCES customer_documents(id),
  content bytea NOT NULL
);
