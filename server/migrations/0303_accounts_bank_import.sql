-- Bank statement import (DOMAIN.md §6): each credit line is matched to a customer by payer account
-- or name through a learned mapping (or the customer's own name); matched lines are posted as
-- payments; unmatched ones wait in a queue until someone assigns them (which teaches the mapping).
CREATE TABLE bank_statement_imports (
  id bigserial PRIMARY KEY,
  filename text NOT NULL,
  uploaded_by bigint REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  lines int NOT NULL,
  posted int NOT NULL,
  unmatched int NOT NULL
);

CREATE TABLE bank_statement_lines (
  id bigserial PRIMARY KEY,
  import_id bigint NOT NULL REFERENCES bank_statement_imports(id),
  row_no int NOT NULL,
  bank_ref text NOT NULL,
  value_date date NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payer_name text,
  payer_account text,
  memo text,
  status text NOT NULL CHECK (status IN ('posted', 'duplicate', 'unmatched', 'ignored', 'rejected')),
  reason text,
  customer_id bigint REFERENCES customers(id),
  matched_by text CHECK (matched_by IN ('account', 'name', 'customer_name', 'manual')),
  transaction_id bigint REFERENCES ledger_transactions(id),
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz
);
CREATE INDEX bank_statement_lines_status_idx ON bank_statement_lines(status, id);
CREATE INDEX bank_statement_lines_import_idx ON bank_statement_lines(import_id, row_no);

-- Learned payer → customer mapping: by account number when the bank gives one, else by name.
CREATE TABLE bank_payer_mappings (
  id bigserial PRIMARY KEY,
  payer_account text,
  payer_name text,
  customer_id bigint NOT NULL REFERENCES customers(id),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (payer_account IS NOT NULL OR payer_name IS NOT NULL)
);
CREATE UNIQUE INDEX bank_payer_mappings_account ON bank_payer_mappings(payer_account) WHERE payer_account IS NOT NULL;
CREATE UNIQUE INDEX bank_payer_mappings_name ON bank_payer_mappings(payer_name) WHERE payer_account IS NULL;
