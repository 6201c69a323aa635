/**
 * One SQL dialect: PostgreSQL. PGlite (embedded, default) or a PostgreSQL server (DATABASE_URL).
 * Both drivers return BIGINT as a JS number (exact up to 2^53, checked), NUMERIC as a decimal
 * string, DATE as 'YYYY-MM-DD' and TIMESTAMPTZ as a Date.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type RawBuilder, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';
import { copyFromStdin } from './copy';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Run a multi-statement SQL script (migrations); an open transaction is rolled back on error. */
  execScript(script: string): Promise<void>;
  /**
   * Bulk load: `COPY <target> FROM …` of `data` (COPY text format, platform/db/copy.ts copyText)
   * inside the transaction `trx` (a Kysely transaction of this database). Returns the row count.
   * `target` is trusted SQL: a table name with an optional column list.
   */
  copyIn(trx: Tx, target: string, data: string): Promise<number>;
  /** Embedded database only: a consistent tarball of the data directory (backups: gzipped, the default). */
  dumpDataDir?(compression?: 'gzip' | 'none'): Promise<Uint8Array>;
  /** PostgreSQL only: where it is, for a dedicated LISTEN connection (platform/events/bus.ts). */
  connection?: { url: string; schema?: string };
  close(): Promise<void>;
}

function parseBigint(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT ${v} exceeds the exact integer range`);
  return n;
}

const PG_OIDS = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export class DatabaseLockedError extends Error {}

/** The mark `keepPlan` puts in front of a statement's text (an SQL comment: harmless where nothing prepares). */
const KEEP_PLAN_MARK = '/* keep-plan */ ';

/**
 * Mark a hot statement whose planning costs more than its execution (many CTEs, partitioned
 * tables): on PostgreSQL it is prepared once per pooled connection, as a named statement whose
 * name is a hash of its text, and PostgreSQL keeps its plan (after five custom plans it switches to
 * the generic plan when that is no costlier — plan_cache_mode auto; partitions are then pruned at
 * execution). Statements whose text varies with their values (values must be parameters) would
 * fill each connection with prepared statements: mark only fixed texts. The embedded database
 * plans every statement as before (the mark is a comment). Not for a transaction-pooling proxy
 * (PgBouncer in transaction mode) in front of PostgreSQL, which does not keep named statements.
 */
export function keepPlan<T>(statement: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(KEEP_PLAN_MARK)}${statement}`;
}

/** Statement names by text (one sha1 per distinct text, not per call). */
const keptNames = new Map<string, string>();
function keptName(text: string): string {
  let name = keptNames.get(text);
  if (!name) {
    name = 'kp_' + crypto.createHash('sha1').update(text).digest('hex');
    if (keptNames.size < 1000) keptNames.set(text, name);
  }
  return name;
}

/** pg's client, which runs a statement marked by `keepPlan` as a named (prepared) statement. */
class KeepPlanClient extends pg.Client {
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && config.startsWith(KEEP_PLAN_MARK)) {
      return super.query({ name: keptName(config), text: config, values: Array.isArray(values) ? values : undefined }, Array.isArray(values) ? callback : values);
    }
    return super.query(config, values, callback);
  }
}

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  pgSchema?: string;
  poolSize?: number;
  /** Embedded in-memory database only: start from this data-directory tarball (tests' migrated template) instead of initdb. */
  pgliteTemplate?: Blob;
  /** Embedded database: PostgreSQL's shared_buffers (default PGLITE_SHARED_BUFFERS). */
  pgliteSharedBuffers?: string;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.pgSchema, opts.poolSize);
  return openPglite(opts.dataDir, opts.pgliteTemplate, opts.pgliteSharedBuffers);
}

