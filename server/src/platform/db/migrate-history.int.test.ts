/**
 * One global migration order (issue 8): the schema built on a fresh database equals the schema of
 * a database that was built from the migrations of the previous commit that changed
 * server/migrations and then upgraded with today's files. Runs on PGlite, and on PostgreSQL with
 * TEST_DATABASE_URL. Skips (with the reason) when git history is not available.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate';
import { dumpSchema } from './schema-dump';
import { openTestDatabase } from '../../../test/harness';

const REL = 'server/migrations';
const repoRoot = path.resolve(MIGRATIONS_DIR, '../..');

function git(args: string[], raw = false): string | null {
  try {
    const out = execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    return raw ? out : out.trim();
  } catch {
    return null;
  }
}

/**
 * The newest commit on this branch's first-parent line (the commits main has actually been at,
 * not the inside of merged branches) whose server/migrations differs from the working tree's,
 * materialised into a temp dir.
 */
function previousMigrations(): { commit: string; dir: string } | { skip: string } {
  if (git(['rev-parse', '--is-inside-work-tree']) !== 'true') return { skip: 'not a git checkout: no migration history to upgrade from' };
  const shallow = git(['rev-parse', '--is-shallow-repository']) === 'true';
  const commits = (git(['log', '--first-parent', '--format=%H', '--', REL]) ?? '').split('\n').filter(Boolean);
  const names = listMigrations().map((m) => m.name);
  const blobs = (git(['hash-object', ...names.map((n) => path.join(MIGRATIONS_DIR, n))]) ?? '').split('\n');
  const current = names.map((n, i) => `${n} ${blobs[i]}`).join('\n');
  for (const commit of commits) {
    const tree = git(['ls-tree', commit, '--', `${REL}/`]);
    if (tree === null) break; // object missing (shallow or partial clone)
    const files = tree
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [meta, file] = l.split('\t');
        return { name: path.basename(file), blob: meta.split(' ')[2] };
      })
      .filter((f) => f.name.endsWith('.sql'));
    if (
      files
        .map((f) => `${f.name} ${f.blob}`)
        .sort()
        .join('\n') === current
    )
      continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qike-migrations-${commit.slice(0, 8)}-`));
    for (const f of files) {
      const text = git(['cat-file', 'blob', f.blob], true);
      if (text === null) return { skip: `cannot read ${f.name} of commit ${commit.slice(0, 8)} (incomplete clone)` };
      fs.writeFileSync(path.join(dir, f.name), text);
    }
    return { commit, dir };
  }
  return { skip: shallow ? 'shallow clone: no earlier commit that changed server/migrations is available' : 'no earlier commit changed server/migrations' };
}

const base = previousMigrations();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  if ('dir' in base) fs.rmSync(base.dir, { recursive: true, force: true });
});

describe('migrations: one global order', () => {
  it.skipIf('skip' in base)(
    `fresh database and upgraded database end with the same schema${'skip' in base ? ` — skipped: ${base.skip}` : ''}`,
    async () => {
      if (!('dir' in base)) return;
      const fresh = await openTestDatabase({ empty: true });
      cleanups.push(fresh.drop);
      const upgraded = await openTestDatabase({ empty: true });
      cleanups.push(upgraded.drop);

      const all = listMigrations().map((m) => m.name);
      expect(await migrate(fresh.database)).toEqual(all);

      const before = await migrate(upgraded.database, { dir: base.dir });
      expect(before.length).toBeGreaterThan(0);
      const later = await migrate(upgraded.database);
      // The upgrade applies exactly the files the old commit did not have, in name order.
      expect(later).toEqual(all.filter((n) => !before.includes(n)));

      const [a, b] = [await dumpSchema(fresh.database), await dumpSchema(upgraded.database)];
      expect(a.columns.length).toBeGreaterThan(50); // the dump really sees the schema
      expect(a.indexes.length).toBeGreaterThan(10);
      expect(b).toEqual(a);

      const applied = async (d: typeof fresh.database) => (await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM schema_migrations ORDER BY name`.execute(d.db)).rows;
      expect(await applied(upgraded.database)).toEqual(await applied(fresh.database));
      // Two databases from initdb and every migration twice: minutes on a loaded 2-core machine.
    },
    240_000,
  );
});
