/**
 * CPU per request of the daily mix (or of one route: ONLY=<part of the path>), whatever the machine's
 * load: CPU time of the server process and of its PostgreSQL backends (/proc/<pid>/stat, backends
 * found by the server's client ports in pg_stat_activity, polled every 200 ms) over AMOUNT requests
 * from 50 connections, 3 runs. A figure for a shared machine, where latencies and req/s follow the
 * other engineers' load. Linux only; the server runs on REUSE=<schema> (a kept load.bench schema);
 * CODE=<directory> runs another checkout's server (before/after). Not a harness figure: no baseline.
 * Run: REUSE=bench_load_… npx tsx bench/cpu-per-request.mts
 */

import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
const CODE = process.env.CODE ?? process.cwd();
const { login, PG_URL } = await import(CODE + '/bench/lib');
const { loadgen } = await import(CODE + '/bench/harness');
const { default: pg } = await import(CODE + '/node_modules/pg/lib/index.js');
const schema = process.env.REUSE!;
const port = 20000 + Math.floor(Math.random() * 10000);
const proc = spawn('node', ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: CODE,
  env: { ...process.env, DATABASE_URL: PG_URL, PG_SCHEMA: schema, DEMO: '1', LOG_LEVEL: 'info', SCHEDULER: '0', PORT: String(port) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(url + '/api/ready')).status === 200) break;
  } catch {
    /* not yet */
  }
  await new Promise((r) => setTimeout(r, 50));
}
const cookie = await login(url, 'admin', 'qike2026demo');
const headers = { cookie };
const list = (await (await fetch(url + '/api/customers?pageSize=40', { headers })).json()) as { items: { id: number }[] };
const ids = list.items.map((c) => c.id);
// the mix itself from this checkout's bench/lib (CODE may be an older checkout without it)
const { dailyMixRequests } = await import('./lib');
const requests = dailyMixRequests(ids, headers, process.env.ONLY);
await loadgen({ url, requests, connections: 50, amount: 1000 }); // warm-up: opens the pool's 10 connections
const c = new pg.Client({ connectionString: PG_URL });
await c.connect();
const ticks = (pid: number) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
};
async function backends(): Promise<number[]> {
  const ports = execSync(`ss -tnpH state established '( dport = :5432 )'`)
    .toString()
    .split('\n')
    .filter((l) => l.includes(`pid=${proc.pid},`))
    .map((l) => Number(l.trim().split(/\s+/)[2].split(':').pop()));
  return (await c.query('SELECT pid FROM pg_stat_activity WHERE client_port = ANY($1)', [ports])).rows.map((r: any) => r.pid);
}
const runs: string[] = [];
for (let run = 0; run < 3; run++) {
  const seen = new Map<number, { first: number; last: number; born: boolean }>();
  const poll = async (born: boolean) => {
    for (const pid of await backends()) {
      const t = ticks(pid);
      if (t == null) continue;
      const s = seen.get(pid);
      if (s) s.last = t;
      else seen.set(pid, { first: born ? 0 : t, last: t, born });
    }
  };
  await poll(false);
  const n0 = ticks(proc.pid!)!;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      await poll(true);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const r = await loadgen({ url, requests, connections: 50, amount: Number(process.env.AMOUNT ?? 3000), stagger: true });
  polling = false;
  await poller;
  await poll(true);
  let pgTicks = 0;
  for (const s of seen.values()) pgTicks += s.last - s.first;
  const n = ((ticks(proc.pid!)! - n0) * 10) / r.total,
    p = (pgTicks * 10) / r.total;
  runs.push(
    `node ${n.toFixed(2)} + PostgreSQL ${p.toFixed(2)} = ${(n + p).toFixed(2)} ms CPU/request (${r.total} requests, ${seen.size} backends, ${r.non2xx + r.errors} bad, ${Math.round(r.rps)} req/s, p99 ${r.p99} ms)`,
  );
}
await c.end();
console.log(`${CODE} ${schema} ${process.env.ONLY ?? 'mix'}:\n  ` + runs.join('\n  '));
await new Promise<void>((res) => {
  proc.once('exit', () => res());
  proc.kill('SIGTERM');
});
