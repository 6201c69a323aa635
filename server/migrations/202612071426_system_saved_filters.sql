-- Saved filters per user on the big lists (issue 9 item 10): a name and the list's filter values
-- (a flat JSON object), scoped to a list key. Owned by the system module; a user sees only theirs.
CREATE TABLE saved_filters (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  list_key text NOT NULL CHECK (length(list_key) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  filters jsonb NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, list_key, name)
);
