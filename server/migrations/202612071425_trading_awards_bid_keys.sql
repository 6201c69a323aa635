-- An award belongs to its bid: same session, same buyer (trading module, DOMAIN.md §4). One
-- composite foreign key per kind of buyer says exactly that — the customer's bid for a real buyer,
-- the virtual account's bid in a simulation (the other key has a NULL and is not checked, as the
-- CHECK on the table makes exactly one of them NULL) — and replaces the four single-column keys
-- (session, bid, customer, virtual account), which the composite ones imply through the bid's own
-- keys. Clearing 10,000 bids then checks one key per award instead of three.
CREATE UNIQUE INDEX trading_bids_customer_key ON trading_bids(id, session_id, customer_id);
CREATE UNIQUE INDEX trading_bids_virtual_key ON trading_bids(id, session_id, virtual_account_id);
ALTER TABLE trading_awards
  DROP CONSTRAINT trading_awards_session_id_fkey,
  DROP CONSTRAINT trading_awards_bid_id_fkey,
  DROP CONSTRAINT trading_awards_customer_id_fkey,
  DROP CONSTRAINT trading_awards_virtual_account_id_fkey,
  ADD CONSTRAINT trading_awards_customer_bid_fkey FOREIGN KEY (bid_id, session_id, customer_id) REFERENCES trading_bids(id, session_id, customer_id),
  ADD CONSTRAINT trading_awards_virtual_bid_fkey FOREIGN KEY (bid_id, session_id, virtual_account_id) REFERENCES trading_bids(id, session_id, virtual_account_id);
