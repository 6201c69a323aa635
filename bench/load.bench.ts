/**
 * Daily-mix load (issue 10 item 5), on PostgreSQL with the demo data: 50 concurrent users (a
 * separate load-generator process, bench/harness.ts) each cycling through the day's screens —
 * customer list, customer 360 (customer + account summary), lifecycle timeline, 30 days of usage,
 * and every few customers the metering board and the payment board. Target: 0 errors, p99 < 200 ms.
 * Also `/api/accounts/customers/:id` alone (it was p99 663 ms). Baseline: Fastify GET /const, same
 * connections. Median of 3 runs. The server runs in its own process on a fresh schema (DEMO=1).
 * Run: npx tsx bench/load.bench.ts   (SECONDS per run, default 15)
 */
import crypto from 'node:crypto';
import { dailyMixRequests, login, PG_URL, startServer } from './lib';
import { begin, constantBaseline, end, figure, loadgen, median, repeat, time } from './harness';
import { openDatabase } from '../server/src/platform/db/database';

const SECONDS = Number(process.env.DURATION ?? process.env.SECONDS ?? 15);
/** WORKERS=2: the server as two processes (node:cluster) on the same PostgreSQL. */
const WORKERS = Number(process.env.WORKERS ?? 1);
/** Other engineers' benches use fixed ports (3141 …): a random one unless PORT is given. */
const PORT = Number(process.env.PORT ?? 20000 + Math.floor(Math.random() * 10000));
const DEMO_PW = 'qike2026demo';

async function main() {
  begin('daily-mix load, 50 users (PostgreSQL, demo data)');
  // KEEP=1 keeps the schema with its demo data; REUSE=<schema> starts on such a schema (no demo load).
  const schema = process.env.REUSE ?? `bench_load_${crypto.randomBytes(4).toString('hex')}`;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const t0 = performance.now();
    server = await startServer({ DATABASE_URL: PG_URL, PG_SCHEMA: schema, DEMO: '1', LOG_LEVEL: 'info', WORKERS: String(WORKERS) }, PORT);
    console.log(`   server with demo data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const cookie = await login(server.url, 'admin', DEMO_PW);
    const headers = { cookie };
    const list = (await (await fetch(server.url + '/api/customers?pageSize=40', { headers })).json()) as { items: { id: number }[] };
    const ids = list.items.map((c) => c.id);
    const requests = dailyMixRequests(ids, headers);
    // every request answers 200 before the load starts (a wrong path would only show as non-2xx)
    for (const r of requests.slice(0, 14)) {
      const res = await fetch(server.url + r.path, { headers });
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}: ${await res.text()}`);
    }
    // One user alone, each route 10 times after a warm-up: the cost of a route without queueing.
    const seen = new Set<string>();
    const solo: string[] = [];
    for (const r of requests) {
      const route = r.path.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/:id');
      if (seen.has(route)) continue;
      seen.add(route);
      const xs: number[] = [];
      for (let i = 0; i <= 10; i++) {
        const ms = await time(async () => void (await (await fetch(server!.url + r.path, { headers })).arrayBuffer()));
        if (i) xs.push(ms);
      }
      solo.push(`${route} ${median(xs).toFixed(1)} ms`);
    }
    console.log(`   one user alone, median of 10 sequential calls: ${solo.join('; ')}`);
    if (process.env.SOLO === '1') return;
    const base = await constantBaseline(50, 5);
    const mix = await repeat(async () => {
      const r = await loadgen({ url: server!.url, requests, connections: 50, duration: SECONDS, routes: true, stagger: true });
      console.log(`   mix: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
      return { value: r.p99, detail: { rps: r.rps, bad: r.errors + r.timeouts + r.non2xx, routes: r.routes ?? {} } };
    });
    console.log('   per route in the median run (closed loop, 50 users):');
    for (const [route, x] of Object.entries(mix.at.routes).sort((a, b) => b[1].p99 - a[1].p99))
      console.log(`     ${route.padEnd(44)} n ${String(x.n).padStart(6)}  p50 ${String(x.p50).padStart(5)} ms  p99 ${String(x.p99).padStart(5)} ms  max ${x.max} ms`);
    figure({
      name: `daily mix, 50 users (${requests.length} requests per cycle over ${ids.length} customers)`,
      value: mix.median,
      values: mix.values,
      unit: 'ms p99',
      baseline: { value: base.p99, what: 'Fastify GET /const p99, same connections' },
      target: '0 errors, p99 < 200 ms',
      ok: mix.median < 200 && mix.at.bad === 0,
      note: `${Math.round(mix.at.rps)} req/s (baseline ${Math.round(base.rps)} req/s, ratio ${(mix.at.rps / base.rps).toFixed(2)}×); ${mix.at.bad} errors/non-2xx in the median run`,
    });
    const one = await repeat(async () => {
      const r = await loadgen({ url: server!.url, requests: ids.map((id) => ({ method: 'GET', path: `/api/accounts/customers/${id}`, headers })), connections: 50, duration: 5 });
      return { value: r.p99, detail: { rps: r.rps, bad: r.errors + r.timeouts + r.non2xx } };
    });
    figure({
      name: 'GET /api/accounts/customers/:id alone, 50 users',
      value: one.median,
      values: one.values,
      unit: 'ms p99',
      baseline: { value: base.p99, what: 'Fastify GET /const p99' },
      target: 'p99 < 200 ms (was 663 ms)',
      ok: one.median < 200 && one.at.bad === 0,
      note: `${Math.round(one.at.rps)} req/s (ratio to the constant ${(one.at.rps / base.rps).toFixed(2)}×)`,
    });
    // issue 15 item 5: an authenticated single-row read at ≥ 0.5 × the constant's throughput.
    const row = await repeat(async () => {
      const r = await loadgen({ url: server!.url, requests: ids.map((id) => ({ method: 'GET', path: `/api/customers/${id}`, headers })), connections: 50, duration: 5 });
      return { value: r.rps, detail: { p99: r.p99, bad: r.errors + r.timeouts + r.non2xx } };
    });
    figure({
      name: 'authenticated single-row read GET /api/customers/:id, 50 connections',
      value: row.median,
      values: row.values,
      unit: 'req/s',
      baseline: { value: base.rps, what: 'Fastify GET /const, same connections' },
      target: '≥ 0.5 × the constant',
      ok: row.median >= 0.5 * base.rps && row.at.bad === 0,
      note: `p99 ${row.at.p99} ms, ${row.at.bad} errors/non-2xx`,
    });
  } finally {
    await server?.stop();
    if (process.env.KEEP === '1' || process.env.REUSE) console.log(`   kept schema ${schema}`);
    else {
      const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 1 });
      await database.execScript(`DROP SCHEMA "${schema}" CASCADE`);
      await database.close();
    }
    end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
