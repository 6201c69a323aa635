-- Payment monitoring (气款监控, DOMAIN.md §6): thresholds, current level per customer, crossings.

-- Per-customer thresholds; a null column falls back to the global setting ('accounts.thresholds').
CREATE TABLE customer_payment_thresholds (
  customer_id bigint PRIMARY KEY REFERENCES customers(id),
  warn_days numeric(8,2) CHECK (warn_days IS NULL OR warn_days > 0),
  reduce_days numeric(8,2) CHECK (reduce_days IS NULL OR reduce_days > 0),
  avg_days int CHECK (avg_days IS NULL OR avg_days BETWEEN 1 AND 90),
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The current level and the figures it was computed from. A state table (not the ledger):
-- rewritten by the daily run and after every posting of the customer.
CREATE TABLE customer_payment_levels (
  customer_id bigint PRIMARY KEY REFERENCES customers(id),
  level text NOT NULL CHECK (level IN ('normal', 'warning', 'reduce', 'stop')),
  -- Gas day the customer entered this level (identifies the crossing episode).
  since_day date NOT NULL,
  -- Gas day of the monitoring window's end (yesterday for the daily run).
  as_of_day date NOT NULL,
  balance_fen bigint NOT NULL,
  -- Charges over the averaging window and its length; null = missing data.
  window_charge_fen bigint,
  window_days int NOT NULL,
  avg_daily_charge_fen bigint,
  -- balance / average daily charge, to 4 decimals (sorting); null = none (no average).
  available_days numeric(20,4),
  day_volume_m3 numeric(16,3),
  day_charge_fen bigint,
  warn_days numeric(8,2) NOT NULL,
  reduce_days numeric(8,2) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_payment_levels_risk_idx ON customer_payment_levels(level, available_days);

-- Every level change (append-only history; crossings to a worse level notify the managers).
CREATE TABLE payment_level_changes (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  gas_day date NOT NULL,
  from_level text CHECK (from_level IN ('normal', 'warning', 'reduce', 'stop')),
  to_level text NOT NULL CHECK (to_level IN ('normal', 'warning', 'reduce', 'stop')),
  balance_fen bigint NOT NULL,
  available_days numeric(20,4),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_level_changes_customer_idx ON payment_level_changes(customer_id, at DESC);
