/**
 * Integration-test harness: the real app, listening on a real port, on a real database —
 * PGlite in memory by default, or a fresh schema on the PostgreSQL server in TEST_DATABASE_URL.
 * REQUIRE_PG=1 makes a missing TEST_DATABASE_URL a failure.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../src/platform/config';
import { buildApp, type BuiltApp } from '../src/app';
import { openDatabase, type Database } from '../src/platform/db/database';
import { listMigrations, migrate } from '../src/platform/db/migrate';
import { hashPassword } from '../src/platform/auth/password';
import type { Role } from '@common/roles';

export const TEST_PASSWORD = 'test-pass-2026';
let testHash: Promise<string> | undefined;

export interface TestApp {
  built: BuiltApp;
  url: string;
  db: BuiltApp['ctx']['db'];
  /** Create a user with the given roles and return a signed-in client. */
  userClient(roles: Role[], opts?: { department?: string; username?: string; lang?: 'zh-CN' | 'en' }): Promise<Client>;
  anon(): Client;
  close(): Promise<void>;
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  cookie = '';
  userId = 0;
  constructor(
    private base: string,
    public lang: 'zh-CN' | 'en' = 'zh-CN',
  ) {}
  async req<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    // x-requested-with as the web client sends it (the CSRF check of cookie-authenticated changes)
    const h: Record<string, string> = { 'accept-language': this.lang, 'x-requested-with': 'qike', ...headers };
    if (this.cookie) h.cookie = this.cookie;
    let payload: any = undefined;
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const setCookie = r.headers.get('set-cookie');
    if (setCookie) {
      const m = /qike_sid=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `qike_sid=${m[1]}` : '';
    }
    const type = r.headers.get('content-type') ?? '';
    const out = type.includes('json') ? await r.json() : type.startsWith('text') ? await r.text() : new Uint8Array(await r.arrayBuffer());
    return { status: r.status, body: out as T, headers: r.headers };
  }
  get<T = any>(p: string) {
    return this.req<T>('GET', p);
  }
  post<T = any>(p: string, b?: unknown) {
    return this.req<T>('POST', p, b ?? {});
  }
  put<T = any>(p: string, b?: unknown) {
    return this.req<T>('PUT', p, b ?? {});
  }
  patch<T = any>(p: string, b?: unknown) {
    return this.req<T>('PATCH', p, b ?? {});
  }
  del<T = any>(p: string) {
    return this.req<T>('DELETE', p);
  }
  async login(username: string, password = TEST_PASSWORD) {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.userId = r.body.id;
    return r;
  }
}

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.REQUIRE_PG === '1') throw new Error('REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
  return url || undefined;
}

/** Open a fresh, empty test database (and a closer that drops it). */
/** A fresh database. The embedded one starts already migrated from the template below (the app's migrator then finds nothing to do), unless `empty` (the migrator's own tests). */
export async function openTestDatabase(opts: { empty?: boolean } = {}): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = testDatabaseUrl();
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://', pgliteTemplate: opts.empty ? undefined : await pgliteTemplate() });
    return { database, drop: () => database.close() };
  }
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: url, dataDir: '', pgSchema: schema, poolSize: 4 });
  return {
    database,
    drop: async () => {
      await database.execScript(`DROP SCHEMA "${schema}" CASCADE`);
      await database.close();
    },
  };
}

/**
 * A migrated embedded database as a data-directory tarball, built once per set of migration files
 * and kept in the system temp directory: starting PGlite from it skips initdb and the migrations
 * (several seconds per test app, tens of seconds on a loaded machine). Keyed by the migrations'
 * names and checksums and PGlite's version, so a changed migration builds a new one. Written to a
 * temporary name and renamed, so parallel workers never read half a file.
 */
let template: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const pgliteVersion = JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
    const key = crypto.createHash('sha256').update(pgliteVersion);
    for (const m of listMigrations()) key.update(`${m.name}:${m.checksum}\n`);
    const file = path.join(os.tmpdir(), `qike-pglite-template-${key.digest('hex').slice(0, 16)}.tar`);
    if (!fs.existsSync(file)) {
      const fresh = await openDatabase({ dataDir: 'memory://' });
      await migrate(fresh);
      const tar = await fresh.dumpDataDir!('none');
      await fresh.close();
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
      fs.writeFileSync(tmp, tar);
      fs.renameSync(tmp, file);
    }
    return new Blob([fs.readFileSync(file)]);
  })();
  return template;
}

export function testConfig(over: Partial<Config> = {}): Config {
  const base = loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO: 'false' } as any);
  return { ...base, webDist: '/nonexistent', ...over };
}

let userSeq = 0;

export async function startTestApp(opts: { config?: Partial<Config>; demo?: boolean; demoLastDay?: string } = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const config = testConfig(opts.config);
  const built = await buildApp(config, { database, logger: false, demo: opts.demo ?? false, demoLastDay: opts.demoLastDay });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = built.app.server.address() as any;
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    built,
    url,
    db: built.ctx.db,
    anon: () => new Client(url),
    async userClient(roles, o = {}) {
      testHash ??= hashPassword(TEST_PASSWORD);
      const username = o.username ?? `${roles[0]}_${process.pid}_${++userSeq}`;
      await built.ctx.db
        .insertInto('users')
        .values({ username, display_name: `测试${roles[0]}${userSeq}`, password_hash: await testHash, roles, department: o.department ?? null, lang: o.lang ?? 'zh-CN' })
        .execute();
      const c = new Client(url, o.lang ?? 'zh-CN');
      await c.login(username);
      return c;
    },
    async close() {
      await built.close();
      await drop();
    },
  };
}

/**
 * A second server "process" on the same database as `t` (issue 15 item 7): its own connection pool
 * on PostgreSQL; on PGlite (one connection) the same database under another Kysely instance, so it
 * still has its own in-process caches. `as(client)` is the same signed-in user talking to it.
 */
export async function startPeerApp(t: TestApp): Promise<{ url: string; db: BuiltApp['ctx']['db']; as(c: Client): Client; close(): Promise<void> }> {
  const shared = t.built.ctx.database;
  const own = shared.connection ? await openDatabase({ databaseUrl: shared.connection.url, dataDir: '', pgSchema: shared.connection.schema, poolSize: 2 }) : undefined;
  const database: Database = own ?? { ...shared, db: shared.db.withoutPlugins() };
  const built = await buildApp(t.built.ctx.config, { database, logger: false, demo: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(built.app.server.address() as any).port}`;
  return {
    url,
    db: built.ctx.db,
    as(c) {
      const p = new Client(url, c.lang);
      p.cookie = c.cookie;
      p.userId = c.userId;
      return p;
    },
    async close() {
      await built.close();
      await own?.close();
    },
  };
}
