-- Scale (issue 15 item 8): daily_deliveries partitioned by month of gas_day (declarative range
-- partitioning, the same on PGlite and PostgreSQL). The key stays (customer_id, delivery_point_id,
-- gas_day): it already holds the partition key, ON CONFLICT on it works unchanged, and customer_id
-- first keeps the table distributable by customer (Citus, docs/SCALING.md). Nothing references
-- daily_deliveries by foreign key. Months without their own partition (older than the range
-- created here, or not yet created) go to the DEFAULT partition; ensure_month_partitions() creates
-- monthly partitions later and moves such rows out of the default partition.

-- Monthly range partitions <parent>_YYYYMM of a table partitioned by gas_day, for the months from
-- from_day to to_day; rows of those months already in <parent>_default move into them. Serialised
-- per parent by an advisory lock (two importers may ask for the same month at once).
CREATE FUNCTION ensure_month_partitions(parent text, from_day date, to_day date) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', from_day)::date;
  nxt date;
  part text;
  made int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partitions:' || parent));
  WHILE m <= to_day LOOP
    nxt := (m + interval '1 month')::date;
    part := parent || '_' || to_char(m, 'YYYYMM');
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
      IF to_regclass(parent || '_default') IS NOT NULL THEN
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE gas_day >= %L AND gas_day < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', parent || '_default', m, nxt, part);
      END IF;
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, m, nxt);
      made := made + 1;
    END IF;
    m := nxt;
  END LOOP;
  RETURN made;
END $$;

ALTER TABLE daily_deliveries RENAME TO daily_deliveries_unpartitioned;
ALTER INDEX daily_deliveries_pkey RENAME TO daily_deliveries_unpartitioned_pkey;
ALTER INDEX daily_deliveries_day_idx RENAME TO daily_deliveries_unpartitioned_day_idx;

CREATE TABLE daily_deliveries (LIKE daily_deliveries_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (gas_day);
ALTER TABLE daily_deliveries ADD PRIMARY KEY (customer_id, delivery_point_id, gas_day);
CREATE INDEX daily_deliveries_day_idx ON daily_deliveries(gas_day);
CREATE TABLE daily_deliveries_default PARTITION OF daily_deliveries DEFAULT;
-- two years back (the importable range) to three months ahead; the rest through the default
SELECT ensure_month_partitions('daily_deliveries', (current_date - interval '24 months')::date, (current_date + interval '3 months')::date);

INSERT INTO daily_deliveries SELECT * FROM daily_deliveries_unpartitioned;
DROP TABLE daily_deliveries_unpartitioned; -- and its triggers (recreated below)

CREATE TRIGGER daily_deliveries_points_ins AFTER INSERT ON daily_deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_deliveries_check_points();
CREATE TRIGGER daily_deliveries_points_upd AFTER UPDATE ON daily_deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_deliveries_check_points();
