/**
 * Fault test (issue 10.1): a process running the daily job is killed (SIGKILL) at random moments;
 * the next scheduler tick finds the dead run (its lease), marks it interrupted and retries it, and
 * the ledger ends identical to a clean run's. On the embedded database (PGlite, a data directory
 * on disk) and, when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../src/app';
import { openDatabase, type Database } from '../../src/platform/db/database';
import { runJob, schedulerTick } from '../../src/platform/jobs/jobs';
import { ledgerFingerprint } from '../../src/modules/accounts';
import { makeBilledCustomer as makeCustomer } from '../../src/modules/accounts/testing/factory';
import { setDelivery } from '../../src/modules/metering/testing/factory';
import { testConfig, testDatabaseUrl } from '../harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];
const CUSTOMERS = 40;
const KILLS = 3;
// 00:00 in Shanghai: before every job's daily time, so a tick only recovers and retries.
const TICK_AT = new Date('2026-03-05T16:00:00Z');
const quiet = { info() {}, warn() {}, error() {} };

interface Target {
  name: string;
  open(): Promise<Database>;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-crash-'));
  return { name: 'pglite', open: () => openDatabase({ dataDir: dir }), env: { DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function pgTarget(url: string): Target {
  const schema = `crash_${crypto.randomBytes(5).toString('hex')}`;
  return {
    name: 'postgres',
    open: () => openDatabase({ databaseUrl: url, dataDir: '', pgSchema: schema, poolSize: 4 }),
    env: { DATABASE_URL: url, PG_SCHEMA: schema },
    cleanup: async () => {
      const d = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
      await d.execScript(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await d.close();
    },
  };
}

async function app(database: Database): Promise<BuiltApp> {
  return buildApp(testConfig({ jobLeaseSeconds: 2 }), { database, logger: false, demo: false });
}

/** The same customers, prices and deliveries in any fresh database (ids start at 1 in each). */
async function seed(built: BuiltApp) {
  for (let i = 0; i < CUSTOMERS; i++) {
    const c = await makeCustomer(built.ctx.db, { price: `2.${String(3000 + i * 7).padStart(4, '0')}` });
    for (const [d, day] of DAYS.entries()) {
      await setDelivery(built.ctx.db, c.id, c.points[0], day, `${1000 + i * 13 + d * 101}.${String((i * 37) % 1000).padStart(3, '0')}`);
      await setDelivery(built.ctx.db, c.id, c.points[1], day, `${(i * 7) % 500}.25${d}`);
    }
  }
}

/** Run the child on the days and SIGKILL it `afterMs` after it is ready (or let it finish). */
function runChild(env: Record<string, string>, afterMs: number): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'job-child.ts'), ...DAYS], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent', JOB_LEASE_SECONDS: '2', DEMO: 'false', SCHEDULER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (b) => {
      const before = out;
      out += b;
      if (!before.includes('READY') && out.includes('READY')) setTimeout(() => ((killed = child.kill('SIGKILL')), undefined), afterMs);
    });
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL' && killed, out });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

const targets: Target[] = [pgliteTarget()];
const pgUrl = testDatabaseUrl();
if (pgUrl) targets.push(pgTarget(pgUrl));
const referenceTargets: Target[] = [];
afterAll(async () => {
  for (const t of [...targets, ...referenceTargets]) await t.cleanup().catch(() => {});
});

describe.each(targets)('a job killed mid-run ($name)', (target) => {
  it('is found on the next tick, retried, and leaves the ledger of a clean run', async () => {
    // The clean run: same data, same days, no crash (in this process).
    const ref = target.name === 'pglite' ? pgliteTarget() : pgTarget(pgUrl!);
    referenceTargets.push(ref);
    const refDb = await ref.open();
    const refApp = await app(refDb);
    await seed(refApp);
    const job = refApp.ctx.jobs.find((j) => j.name === 'accounts.daily')!;
    const t0 = Date.now();
    for (const d of DAYS) expect((await runJob(refApp.ctx, job, d, { userId: null, username: 'ref' })).status).toBe('succeeded');
    const jobMs = Date.now() - t0;
    const expected = await ledgerFingerprint(refApp.ctx.db);
    expect(expected.transactions).toBe(CUSTOMERS * DAYS.length);
    await refApp.close();
    await refDb.close();

    // The crashed runs.
    let db = await target.open();
    let built = await app(db);
    await seed(built);
    await built.close();
    await db.close();
    let interruptions = 0;
    for (let k = 0; k < KILLS; k++) {
      const afterMs = Math.floor(Math.random() * jobMs * 1.2);
      const r = await runChild(target.env, afterMs);
      db = await target.open();
      built = await app(db);
      // A run was in progress when the child died only if its row exists (a kill between printing
      // RUN and inserting the row leaves nothing to recover: the day is run at the end below).
      const inProgress = await built.ctx.db.selectFrom('job_runs').select('id').where('status', '=', 'running').execute();
      if (r.killed && /RUN (\S+)\n(?![\s\S]*DONE \1)/.test(r.out) && inProgress.length) {
        // Wait out the lease (PostgreSQL: another process could still be alive), then one tick.
        if (target.name === 'postgres') await new Promise((res) => setTimeout(res, 2200));
        const outcomes = await schedulerTick(built.ctx, quiet, TICK_AT);
        interruptions++;
        expect(outcomes.length, `retried after a kill at ${afterMs} ms (${r.out.trim().split('\n').pop()})`).toBeGreaterThan(0);
        expect(outcomes.every((o) => o.status === 'succeeded')).toBe(true);
      }
      const running = await built.ctx.db.selectFrom('job_runs').select('id').where('status', '=', 'running').execute();
      expect(running).toEqual([]);
      await built.close();
      await db.close();
    }
    // Days the killed children never reached are run now, as the operator (or the next day's
    // schedule) would; days that already succeeded are not run again.
    db = await target.open();
    built = await app(db);
    const runs = await built.ctx.db.selectFrom('job_runs').select(['run_key', 'status']).where('job', '=', 'accounts.daily').execute();
    for (const d of DAYS)
      if (!runs.some((r) => r.run_key === d && r.status === 'succeeded'))
        await runJob(
          built.ctx,
          built.ctx.jobs.find((j) => j.name === 'accounts.daily')!,
          d,
          { userId: null, username: 'finish' },
        );
    const interrupted = runs.filter((r) => r.status === 'interrupted');
    expect(interrupted.length).toBe(interruptions);
    for (const r of interrupted) expect(runs.some((s) => s.run_key === r.run_key && s.status === 'succeeded')).toBe(true);
    expect(await ledgerFingerprint(built.ctx.db)).toEqual(expected);
    console.log(
      `${target.name}: ${KILLS} kills within ${Math.round(jobMs * 1.2)} ms, ${interruptions} mid-run, all recovered; ledger ${expected.hash.slice(0, 12)} (${expected.transactions} transactions)`,
    );
    await built.close();
    await db.close();
  });
});
