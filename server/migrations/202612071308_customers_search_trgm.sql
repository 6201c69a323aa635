-- Substring search over 100k+ customers on the embedded database too (issue 15 item 5): PGlite
-- now loads pg_trgm (platform/db/database.ts), so the trigram index that 0101 created only on a
-- PostgreSQL server is created wherever the extension can be created; elsewhere LIKE scans.
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
  EXCEPTION WHEN others THEN
    NULL;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AND to_regclass('customers_search_trgm_idx') IS NULL THEN
    EXECUTE 'CREATE INDEX customers_search_trgm_idx ON customers USING gin (search_text public.gin_trgm_ops)';
  END IF;
END $$;
