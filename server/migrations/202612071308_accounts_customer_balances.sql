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

-- The statement check of ledger postings (0300), now also: the posting's business date is its
-- transaction's, and the customers' balances move by the statement's postings. One pass per check;
-- the reference probes stay correlated subqueries on unique keys (their cost follows the rows
-- inserted, not the ledger's size); balances are upserted in customer order (no deadlock between
-- two bulk statements).
CREATE OR REPLACE FUNCTION ledger_postings_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad bigint;
BEGIN
  SELECT n.transaction_id INTO bad
    FROM new_rows n
   WHERE (SELECT count(*) FROM ledger_transactions t WHERE t.id = n.transaction_id AND t.business_date = n.business_date AND (n.customer_id IS NULL OR t.customer_id = n.customer_id)) = 0
      OR (SELECT count(*) FROM ledger_accounts a WHERE a.id = n.account_id AND a.customer_id IS NOT DISTINCT FROM n.customer_id) = 0
   LIMIT 1;
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
