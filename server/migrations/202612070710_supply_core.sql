-- Supply security (issue 14): capacities and edits of the supply network, priority classes and
-- households per customer, emergencies with checklists and logs, winter curtailment plans.
-- Node references: 'S<id>' a supply source, 'D<id>' a delivery point (both owned by customers).

CREATE TABLE supply_node_settings (
  node_ref text PRIMARY KEY CHECK (node_ref ~ '^[SD][0-9]+$'),
  capacity_m3 numeric(18,3) CHECK (capacity_m3 >= 0),
  link_capacity_m3 numeric(18,3) CHECK (link_capacity_m3 >= 0),
  upstream_ref text CHECK (upstream_ref ~ '^S[0-9]+$'),
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer
);

CREATE TABLE supply_node_history (
  id bigserial PRIMARY KEY,
  node_ref text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id integer,
  actor_name text,
  reason text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX supply_node_history_ref ON supply_node_history (node_ref, at DESC);

CREATE TABLE supply_customer_profiles (
  customer_id integer PRIMARY KEY,
  priority_class text CHECK (priority_class IN ('public', 'key', 'other', 'interruptible')),
  households integer CHECK (households >= 0),
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer
);

CREATE TABLE supply_emergencies (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('earthquake', 'pipeline_failure', 'source_failure', 'other')),
  occurred_at timestamptz NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  node_refs text[] NOT NULL DEFAULT '{}',
  region text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX supply_emergencies_occurred ON supply_emergencies (occurred_at DESC);

CREATE TABLE supply_emergency_customers (
  customer_id integer NOT NULL,
  emergency_id integer NOT NULL REFERENCES supply_emergencies (id),
  via_nodes text[] NOT NULL DEFAULT '{}',
  households integer,
  contacted boolean NOT NULL DEFAULT false,
  site_checked boolean NOT NULL DEFAULT false,
  supply_status text NOT NULL DEFAULT 'unknown' CHECK (supply_status IN ('unknown', 'normal', 'reduced', 'interrupted', 'restored')),
  demand_change_m3 numeric(18,3),
  notes text,
  updated_at timestamptz,
  updated_by integer,
  updated_by_name text,
  PRIMARY KEY (customer_id, emergency_id)
);
CREATE INDEX supply_emergency_customers_event ON supply_emergency_customers (emergency_id);

CREATE TABLE supply_emergency_log (
  id bigserial PRIMARY KEY,
  emergency_id integer NOT NULL REFERENCES supply_emergencies (id),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('declared', 'coordination', 'check', 'notice', 'closed')),
  customer_id integer,
  text text NOT NULL,
  actor_id integer,
  actor_name text
);
CREATE INDEX supply_emergency_log_event ON supply_emergency_log (emergency_id, at);

CREATE TABLE supply_plans (
  id serial PRIMARY KEY,
  name text NOT NULL,
  from_day date NOT NULL,
  to_day date NOT NULL CHECK (to_day >= from_day),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved')),
  availability jsonb NOT NULL DEFAULT '[]',
  inputs_hash text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  computed_by integer,
  approved_at timestamptz,
  approved_by integer,
  approved_by_name text,
  notice_id integer,
  noticed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer
);

CREATE TABLE supply_plan_lines (
  customer_id integer NOT NULL,
  plan_id integer NOT NULL REFERENCES supply_plans (id) ON DELETE CASCADE,
  gas_day date NOT NULL,
  class text NOT NULL,
  demand_m3 numeric(18,3) NOT NULL,
  demand_source text NOT NULL CHECK (demand_source IN ('nomination', 'contract', 'average', 'none')),
  residential_demand_m3 numeric(18,3) NOT NULL DEFAULT 0,
  computed_allowed_m3 numeric(18,3) NOT NULL,
  allowed_m3 numeric(18,3) NOT NULL CHECK (allowed_m3 >= 0),
  reason text NOT NULL,
  binding_node text,
  adjust_reason text,
  adjusted_by integer,
  adjusted_at timestamptz,
  PRIMARY KEY (customer_id, plan_id, gas_day)
);
CREATE INDEX supply_plan_lines_plan ON supply_plan_lines (plan_id, gas_day);
