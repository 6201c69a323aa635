/**
 * Jobs: named, idempotent units of work keyed by a run key (a day 'YYYY-MM-DD' or a month
 * 'YYYY-MM'). Each run is recorded in job_runs. Jobs run from the scheduler (once per key after
 * their time of day), by hand (POST /api/jobs/:name/run) or from the CLI (`npm run cli -- job`).
 * Re-running a key must be safe: the job itself is written to be idempotent.
 */
import type { AppContext } from '../module';
import type { Actor } from '../audit/audit';

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

export async function runJob(ctx: AppContext, job: JobDef, key: string, actor: Actor): Promise<{ id: number; status: string; result: unknown; error: string | null }> {
  const row = await ctx.db
    .insertInto('job_runs')
    .values({ job: job.name, run_key: key, status: 'running', triggered_by: actor.username })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    const result = await job.run(ctx, key, actor);
    await ctx.db
      .updateTable('job_runs')
      .set({ status: 'succeeded', finished_at: new Date(), result: JSON.stringify(result ?? null) as any })
      .where('id', '=', row.id)
      .execute();
    return { id: row.id, status: 'succeeded', result, error: null };
  } catch (e: any) {
    const error = String(e?.message ?? e).slice(0, 2000);
    await ctx.db.updateTable('job_runs').set({ status: 'failed', finished_at: new Date(), error }).where('id', '=', row.id).execute();
    return { id: row.id, status: 'failed', result: null, error };
  }
}

/** The most recent job runs, newest first. */
export async function recentJobRuns(ctx: AppContext, limit: number) {
  return ctx.db.selectFrom('job_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** Local date/time parts in a time zone, without binary date arithmetic surprises. */
export function localParts(d: Date, timeZone: string): { date: string; hhmm: string } {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hhmm: `${p.hour === '24' ? '00' : p.hour}:${p.minute}` };
}

/** Minute scheduler: runs each daily job once per key after its time; failures are retried next hour. */
export function startScheduler(ctx: AppContext, log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void }): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = new Date();
      const { hhmm } = localParts(now, ctx.config.timeZone);
      for (const job of ctx.jobs) {
        if (!job.dailyAt || hhmm < job.dailyAt) continue;
        const key = job.defaultKey(now, ctx);
        const last = await ctx.db
          .selectFrom('job_runs')
          .select(['status', 'started_at'])
          .where('job', '=', job.name)
          .where('run_key', '=', key)
          .orderBy('started_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (last && (last.status !== 'failed' || now.getTime() - last.started_at.getTime() < 3600_000)) continue;
        const r = await runJob(ctx, job, key, { userId: null, username: 'scheduler' });
        (r.status === 'failed' ? log.error : log.info)({ job: job.name, key, status: r.status, error: r.error }, 'scheduled job finished');
      }
    } catch (e) {
      log.error({ err: e }, 'scheduler tick failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
