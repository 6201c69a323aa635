-- 协议 agreement trades (DOMAIN.md §4: a negotiated trade recorded with both parties' confirmation).
-- An agreement is a trading session of mode 'agreement' with one buyer: the seller records it with
-- its own confirmation (document and date); the buyer side's confirmation (recorded by the manager
-- on the customer's behalf, with the confirmation document and date) makes it a trade (已成交):
-- one bid, one award, the buyer's fee on the ledger. No deposit (nothing is bid).
ALTER TABLE trading_sessions DROP CONSTRAINT IF EXISTS trading_sessions_mode_check;
ALTER TABLE trading_sessions ADD CONSTRAINT trading_sessions_mode_check CHECK (mode IN ('listing', 'bidding', 'agreement'));

CREATE TABLE trading_agreements (
  session_id bigint PRIMARY KEY REFERENCES trading_sessions(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  price numeric(12,4) NOT NULL CHECK (price > 0),
  seller_confirmed_on date NOT NULL,
  seller_document text NOT NULL CHECK (length(seller_document) BETWEEN 1 AND 200),
  buyer_confirmed_on date,
  buyer_document text CHECK (length(buyer_document) BETWEEN 1 AND 200),
  buyer_recorded_by bigint REFERENCES users(id),
  buyer_recorded_at timestamptz,
  note text CHECK (length(note) <= 2000),
  CHECK ((buyer_confirmed_on IS NULL) = (buyer_document IS NULL)),
  CHECK ((buyer_confirmed_on IS NULL) = (buyer_recorded_at IS NULL))
);
CREATE INDEX trading_agreements_customer_idx ON trading_agreements(customer_id);

-- 成交结果通知 sent once per cleared session (the notices themselves live in the notices module).
CREATE TABLE trading_result_notices (
  session_id bigint PRIMARY KEY REFERENCES trading_sessions(id),
  customers integer NOT NULL,
  sent_by bigint REFERENCES users(id),
  sent_at timestamptz NOT NULL DEFAULT now()
);
