-- Durable queue of reactions between modules (platform/events): one row per queued reaction to a
-- published event, run after the publisher's transaction commits, retried with back-off.
CREATE TABLE reaction_queue (
  id bigserial PRIMARY KEY,
  event text NOT NULL,
  reaction text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX reaction_queue_due_idx ON reaction_queue (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX reaction_queue_failed_idx ON reaction_queue (id) WHERE status = 'failed';
