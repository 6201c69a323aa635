-- Login throttle in the database (issue 10.3): one row per key ('user:<name>' or 'ip:<address>').
-- Each attempt is counted atomically before the password is checked (a success gives it back),
-- so parallel guesses are all counted. A key over its limit is locked until locked_until.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures int NOT NULL DEFAULT 0,
  window_start timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_throttle_locked_idx ON login_throttle(locked_until) WHERE locked_until IS NOT NULL;
