-- Monthly settlement (月度结算, DOMAIN.md §4): month states, per-customer statements and their
-- lines (adjustment lines for corrections of closed months), deviation settlement cases.
CREATE TABLE settlement_months (
  month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'closed')),
  runs int NOT NULL DEFAULT 0,
  last_run_at timestamptz,
  last_run_by bigint REFERENCES users(id),
  confirmed_at timestamptz,
  confirmed_by bigint REFERENCES users(id),
  closed_at timestamptz,
  closed_by bigint REFERENCES users(id),
  reopened_at timestamptz,
  reopened_by bigint REFERENCES users(id),
  reopen_reason text
);

CREATE TABLE settlement_statements (
  customer_id bigint NOT NULL REFERENCES customers(id),
  month date NOT NULL REFERENCES settlement_months(month),
  contract_id bigint,
  contract_no text,
  basis text NOT NULL CHECK (basis IN ('m3', 'GJ')),
  actual numeric(20, 6) NOT NULL,
  contracted numeric(20, 6) NOT NULL,
  total_fen bigint NOT NULL,
  daily_charges_fen bigint NOT NULL,
  true_up_posted_fen bigint NOT NULL DEFAULT 0,
  over_take boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, month)
);
CREATE INDEX settlement_statements_month ON settlement_statements (month);

CREATE TABLE settlement_lines (
  customer_id bigint NOT NULL,
  month date NOT NULL,
  line_no int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('base', 'award', 'extra', 'adjustment')),
  tag text NOT NULL,
  quantity numeric(20, 6) NOT NULL,
  price numeric(16, 6),
  amount_fen bigint NOT NULL,
  award_id bigint,
  from_day date,
  to_day date,
  -- adjustment lines: the closed month corrected, and the change of its daily charges absorbed here
  adjusts_month date,
  daily_drift_fen bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month, line_no),
  FOREIGN KEY (customer_id, month) REFERENCES settlement_statements(customer_id, month) ON DELETE CASCADE
);
