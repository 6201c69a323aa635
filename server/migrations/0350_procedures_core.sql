-- Reduce/stop procedure (减停气程序, DOMAIN.md §6): one case per episode per customer, its steps
-- (预警通知 → 催款函 → 减气指令 → 停气指令 → 恢复供气) and their attachments.
-- Attachments are stored in the database (bytea), not on disk: uploads are small (≤ the upload
-- limit), they then commit or roll back with the step, work on the in-memory test database and
-- are included in every database backup.
CREATE TABLE procedure_cases (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'restore_proposed', 'closed', 'cancelled')),
  -- Kind of the last effective step (not rejected/cancelled); null before the first step.
  current_step text CHECK (current_step IN ('warning', 'notice', 'reduce', 'stop', 'restore')),
  opened_via text NOT NULL CHECK (opened_via IN ('manual', 'auto')),
  trigger_level text CHECK (trigger_level IN ('normal', 'warning', 'reduce', 'stop')),
  -- Latest payment level reported by the accounts module, and its gas day.
  level text CHECK (level IN ('normal', 'warning', 'reduce', 'stop')),
  level_gas_day date,
  note text,
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by bigint REFERENCES users(id),
  restore_proposed_at timestamptz,
  closed_at timestamptz,
  closed_by bigint REFERENCES users(id),
  close_reason text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- At most one open case per customer (open or awaiting restoration).
CREATE UNIQUE INDEX procedure_cases_one_open ON procedure_cases(customer_id) WHERE status IN ('open', 'restore_proposed');
CREATE INDEX procedure_cases_customer_idx ON procedure_cases(customer_id, opened_at DESC);
CREATE INDEX procedure_cases_status_idx ON procedure_cases(status, opened_at DESC);

CREATE TABLE procedure_steps (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES procedure_cases(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('warning', 'notice', 'reduce', 'stop', 'restore')),
  status text NOT NULL CHECK (status IN ('done', 'pending_approval', 'pending_execution', 'executed', 'rejected', 'cancelled')),
  actor_id bigint REFERENCES users(id),
  acted_at timestamptz NOT NULL DEFAULT now(),
  note text,
  -- Level at the time the step was recorded (context for reviewers).
  level_at text CHECK (level_at IN ('normal', 'warning', 'reduce', 'stop')),
  -- Forward skip allowed by a user with procedures:approve_stop (e.g. stop without a prior reduce).
  override_reason text,
  -- 催款函 (payment notice) and its receipt (回执)
  notice_no text,
  notice_sent_at timestamptz,
  receipt_delivered_at timestamptz,
  receipt_signed_at timestamptz,
  receipt_signer text,
  -- Instructions (reduce/stop/restore): the operation-area users they go to
  operator_ids bigint[] NOT NULL DEFAULT '{}',
  target_volume_m3 numeric(16,3) CHECK (target_volume_m3 IS NULL OR target_volume_m3 >= 0),
  -- 保民用 approval of a stop instruction
  approved_by bigint REFERENCES users(id),
  approved_at timestamptz,
  approval_note text,
  rejected_by bigint REFERENCES users(id),
  rejected_at timestamptz,
  reject_reason text,
  cancelled_at timestamptz,
  cancel_reason text,
  -- Execution confirmed by the operation area
  executed_at timestamptz,
  executor_name text,
  confirmed_by bigint REFERENCES users(id),
  confirmed_at timestamptz,
  actual_volume_m3 numeric(16,3) CHECK (actual_volume_m3 IS NULL OR actual_volume_m3 >= 0),
  valve_closed boolean,
  execution_note text,
  UNIQUE (case_id, seq)
);
CREATE INDEX procedure_steps_case_idx ON procedure_steps(case_id, seq);
CREATE INDEX procedure_steps_pending_idx ON procedure_steps(status) WHERE status IN ('pending_approval', 'pending_execution');

CREATE TABLE procedure_attachments (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES procedure_cases(id),
  step_id bigint NOT NULL REFERENCES procedure_steps(id),
  customer_id bigint NOT NULL REFERENCES customers(id),
  purpose text NOT NULL CHECK (purpose IN ('attachment', 'receipt')),
  filename text NOT NULL,
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by bigint REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedure_attachments_step_idx ON procedure_attachments(step_id);
