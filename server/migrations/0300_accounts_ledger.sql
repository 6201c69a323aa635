-- Accounts (先款后气, DOMAIN.md §6): an append-only double-entry ledger.
-- Every transaction is a set of postings that sum to zero; a customer's balance is always the
-- SUM of the postings on its account (positive = prepaid, negative = owed). Postings and
-- transactions are never changed or deleted: a mistake is corrected by a reversing transaction.

CREATE TABLE ledger_accounts (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('customer', 'bank', 'gas_sales', 'deviation_fees', 'trading_deposits', 'trading_fees', 'adjustments', 'refunds')),
  customer_id bigint UNIQUE REFERENCES customers(id),
  name text NOT NULL,
  name_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'customer') = (customer_id IS NOT NULL))
);
CREATE UNIQUE INDEX ledger_accounts_one_global ON ledger_accounts(kind) WHERE customer_id IS NULL;

INSERT INTO ledger_accounts (kind, name, name_en) VALUES
  ('bank', '银行存款', 'Bank'),
  ('gas_sales', '天然气销售收入', 'Gas sales'),
  ('deviation_fees', '偏差费收入', 'Deviation fees'),
  ('trading_deposits', '交易保证金', 'Trading deposits'),
  ('trading_fees', '交易手续费', 'Trading fees'),
  ('adjustments', '调账', 'Adjustments'),
  ('refunds', '应付退款', 'Refunds payable');

-- Closed months: nothing may be dated into them.
CREATE TABLE accounting_periods (
  month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
  closed_at timestamptz NOT NULL DEFAULT now(),
  closed_by bigint REFERENCES users(id),
  note text
);

CREATE TABLE ledger_transactions (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('payment', 'daily_charge', 'settlement_true_up', 'adjustment', 'refund', 'reversal')),
  customer_id bigint NOT NULL REFERENCES customers(id),
  -- Business date: the gas day of a charge, the value date of a payment, the date of an entry.
  business_date date NOT NULL,
  -- The period ('YYYY-MM') the transaction belongs to (a settlement's month for true-ups).
  period text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  -- Gas day charged (daily charges only; a correction re-run adds another transaction for the day).
  charge_day date,
  -- Bank reference of a payment (unique), or another external reference.
  reference text,
  payer_name text,
  payer_account text,
  note text,
  reverses_id bigint REFERENCES ledger_transactions(id),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'daily_charge') = (charge_day IS NOT NULL)),
  CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
  CHECK (kind <> 'payment' OR reference IS NOT NULL)
);
CREATE UNIQUE INDEX ledger_transactions_bank_ref ON ledger_transactions(reference) WHERE kind = 'payment';
-- A transaction is reversed at most once.
CREATE UNIQUE INDEX ledger_transactions_reversed_once ON ledger_transactions(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX ledger_transactions_customer_idx ON ledger_transactions(customer_id, business_date, id);
CREATE INDEX ledger_transactions_charge_day_idx ON ledger_transactions(charge_day, customer_id) WHERE charge_day IS NOT NULL;

-- transaction_id and account_id are checked once per insert statement by ledger_postings_check()
-- below (set-based) rather than by per-row foreign keys: rows are never updated or deleted, so a
-- reference that is valid when inserted stays valid.
CREATE TABLE ledger_postings (
  transaction_id bigint NOT NULL,
  line smallint NOT NULL,
  account_id bigint NOT NULL,
  -- The customer whose account this posting is on; null on counter accounts.
  customer_id bigint,
  amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
  PRIMARY KEY (transaction_id, line)
);
CREATE INDEX ledger_postings_customer_idx ON ledger_postings(customer_id, transaction_id) INCLUDE (amount_fen) WHERE customer_id IS NOT NULL;
-- (no index on account_id: counter accounts are read through their transactions)

-- Append-only: the database refuses changes and deletions.
CREATE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER ledger_transactions_immutable BEFORE UPDATE OR DELETE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_postings_immutable BEFORE UPDATE OR DELETE ON ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();

-- Double entry and references: after each insert statement, every posting refers to an existing
-- transaction and account (a customer's posting to that customer's own account, a counter posting
-- to a global account), and every transaction it touched sums to zero. (The single insert path
-- writes all postings of a transaction in one statement.)
-- The reference lookups are correlated subqueries on unique keys so their cost follows the rows
-- inserted, not the size of the ledger (a transition table has no statistics to plan joins with).
-- Balance: the postings of one statement sum to zero per transaction; since postings are never
-- changed or deleted, every transaction then sums to zero whatever statements wrote it.
CREATE FUNCTION ledger_postings_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad bigint;
BEGIN
  SELECT n.transaction_id INTO bad
    FROM new_rows n
   WHERE (SELECT count(*) FROM ledger_transactions t WHERE t.id = n.transaction_id AND (n.customer_id IS NULL OR t.customer_id = n.customer_id)) = 0
      OR (SELECT count(*) FROM ledger_accounts a WHERE a.id = n.account_id AND a.customer_id IS NOT DISTINCT FROM n.customer_id) = 0
   LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ledger posting of transaction % refers to a missing transaction or the wrong account', bad USING ERRCODE = 'P0001';
  END IF;
  SELECT transaction_id INTO bad FROM new_rows GROUP BY transaction_id HAVING SUM(amount_fen) <> 0 LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (postings must sum to zero)', bad USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_postings_check AFTER INSERT ON ledger_postings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_check();

-- Closed periods: no transaction may be dated into a closed month.
CREATE FUNCTION ledger_transactions_open_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad date;
BEGIN
  SELECT n.business_date INTO bad
    FROM new_rows n JOIN accounting_periods p ON p.month = date_trunc('month', n.business_date::timestamp)::date
   LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'period of % is closed', bad USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_transactions_period AFTER INSERT ON ledger_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_transactions_open_period();

-- Adjustments: maker-checker. Entered (pending) by one user, approved by another, only then posted.
CREATE TABLE ledger_adjustments (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  -- Effect on the customer's balance: positive credits the customer, negative debits it.
  amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
  business_date date NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  entered_by bigint NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  decision_note text,
  transaction_id bigint UNIQUE REFERENCES ledger_transactions(id),
  CHECK (decided_by IS NULL OR decided_by <> entered_by),
  CHECK ((status = 'approved') = (transaction_id IS NOT NULL)),
  CHECK ((status = 'pending') = (decided_by IS NULL))
);
CREATE INDEX ledger_adjustments_status_idx ON ledger_adjustments(status, entered_at DESC);
CREATE INDEX ledger_adjustments_customer_idx ON ledger_adjustments(customer_id, entered_at DESC);

-- Provisional price per customer (元/m³) until the pricing module exists.
CREATE TABLE customer_provisional_prices (
  customer_id bigint NOT NULL REFERENCES customers(id),
  effective_from date NOT NULL,
  price numeric(12,4) NOT NULL CHECK (price >= 0),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, effective_from)
);

-- Ids are drawn in blocks: bulk postings (daily run, demo) draw one id per transaction.
ALTER SEQUENCE ledger_transactions_id_seq CACHE 1000;
