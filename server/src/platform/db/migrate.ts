/**
 * Forward-only migrations in server/migrations, applied in file-name order, each in its own
 * transaction, recorded in schema_migrations with the sha256 of the file.
 *
 * One global order: the legacy files `NNNN_<module>_<what>.sql` keep their names (production
 * databases have applied them); every new file is `YYYYMMDDHHMM_<module>_<what>.sql` (12-digit UTC
 * time of writing), so name order is the order on a fresh database and on an upgraded one. The
 * migrator enforces it: a pending file that sorts before the newest applied one is refused, and an
 * applied file whose content changed stops the server. Two servers starting together are
 * serialised by an advisory lock.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Legacy four-digit names (frozen) or the 12-digit UTC timestamp convention. */
export const MIGRATION_NAME = /^(\d{4}|\d{12})_[\w-]+\.sql$/;

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 (hex) of the file with line endings normalised to LF (a CRLF checkout is not an edit). */
  checksum: string;
}

export class MigrationError extends Error {}

export function migrationChecksum(text: string): string {
  return crypto.createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** The migration files of `dir` in apply order. A `.sql` file with a malformed name is an error, never silently skipped. */
export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const bad = files.filter((f) => !MIGRATION_NAME.test(f));
  if (bad.length) {
    throw new MigrationError(`migration file name(s) not understood: ${bad.join(', ')} — name new migrations YYYYMMDDHHMM_<module>_<what>.sql (UTC time of writing)`);
  }
  return files.sort(compareNames).map((name) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    return { name, sql: text, checksum: migrationChecksum(text) };
  });
}

/** Code-unit order (not the database collation): the order the files are applied in. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface AppliedRow {
  name: string;
  checksum: string | null;
}

/** The migrator's own bootstrap: the table, the checksum column added by upgrade, back-filled from the files on disk. */
async function bootstrap(database: Database, files: MigrationFile[]): Promise<AppliedRow[]> {
  await database.execScript(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
     ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text;`,
  );
  const rows = (await sql<AppliedRow>`SELECT name, checksum FROM schema_migrations`.execute(database.db)).rows;
  // First start after the upgrade that introduced checksums: the files on disk are the applied ones.
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const r of rows) {
    const file = byName.get(r.name);
    if (r.checksum === null && file) {
      await sql`UPDATE schema_migrations SET checksum = ${file.checksum} WHERE name = ${r.name} AND checksum IS NULL`.execute(database.db);
      r.checksum = file.checksum;
    }
  }
  return rows;
}

/** Throws, naming the file, when an applied migration was edited; or a pending one sorts before the newest applied one. */
export function checkMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const r of [...applied].sort((a, b) => compareNames(a.name, b.name))) {
    const file = byName.get(r.name);
    if (file && r.checksum !== null && r.checksum !== file.checksum) {
      throw new MigrationError(
        `migration ${r.name} was edited after it was applied to this database (recorded sha256 ${r.checksum.slice(0, 12)}…, file now ${file.checksum.slice(0, 12)}…). ` +
          `Applied migrations are immutable: restore the file and put the change in a new migration.`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.name));
  const pending = files.filter((f) => !done.has(f.name));
  const newest = applied
    .map((r) => r.name)
    .sort(compareNames)
    .at(-1);
  if (newest !== undefined) {
    const early = pending.find((f) => compareNames(f.name, newest) < 0);
    if (early) {
      throw new MigrationError(
        `migration ${early.name} is not applied yet but sorts before ${newest}, which is: on a fresh database it would run in a different order. ` +
          `Rename it to sort after ${newest} (YYYYMMDDHHMM_<module>_<what>.sql with the current UTC time).`,
      );
    }
  }
  return pending;
}

export interface MigrateOptions {
  /** Directory of the migration files (tests materialise older versions elsewhere). */
  dir?: string;
  log?: (m: string) => void;
}

export async function migrate(database: Database, logOrOpts: ((m: string) => void) | MigrateOptions = {}): Promise<string[]> {
  const opts: MigrateOptions = typeof logOrOpts === 'function' ? { log: logOrOpts } : logOrOpts;
  const log = opts.log ?? (() => {});
  const files = listMigrations(opts.dir);
  const pending = checkMigrations(files, await bootstrap(database, files));
  const applied: string[] = [];
  for (const m of pending) {
    log(`migrating ${m.name}`);
    // The transaction-scoped advisory lock serialises servers starting together; the primary key
    // on schema_migrations makes a second application of the same file fail and roll back.
    const lock = database.kind === 'postgres' ? 'SELECT pg_advisory_xact_lock(74201);' : '';
    const script = `BEGIN;${lock}\n${m.sql}\n;INSERT INTO schema_migrations(name, checksum) VALUES ('${m.name}', '${m.checksum}');\nCOMMIT;`;
    try {
      await database.execScript(script);
    } catch (e: any) {
      const now = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = ${m.name}`.execute(database.db);
      if (now.rows.length) continue; // applied meanwhile by another server
      throw new MigrationError(`migration ${m.name} failed: ${e.message}`);
    }
    applied.push(m.name);
  }
  return applied;
}

/** Pending migrations (for /api/ready). */
export async function pendingMigrations(database: Database, dir?: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db);
  const done = new Set(rows.rows.map((r) => r.name));
  return listMigrations(dir)
    .map((m) => m.name)
    .filter((n) => !done.has(n));
}
