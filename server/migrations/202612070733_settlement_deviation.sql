-- Deviation settlement (偏差结算, DOMAIN.md §4): periods, per-customer cases (draft list), the
-- customer's claims with evidence, the joint review, the confirmation form, signed copy, fee.
CREATE TABLE deviation_periods (
  id bigserial PRIMARY KEY,
  label text NOT NULL,
  from_month date NOT NULL,
  to_month date NOT NULL,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (from_month, to_month),
  CHECK (to_month >= from_month)
);

CREATE TABLE deviation_cases (
  id bigserial PRIMARY KEY,
  period_id bigint NOT NULL REFERENCES deviation_periods(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  contract_id bigint,
  contract_no text,
  basis text NOT NULL CHECK (basis IN ('m3', 'GJ')),
  theta numeric(6, 4) NOT NULL,
  k numeric(6, 4) NOT NULL,
  contract_price numeric(14, 4) NOT NULL,
  contracted numeric(20, 6) NOT NULL,
  actual numeric(20, 6) NOT NULL,
  exempt numeric(20, 6) NOT NULL DEFAULT 0,
  shortfall numeric(20, 6) NOT NULL,
  fee_fen bigint NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed', 'confirmed', 'signed', 'posted')),
  review_held_on date,
  review_participants text,
  review_decision text,
  confirmed_at timestamptz,
  signed_file_name text,
  signed_file_mime text,
  signed_file bytea,
  signed_at timestamptz,
  ledger_tx_id bigint,
  posted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (period_id, customer_id)
);
CREATE INDEX deviation_cases_customer ON deviation_cases (customer_id);

CREATE TABLE deviation_claims (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES deviation_cases(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  cause text NOT NULL CHECK (cause IN ('force_majeure', 'supplier_curtailment', 'earthquake', 'maintenance', 'other')),
  claimed numeric(20, 6) NOT NULL CHECK (claimed > 0),
  description text,
  received_on date NOT NULL,
  evidence_name text,
  evidence_mime text,
  evidence bytea,
  approved numeric(20, 6) CHECK (approved >= 0 AND approved <= claimed),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deviation_claims_case ON deviation_claims (case_id);
