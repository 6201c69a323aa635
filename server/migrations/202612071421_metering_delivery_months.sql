-- Monthly delivered volume per customer (issue 13, plan ledger): Σ daily_deliveries.volume_m3 over
-- the customer's delivery points and the month's gas days, kept exact by statement-level triggers
-- on daily_deliveries (every write path: ingest COPY + upsert, corrections, demo data). `days` is the
-- number of daily rows behind the figure; a month whose rows are all deleted loses its row, so
-- "has deliveries in the month" stays answerable (missing is not zero, DOMAIN.md §6).
-- Read only through metering's published fragment deliveredVolumesByMonth().
CREATE TABLE delivery_months (
  customer_id bigint NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  volume_m3 numeric(20,3) NOT NULL,
  days integer NOT NULL, -- daily rows behind the figure (never negative: deltas only remove rows counted before)
  PRIMARY KEY (customer_id, month)
);
CREATE INDEX delivery_months_month_idx ON delivery_months(month);

-- Applies the signed deltas of one statement (rows added +, rows removed −) in key order, so that
-- concurrent writers lock the same rows in the same order; then drops months left without rows.
CREATE FUNCTION delivery_months_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO delivery_months AS m (customer_id, month, volume_m3, days)
    SELECT customer_id, date_trunc('month', gas_day::timestamp)::date, sum(volume_m3), count(*)::int
      FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (customer_id, month) DO UPDATE SET volume_m3 = m.volume_m3 + excluded.volume_m3, days = m.days + excluded.days;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO delivery_months AS m (customer_id, month, volume_m3, days)
    SELECT customer_id, month, sum(v), sum(n)::int FROM (
      SELECT customer_id, date_trunc('month', gas_day::timestamp)::date AS month, volume_m3 AS v, 1 AS n FROM new_rows
      UNION ALL
      SELECT customer_id, date_trunc('month', gas_day::timestamp)::date, -volume_m3, -1 FROM old_rows) x
    GROUP BY 1, 2 HAVING sum(v) <> 0 OR sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT (customer_id, month) DO UPDATE SET volume_m3 = m.volume_m3 + excluded.volume_m3, days = m.days + excluded.days;
  ELSE
    INSERT INTO delivery_months AS m (customer_id, month, volume_m3, days)
    SELECT customer_id, date_trunc('month', gas_day::timestamp)::date, -sum(volume_m3), -count(*)::int
      FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (customer_id, month) DO UPDATE SET volume_m3 = m.volume_m3 + excluded.volume_m3, days = m.days + excluded.days;
  END IF;
  DELETE FROM delivery_months m
   WHERE m.days = 0 AND (m.customer_id, m.month) IN (SELECT customer_id, date_trunc('month', gas_day::timestamp)::date FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER daily_deliveries_months_ins AFTER INSERT ON daily_deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_months_apply();
CREATE TRIGGER daily_deliveries_months_upd AFTER UPDATE ON daily_deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_months_apply();
CREATE TRIGGER daily_deliveries_months_del AFTER DELETE ON daily_deliveries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_months_apply();

INSERT INTO delivery_months (customer_id, month, volume_m3, days)
SELECT customer_id, date_trunc('month', gas_day::timestamp)::date, sum(volume_m3), count(*)::int FROM daily_deliveries GROUP BY 1, 2;
