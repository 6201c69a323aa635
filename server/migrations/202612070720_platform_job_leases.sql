-- Jobs survive a crash (issue 10): a running job_runs row carries a lease renewed by a heartbeat.
-- A row whose lease has expired belongs to a process that died; it is marked 'interrupted' and
-- the run is retried. At most one run of a job and key is running at a time.
ALTER TABLE job_runs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE job_runs ADD COLUMN owner text;
ALTER TABLE job_runs DROP CONSTRAINT IF EXISTS job_runs_status_check;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted'));
-- Rows left 'running' by the previous version (which had no heartbeat) can only be dead runs.
UPDATE job_runs SET status = 'interrupted', finished_at = now(), error = 'interrupted: found running when leases were introduced' WHERE status = 'running';
CREATE UNIQUE INDEX job_runs_one_running ON job_runs(job, run_key) WHERE status = 'running';
