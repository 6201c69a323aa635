-- Sales contracts (购销合同, DOMAIN.md §4): per customer and contract year, monthly contracted
-- quantities per version (amendments effective from a month), θ/τ/k, status, signed file.
CREATE TABLE sales_contracts (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  contract_no text NOT NULL UNIQUE,
  year_label text NOT NULL,
  start_month date NOT NULL CHECK (extract(day FROM start_month) = 1),
  end_month date NOT NULL CHECK (extract(day FROM end_month) = 1),
  basis text NOT NULL CHECK (basis IN ('m3', 'GJ')),
  base_tag text NOT NULL,
  price_category text NOT NULL,
  -- a fixed contract price of the base tag (元 per basis unit); null: the price book's
  base_price numeric(14, 4) CHECK (base_price > 0),
  theta numeric(6, 4) NOT NULL DEFAULT 0.90 CHECK (theta >= 0 AND theta <= 1),
  tau numeric(6, 4) NOT NULL DEFAULT 0.10 CHECK (tau >= 0),
  k numeric(6, 4) NOT NULL DEFAULT 0.25 CHECK (k >= 0),
  prepayment_terms text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'terminated')),
  terminated_reason text,
  signed_file_name text,
  signed_file_mime text,
  signed_file bytea,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_month >= start_month)
);
CREATE INDEX sales_contracts_customer ON sales_contracts (customer_id, start_month);

CREATE TABLE contract_versions (
  contract_id bigint NOT NULL REFERENCES sales_contracts(id),
  version int NOT NULL,
  effective_month date NOT NULL,
  reason text,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contract_id, version)
);

CREATE TABLE contract_month_volumes (
  contract_id bigint NOT NULL,
  version int NOT NULL,
  month date NOT NULL,
  quantity numeric(18, 3) NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (contract_id, version, month),
  FOREIGN KEY (contract_id, version) REFERENCES contract_versions(contract_id, version)
);
