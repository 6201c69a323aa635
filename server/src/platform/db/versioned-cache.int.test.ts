import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, inTx, type Database, type Db } from './database';
import { migrate } from './migrate';
import { openTestDatabase } from '../../../test/harness';
import { versionedCache } from './versioned-cache';

let database: Database;
let drop: () => Promise<void>;
/** A second "process": its own pool on the same schema (PostgreSQL); on PGlite the same connection under another Kysely instance. */
let other: Db;
let closeOther: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await migrate(database);
  if (database.connection) {
    const second = await openDatabase({ databaseUrl: database.connection.url, dataDir: '', pgSchema: database.connection.schema, poolSize: 2 });
    other = second.db;
    closeOther = () => second.close();
  } else other = database.db.withoutPlugins();
});
afterAll(async () => {
  await closeOther();
  await drop?.();
});

const readSetting = (db: Db) => sql<{ v: unknown }>`SELECT value AS v FROM settings WHERE key = 'cache_probe'`.execute(db).then((r) => r.rows[0]?.v ?? null);
const writeSetting = (db: Db, v: number) =>
  sql`INSERT INTO settings (key, value) VALUES ('cache_probe', ${JSON.stringify(v)}::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);

describe('versioned cache: one round trip decides, across processes', () => {
  it('serves the cached value until a change to its domain commits anywhere, then rebuilds at once', async () => {
    const cache = versionedCache<unknown>({ name: 'probe', domains: ['platform'] });
    let builds = 0;
    const read = async (db: Db) => {
      const r = await cache.read(db, 'k', async (db) => (builds++, readSetting(db)));
      return { value: r.value, hit: r.hit };
    };
    await writeSetting(database.db, 1);
    expect(await read(database.db)).toEqual({ value: 1, hit: false });
    expect(await read(database.db)).toEqual({ value: 1, hit: true });
    // a write by the other "process" is seen on the very next read
    await writeSetting(other, 2);
    expect(await read(database.db)).toEqual({ value: 2, hit: false });
    expect(await read(database.db)).toEqual({ value: 2, hit: true });
    // a rolled-back write changes nothing
    await expect(
      inTx(other, async (trx) => {
        await writeSetting(trx as unknown as Db, 3);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await read(database.db)).toEqual({ value: 2, hit: true });
    // a change of another domain leaves the entry alone
    await sql`INSERT INTO data_changes (domain, xid) VALUES ('elsewhere', pg_current_xact_id())`.execute(other);
    expect(await read(database.db)).toEqual({ value: 2, hit: true });
    // the other process's own cache (its own memory) builds once and then follows the same rule
    expect(await read(other)).toEqual({ value: 2, hit: false });
    await writeSetting(database.db, 4);
    expect(await read(other)).toEqual({ value: 4, hit: false });
    expect(await read(database.db)).toEqual({ value: 4, hit: false });
    expect(builds).toBe(5);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('never keeps a value built while a change was uncommitted (PostgreSQL: two connections)', async () => {
    const cache = versionedCache<unknown>({ name: 'probe-open', domains: ['platform'] });
    const read = (db: Db) => cache.read(db, 'k', readSetting);
    await writeSetting(database.db, 10);
    let release!: () => void;
    const open = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const writer = inTx(other, async (trx) => {
      await writeSetting(trx as unknown as Db, 11);
      written();
      await open;
    });
    await wrote;
    // the writer's change row exists but is uncommitted: the build sees 10 and the entry is kept ...
    expect((await read(database.db)).value).toBe(10);
    expect((await read(database.db)).hit).toBe(true);
    release();
    await writer;
    // ... and the commit makes the next read rebuild
    expect(await read(database.db)).toMatchObject({ value: 11, hit: false });
  });

  it('passes the per-request extra through both paths', async () => {
    const cache = versionedCache<number>({ name: 'probe-extra', domains: ['platform'] });
    const a = await cache.read(database.db, 'k', async () => 1, sql<number[]>`ARRAY[1, 2]::int[]`);
    const b = await cache.read(database.db, 'k', async () => 2, sql<number[]>`ARRAY[3]::int[]`);
    expect([a.value, a.extra, a.hit]).toEqual([1, [1, 2], false]);
    expect([b.value, b.extra, b.hit]).toEqual([1, [3], true]);
  });
});
