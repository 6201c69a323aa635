/**
 * Several server processes on one PostgreSQL database (issue 15.7). Two real server processes
 * (server/test/server-child.ts) share one schema: a scheduled job runs exactly once across both,
 * the login throttle holds across both, a sign-out on one is seen by the other at once (its
 * session cache is cleared through LISTEN/NOTIFY), and the bus reaches every process.
 * PostgreSQL only (the embedded database is single-process by design): skipped without
 * TEST_DATABASE_URL.
 */
import crypto from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from './db/database';
import { openBus } from './events/bus';
import { testDatabaseUrl } from '../../test/harness';

const url = testDatabaseUrl();
const schema = `t_cluster_${crypto.randomBytes(4).toString('hex')}`;
const ADMIN = 'clusteradmin';
const ADMIN_PW = 'cluster-pass-2026';

interface Proc {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Send a line and wait for the next output line that starts with `expect`. */
  command(line: string, expect: string): Promise<string>;
}

async function startProc(): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/server-child.ts'], {
    env: { ...process.env, DATABASE_URL: url!, PG_SCHEMA: schema, LOG_LEVEL: 'silent', DEMO: '0', SCHEDULER: '0', ADMIN_USERNAME: ADMIN, ADMIN_PASSWORD: ADMIN_PW, COOKIE_SECURE: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const lines = readline.createInterface({ input: child.stdout });
  const waiters: { prefix: string; resolve: (l: string) => void }[] = [];
  lines.on('line', (l) => {
    const i = waiters.findIndex((w) => l.startsWith(w.prefix));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(l);
  });
  const next = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ prefix, resolve });
      child.once('exit', (code) => reject(new Error(`server process exited with ${code}: ${stderr}`)));
    });
  const listen = await next('LISTEN ');
  return {
    url: listen.slice('LISTEN '.length),
    child,
    command(line, expect) {
      const p = next(expect);
      child.stdin.write(line + '\n');
      return p;
    },
  };
}

async function login(base: string, password: string) {
  const r = await fetch(base + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ADMIN, password }) });
  const cookie = /qike_sid=[^;]+/.exec(r.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { status: r.status, code: r.status === 200 ? null : ((await r.json()) as { code: string }).code, cookie };
}

let db: Database;
let a: Proc;
let b: Proc;
beforeAll(async () => {
  if (!url) return;
  db = await openDatabase({ databaseUrl: url, dataDir: '', pgSchema: schema, poolSize: 2 });
  a = await startProc(); // migrates the schema and creates the administrator first
  b = await startProc();
});
afterAll(async () => {
  for (const p of [a, b]) {
    if (!p) continue;
    if (p.child.exitCode !== null) continue;
    const exited = new Promise((r) => p.child.once('exit', r));
    p.child.stdin.write('exit\n');
    await exited;
  }
  if (db) {
    await db.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  }
});

describe.skipIf(!url)('two server processes on one PostgreSQL database', () => {
  it('runs each scheduled job once for its key, though both schedulers tick at the same moments', async () => {
    // A fixed late-evening moment (every daily job is due); not validated against the clock.
    const moments = ['2026-03-15T15:59:00Z', '2026-03-16T15:59:00Z'];
    for (const m of moments) {
      for (let round = 0; round < 3; round++) await Promise.all([a.command(`tick ${m}`, 'TICKED'), b.command(`tick ${m}`, 'TICKED')]);
    }
    const runs = await sql<{ job: string; run_key: string; n: number }>`SELECT job, run_key, count(*)::int AS n FROM job_runs GROUP BY job, run_key ORDER BY job, run_key`.execute(db.db);
    expect(runs.rows.length).toBeGreaterThanOrEqual(moments.length * 2); // several daily jobs, a key per moment
    for (const r of runs.rows) expect({ ...r, n: r.n }).toEqual({ ...r, n: 1 });
  });

  it('holds the login throttle across both processes', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await login((i % 2 ? b : a).url, `wrong-${i}`));
    expect(results.slice(0, 5).every((r) => r.status === 401)).toBe(true);
    expect(results[5].status).toBe(429);
    // The right password is refused on either process while the name is locked.
    for (const p of [a, b]) {
      const r = await login(p.url, ADMIN_PW);
      expect(r.status).toBe(429);
      expect(r.code).toBe('TOO_MANY_ATTEMPTS');
    }
    await sql`DELETE FROM login_throttle`.execute(db.db); // (administrators can clear locks; done directly here)
  });

  it('a sign-out on one process ends the session on the other at once (its cache is cleared)', async () => {
    const { cookie, status } = await login(a.url, ADMIN_PW);
    expect(status).toBe(200);
    const me = (base: string) => fetch(base + '/api/auth/me', { headers: { cookie } }).then((r) => r.status);
    expect(await me(b.url)).toBe(200); // now cached in b for up to 5 s
    const out = await fetch(a.url + '/api/auth/logout', { method: 'POST', headers: { cookie, 'x-requested-with': 'qike' } });
    expect(out.status).toBe(204);
    // Seen well within the cache's 5 s: the NOTIFY arrives in milliseconds.
    const t0 = Date.now();
    let s = await me(b.url);
    while (s === 200 && Date.now() - t0 < 2000) s = await me(b.url);
    expect(s).toBe(401);
  });

  it('delivers bus messages (live trading counters, revocations) to every process', async () => {
    const other = await openDatabase({ databaseUrl: url!, dataDir: '', pgSchema: schema, poolSize: 1 });
    const [bus1, bus2] = [await openBus(db), await openBus(other)];
    try {
      const got: string[] = [];
      const arrived = new Promise<void>((resolve) =>
        bus2.subscribe('trading.live', (d) => {
          got.push(d);
          resolve();
        }),
      );
      const own: string[] = [];
      bus1.subscribe('trading.live', (d) => own.push(d));
      await bus1.publish('trading.live', '42');
      await arrived;
      expect(got).toEqual(['42']);
      expect(own).toEqual(['42']); // delivered once in the publishing process too (not twice)
    } finally {
      await bus1.close();
      await bus2.close();
      await other.close();
    }
  });
});
