/** The migrator's guards on a real database: checksums (back-filled on upgrade), edited files, order. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, migrationChecksum, pendingMigrations } from './migrate';
import { openTestDatabase } from '../../../test/harness';
import type { Database } from './database';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-mig-'));
  for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function fresh(): Promise<Database> {
  const { database, drop } = await openTestDatabase({ empty: true });
  cleanups.push(drop);
  return database;
}

const rows = async (d: Database) => (await sql<{ name: string; checksum: string | null }>`SELECT name, checksum FROM schema_migrations ORDER BY name`.execute(d.db)).rows;

const A = 'CREATE TABLE mig_a (id int PRIMARY KEY);\n';
const B = 'ALTER TABLE mig_a ADD COLUMN note text;\n';

describe('migrator', () => {
  it('applies in name order (legacy four-digit names before timestamps) and records each file’s sha256', async () => {
    const d = await fresh();
    const dir = dirWith({ '202612070801_demo_b.sql': B, '0001_demo_a.sql': A });
    expect(await migrate(d, { dir })).toEqual(['0001_demo_a.sql', '202612070801_demo_b.sql']);
    expect(await rows(d)).toEqual([
      { name: '0001_demo_a.sql', checksum: migrationChecksum(A) },
      { name: '202612070801_demo_b.sql', checksum: migrationChecksum(B) },
    ]);
    expect(migrationChecksum(A)).toMatch(/^[0-9a-f]{64}$/);
    expect(await migrate(d, { dir })).toEqual([]);
    expect(await pendingMigrations(d, dir)).toEqual([]);
  });

  it('back-fills checksums of rows applied before checksums existed, then guards them', async () => {
    const d = await fresh();
    // A database migrated by the previous migrator: no checksum column.
    await d.execScript(`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); ${A} INSERT INTO schema_migrations(name) VALUES ('0001_demo_a.sql');`);
    const dir = dirWith({ '0001_demo_a.sql': A, '202612070801_demo_b.sql': B });
    expect(await migrate(d, { dir })).toEqual(['202612070801_demo_b.sql']);
    expect((await rows(d)).map((r) => r.checksum)).toEqual([migrationChecksum(A), migrationChecksum(B)]);
    fs.writeFileSync(path.join(dir, '0001_demo_a.sql'), A + '-- edited\n');
    await expect(migrate(d, { dir })).rejects.toThrow(/migration 0001_demo_a\.sql was edited after it was applied/);
  });

  it('refuses to start when an applied migration was edited, naming the file; a CRLF checkout is not an edit', async () => {
    const d = await fresh();
    const dir = dirWith({ '0001_demo_a.sql': A, '202612070801_demo_b.sql': B });
    await migrate(d, { dir });
    fs.writeFileSync(path.join(dir, '202612070801_demo_b.sql'), B.replace(/\n/g, '\r\n'));
    expect(await migrate(d, { dir })).toEqual([]);
    fs.writeFileSync(path.join(dir, '202612070801_demo_b.sql'), 'ALTER TABLE mig_a ADD COLUMN note varchar(10);\n');
    await expect(migrate(d, { dir })).rejects.toThrow(/202612070801_demo_b\.sql was edited/);
  });

  it('refuses a pending migration that sorts before the newest applied one, naming both and nothing applied', async () => {
    const d = await fresh();
    const dir = dirWith({ '0001_demo_a.sql': A, '202612070801_demo_b.sql': B });
    await migrate(d, { dir });
    fs.writeFileSync(path.join(dir, '0002_demo_late.sql'), 'CREATE TABLE mig_late (id int);\n');
    fs.writeFileSync(path.join(dir, '202612070900_demo_ok.sql'), 'CREATE TABLE mig_ok (id int);\n');
    await expect(migrate(d, { dir })).rejects.toThrow(/0002_demo_late\.sql .*sorts before 202612070801_demo_b\.sql.*Rename it to sort after 202612070801_demo_b\.sql/);
    expect((await rows(d)).map((r) => r.name)).toEqual(['0001_demo_a.sql', '202612070801_demo_b.sql']);
    fs.renameSync(path.join(dir, '0002_demo_late.sql'), path.join(dir, '202612070901_demo_late.sql'));
    expect(await migrate(d, { dir })).toEqual(['202612070900_demo_ok.sql', '202612070901_demo_late.sql']);
  });

  it('refuses a .sql file whose name it does not understand instead of skipping it', async () => {
    const d = await fresh();
    const dir = dirWith({ '0001_demo_a.sql': A, '20261207_demo_b.sql': B });
    await expect(migrate(d, { dir })).rejects.toThrow(/20261207_demo_b\.sql/);
  });

  it('a failing migration rolls back and is not recorded', async () => {
    const d = await fresh();
    const dir = dirWith({ '0001_demo_a.sql': A, '202612070801_demo_bad.sql': 'CREATE TABLE mig_half (id int);\nSELECT no_such_column FROM mig_a;\n' });
    await expect(migrate(d, { dir })).rejects.toThrow(/migration 202612070801_demo_bad\.sql failed/);
    expect((await rows(d)).map((r) => r.name)).toEqual(['0001_demo_a.sql']);
    const half = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'mig_half'`.execute(d.db);
    expect(half.rows[0].n).toBe(0);
  });
});
