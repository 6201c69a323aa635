-- Daily deliveries per delivery point and gas day (DOMAIN.md §2: m³ at 20 °C, 101.325 kPa).
-- Keyed by customer_id first so the table can be hash-partitioned / distributed on it.
CREATE TABLE daily_deliveries (
  customer_id bigint NOT NULL REFERENCES customers(id),
  delivery_point_id bigint NOT NULL REFERENCES delivery_points(id),
  gas_day date NOT NULL,
  volume_m3 numeric(16,3) NOT NULL CHECK (volume_m3 >= 0),
  origin text NOT NULL CHECK (origin IN ('scada', 'manual', 'estimate')),
  hourly jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id),
  PRIMARY KEY (customer_id, delivery_point_id, gas_day)
);
CREATE INDEX daily_deliveries_day_idx ON daily_deliveries(gas_day);
