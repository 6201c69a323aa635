/**
 * Server memory (issue 15 item 9): RSS of the server process with the demo data after start-up and
 * after an hour-like walk — the main pages' API calls of a day's work (customer list and 360,
 * account, usage, boards, notices, contracts) in a loop, compressed in time — on the embedded
 * database (target < 400 MB) and on PostgreSQL (target < 250 MB). The server runs in its own
 * process; the walk comes from this one. Each figure is the median of three samples (after each
 * third of the walk), beside the raw baseline: the RSS of a bare Fastify process (bench/harness.ts).
 * Run: npx tsx bench/memory.bench.ts   (MEM_WALK=<iterations of the page loop>, default 150)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { login, PG_URL, rssOf, startServer, type ServerProc } from './lib';
import { begin, constantServer, end, figure, median } from './harness';
import { addDays } from '../server/src/modules/metering/gas-day.calc';

const DEMO_PW = 'qike2026demo';
const ITER = Number(process.env.MEM_WALK ?? 150);
const MB = 2 ** 20;
// the usage chart's default window (60 days to yesterday, in China); the route requires from and to
const USAGE_TO = addDays(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }), -1);
const USAGE_FROM = addDays(USAGE_TO, -60);

async function get(url: string, cookie: string): Promise<number> {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.status;
}

/** One pass over the main pages' reads for one customer. */
function pages(id: number, i: number): string[] {
  return [
    '/api/auth/me',
    '/api/meta',
    '/api/notifications',
    `/api/customers?page=${1 + (i % 5)}&pageSize=20`,
    `/api/customers?q=${encodeURIComponent(['燃气', 'zh', '化工', 'a', '泸州'][i % 5])}&pageSize=20`,
    `/api/customers/${id}`,
    `/api/customers/${id}/timeline`,
    `/api/customers/${id}/delivery-points`,
    `/api/accounts/customers/${id}`,
    `/api/accounts/customers/${id}/transactions`,
    `/api/metering/customers/${id}/usage?granularity=day&from=${USAGE_FROM}&to=${USAGE_TO}`,
    '/api/metering/board',
    '/api/accounts/board',
    '/api/contracts',
    '/api/notices',
    '/api/onboarding/todo',
  ];
}

async function walk(server: ServerProc, label: string, baseline: number, target: number) {
  const cookie = await login(server.url, 'admin', DEMO_PW);
  const list = (await (await fetch(server.url + '/api/customers?pageSize=50', { headers: { cookie } })).json()) as any;
  const ids: number[] = (list.items ?? []).map((c: any) => c.id);
  if (!ids.length) throw new Error('no demo customers');
  const pid = server.proc.pid!;
  const startup = [rssOf(pid)];
  for (let k = 0; k < 2; k++) {
    await new Promise((r) => setTimeout(r, 1000));
    startup.push(rssOf(pid));
  }
  figure({
    name: `RSS after start-up with demo data (${label})`,
    value: median(startup) / MB,
    values: startup.map((x) => x / MB),
    unit: 'MB',
    baseline: { value: baseline / MB, what: 'bare Fastify process' },
    target: `< ${target} MB`,
    ok: median(startup) / MB < target,
  });
  const after: number[] = [];
  const statuses = new Map<number, number>();
  let requests = 0;
  const t0 = performance.now();
  for (let third = 0; third < 3; third++) {
    for (let i = third * Math.ceil(ITER / 3); i < Math.min(ITER, (third + 1) * Math.ceil(ITER / 3)); i++)
      for (const p of pages(ids[i % ids.length], i)) {
        const s = await get(server.url + p, cookie);
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
        requests++;
      }
    after.push(rssOf(pid));
  }
  const s = (performance.now() - t0) / 1000;
  figure({
    name: `RSS after the walk (${label})`,
    value: median(after) / MB,
    values: after.map((x) => x / MB),
    unit: 'MB',
    baseline: { value: baseline / MB, what: 'bare Fastify process' },
    target: `< ${target} MB`,
    ok: median(after) / MB < target && Math.max(...after) / MB < target,
    note: `${requests.toLocaleString('en')} requests in ${s.toFixed(0)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  });
}

async function main() {
  begin('server memory (issue 15 item 9)');
  const bare = await constantServer();
  await new Promise((r) => setTimeout(r, 500));
  const baseline = rssOf(bare.pid);
  await bare.stop();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-mem-'));
  try {
    // The first start loads the demo data; the measured server is a second, fresh start.
    await (await startServer({ DATA_DIR: dir, DEMO: '1' }, 3111)).stop();
    const emb = await startServer({ DATA_DIR: dir, DEMO: '1' }, 3111);
    try {
      await walk(emb, 'embedded', baseline, 400);
    } finally {
      await emb.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const dbName = `qike_mem_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG_URL);
  url.pathname = '/' + dbName;
  try {
    await (await startServer({ DATABASE_URL: url.toString(), DEMO: '1' }, 3112)).stop();
    const srv = await startServer({ DATABASE_URL: url.toString(), DEMO: '1' }, 3112);
    try {
      await walk(srv, 'PostgreSQL', baseline, 250);
    } finally {
      await srv.stop();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
