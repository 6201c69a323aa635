/**
 * Monthly partitions ahead (job accounts.partitions, issue 15 item 8): the job creates the key's
 * month and the next MONTHS_AHEAD months of ledger_postings and customer_day_charges, moves rows
 * that landed in the default partition into their month, creates nothing on a re-run, and runs
 * exactly once when two scheduler ticks (two processes' schedulers) decide at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { schedulerTick } from '../../platform/jobs/jobs';
import { makeBilledCustomer } from './testing/factory';
import { monthStart, partitionsJob, MONTHS_AHEAD } from './partitions.job';

let t: TestApp;
let admin: Client;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
});
afterAll(async () => t?.close());

async function partitionsOf(table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(${table}) ORDER BY 1`.execute(t.db);
  return r.rows.map((x) => x.name);
}

describe('monthly partitions ahead', () => {
  it('counts months in integers across year ends', () => {
    expect(monthStart('2030-11', 0)).toBe('2030-11-01');
    expect(monthStart('2030-11', 3)).toBe('2031-02-01');
    expect(monthStart('2030-12', 1)).toBe('2031-01-01');
    expect(monthStart('2031-01', 23)).toBe('2032-12-01');
  });

  it('creates the month and the next months of both tables, moves default-partition rows, and creates nothing on a re-run', async () => {
    const c = await makeBilledCustomer(t.db);
    // a day charge of a month without a partition yet: it lands in the default partition
    await sql`INSERT INTO customer_day_charges (customer_id, gas_day, volume_m3, charge_fen) VALUES (${c.id}, '2030-12-15', 100, 25000)`.execute(t.db);
    const inDefault = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM customer_day_charges_default WHERE gas_day = '2030-12-15'`.execute(t.db)).rows[0].n);
    expect(await inDefault()).toBe(1);
    for (const table of ['ledger_postings', 'customer_day_charges']) expect(await partitionsOf(table)).not.toContain(`${table}_203011`);

    const r = await admin.post('/api/jobs/accounts.partitions/run', { key: '2030-11' });
    expect(r.body.status).toBe('succeeded');
    expect(r.body.result).toEqual({ from: '2030-11-01', through: '2031-02-01', created: { ledger_postings: MONTHS_AHEAD + 1, customer_day_charges: MONTHS_AHEAD + 1 } });
    for (const table of ['ledger_postings', 'customer_day_charges']) {
      const parts = await partitionsOf(table);
      for (const m of ['203011', '203012', '203101', '203102']) expect(parts).toContain(`${table}_${m}`);
      expect(parts).not.toContain(`${table}_203103`);
    }
    expect(await inDefault()).toBe(0);
    const moved = await sql<{ n: number }>`SELECT count(*)::int AS n FROM customer_day_charges_203012 WHERE customer_id = ${c.id}`.execute(t.db);
    expect(moved.rows[0].n).toBe(1);

    const again = await admin.post('/api/jobs/accounts.partitions/run', { key: '2030-11' });
    expect(again.body.result.created).toEqual({ ledger_postings: 0, customer_day_charges: 0 });
    const audited = await admin.get('/api/admin/audit?action=accounts.partitions&entity=month&entityId=2030-11');
    expect(audited.body.items).toHaveLength(1); // the run that created something
  });

  it('refuses a key that is not a month', async () => {
    const r = await admin.post('/api/jobs/accounts.partitions/run', { key: '2030-13' });
    expect(r.status).toBe(400);
  });

  it('runs once per month when two schedulers tick at the same moment', async () => {
    // 02:00 in Shanghai on 2031-04-03: after the job's time of day; the key is the month 2031-04
    const now = new Date('2031-04-02T18:00:00Z');
    expect(partitionsJob.defaultKey(now, t.built.ctx)).toBe('2031-04');
    const a = { ...t.built.ctx, jobs: [partitionsJob] };
    const b = { ...t.built.ctx, jobs: [partitionsJob] };
    await Promise.all([schedulerTick(a, quiet, now), schedulerTick(b, quiet, now)]);
    // the job's runs as the administrators' jobs page shows them (job_runs belongs to platform)
    const runsOf = async (key: string) => ((await admin.get('/api/jobs')).body as any[]).find((j) => j.name === 'accounts.partitions').lastRuns.filter((r: any) => r.runKey === key);
    expect((await runsOf('2031-04')).map((x: any) => x.status)).toEqual(['succeeded']);
    expect(await partitionsOf('ledger_postings')).toContain('ledger_postings_203107');
    // a later tick the same month does not run it again
    await schedulerTick(a, quiet, new Date('2031-04-20T18:00:00Z'));
    expect(await runsOf('2031-04')).toHaveLength(1);
  });
});
