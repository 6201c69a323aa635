/**
 * Jobs: named, idempotent units of work keyed by a run key (a day 'YYYY-MM-DD' or a month
 * 'YYYY-MM'). Each run is recorded in job_runs. Jobs run from the scheduler (once per key after
 * their time of day), by hand (POST /api/jobs/:name/run) or from the CLI (`npm run cli -- job`).
 * Re-running a key must be safe: the job itself is written to be idempotent. Runs hold a lease
 * (heartbeat) so a run whose process died is found and retried (see runJob, schedulerTick).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { AppContext } from '../module';
import type { Actor } from '../audit/audit';
import { AppError } from '../http/errors';
import { notify } from '../notify';
import { drainReactions } from '../events/events';
import { localParts } from '../time';

export { localParts };

export interface JobDef {
  name: string;
  description: { zh: string; en: string };
  /** Local time of day (Asia/Shanghai) after which the scheduler runs it for its default key. */
  dailyAt?: string; // 'HH:MM'
  /** The key the scheduler uses at a given moment (e.g. yesterday's gas day). */
  defaultKey: (now: Date, ctx: AppContext) => string;
  validateKey?: (key: string) => boolean;
  run: (ctx: AppContext, key: string, actor: Actor) => Promise<unknown>;
}

/** This process's name on the runs it leases (host, pid and a random part: pids are reused). */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
/** After this many failed or interrupted runs of a job and key in a row, administrators are alerted. */
export const ALERT_AFTER = 3;
/** An interrupted run is retried automatically until this many interruptions/failures in a row. */
export const MAX_AUTO_RETRIES = 5;

/** The scheduler of another process claimed this job and key first (runJob with ifNewestRunIs). */
export class JobTakenError extends Error {
  constructor(job: string, key: string) {
    super(`${job} ${key} was started by another process`);
  }
}

/** Runs this process is executing now. */
const activeRuns = new Set<number>();
const leaseMs = (ctx: AppContext) => (ctx.config.jobLeaseSeconds ?? 60) * 1000;

export interface RunOutcome {
  id: number;
  status: string;
  result: unknown;
  error: string | null;
}

/**
 * Run a job for a key, recorded in job_runs under a lease: the row is 'running' with a heartbeat
 * renewed every quarter lease. Only one run of a job and key can be running (unique index); a
 * second caller gets JOB_RUNNING. A process killed mid-run leaves a row whose heartbeat stops;
 * `recoverStaleRuns` marks it 'interrupted' and the scheduler retries it (jobs are idempotent).
 */
export async function runJob(ctx: AppContext, job: JobDef, key: string, actor: Actor, opts: { ifNewestRunIs?: number } = {}): Promise<RunOutcome> {
  await recoverStaleRuns(ctx);
  let row: { id: number } | undefined;
  try {
    const values = { job: job.name, run_key: key, status: 'running', triggered_by: actor.username, owner: INSTANCE_ID };
    if (opts.ifNewestRunIs === undefined) row = await ctx.db.insertInto('job_runs').values(values).returning('id').executeTakeFirstOrThrow();
    else {
      // The scheduler's claim (several server processes, issue 15.7): start the run only if the
      // newest run of this job and key is still the one the decision was made on (0: none). One
      // statement: a process that decided on the same state either sees the other's row here or
      // meets it in the unique index of running runs — so a scheduled run happens exactly once.
      const r = await sql<{ id: number }>`
        INSERT INTO job_runs (job, run_key, status, triggered_by, owner)
        SELECT ${values.job}, ${values.run_key}, 'running', ${values.triggered_by}, ${values.owner}
         WHERE coalesce((SELECT max(id) FROM job_runs WHERE job = ${job.name} AND run_key = ${key}), 0) = ${opts.ifNewestRunIs}
        RETURNING id`.execute(ctx.db);
      row = r.rows[0];
      if (!row) throw new JobTakenError(job.name, key);
    }
  } catch (e: any) {
    if (e?.code === '23505') {
      if (opts.ifNewestRunIs !== undefined) throw new JobTakenError(job.name, key);
      throw new AppError('JOB_RUNNING', { job: job.name, key });
    }
    throw e;
  }
  activeRuns.add(row.id);
  const beat = setInterval(
    () => {
      ctx.db
        .updateTable('job_runs')
        .set({ heartbeat_at: sql<Date>`now()` })
        .where('id', '=', row.id)
        .where('status', '=', 'running')
        .execute()
        .catch(() => {}); // a missed beat only shortens the lease; the next one renews it
    },
    Math.max(250, leaseMs(ctx) / 4),
  );
  beat.unref();
  try {
    const result = await job.run(ctx, key, actor);
    clearInterval(beat);
    await ctx.db
      .updateTable('job_runs')
      .set({ status: 'succeeded', finished_at: new Date(), result: JSON.stringify(result ?? null) as any })
      .where('id', '=', row.id)
      .execute();
    return { id: row.id, status: 'succeeded', result, error: null };
  } catch (e: any) {
    clearInterval(beat);
    const error = String(e?.message ?? e).slice(0, 2000);
    await ctx.db.updateTable('job_runs').set({ status: 'failed', finished_at: new Date(), error }).where('id', '=', row.id).execute();
    await alertIfRepeated(ctx, job.name, key);
    return { id: row.id, status: 'failed', result: null, error };
  } finally {
    clearInterval(beat);
    activeRuns.delete(row.id);
  }
}

