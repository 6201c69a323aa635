/**
 * Foundation benchmarks (issue 2):
 *  - cold start to ready on the embedded database with demo data (< 5 s), first start (demo load) shown too
 *  - /api/health ≥ 20,000 req/s (autocannon, 50 connections)
 *  - an authenticated single-row read ≥ 5,000 req/s on PostgreSQL, ≥ 1,500 on the embedded database,
 *    and ≥ 0.5 × the Fastify-constant baseline (issue 15 item 5)
 *  - server memory (RSS) after start-up with demo data < 400 MB on PostgreSQL
 * Method (issue 15 item 1, bench/harness.ts): load generator in its own process, median of 3 runs,
 * the constant-Fastify baseline measured in the same run and the ratio printed, load average before/after.
 * Run: npx tsx bench/foundation.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { login, PG_URL, report, rssOf, startServer } from './lib';
import { begin, constantBaseline, end, figure, loadgen, repeat } from './harness';

/** Median of 3 load runs of one GET: requests/s, with the p99 and non-2xx of the median run. */
async function httpRuns(url: string, headers: Record<string, string> | undefined, connections: number) {
  return repeat(async () => {
    const r = await loadgen({ url, headers, connections, duration: 5 });
    return { value: r.rps, detail: { p99: r.p99, bad: r.non2xx + r.errors + r.timeouts } };
  });
}

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
  begin('foundation (issue 2)');
  const base = await constantBaseline(50, 5);
  const baseline = { value: base.rps, what: 'Fastify GET /const, 50 connections' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-bench-'));

  // Embedded: first start loads the demo data; the second start is the cold start to ready.
  const first = await startServer({ DATA_DIR: dir, DEMO: '1' }, 3101);
  await first.stop();
  console.log(`first start with demo load (embedded): ${(first.readyMs / 1000).toFixed(2)} s`);
  const emb = await startServer({ DATA_DIR: dir, DEMO: '1' }, 3101);
  report('cold start to ready, embedded with demo data', `${(emb.readyMs / 1000).toFixed(2)} s`, '< 5 s', emb.readyMs < 5000);
  const health = await httpRuns(emb.url + '/api/health', undefined, 50);
  figure({
    name: '/api/health (embedded)',
    value: health.median,
    values: health.values,
    unit: 'req/s',
    baseline,
    target: '≥ 20,000 req/s',
    ok: health.median >= 20000,
    note: `p99 ${health.at.p99} ms`,
  });
  const cookieE = await login(emb.url, 'admin', DEMO_PW);
  const pathE = await singleRowPath(emb.url, cookieE);
  const readE = await httpRuns(emb.url + pathE, { cookie: cookieE }, 20);
  figure({
    name: `authenticated single-row read GET ${pathE.replace(/\d+$/, ':id')} (embedded, 20 connections)`,
    value: readE.median,
    values: readE.values,
    unit: 'req/s',
    baseline,
    target: '≥ 1,500 req/s and ≥ 0.5 × baseline',
    ok: readE.median >= 1500 && readE.median >= 0.5 * base.rps && readE.at.bad === 0,
    note: `p99 ${readE.at.p99} ms, ${readE.at.bad} non-2xx/errors`,
  });
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
    const readP = await httpRuns(pgs.url + pathP, { cookie: cookieP }, 50);
    figure({
      name: `authenticated single-row read GET ${pathP.replace(/\d+$/, ':id')} (PostgreSQL, 50 connections)`,
      value: readP.median,
      values: readP.values,
      unit: 'req/s',
      baseline,
      target: '≥ 5,000 req/s and ≥ 0.5 × baseline',
      ok: readP.median >= 5000 && readP.median >= 0.5 * base.rps && readP.at.bad === 0,
      note: `p99 ${readP.at.p99} ms, ${readP.at.bad} non-2xx/errors`,
    });
    const healthP = await httpRuns(pgs.url + '/api/health', undefined, 50);
    figure({
      name: '/api/health (PostgreSQL)',
      value: healthP.median,
      values: healthP.values,
      unit: 'req/s',
      baseline,
      target: '≥ 20,000 req/s',
      ok: healthP.median >= 20000,
      note: `p99 ${healthP.at.p99} ms`,
    });
    await pgs.stop();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
