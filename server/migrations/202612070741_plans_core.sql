-- Sales plans (销售计划, DOMAIN.md §5): versions of a year's plan (初版 / 调整) with the annual target
-- (volume, revenue), monthly plans, allocation to operation areas (采气作业区) and to customers;
-- managers' proposals (销售建议计划); daily nominations (日指定).
CREATE TABLE plan_versions (
  id bigserial PRIMARY KEY,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind text NOT NULL CHECK (kind IN ('initial', 'adjusted')),
  seq integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
  target_volume_m3 numeric(18,3) NOT NULL CHECK (target_volume_m3 >= 0),
  target_revenue_fen bigint NOT NULL CHECK (target_revenue_fen >= 0),
  -- Monthly plans that do not sum to the annual target: only as an explicit, flagged deviation.
  deviation_flag boolean NOT NULL DEFAULT false,
  deviation_note text,
  note text,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by bigint REFERENCES users(id),
  approved_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, seq),
  CHECK (NOT deviation_flag OR coalesce(deviation_note, '') <> '')
);
CREATE UNIQUE INDEX plan_versions_one_initial ON plan_versions(year) WHERE kind = 'initial';
CREATE UNIQUE INDEX plan_versions_one_approved ON plan_versions(year) WHERE status = 'approved';

CREATE TABLE plan_months (
  version_id bigint NOT NULL REFERENCES plan_versions(id),
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  volume_m3 numeric(18,3) NOT NULL CHECK (volume_m3 >= 0),
  revenue_fen bigint NOT NULL CHECK (revenue_fen >= 0),
  PRIMARY KEY (version_id, month)
);

CREATE TABLE plan_area_allocations (
  version_id bigint NOT NULL REFERENCES plan_versions(id),
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  area text NOT NULL,
  volume_m3 numeric(18,3) NOT NULL CHECK (volume_m3 >= 0),
  PRIMARY KEY (version_id, month, area)
);

CREATE TABLE plan_customer_allocations (
  customer_id bigint NOT NULL REFERENCES customers(id),
  version_id bigint NOT NULL REFERENCES plan_versions(id),
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  area text NOT NULL,
  volume_m3 numeric(16,3) NOT NULL CHECK (volume_m3 >= 0),
  PRIMARY KEY (customer_id, version_id, month)
);
CREATE INDEX plan_customer_allocations_version_idx ON plan_customer_allocations(version_id, month);

CREATE TABLE plan_proposals (
  customer_id bigint NOT NULL REFERENCES customers(id),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  volume_m3 numeric(16,3) NOT NULL CHECK (volume_m3 >= 0),
  note text,
  proposed_by bigint REFERENCES users(id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, month)
);

CREATE TABLE nominations (
  customer_id bigint NOT NULL REFERENCES customers(id),
  gas_day date NOT NULL,
  volume_m3 numeric(16,3) NOT NULL CHECK (volume_m3 >= 0),
  source text NOT NULL CHECK (source IN ('manual', 'import', 'api')),
  entered_by bigint REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, gas_day)
);
CREATE INDEX nominations_day_idx ON nominations(gas_day);
