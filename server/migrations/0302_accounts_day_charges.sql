-- Per customer and gas day: the volume and the charge posted for it after the last daily run.
-- A derived table written by the daily run in the same statement that posts the charges, so
-- monitoring (window averages, yesterday's figures) reads one small row per customer-day instead
-- of joining transactions and postings. The ledger stays the source of every balance.
CREATE TABLE customer_day_charges (
  customer_id bigint NOT NULL, -- (no foreign key: a derived table rewritten in bulk; customers are never deleted)
  gas_day date NOT NULL,
  volume_m3 numeric(16,3) NOT NULL,
  -- null: gas was delivered but no provisional price was in effect (nothing posted)
  charge_fen bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, gas_day)
);
CREATE INDEX customer_day_charges_day_idx ON customer_day_charges(gas_day);
