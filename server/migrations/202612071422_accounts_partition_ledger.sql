-- Scale (issue 15 item 8): ledger_postings and customer_day_charges partitioned by month
-- (declarative range partitioning, the same on PGlite and PostgreSQL, as daily_deliveries in
-- 202612071000_metering_partition_deliveries.sql). Months without their own partition go to the
-- DEFAULT partition; ensure_month_partitions() creates monthly partitions and moves such rows out.
--
-- ledger_postings gains business_date: the business date of its transaction (a charge's gas day, a
-- payment's value date), written by every insert path and checked by ledger_postings_check against
-- the transaction. It is the partition key, so the key becomes (transaction_id, line, business_date)
-- and readers that know the date (the daily run: a charge's postings are dated on its gas day) read
-- one month's partition. customer_day_charges keeps its key (customer_id, gas_day): it holds the
-- partition key and customer_id first keeps it distributable by customer (docs/SCALING.md).

-- ensure_month_partitions now works on any table range-partitioned by one date column (the parent's
-- partition key, read from the catalogue, instead of gas_day). Moving ledger rows out of the default
-- partition is the one DELETE the append-only ledger allows: ledger_immutable() lets it through
-- when this function names the partition in the transaction-local setting qike.partition_move.
CREATE OR REPLACE FUNCTION ensure_month_partitions(parent text, from_day date, to_day date) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', from_day)::date;
  nxt date;
  part text;
  made int := 0;
  col text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partitions:' || parent));
  SELECT a.attname INTO col FROM pg_partitioned_table pt JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
   WHERE pt.partrelid = to_regclass(parent);
  IF col IS NULL THEN
    RAISE EXCEPTION 'ensure_month_partitions: % is not partitioned by one column', parent;
  END IF;
  WHILE m <= to_day LOOP
    nxt := (m + interval '1 month')::date;
    part := parent || '_' || to_char(m, 'YYYYMM');
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
      IF to_regclass(parent || '_default') IS NOT NULL THEN
        PERFORM set_config('qike.partition_move', parent || '_default', true);
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', parent || '_default', col, m, col, nxt, part);
        PERFORM set_config('qike.partition_move', '', true);
      END IF;
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, m, nxt);
      made := made + 1;
    END IF;
    m := nxt;
  END LOOP;
  RETURN made;
END $$;

CREATE OR REPLACE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the only exception: ensure_month_partitions moving rows from the default partition into a new month
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND current_setting('qike.partition_move', true) = TG_TABLE_NAME THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;

-- ledger_postings ----------------------------------------------------------------------------
ALTER TABLE ledger_postings RENAME TO ledger_postings_unpartitioned;
ALTER INDEX ledger_postings_pkey RENAME TO ledger_postings_unpartitioned_pkey;
ALTER INDEX ledger_postings_customer_idx RENAME TO ledger_postings_unpartitioned_customer_idx;

CREATE TABLE ledger_postings (
  transaction_id bigint NOT NULL,
  line smallint NOT NULL,
  account_id bigint NOT NULL,
  customer_id bigint,
  amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
  -- the business date of the transaction (checked by ledger_postings_check); the partition key
  business_date date NOT NULL,
  PRIMARY KEY (transaction_id, line, business_date)
) PARTITION BY RANGE (business_date);
CREATE INDEX ledger_postings_customer_idx ON ledger_postings(customer_id, transaction_id) INCLUDE (amount_fen) WHERE customer_id IS NOT NULL;
CREATE TABLE ledger_postings_default PARTITION OF ledger_postings DEFAULT;
SELECT ensure_month_partitions('ledger_postings', (current_date - interval '24 months')::date, (current_date + interval '3 months')::date);

INSERT INTO ledger_postings (transaction_id, line, account_id, customer_id, amount_fen, business_date)
SELECT p.transaction_id, p.line, p.account_id, p.customer_id, p.amount_fen, t.business_date
  FROM ledger_postings_unpartitioned p JOIN ledger_transactions t ON t.id = p.transaction_id;
DROP TABLE ledger_postings_unpartitioned; -- and its triggers (recreated below; the check in the next migration)

CREATE TRIGGER ledger_postings_immutable BEFORE UPDATE OR DELETE ON ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();

-- customer_day_charges -----------------------------------------------------------------------
ALTER TABLE customer_day_charges RENAME TO customer_day_charges_unpartitioned;
ALTER INDEX customer_day_charges_pkey RENAME TO customer_day_charges_unpartitioned_pkey;
ALTER INDEX customer_day_charges_day_idx RENAME TO customer_day_charges_unpartitioned_day_idx;

CREATE TABLE customer_day_charges (LIKE customer_day_charges_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (gas_day);
ALTER TABLE customer_day_charges ADD PRIMARY KEY (customer_id, gas_day);
CREATE INDEX customer_day_charges_day_idx ON customer_day_charges(gas_day);
CREATE TABLE customer_day_charges_default PARTITION OF customer_day_charges DEFAULT;
SELECT ensure_month_partitions('customer_day_charges', (current_date - interval '24 months')::date, (current_date + interval '3 months')::date);

INSERT INTO customer_day_charges SELECT * FROM customer_day_charges_unpartitioned;
DROP TABLE customer_day_charges_unpartitioned;
