-- Metering: correction history, gas quality per supply source and day, customer plans and
-- contract daily maximum (until the contracts module exists). DOMAIN.md §2, issue 4.

-- Every change of an existing daily delivery keeps the previous value with reason and actor.
-- Written only when the value (volume, origin or hourly values) actually changed.
CREATE TABLE delivery_history (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  delivery_point_id bigint NOT NULL REFERENCES delivery_points(id),
  gas_day date NOT NULL,
  old_volume_m3 numeric(16,3) NOT NULL,
  old_origin text NOT NULL,
  old_hourly jsonb,
  new_volume_m3 numeric(16,3) NOT NULL,
  new_origin text NOT NULL,
  new_hourly jsonb,
  reason text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('manual', 'api', 'csv', 'xlsx', 'cli')),
  changed_by bigint REFERENCES users(id),
  changed_by_name text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_history_point_day_idx ON delivery_history(customer_id, delivery_point_id, gas_day);

-- Gas quality (GCV etc.) per supply source and gas day. method 'report' = GCV from the quality
-- report; 'composition' = computed from the mole fractions (GB/T 11062) and stored with them.
CREATE TABLE gas_quality (
  supply_source_id bigint NOT NULL REFERENCES supply_sources(id),
  gas_day date NOT NULL,
  method text NOT NULL CHECK (method IN ('report', 'composition')),
  gcv_mj_m3 numeric(12,6) NOT NULL CHECK (gcv_mj_m3 > 0),
  ncv_mj_m3 numeric(12,6),
  relative_density numeric(12,6),
  wobbe_mj_m3 numeric(12,6),
  density_kg_m3 numeric(12,6),
  z numeric(12,8),
  molar_mass numeric(12,6),
  composition jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id),
  PRIMARY KEY (supply_source_id, gas_day)
);

-- Planned / nominated volume per customer and gas day (日指定量).
CREATE TABLE customer_daily_plans (
  customer_id bigint NOT NULL REFERENCES customers(id),
  gas_day date NOT NULL,
  planned_m3 numeric(16,3) NOT NULL CHECK (planned_m3 >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id),
  PRIMARY KEY (customer_id, gas_day)
);
CREATE INDEX customer_daily_plans_day_idx ON customer_daily_plans(gas_day);

-- Planned volume per customer and month ('YYYY-MM'); a day without its own plan uses month / days.
CREATE TABLE customer_monthly_plans (
  customer_id bigint NOT NULL REFERENCES customers(id),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  planned_m3 numeric(18,3) NOT NULL CHECK (planned_m3 >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id),
  PRIMARY KEY (customer_id, month)
);

-- Contract daily maximum per customer (合同日最大量); to move to the contracts module later.
CREATE TABLE customer_contract_limits (
  customer_id bigint PRIMARY KEY REFERENCES customers(id),
  daily_max_m3 numeric(16,3) NOT NULL CHECK (daily_max_m3 > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id)
);

-- Monthly / range queries per customer go through the primary key (customer_id, point, day);
-- the board reads one day for all customers through daily_deliveries_day_idx.
