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
import { login, PG_URL, startServer } from './lib';
import { begin, constantBaseline, end, figure, loadgen, repeat } from './harness';
import { openDatabase } from '../server/src/platform/db/database';

const SECONDS = Number(process.env.SECONDS ?? 15);
const DEMO_PW = 'qike2026demo';

function addDays(day: string, n: number) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function main() {
  begin('daily-mix load, 50 users (PostgreSQL, demo data)');
  const schema = `bench_load_${crypto.randomBytes(4).toString('hex')}`;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const t0 = performance.now();
    server = await startServer({ DATABASE_URL: PG_URL, PG_SCHEMA: schema, DEMO: '1', LOG_LEVEL: 'info' }, 3141);
    console.log(`   server with demo data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const cookie = await login(server.url, 'admin', DEMO_PW);
    const headers = { cookie };
    const list = (await (await fetch(server.url + '/api/customers?pageSize=40', { headers })).json()) as { items: { id: number }[] };
    const ids = list.items.map((c) => c.id);
    const to = addDays(new Date().toISOString().slice(0, 10), -1);
    const from = addDays(to, -29);
    const requests: { method: string; path: string; headers: Record<string, string> }[] = [];
    ids.forEach((id, i) => {
      const get = (path: string) => requests.push({ method: 'GET', path, headers });
      get(`/api/customers?page=${1 + (i % 5)}&pageSize=20`);
      get(`/api/customers/${id}`);
      get(`/api/accounts/customers/${id}`);
      get(`/api/customers/${id}/timeline`);
      get(`/api/metering/customers/${id}/usage?granularity=day&from=${from}&to=${to}`);
      if (i % 4 === 0) get(`/api/metering/board`);
      if (i % 4 === 2) get(`/api/accounts/board?page=1&pageSize=20`);
    });
    // every request answers 200 before the load starts (a wrong path would only show as non-2xx)
    for (const r of requests.slice(0, 14)) {
      const res = await fetch(server.url + r.path, { headers });
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}: ${await res.text()}`);
    }
    const base = await constantBaseline(50, 5);
    const mix = await repeat(async () => {
      const r = await loadgen({ url: server!.url, requests, connections: 50, duration: SECONDS });
      console.log(`   mix: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
      return { value: r.p99, detail: { rps: r.rps, bad: r.errors + r.timeouts + r.non2xx } };
    });
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
  } finally {
    await server?.stop();
    const database = await openDatabase({ databaseUrl: PG_URL, dataDir: '', pgSchema: schema, poolSize: 1 });
    await database.execScript(`DROP SCHEMA "${schema}" CASCADE`);
    await database.close();
    end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
