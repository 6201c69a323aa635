-- Interactions (客户对接/走访, DOMAIN.md §3): contacts at the customer, logged contacts and visits,
-- customer issues tracked to closure, and follow-up tasks. The growing tables are keyed by
-- customer_id first (docs/ARCHITECTURE.md) so they can be hash-partitioned or distributed later.

-- People at the customer. Exactly one primary contact per customer among the live (not deleted)
-- contacts; the partial unique index enforces "at most one", the service keeps "at least one".
CREATE TABLE customer_contacts (
  id bigserial NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  title text,
  mobile text CHECK (mobile IS NULL OR mobile ~ '^1[3-9][0-9]{9}$'),
  landline text CHECK (landline IS NULL OR landline ~ '^0[0-9]{2,3}-[0-9]{7,8}(-[0-9]{1,6})?$'),
  email text,
  role text NOT NULL CHECK (role IN ('legal_rep', 'finance', 'dispatch', 'safety', 'business', 'other')),
  is_primary boolean NOT NULL DEFAULT false,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (customer_id, id)
);
CREATE UNIQUE INDEX customer_contacts_id_idx ON customer_contacts(id);
CREATE UNIQUE INDEX customer_contacts_one_primary ON customer_contacts(customer_id) WHERE is_primary AND deleted_at IS NULL;

-- Logged contacts: phone calls, visits, meetings, online. `owner_id` is our responsible person
-- (the one the contact counts for in the statistics); participants are our users, the
-- customer's contacts and free text.
CREATE TABLE interactions (
  id bigserial NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers(id),
  kind text NOT NULL CHECK (kind IN ('phone', 'visit', 'meeting', 'online')),
  occurred_on date NOT NULL,
  topic text NOT NULL CHECK (topic IN ('price', 'payment', 'quality_metering', 'policy', 'supply', 'complaint', 'other')),
  summary text NOT NULL,
  owner_id bigint NOT NULL REFERENCES users(id),
  user_ids bigint[] NOT NULL DEFAULT '{}',
  contact_ids bigint[] NOT NULL DEFAULT '{}',
  other_participants text,
  next_step text,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, id)
);
CREATE UNIQUE INDEX interactions_id_idx ON interactions(id);
CREATE INDEX interactions_customer_date_idx ON interactions(customer_id, occurred_on DESC);
CREATE INDEX interactions_date_idx ON interactions(occurred_on);
CREATE INDEX interactions_owner_date_idx ON interactions(owner_id, occurred_on);

-- Customer issues (客户问题) tracked to closure: open → in_progress → resolved → closed.
CREATE TABLE customer_issues (
  id bigserial NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers(id),
  title text NOT NULL,
  description text,
  topic text NOT NULL CHECK (topic IN ('price', 'payment', 'quality_metering', 'policy', 'supply', 'complaint', 'other')),
  raised_at timestamptz NOT NULL,
  owner_id bigint NOT NULL REFERENCES users(id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  resolution text,
  contact_id bigint,
  interaction_id bigint,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, contact_id) REFERENCES customer_contacts(customer_id, id),
  FOREIGN KEY (customer_id, interaction_id) REFERENCES interactions(customer_id, id),
  CHECK (first_response_at IS NULL OR first_response_at >= raised_at),
  CHECK (resolved_at IS NULL OR resolved_at >= raised_at),
  CHECK (status NOT IN ('resolved', 'closed') OR (resolved_at IS NOT NULL AND resolution IS NOT NULL)),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL)
);
CREATE UNIQUE INDEX customer_issues_id_idx ON customer_issues(id);
CREATE INDEX customer_issues_owner_idx ON customer_issues(owner_id, status);
CREATE INDEX customer_issues_raised_idx ON customer_issues(raised_at);
CREATE INDEX customer_issues_open_idx ON customer_issues(due_on) WHERE status IN ('open', 'in_progress');

-- Follow-up tasks (待办) with a due date and an assignee; shown on the assignee's home page until done.
-- A task may come from an interaction's next step or an issue, or stand alone.
CREATE TABLE follow_up_tasks (
  id bigserial PRIMARY KEY,
  customer_id bigint REFERENCES customers(id),
  title text NOT NULL,
  notes text,
  due_on date NOT NULL,
  assignee_id bigint NOT NULL REFERENCES users(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_at timestamptz,
  done_by bigint REFERENCES users(id),
  interaction_id bigint,
  issue_id bigint,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (customer_id, interaction_id) REFERENCES interactions(customer_id, id),
  FOREIGN KEY (customer_id, issue_id) REFERENCES customer_issues(customer_id, id),
  CHECK (status <> 'done' OR done_at IS NOT NULL)
);
CREATE INDEX follow_up_tasks_assignee_idx ON follow_up_tasks(assignee_id, due_on) WHERE status = 'open';
CREATE INDEX follow_up_tasks_customer_idx ON follow_up_tasks(customer_id);
