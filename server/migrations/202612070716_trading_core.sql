-- Online trading (线上交易, DOMAIN.md §4): sessions, eligible customers, simulation accounts,
-- bids, awards, exchange membership dates, follow-ups, simulation feedback.

CREATE TABLE trading_sessions (
  id bigserial PRIMARY KEY,
  -- 'real' sessions feed the ledger, settlement and statistics; 'simulation' ones never do.
  kind text NOT NULL CHECK (kind IN ('real', 'simulation')),
  mode text NOT NULL CHECK (mode IN ('listing', 'bidding')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  resource_tag text NOT NULL CHECK (length(resource_tag) BETWEEN 1 AND 50),
  basis text NOT NULL DEFAULT 'm3' CHECK (basis IN ('m3', 'GJ')),
  delivery_month text NOT NULL CHECK (delivery_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  delivery_point text NOT NULL CHECK (length(delivery_point) BETWEEN 1 AND 200),
  quantity numeric(16,3) NOT NULL CHECK (quantity > 0),
  min_per_buyer numeric(16,3) NOT NULL CHECK (min_per_buyer > 0),
  max_per_buyer numeric(16,3) NOT NULL,
  fixed_price numeric(12,4) CHECK (fixed_price > 0),
  floor_price numeric(12,4) CHECK (floor_price > 0),
  price_step numeric(12,4) CHECK (price_step > 0),
  pricing text NOT NULL DEFAULT 'pay_as_bid' CHECK (pricing IN ('pay_as_bid', 'uniform')),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  deposit_ratio numeric(6,4) NOT NULL DEFAULT 0.10 CHECK (deposit_ratio >= 0 AND deposit_ratio <= 1),
  fee_rate numeric(8,6) NOT NULL DEFAULT 0.001 CHECK (fee_rate >= 0 AND fee_rate < 0.1),
  -- open: taking bids within [opens_at, closes_at); cleared: results final; cancelled before any bid.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared', 'cancelled')),
  organiser_id bigint REFERENCES users(id),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  cleared_at timestamptz,
  cleared_by bigint REFERENCES users(id),
  sold_quantity numeric(16,3),
  clearing_price numeric(12,4),
  bid_count integer NOT NULL DEFAULT 0,
  CHECK (max_per_buyer >= min_per_buyer AND max_per_buyer <= quantity),
  CHECK (closes_at > opens_at),
  CHECK ((mode = 'listing') = (fixed_price IS NOT NULL)),
  CHECK ((mode = 'bidding') = (floor_price IS NOT NULL AND price_step IS NOT NULL)),
  CHECK ((status = 'cleared') = (cleared_at IS NOT NULL))
);
CREATE INDEX trading_sessions_month_idx ON trading_sessions(kind, delivery_month);
CREATE INDEX trading_sessions_opens_idx ON trading_sessions(opens_at DESC);

-- Eligible customers of a real session (none listed: every customer may bid).
CREATE TABLE trading_session_customers (
  session_id bigint NOT NULL REFERENCES trading_sessions(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  PRIMARY KEY (session_id, customer_id)
);

-- Virtual buyer accounts of a simulation session, each assigned to a customer or a manager.
CREATE TABLE trading_virtual_accounts (
  id bigserial PRIMARY KEY,
  session_id bigint NOT NULL REFERENCES trading_sessions(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  customer_id bigint REFERENCES customers(id),
  user_id bigint REFERENCES users(id),
  -- Virtual money for deposits (fen); never on the real ledger.
  balance_fen bigint NOT NULL CHECK (balance_fen >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (customer_id IS NOT NULL OR user_id IS NOT NULL),
  UNIQUE (session_id, name)
);

CREATE TABLE trading_bids (
  id bigserial PRIMARY KEY,
  session_id bigint NOT NULL REFERENCES trading_sessions(id),
  -- Real sessions: the customer; simulations: the virtual account.
  customer_id bigint REFERENCES customers(id),
  virtual_account_id bigint REFERENCES trading_virtual_accounts(id),
  price numeric(12,4) NOT NULL CHECK (price > 0),
  quantity numeric(16,3) NOT NULL CHECK (quantity > 0),
  -- Listing: the quantity granted at submission (first come first served).
  granted_quantity numeric(16,3),
  submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
  deposit_fen bigint NOT NULL CHECK (deposit_fen >= 0),
  placed_by bigint REFERENCES users(id),
  filled_quantity numeric(16,3),
  outcome text CHECK (outcome IN ('filled', 'partial', 'unfilled')),
  rank integer,
  CHECK ((customer_id IS NULL) <> (virtual_account_id IS NULL))
);
CREATE UNIQUE INDEX trading_bids_idem ON trading_bids(session_id, COALESCE(customer_id, -virtual_account_id), idempotency_key);
CREATE INDEX trading_bids_session_idx ON trading_bids(session_id, id);
CREATE INDEX trading_bids_customer_idx ON trading_bids(customer_id, session_id) WHERE customer_id IS NOT NULL;

CREATE TABLE trading_awards (
  id bigserial PRIMARY KEY,
  session_id bigint NOT NULL REFERENCES trading_sessions(id),
  bid_id bigint NOT NULL UNIQUE REFERENCES trading_bids(id),
  customer_id bigint REFERENCES customers(id),
  virtual_account_id bigint REFERENCES trading_virtual_accounts(id),
  quantity numeric(16,3) NOT NULL CHECK (quantity > 0),
  price numeric(12,4) NOT NULL,
  amount_fen bigint NOT NULL,
  buyer_fee_fen bigint NOT NULL,
  seller_fee_fen bigint NOT NULL,
  deposit_applied_fen bigint NOT NULL,
  deposit_released_fen bigint NOT NULL,
  awarded_at timestamptz NOT NULL,
  CHECK ((customer_id IS NULL) <> (virtual_account_id IS NULL))
);
CREATE INDEX trading_awards_session_idx ON trading_awards(session_id);
CREATE INDEX trading_awards_customer_idx ON trading_awards(customer_id) WHERE customer_id IS NOT NULL;

-- Exchange membership dates (the status itself is the customer archive's exchange_status).
CREATE TABLE trading_memberships (
  customer_id bigint PRIMARY KEY REFERENCES customers(id),
  registered_on date,
  bound_on date,
  trained_on date,
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A manager's follow-ups helping a customer onto the exchange.
CREATE TABLE trading_followups (
  customer_id bigint NOT NULL REFERENCES customers(id),
  id bigserial,
  on_date date NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  next_step text CHECK (length(next_step) <= 500),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, id)
);

-- Feedback of a simulation participant on the rules and the system (training record).
CREATE TABLE trading_feedback (
  id bigserial PRIMARY KEY,
  session_id bigint NOT NULL REFERENCES trading_sessions(id),
  virtual_account_id bigint REFERENCES trading_virtual_accounts(id),
  topic text NOT NULL CHECK (topic IN ('rules', 'system', 'other')),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trading_feedback_session_idx ON trading_feedback(session_id);