async function openPostgres(url: string, schema?: string, poolSize = 10): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: any) {
      if (oid === PG_OIDS.INT8) return parseBigint;
      if (oid === PG_OIDS.NUMERIC) return (v: string) => v;
      if (oid === PG_OIDS.DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    Client: KeepPlanClient,
    connectionString: url,
    max: poolSize,
    types,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  pool.on('error', () => {}); // idle client errors surface on the next query
  // The pool's clients by backend pid: COPY must run on the connection of the caller's transaction.
  const clients = new Map<number, pg.PoolClient>();
  pool.on('acquire', (c) => {
    const pid = (c as any).processID as number | undefined;
    if (pid) clients.set(pid, c);
  });
  pool.on('remove', (c) => clients.delete((c as any).processID));
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async copyIn(trx, target, data) {
      if (!trx.isTransaction) throw new Error('copyIn needs a transaction');
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
      const client = clients.get(Number(rows[0].pid));
      if (!client) throw new Error('copyIn: the transaction’s connection is not in the pool');
      return copyFromStdin(client, target, data);
    },
    connection: { url, schema },
    async execScript(script) {
      const c = await pool.connect();
      try {
        await c.query(script);
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * shared_buffers of the embedded database. PGlite allocates them up front inside its WebAssembly
 * memory, which never shrinks: initdb's 128MB put the server with the demo data at ~485 MB RSS
 * (issue 15 item 9: < 400 MB). 32MB opens ~110 MB smaller; pages beyond it come from the operating
 * system's file cache (or the in-memory file system), which for a single-user embedded database
 * costs little (bench/memory.bench.ts).
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

async function openPglite(dataDir: string, template?: Blob, sharedBuffers = PGLITE_SHARED_BUFFERS): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const memory = dataDir.startsWith('memory://');
  let releaseLock = () => {};
  let dir: string | undefined;
  if (!memory) {
    fs.mkdirSync(dataDir, { recursive: true });
    dir = path.resolve(dataDir, 'pglite');
    releaseLock = acquireLock(path.resolve(dataDir, 'pglite.lock'));
  }
  const parsers = {
    [PG_OIDS.INT8]: parseBigint,
    [PG_OIDS.NUMERIC]: (v: string) => v,
    [PG_OIDS.DATE]: (v: string) => v,
  };
  // pg_trgm serves substring search (customers' trigram index) as on a PostgreSQL server; without
  // it the migrations skip the index and LIKE scans (still correct, slower on large tables).
  const extensions = await import('@electric-sql/pglite/contrib/pg_trgm').then(
    (m) => ({ pg_trgm: m.pg_trgm }),
    () => ({}),
  );
  let client;
  try {
    const postgresqlconf = [`shared_buffers = ${sharedBuffers}`];
    client = dir ? new PGlite(dir, { parsers, extensions, postgresqlconf }) : new PGlite({ parsers, extensions, postgresqlconf, ...(template ? { loadDataDir: template } : {}) });
    await client.waitReady;
  } catch (e) {
    releaseLock();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    async dumpDataDir(compression: 'gzip' | 'none' = 'gzip') {
      // Safe while the server runs (online backup): a checkpoint first, then the tarball is taken
      // while no statement runs (PGlite's query lock) — a crash-consistent copy whose committed
      // transactions are all in it; one left open by a request at that moment is rolled back on restore.
      await client.exec('CHECKPOINT').catch(() => {});
      const blob = await (client as unknown as { _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T> })._runExclusiveQuery(() => client.dumpDataDir(compression));
      return new Uint8Array(await blob.arrayBuffer());
    },
    async copyIn(trx, target, data) {
      if (!trx.isTransaction) throw new Error('copyIn needs a transaction');
      // One session: the transaction that Kysely holds open is the session's current one.
      const r = await client.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
      return r.affectedRows ?? 0;
    },
    async execScript(script) {
      try {
        await client.exec(script);
      } catch (e) {
        await client.exec('ROLLBACK').catch(() => {});
        throw e;
      }
    },
    async close() {
      await db.destroy();
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
}

/**
 * The embedded data directory is single-process. A lock file holds the owner's pid; a second
 * process stops with a clear message. A lock whose process is gone is stale and taken over.
 */
function acquireLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e: any) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lockPath, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseLockedError(
          `嵌入式数据库目录已被进程 ${pid} 使用，不能同时由两个进程打开。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
            `The embedded database in ${path.dirname(lockPath)} is in use by process ${pid}; stop it first or use DATABASE_URL.`,
        );
      }
      fs.unlinkSync(lockPath); // stale
    }
  }
  throw new DatabaseLockedError(`could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: any) {
    return e.code === 'EPERM';
  }
}

const afterCommitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Run `fn` after the transaction `trx` commits (immediately, on the next tick, when `trx` is not a
 * transaction opened by inTx). Nothing runs when it rolls back. For side effects such as starting
 * the reaction queue: they must never see uncommitted data.
 */
export function afterCommit(trx: Tx, fn: () => void): void {
  const hooks = afterCommitHooks.get(trx);
  if (hooks) hooks.push(fn);
  else setImmediate(fn);
}

/** Run `fn` in a transaction. Everything it writes, audit rows included, commits or rolls back together. */
export async function inTx<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as unknown as Transaction<DB>);
  const hooks: (() => void)[] = [];
  const result = await db.transaction().execute((trx) => {
    afterCommitHooks.set(trx, hooks);
    return fn(trx);
  });
  for (const h of hooks) h();
  return result;
}

/**
 * A transaction-scoped advisory lock on `name` (and an optional integer `id`, e.g. a customer), held
 * to commit or rollback. The key includes the schema: two tenants (or two test files) on one
 * PostgreSQL database in different schemas never wait for each other's locks.
 */
export async function xactLock(trx: Tx, name: string, id = 0): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':' || ${name}), ${id}::int)`.execute(trx);
}

/**
 * ANALYZE the tables of this connection's schema only (partitioned tables with their partitions).
 * A bare ANALYZE visits every schema of the database: on a PostgreSQL shared by several benches or
 * tests it re-plans the others' queries in the middle of their runs. Returns how many tables.
 */
export async function analyzeSchema(db: Tx): Promise<number> {
  const { rows } = await sql<{ name: string }>`SELECT quote_ident(c.relname) AS name FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`.execute(db);
  if (rows.length) await sql.raw(`ANALYZE ${rows.map((r) => r.name).join(', ')}`).execute(db);
  return rows.length;
}

export { sql };
