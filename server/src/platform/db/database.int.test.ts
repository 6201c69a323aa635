import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, DatabaseLockedError, inTx, keepPlan, xactLock } from './database';
import { openTestDatabase } from '../../../test/harness';
import type { Database } from './database';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

describe('driver value types are the same on PGlite and PostgreSQL', () => {
  it('BIGINT → number, NUMERIC → string, DATE → string, TIMESTAMPTZ → Date', async () => {
    const { rows } = await sql<any>`SELECT 9007199254740991::int8 AS big, 12345.6789::numeric(12,4) AS num, '2026-11-27'::date AS d, now() AS ts, count(*) AS n FROM (VALUES (1),(2)) v(x)`.execute(
      database.db,
    );
    expect(rows[0].big).toBe(9007199254740991);
    expect(rows[0].num).toBe('12345.6789');
    expect(rows[0].d).toBe('2026-11-27');
    expect(rows[0].ts).toBeInstanceOf(Date);
    expect(rows[0].n).toBe(2);
  });
  it('refuses a BIGINT beyond the exact integer range instead of losing digits', async () => {
    await expect(sql`SELECT 9007199254740993::int8 AS big`.execute(database.db)).rejects.toThrow(/exact integer range/);
  });
});

describe('transactions', () => {
  it('roll back every write when the function throws', async () => {
    await database.execScript('CREATE TABLE tx_probe (x int)');
    await expect(
      inTx(database.db as any, async (trx) => {
        await sql`INSERT INTO tx_probe VALUES (1)`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM tx_probe`.execute(database.db);
    expect(rows[0].n).toBe(0);
  });
});

describe('keepPlan: a hot statement prepared once per connection', () => {
  it('answers as the unmarked statement, with the values of each call', async () => {
    const q = (n: number, t: string | null) => sql<{ n: number; t: string | null; d: string }>`SELECT ${n}::bigint * 2 AS n, ${t}::text AS t, ${'2026-11-27'}::date AS d`;
    for (const [n, t] of [
      [1, 'a'],
      [2, null],
      [3, "it's"],
    ] as const) {
      const kept = await keepPlan(q(n, t)).execute(database.db);
      const plain = await q(n, t).execute(database.db);
      expect(kept.rows).toEqual(plain.rows);
      expect(kept.rows[0]).toEqual({ n: n * 2, t, d: '2026-11-27' });
    }
  });
  it.skipIf(!process.env.TEST_DATABASE_URL)('is a named prepared statement of the connection on PostgreSQL (prepared once, then executed)', async () => {
    await inTx(database.db, async (trx) => {
      for (let i = 0; i < 3; i++) await keepPlan(sql`SELECT ${i}::int AS i, 'keep-plan probe' AS what`).execute(trx);
      const { rows } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%keep-plan probe%'`.execute(trx);
      expect(rows).toHaveLength(1);
      expect(rows[0].name).toMatch(/^kp_[0-9a-f]{40}$/);
    });
  });
});

describe('embedded data directory', () => {
  it('cannot be opened by a second process while one holds it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-lock-'));
    // Simulate another live process holding the lock: our parent process's pid.
    fs.writeFileSync(path.join(dir, 'pglite.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/正在|使用/);
    // A stale lock (no such process) is taken over.
    fs.writeFileSync(path.join(dir, 'pglite.lock'), '999999');
    const db = await openDatabase({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(path.join(dir, 'pglite.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('advisory locks (xactLock) are per schema on PostgreSQL', () => {
  it('the same name waits inside one schema and does not wait across schemas', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const suffix = Math.random().toString(36).slice(2, 8);
    const [a, b] = [`lock_a_${suffix}`, `lock_b_${suffix}`];
    const admin = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
    await admin.execScript(`CREATE SCHEMA ${a}; CREATE SCHEMA ${b};`);
    const inA = await openDatabase({ databaseUrl: url, dataDir: '', pgSchema: a, poolSize: 2 });
    const inB = await openDatabase({ databaseUrl: url, dataDir: '', pgSchema: b, poolSize: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    try {
      const holder = inTx(inA.db, async (trx) => {
        await xactLock(trx, 'probe', 7);
        locked();
        await held;
      });
      await isLocked;
      // another schema: the same name and id are a different lock
      await inTx(inB.db, async (trx) => {
        await sql`SET LOCAL lock_timeout = '5s'`.execute(trx);
        await xactLock(trx, 'probe', 7);
      });
      // the same schema: it waits (and times out while the holder keeps it)
      await expect(
        inTx(inA.db, async (trx) => {
          await sql`SET LOCAL lock_timeout = '200ms'`.execute(trx);
          await xactLock(trx, 'probe', 7);
        }),
      ).rejects.toThrow(/lock timeout/);
      release();
      await holder;
    } finally {
      release();
      await inA.close();
      await inB.close();
      await admin.execScript(`DROP SCHEMA ${a} CASCADE; DROP SCHEMA ${b} CASCADE;`);
      await admin.close();
    }
  });
});
