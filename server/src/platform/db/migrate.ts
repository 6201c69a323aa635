/**
 * Forward-only migrations: server/migrations/NNNN_<module>_<what>.sql, applied in file-name order,
 * each in its own transaction, recorded in schema_migrations. Two servers starting together are
 * serialised by an advisory lock. Module ranges: 0001–0099 platform, 0100 customers,
 * 0200 metering, 0300 accounts (see docs/ARCHITECTURE.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^(\d{4}|\d{12})_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export async function migrate(database: Database, log: (m: string) => void = () => {}): Promise<string[]> {
  const { db } = database;
  await database.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  {
    const done = new Set((await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db)).rows.map((r) => r.name));
    for (const m of listMigrations()) {
      if (done.has(m.name)) continue;
      log(`migrating ${m.name}`);
      // The transaction-scoped advisory lock serialises servers starting together; the primary key
      // on schema_migrations makes a second application of the same file fail and roll back.
      const lock = database.kind === 'postgres' ? 'SELECT pg_advisory_xact_lock(74201);' : '';
      const script = `BEGIN;${lock}\n${m.sql}\n;INSERT INTO schema_migrations(name) VALUES ('${m.name}');\nCOMMIT;`;
      try {
        await database.execScript(script);
      } catch (e: any) {
        const now = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = ${m.name}`.execute(db);
        if (now.rows.length) continue; // applied meanwhile by another server
        throw new Error(`migration ${m.name} failed: ${e.message}`);
      }
      applied.push(m.name);
    }
  }
  return applied;
}

/** Pending migrations (for /api/ready). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db);
  const done = new Set(rows.rows.map((r) => r.name));
  return listMigrations()
    .map((m) => m.name)
    .filter((n) => !done.has(n));
}
