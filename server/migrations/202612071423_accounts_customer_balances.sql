-- Scale (issue 15 items 2, 3): each customer's balance kept beside the ledger, so a posting and the
-- daily run's levels read one row per customer instead of summing all its postings. The ledger stays
-- the source: customer_balances is written only by ledger_postings_check, in the statement that
-- inserts the postings (same transaction), as Σ amount_fen of the customer's postings (DOMAIN.md §6:
-- balance = prepaid − owed). A test checks it equals the sum after every kind of posting.
CREATE TABLE customer_balances (
  customer_id bigint PRIMARY KEY, -- (no foreign key: written in bulk by the ledger trigger; customers are never deleted)
  balance_fen bigint NOT NULL
);
INSERT INTO customer_balances (customer_id, balance_fen)
SELECT customer_id, SUM(amount_fen) FROM ledger_postings WHERE customer_id IS NOT NULL GROUP BY customer_id;

-- Only the ledger trigger writes it (it runs at trigger depth 2; a direct statement at depth 1).
CREATE FUNCTION customer_balances_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'customer_balances is written by the ledger only: % refused', TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER customer_balances_guard BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON customer_balances FOR EACH STATEMENT EXECUTE FUNCTION customer_balances_guard();

-- The statement check of ledger postings (0300), now also: the postings' business date is their
-- transaction's, and the customers' balances move by the statement's postings. The references are
-- probed once per transaction and once per distinct (account, customer) — half the probes of the
-- per-posting check — still as correlated subqueries on unique keys (their cost follows the rows
-- inserted, not the ledger's size). Balances are upserted in customer order (no deadlock between
-- two bulk statements).
CREATE OR REPLACE FUNCTION ledger_postings_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad bigint;
BEGIN
  SELECT g.transaction_id INTO bad
    FROM (SELECT transaction_id, min(business_date) AS d, max(business_date) AS d2, min(customer_id) AS c, max(customer_id) AS c2
            FROM new_rows GROUP BY transaction_id) g
   WHERE g.d <> g.d2 OR g.c <> g.c2
      OR (SELECT count(*) FROM ledger_transactions t WHERE t.id = g.transaction_id AND t.business_date = g.d AND (g.c IS NULL OR t.customer_id = g.c)) = 0
   LIMIT 1;
  IF bad IS NULL THEN
    SELECT x.account_id INTO bad
      FROM (SELECT DISTINCT account_id, customer_id FROM new_rows) x
     WHERE (SELECT count(*) FROM ledger_accounts a WHERE a.id = x.account_id AND a.customer_id IS NOT DISTINCT FROM x.customer_id) = 0
     LIMIT 1;
    IF bad IS NOT NULL THEN
      SELECT transaction_id INTO bad FROM new_rows WHERE account_id = bad LIMIT 1;
    END IF;
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ledger posting of transaction % refers to a missing transaction or the wrong account or date', bad USING ERRCODE = 'P0001';
  END IF;
  SELECT transaction_id INTO bad FROM new_rows GROUP BY transaction_id HAVING SUM(amount_fen) <> 0 LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (postings must sum to zero)', bad USING ERRCODE = 'P0001';
  END IF;
  INSERT INTO customer_balances AS b (customer_id, balance_fen)
  SELECT customer_id, SUM(amount_fen) FROM new_rows WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET balance_fen = b.balance_fen + excluded.balance_fen;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_postings_check AFTER INSERT ON ledger_postings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_check();
