-- Customers core: supply network, customers, managers, delivery points.
-- Large tables are keyed by customer_id so they can later be hash-partitioned or distributed
-- (Citus) on customer_id (docs/ARCHITECTURE.md).
CREATE TABLE supply_sources (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('gas_field', 'well_station', 'purification_plant', 'pipeline', 'valve_room')),
  parent_id bigint REFERENCES supply_sources(id),
  region text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  uscc text UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  type text NOT NULL CHECK (type IN ('city_gas', 'industrial', 'cng', 'power', 'chemical', 'commercial', 'other')),
  price_category text NOT NULL,
  province text,
  city text,
  county text,
  address text,
  status text NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'survey', 'review', 'contracted', 'active', 'restricted', 'closed')),
  serves_residents boolean NOT NULL DEFAULT false,
  residential_share numeric(5,4) CHECK (residential_share IS NULL OR (residential_share >= 0 AND residential_share <= 1)),
  use_structure_verified_on date,
  exchange_status text NOT NULL DEFAULT 'none' CHECK (exchange_status IN ('none', 'registered', 'bound', 'trained')),
  tags text[] NOT NULL DEFAULT '{}',
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_status_idx ON customers(status);
CREATE INDEX customers_type_idx ON customers(type);
CREATE INDEX customers_city_idx ON customers(city, county);

-- Responsibility: one active full-time manager per customer; part-time managers optional.
-- Reassignment closes the row (unassigned_at) and opens a new one, so history is kept.
CREATE TABLE customer_managers (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  user_id bigint NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('full_time', 'part_time')),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by bigint REFERENCES users(id),
  unassigned_at timestamptz,
  reason text
);
CREATE UNIQUE INDEX customer_managers_one_full_time ON customer_managers(customer_id) WHERE kind = 'full_time' AND unassigned_at IS NULL;
CREATE UNIQUE INDEX customer_managers_active_uniq ON customer_managers(customer_id, user_id) WHERE unassigned_at IS NULL;
CREATE INDEX customer_managers_user_idx ON customer_managers(user_id) WHERE unassigned_at IS NULL;

-- Extra customers a user may see beyond those they manage ("unless granted more").
CREATE TABLE customer_grants (
  user_id bigint NOT NULL REFERENCES users(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  granted_by bigint REFERENCES users(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, customer_id)
);

CREATE TABLE delivery_points (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('distribution_station', 'gate_station')),
  meter_no text NOT NULL UNIQUE,
  pressure_level text,
  supply_source_id bigint REFERENCES supply_sources(id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_points_customer_idx ON delivery_points(customer_id);
CREATE INDEX delivery_points_source_idx ON delivery_points(supply_source_id);
