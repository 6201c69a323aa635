/**
 * Foundation benchmarks (issue 2):
 *  - cold start to ready on the embedded database with demo data (< 5 s), first start (demo load) shown too
 *  - /api/health ≥ 20,000 req/s (autocannon, 50 connections)
 *  - an authenticated single-row read ≥ 5,000 req/s on PostgreSQL, ≥ 1,500 on the embedded database
 *  - server memory (RSS) after start-up with demo data < 400 MB on PostgreSQL
 * Run: npx tsx bench/foundation.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cannon, login, machine, PG_URL, report, rssOf, startServer } from './lib';

const DEMO_PW = 'qike2026demo';

async function singleRowPath(url: string, cookie: string): Promise<string> {
  // A customer by id if the customers module is there; otherwise the user's own profile row.
  const r = await fetch(url + '/api/customers?pageSize=1', { headers: { cookie } });
  if (r.status === 200) {
    const body = (await r.json()) as any;
    const id = body.items?.[0]?.id;
    if (id) return `/api/customers/${id}`;
  }
  return '/api/auth/me';
}

async function main() {
  console.log(`machine: ${machine()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-bench-'));

  // Embedded: first start loads the demo data; the second start is the cold start to ready.
  const first = await startServer({ DATA_DIR: dir, DEMO: '1' }, 3101);
  await first.stop();
  console.log(`first start with demo load (embedded): ${(first.readyMs / 1000).toFixed(2)} s`);
  const emb = await startServer({ DATA_DIR: dir, DEMO: '1' }, 3101);
  report('cold start to ready, embedded with demo data', `${(emb.readyMs / 1000).toFixed(2)} s`, '< 5 s', emb.readyMs < 5000);
  const health = await cannon({ url: emb.url + '/api/health' });
  report('/api/health (embedded)', `${Math.round(health.rps)} req/s, p99 ${health.p99} ms`, '≥ 20,000 req/s', health.rps >= 20000);
  const cookieE = await login(emb.url, 'admin', DEMO_PW);
  const pathE = await singleRowPath(emb.url, cookieE);
  const readE = await cannon({ url: emb.url + pathE, headers: { cookie: cookieE }, connections: 20 });
  report(
    `authenticated single-row read GET ${pathE.replace(/\d+$/, ':id')} (embedded)`,
    `${Math.round(readE.rps)} req/s, p99 ${readE.p99} ms, non-2xx ${readE.non2xx}`,
    '≥ 1,500 req/s',
    readE.rps >= 1500 && readE.non2xx === 0,
  );
  await emb.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  // PostgreSQL: a fresh database with demo data.
  const dbName = `qike_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG_URL);
  url.pathname = '/' + dbName;
  try {
    const pgFirst = await startServer({ DATABASE_URL: url.toString(), DEMO: '1' }, 3102);
    await pgFirst.stop();
    const pgs = await startServer({ DATABASE_URL: url.toString(), DEMO: '1' }, 3102);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = rssOf(pgs.proc.pid!);
    report('server memory after start-up with demo data (PostgreSQL)', `${Math.round(rss / 2 ** 20)} MB RSS`, '< 400 MB', rss < 400 * 2 ** 20);
    const cookieP = await login(pgs.url, 'admin', DEMO_PW);
    const pathP = await singleRowPath(pgs.url, cookieP);
    const readP = await cannon({ url: pgs.url + pathP, headers: { cookie: cookieP }, connections: 50 });
    report(
      `authenticated single-row read GET ${pathP.replace(/\d+$/, ':id')} (PostgreSQL)`,
      `${Math.round(readP.rps)} req/s, p99 ${readP.p99} ms, non-2xx ${readP.non2xx}`,
      '≥ 5,000 req/s',
      readP.rps >= 5000 && readP.non2xx === 0,
    );
    const healthP = await cannon({ url: pgs.url + '/api/health' });
    report('/api/health (PostgreSQL)', `${Math.round(healthP.rps)} req/s`, '≥ 20,000 req/s', healthP.rps >= 20000);
    await pgs.stop();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
