/**
 * Backups and restore for both databases (issue 10.6; docs/OPERATIONS.md):
 * - PostgreSQL: pg_dump in custom format (a consistent snapshot while the server runs) and
 *   pg_restore into an empty database in one transaction.
 * - Embedded (PGlite): a consistent gzipped tarball of the data directory (PGlite's
 *   dumpDataDir). The data directory is single-process: when a server holds it, the CLI asks that
 *   server to write the backup (a request file beside the data directory and SIGUSR2 to the pid
 *   in the lock file: only the same user or root can send it), which takes the copy from inside
 *   the running process (online backup). Administrators can also download one:
 *   GET /api/system/backup. Restore stays offline.
 * The kind of a backup file is recognised by its first bytes.
 */
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config';
import { openDatabase, type Database } from './database';

export type BackupKind = 'postgres' | 'pglite';

export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(5);
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new Error(`${file} is not a Qike backup (neither a pg_dump custom archive nor an embedded data-directory tarball)`);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    p.stderr.on('data', (b) => (err += b));
    p.on('error', (e) => reject(new Error(`${cmd}: ${e.message} (is the PostgreSQL client installed?)`)));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`))));
  });
}

/** Write a backup of the configured database to `file`; returns its kind and size. */
export async function backupDatabase(config: Config, file: string): Promise<{ kind: BackupKind; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...(config.pgSchema ? [`--schema=${config.pgSchema}`] : []), `--file=${tmp}`, `--dbname=${config.databaseUrl}`]);
  } else {
    const owner = runningServerPid(config.dataDir);
    if (owner) await askRunningServer(config.dataDir, owner, path.resolve(tmp));
    else {
      const db = await openDatabase({ dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
      try {
        fs.writeFileSync(tmp, await db.dumpDataDir!());
      } finally {
        await db.close();
      }
    }
  }
  fs.renameSync(tmp, file); // never leave a half-written file under the final name
  return { kind: config.databaseUrl ? 'postgres' : 'pglite', bytes: fs.statSync(file).size };
}

/**
 * Restore `file` into the configured database, which must be empty (no Qike tables) unless
 * `force`: then the embedded data directory is moved aside (never deleted); on PostgreSQL force
 * is refused — restore into a new, empty database instead.
 */
export async function restoreDatabase(config: Config, file: string, opts: { force?: boolean } = {}): Promise<{ kind: BackupKind; movedAside?: string }> {
  const kind = backupKindOf(file);
  if (kind === 'postgres') {
    if (!config.databaseUrl) throw new Error('this is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore into');
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', poolSize: 1 });
    try {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = ${config.pgSchema ?? 'public'}`.execute(
        db.db,
      );
      if (Number(r.rows[0].n) > 0) throw new Error('the target database already holds Qike data; restore into a new, empty database (createdb) and point DATABASE_URL at it');
      // A dump of one schema (PG_SCHEMA) does not carry the extensions our migrations install in public.
      if (config.pgSchema) await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db.db).catch(() => {});
    } finally {
      await db.close();
    }
    await run('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${config.databaseUrl}`, file]);
    return { kind };
  }
  if (config.databaseUrl) throw new Error('this is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to restore it');
  const dir = path.resolve(config.dataDir, 'pglite');
  let movedAside: string | undefined;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) {
    if (!opts.force) throw new Error(`${dir} is not empty; stop the server and pass --force to move it aside, or choose another DATA_DIR`);
    const lock = path.resolve(config.dataDir, 'pglite.lock');
    if (fs.existsSync(lock)) {
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      try {
        if (pid && pid !== process.pid) process.kill(pid, 0);
        throw new Error(`the embedded database is in use by process ${pid}; stop the server first`);
      } catch (e: any) {
        if (e.code !== 'ESRCH') throw e;
      }
    }
    movedAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dir, movedAside);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.waitReady;
  await client.query('SELECT 1');
  await client.close();
  return { kind, movedAside };
}

/** The pid of a live process holding the embedded data directory, if any (its lock file). */
function runningServerPid(dataDir: string): number | null {
  const lock = path.resolve(dataDir, 'pglite.lock');
  if (!fs.existsSync(lock)) return null;
  const pid = Number(fs.readFileSync(lock, 'utf8'));
  if (!pid || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // stale lock
  }
}

const requestFile = (dataDir: string) => path.resolve(dataDir, 'backup-request.json');

/** Ask the server holding the data directory to write a backup to `file`; wait for its answer. */
async function askRunningServer(dataDir: string, pid: number, file: string, timeoutMs = 30 * 60_000): Promise<void> {
  const token = crypto.randomBytes(8).toString('hex');
  const req = requestFile(dataDir);
  const done = `${req}.${token}.done`;
  fs.writeFileSync(req, JSON.stringify({ file, token }));
  process.kill(pid, 'SIGUSR2');
  const t0 = Date.now();
  while (!fs.existsSync(done)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`the running server (process ${pid}) did not answer the backup request`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { ok: boolean; error?: string };
  fs.rmSync(done, { force: true });
  if (!answer.ok) throw new Error(`the running server could not write the backup: ${answer.error}`);
}

/**
 * In the server (main.ts), embedded database only: answer the CLI's backup requests (SIGUSR2)
 * with a copy taken from inside the running process. Returns the uninstaller.
 */
export function serveBackupRequests(database: Database, dataDir: string, log: (m: string) => void): () => void {
  if (database.kind !== 'pglite' || dataDir.startsWith('memory://')) return () => {};
  let busy = Promise.resolve();
  const handle = () => {
    busy = busy.then(async () => {
      const req = requestFile(dataDir);
      if (!fs.existsSync(req)) return;
      const { file, token } = JSON.parse(fs.readFileSync(req, 'utf8')) as { file: string; token: string };
      fs.rmSync(req, { force: true });
      let answer: { ok: boolean; error?: string };
      try {
        fs.writeFileSync(file, await database.dumpDataDir!());
        answer = { ok: true };
        log(`online backup written to ${file}`);
      } catch (e) {
        answer = { ok: false, error: String((e as Error)?.message ?? e) };
      }
      fs.writeFileSync(`${req}.${token}.done`, JSON.stringify(answer));
    });
  };
  process.on('SIGUSR2', handle);
  return () => void process.off('SIGUSR2', handle);
}
