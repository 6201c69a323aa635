-- New customer onboarding (新增市场/客户, DOMAIN.md §5): one case per prospect, the six sections of
-- the joint survey (each completed by its department), files (section attachments, milestone
-- photos), construction milestones and the case's history (submissions, returns, approvals).
CREATE TABLE onboarding_cases (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'contracted', 'commissioned')),
  project_name text NOT NULL,
  expected_daily_m3 numeric(16,3) CHECK (expected_daily_m3 IS NULL OR expected_daily_m3 >= 0),
  expected_annual_m3 numeric(18,3) CHECK (expected_annual_m3 IS NULL OR expected_annual_m3 >= 0),
  survey_date date,
  survey_place text,
  -- [{ department, names }] — who came to the joint site survey (现场办公)
  survey_participants jsonb NOT NULL DEFAULT '[]',
  combined_conclusion text CHECK (combined_conclusion IN ('agree', 'conditional', 'disagree')),
  combined_opinion text,
  combined_conditions text,
  combined_by bigint REFERENCES users(id),
  combined_at timestamptz,
  submitted_at timestamptz,
  submitted_by bigint REFERENCES users(id),
  decided_at timestamptz,
  decided_by bigint REFERENCES users(id),
  decision_note text,
  contract_no text,
  contract_signed_on date,
  contracted_annual_m3 numeric(18,3) CHECK (contracted_annual_m3 IS NULL OR contracted_annual_m3 >= 0),
  commissioned_on date,
  opened_by bigint REFERENCES users(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX onboarding_cases_one_per_customer ON onboarding_cases(customer_id);
CREATE INDEX onboarding_cases_status_idx ON onboarding_cases(status, opened_at);

CREATE TABLE onboarding_sections (
  case_id bigint NOT NULL REFERENCES onboarding_cases(id),
  section text NOT NULL CHECK (section IN ('basics', 'gas_use', 'qualification', 'capacity', 'connection', 'informatization')),
  customer_id bigint NOT NULL REFERENCES customers(id),
  department text NOT NULL,
  findings text,
  -- Structured facts of the section (e.g. gas use: equipment, volumes, residential share)
  data jsonb NOT NULL DEFAULT '{}',
  opinion text CHECK (opinion IN ('agree', 'conditional', 'disagree')),
  conditions text,
  reviewer_id bigint REFERENCES users(id),
  reviewer_name text,
  completed_at timestamptz,
  PRIMARY KEY (case_id, section),
  CHECK (opinion <> 'conditional' OR coalesce(conditions, '') <> '')
);
CREATE INDEX onboarding_sections_todo_idx ON onboarding_sections(department) WHERE completed_at IS NULL;

CREATE TABLE onboarding_milestones (
  case_id bigint NOT NULL REFERENCES onboarding_cases(id),
  kind text NOT NULL CHECK (kind IN ('takeover', 'metering', 'scada')),
  customer_id bigint NOT NULL REFERENCES customers(id),
  planned_on date,
  done_on date,
  note text,
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, kind)
);

-- Files are stored in the database (bytea) like the procedure attachments: small, transactional.
CREATE TABLE onboarding_files (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES onboarding_cases(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  section text,
  milestone text,
  filename text NOT NULL,
  mime text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by bigint REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((section IS NULL) <> (milestone IS NULL))
);
CREATE INDEX onboarding_files_case_idx ON onboarding_files(case_id);

CREATE TABLE onboarding_events (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES onboarding_cases(id),
  action text NOT NULL,
  note text,
  actor_id bigint REFERENCES users(id),
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX onboarding_events_case_idx ON onboarding_events(case_id, at);
