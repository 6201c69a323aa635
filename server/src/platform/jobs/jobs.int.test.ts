/**
 * Job runs under a lease (issue 10.1): one run per job and key at a time, dead runs found and
 * retried by the scheduler tick, repeated failures alert administrators and show on the jobs API,
 * and the tick keeps going after a failing job (the logger is called bound).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { runJob, schedulerTick, ALERT_AFTER, type JobDef } from './jobs';
import { AppError } from '../http/errors';

let t: TestApp;
let admin: Client;
const calls: string[] = [];
let failing = true;
let dailyKey = '2026-05-09';
let release: (() => void) | null = null;
// 23:00 in Shanghai: after both test jobs' daily time.
const NOW = new Date('2026-05-10T15:00:00Z');

const slow: JobDef = { name: 'test.slow', description: { zh: '慢任务', en: 'Slow job' }, defaultKey: () => '2026-05-09', run: () => new Promise<void>((res) => (release = res)) };
const flaky: JobDef = {
  name: 'test.flaky',
  description: { zh: '会失败的任务', en: 'Failing job' },
  dailyAt: '01:00',
  defaultKey: () => dailyKey,
  run: async (_ctx, key) => {
    calls.push(key);
    if (failing) throw new Error('upstream unavailable');
    return { ok: true };
  },
};
const logged: string[] = [];
const log = {
  info(this: unknown, _o: object, m: string) {
    if (this !== log) throw new Error('logger called unbound');
    logged.push(`info ${m}`);
  },
  warn(this: unknown, _o: object, m: string) {
    if (this !== log) throw new Error('logger called unbound');
    logged.push(`warn ${m}`);
  },
  error(this: unknown, _o: object, m: string) {
    if (this !== log) throw new Error('logger called unbound');
    logged.push(`error ${m}`);
  },
};

beforeAll(async () => {
  t = await startTestApp();
  t.built.ctx.jobs.push(slow, flaky);
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

describe('job runs', () => {
  it('runs one job and key at a time', async () => {
    const first = runJob(t.built.ctx, slow, 'k1', { userId: null, username: 'test' });
    await new Promise((r) => setTimeout(r, 100));
    await expect(runJob(t.built.ctx, slow, 'k1', { userId: null, username: 'test' })).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'JOB_RUNNING');
    const api = await admin.post('/api/jobs/test.slow/run', { key: 'k1' });
    expect(api.status).toBe(409);
    expect(api.body.code).toBe('JOB_RUNNING');
    release!();
    expect((await first).status).toBe('succeeded');
  });

  it('marks a run whose process died as interrupted and retries it on the next tick', async () => {
    failing = false;
    await sql`INSERT INTO job_runs (job, run_key, status, owner, heartbeat_at) VALUES ('test.flaky', '2026-05-01', 'running', 'dead-host:1:abc', now() - interval '10 minutes')`.execute(t.db);
    calls.length = 0;
    const outcomes = await schedulerTick(t.built.ctx, log, NOW);
    expect(calls).toContain('2026-05-01');
    const runs = await t.db.selectFrom('job_runs').select(['status', 'error']).where('job', '=', 'test.flaky').where('run_key', '=', '2026-05-01').orderBy('id').execute();
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'succeeded']);
    expect(runs[0].error).toMatch(/interrupted/);
    expect(outcomes.length).toBeGreaterThanOrEqual(1);
    expect(logged.some((l) => l.startsWith('warn job run interrupted'))).toBe(true);
  });

  it('keeps ticking after a failure, and alerts administrators after repeated failures', async () => {
    failing = true;
    const key = '2026-05-02';
    for (let i = 0; i < ALERT_AFTER; i++) expect((await runJob(t.built.ctx, flaky, key, { userId: null, username: 'test' })).status).toBe('failed');
    const notes = await admin.get('/api/notifications');
    expect(notes.body.items.some((n: any) => n.link === '/admin/jobs' && /test\.flaky/.test(n.title))).toBe(true);
    const jobs = await admin.get('/api/jobs');
    const card = jobs.body.find((j: any) => j.name === 'test.flaky');
    expect(card.failing).toEqual([expect.objectContaining({ runKey: key, failures: ALERT_AFTER, retrying: true })]);
    // A failing scheduled run is logged (bound logger) and the other jobs still run in the same tick.
    logged.length = 0;
    dailyKey = '2026-05-08'; // a key not run yet: the tick runs it, it fails
    await schedulerTick(t.built.ctx, log, NOW);
    expect(logged.some((l) => l === 'error scheduled job failed')).toBe(true);
    expect(logged.some((l) => l.startsWith('error scheduler tick failed'))).toBe(false);
  });
});
