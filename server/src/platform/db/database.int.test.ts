import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, DatabaseLockedError, inTx } from './database';
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