/** The most recent job runs, newest first. */
export async function recentJobRuns(ctx: AppContext, limit: number) {
  return ctx.db.selectFrom('job_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Mark runs whose lease expired as 'interrupted' (their process died). On the embedded database
 * only one process can open the data directory, so any run not owned by this process is dead at
 * once. Returns the interrupted runs.
 */
export async function recoverStaleRuns(ctx: AppContext): Promise<{ id: number; job: string; run_key: string }[]> {
  let q = ctx.db
    .updateTable('job_runs')
    .set({ status: 'interrupted', finished_at: new Date(), error: `interrupted: the process running it stopped (no heartbeat within ${leaseMs(ctx) / 1000} s)` })
    .where('status', '=', 'running');
  if (ctx.database.kind === 'pglite') q = q.where((eb) => eb.or([eb('owner', 'is', null), eb('owner', '!=', INSTANCE_ID)]));
  else q = q.where('heartbeat_at', '<', sql<Date>`now() - ${`${leaseMs(ctx)} milliseconds`}::interval`);
  if (activeRuns.size) q = q.where('id', 'not in', [...activeRuns]); // ours, alive (a late beat is not a death)
  const rows = await q.returning(['id', 'job', 'run_key']).execute();
  for (const r of rows) await alertIfRepeated(ctx, r.job, r.run_key);
  return rows;
}

/** Failed or interrupted runs of a job and key since its last success (newest first). */
export async function consecutiveFailures(db: AppContext['db'], job: string, key: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM job_runs
     WHERE job = ${job} AND run_key = ${key} AND status IN ('failed', 'interrupted')
       AND id > coalesce((SELECT max(id) FROM job_runs WHERE job = ${job} AND run_key = ${key} AND status = 'succeeded'), 0)`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

async function alertIfRepeated(ctx: AppContext, job: string, key: string) {
  const n = await consecutiveFailures(ctx.db, job, key);
  if (n < ALERT_AFTER) return;
  const last = await ctx.db.selectFrom('job_runs').select(['error']).where('job', '=', job).where('run_key', '=', key).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const admins = await sql<{ id: number }>`SELECT id FROM users WHERE 'admin' = ANY(roles) AND NOT disabled`.execute(ctx.db);
  await notify(
    ctx.db,
    admins.rows.map((r) => r.id),
    {
      kind: 'job_failed',
      title: { zh: `后台任务连续失败：${job}（${key}）`, en: `Job keeps failing: ${job} (${key})` },
      body: { zh: `已连续失败或中断 ${n} 次：${last?.error ?? ''}`, en: `Failed or interrupted ${n} times in a row: ${last?.error ?? ''}` },
      link: '/admin/jobs',
      dedupeKey: `job_failed:${job}:${key}:${n >= MAX_AUTO_RETRIES ? 'gave_up' : 'repeated'}`,
    },
  );
}

export interface SchedulerLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

/**
 * One scheduler tick: recover dead runs, retry interrupted ones (any key, up to MAX_AUTO_RETRIES
 * in a row), run each daily job once per key after its time (a failed run is retried after an
 * hour, up to MAX_AUTO_RETRIES failures in a row), then drain the durable reaction queue. Each step is guarded, so one failure never stops
 * the others.
 */
export async function schedulerTick(ctx: AppContext, log: SchedulerLog, now = new Date()): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  const runLogged = async (job: JobDef, key: string, why: string, newestRunId: number) => {
    try {
      const r = await runJob(ctx, job, key, { userId: null, username: 'scheduler' }, { ifNewestRunIs: newestRunId });
      outcomes.push(r);
      if (r.status === 'failed') log.error({ job: job.name, key, why, error: r.error }, 'scheduled job failed');
      else log.info({ job: job.name, key, why, status: r.status }, 'scheduled job finished');
    } catch (e) {
      if (e instanceof JobTakenError) log.info({ job: job.name, key, why }, 'scheduled job taken by another process');
      else log.warn({ job: job.name, key, why, err: e }, 'scheduled job not started');
    }
  };
  try {
    const stale = await recoverStaleRuns(ctx);
    for (const r of stale) log.warn({ job: r.job, key: r.run_key, id: r.id }, 'job run interrupted (its process stopped); it will be retried');
    // Retry interrupted runs: the newest run of the job and key was interrupted.
    const interrupted = await sql<{ id: number; job: string; run_key: string }>`
      SELECT id, job, run_key FROM (
        SELECT DISTINCT ON (job, run_key) id, job, run_key, status FROM job_runs ORDER BY job, run_key, id DESC) last
       WHERE status = 'interrupted'`.execute(ctx.db);
    for (const r of interrupted.rows) {
      const job = ctx.jobs.find((j) => j.name === r.job);
      if (!job) continue;
      if ((await consecutiveFailures(ctx.db, r.job, r.run_key)) >= MAX_AUTO_RETRIES) continue;
      await runLogged(job, r.run_key, 'retry after interruption', r.id);
    }
    const { hhmm } = localParts(now, ctx.config.timeZone);
    for (const job of ctx.jobs) {
      if (!job.dailyAt || hhmm < job.dailyAt) continue;
      const key = job.defaultKey(now, ctx);
      const last = await ctx.db.selectFrom('job_runs').select(['id', 'status', 'started_at']).where('job', '=', job.name).where('run_key', '=', key).orderBy('id', 'desc').limit(1).executeTakeFirst();
      if (last && (last.status === 'succeeded' || last.status === 'running' || last.status === 'interrupted')) continue;
      if (last?.status === 'failed' && now.getTime() - last.started_at.getTime() < 3600_000) continue;
      if (last?.status === 'failed' && (await consecutiveFailures(ctx.db, job.name, key)) >= MAX_AUTO_RETRIES) continue; // gave up: alerted, shown on the jobs page
      await runLogged(job, key, last ? 'retry after failure' : 'daily', last?.id ?? 0);
    }
  } catch (e) {
    log.error({ err: e }, 'scheduler tick failed');
  }
  try {
    await drainReactions(ctx);
  } catch (e) {
    log.error({ err: e }, 'draining the reaction queue failed');
  }
  return outcomes;
}

/** Minute scheduler: a tick at start (recovers runs a crash left behind) and then every minute. */
export function startScheduler(ctx: AppContext, log: SchedulerLog, everyMs = 60_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await schedulerTick(ctx, log);
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Job keys whose newest runs failed or were interrupted ALERT_AFTER times or more in a row (jobs page). */
export async function failingJobKeys(ctx: AppContext) {
  return sql<{ job: string; run_key: string; failures: number; last_error: string | null }>`
    SELECT r.job, r.run_key, count(*)::int AS failures, (array_agg(r.error ORDER BY r.id DESC))[1] AS last_error
      FROM job_runs r
     WHERE r.status IN ('failed', 'interrupted')
       AND r.id > coalesce((SELECT max(s.id) FROM job_runs s WHERE s.job = r.job AND s.run_key = r.run_key AND s.status = 'succeeded'), 0)
     GROUP BY r.job, r.run_key HAVING count(*) >= ${ALERT_AFTER}
     ORDER BY r.job, r.run_key DESC`.execute(ctx.db);
}
