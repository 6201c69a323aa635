/**
 * Fault test (issue 10.6): `npm run cli -- backup` then `restore` into an empty database gives the
 * same ledger (fingerprint), on the embedded database and, when TEST_DATABASE_URL is set, on
 * PostgreSQL (pg_dump / pg_restore). A restore over existing data is refused.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { openDatabase, type Database } from '../../src/platform/db/database';
import { runJob } from '../../src/platform/jobs/jobs';
import { ledgerFingerprint } from '../../src/modules/accounts';
import { makeBilledCustomer as makeCustomer } from '../../src/modules/accounts/testing/factory';
import { setDelivery } from '../../src/modules/metering/testing/factory';
import { testConfig, testDatabaseUrl } from '../harness';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

function cli(env: Record<string, string>, ...args: string[]) {
  const base = { ...process.env, LOG_LEVEL: 'silent', DEMO: 'false' } as Record<string, string | undefined>;
  delete base.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], { env: { ...base, ...env }, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Some history: customers, deliveries, two daily runs (charges and levels). */
async function history(database: Database) {
  const built = await buildApp(testConfig(), { database, logger: false, demo: false });
  for (let i = 0; i < 6; i++) {
    const c = await makeCustomer(built.ctx.db, { price: `2.${4000 + i}` });
    for (const day of ['2026-04-01', '2026-04-02']) await setDelivery(built.ctx.db, c.id, c.points[0], day, `${500 + i * 11}.125`);
  }
  const job = built.ctx.jobs.find((j) => j.name === 'accounts.daily')!;
  for (const day of ['2026-04-01', '2026-04-02']) expect((await runJob(built.ctx, job, day, { userId: null, username: 'test' })).status).toBe('succeeded');
  const fp = await ledgerFingerprint(built.ctx.db);
  await built.close();
  return fp;
}

describe('backup and restore', () => {
  it('embedded database: restores into an empty data directory with the same ledger', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const db = await openDatabase({ dataDir: a });
    const expected = await history(db);
    await db.close();
    expect(expected.transactions).toBe(12);
    const file = path.join(tmp, 'embedded.backup');
    const backup = cli({ DATA_DIR: a }, 'backup', file);
    expect(backup.status, backup.out).toBe(0);
    const restore = cli({ DATA_DIR: b }, 'restore', file);
    expect(restore.status, restore.out).toBe(0);
    const again = cli({ DATA_DIR: b }, 'restore', file);
    expect(again.status).not.toBe(0);
    expect(again.out).toMatch(/not empty/);
    const restored = await openDatabase({ dataDir: b });
    expect(await ledgerFingerprint(restored.db)).toEqual(expected);
    await restored.close();
  });

  const url = testDatabaseUrl();
  it.runIf(!!url)('PostgreSQL: pg_dump, then pg_restore into a new empty database with the same ledger', async () => {
    const schema = `bk_${crypto.randomBytes(5).toString('hex')}`;
    const src = await openDatabase({ databaseUrl: url!, dataDir: '', pgSchema: schema, poolSize: 2 });
    cleanups.push(async () => {
      await src.execScript(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await src.close();
    });
    const expected = await history(src);
    const file = path.join(tmp, 'pg.backup');
    const backup = cli({ DATABASE_URL: url!, PG_SCHEMA: schema }, 'backup', file);
    expect(backup.status, backup.out).toBe(0);

    const dbName = `qike_restore_${crypto.randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: url!, dataDir: '', poolSize: 1 });
    await admin.execScript(`CREATE DATABASE ${dbName}`);
    cleanups.push(async () => {
      await admin.execScript(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.close();
    });
    const target = new URL(url!);
    target.pathname = `/${dbName}`;
    const restore = cli({ DATABASE_URL: target.toString(), PG_SCHEMA: schema }, 'restore', file);
    expect(restore.status, restore.out).toBe(0);
    const again = cli({ DATABASE_URL: target.toString(), PG_SCHEMA: schema }, 'restore', file);
    expect(again.status).not.toBe(0);
    expect(again.out).toMatch(/already holds Qike data/);
    const restored = await openDatabase({ databaseUrl: target.toString(), dataDir: '', pgSchema: schema, poolSize: 1 });
    expect(await ledgerFingerprint(restored.db)).toEqual(expected);
    await restored.close();
  });
});
