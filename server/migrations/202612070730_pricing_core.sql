-- Price book (标签化价格, DOMAIN.md §4): resource tags, prices per tag × price category × basis ×
-- season with effective dates (append-only history), the benchmark city-gate price with its float
-- cap, and the month's reference online price.
CREATE TABLE price_tags (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  sort int NOT NULL DEFAULT 100,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO price_tags (code, name_zh, name_en, sort) VALUES
  ('contract', '合同内常规气', 'In-contract conventional gas', 10),
  ('shale', '页岩气', 'Shale gas', 20),
  ('extra', '额外气', 'Extra gas (beyond contract)', 30),
  ('online', '线上交易气', 'Gas bought online', 40),
  ('peak', '调峰气', 'Peak-shaving gas', 50);

CREATE TABLE price_entries (
  id bigserial PRIMARY KEY,
  tag text NOT NULL REFERENCES price_tags(code),
  category text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('m3', 'GJ')),
  -- 'all' months, or only the heating season (Nov–Mar) / the rest of the year
  season text NOT NULL DEFAULT 'all' CHECK (season IN ('all', 'heating', 'non_heating')),
  price numeric(14, 4) NOT NULL CHECK (price > 0),
  effective_from date NOT NULL,
  note text,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tag, category, basis, season, effective_from)
);
CREATE INDEX price_entries_lookup ON price_entries (tag, category, basis, effective_from DESC);

CREATE TABLE price_benchmarks (
  id bigserial PRIMARY KEY,
  effective_from date NOT NULL UNIQUE,
  -- 基准门站价, 元/m³
  price numeric(14, 4) NOT NULL CHECK (price > 0),
  -- non-residential prices may float above the benchmark by at most this percentage
  float_cap_pct numeric(7, 3) NOT NULL CHECK (float_cap_pct >= 0),
  note text,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE price_reference_months (
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  basis text NOT NULL CHECK (basis IN ('m3', 'GJ')),
  price numeric(14, 4) NOT NULL CHECK (price > 0),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (month, basis)
);
