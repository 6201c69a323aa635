/** Helpers shared by the benchmarks: machine description, server process, autocannon. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export function report(name: string, value: string, target: string, ok: boolean) {
  console.log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${value} (target ${target})`);
}

export interface ServerProc {
  proc: ChildProcess;
  url: string;
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * A TCP port free right now on 127.0.0.1. Benches on a shared machine must not use a fixed port: with
 * another engineer's server on it, startServer's readiness check is answered by THAT server.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Start `tsx server/src/main.ts` with env; resolve when /api/ready answers 200. */
export async function startServer(env: Record<string, string>, port: number): Promise<ServerProc> {
  const t0 = performance.now();
  const proc = spawn('node', ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', SCHEDULER: '0', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const r = await fetch(url + '/api/ready');
      if (r.status === 200) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  return {
    proc,
    url,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : NaN;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`login failed ${r.status}`);
  const c = r.headers.get('set-cookie') ?? '';
  return /qike_sid=[^;]+/.exec(c)![0];
}

export async function cannon(opts: {
  url: string;
  headers?: Record<string, string>;
  duration?: number;
  connections?: number;
  method?: string;
  body?: string;
}): Promise<{ rps: number; p99: number; errors: number; non2xx: number }> {
  const r = await autocannon({
    url: opts.url,
    headers: opts.headers,
    duration: opts.duration ?? 10,
    connections: opts.connections ?? 50,
    pipelining: 1,
    method: (opts.method ?? 'GET') as any,
    body: opts.body,
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

function addDays(day: string, n: number) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface BenchRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

/**
 * The daily mix of the account managers' screens (issue 10 item 5), per customer: the list, the
 * customer 360 (customer + account summary), its lifecycle timeline, 30 days of usage (up to
 * yesterday), and every fourth customer the metering board or the payment board. `only` keeps the
 * requests whose path contains it (one route alone).
 */
export function dailyMixRequests(ids: number[], headers: Record<string, string>, only?: string): BenchRequest[] {
  const to = addDays(new Date().toISOString().slice(0, 10), -1);
  const from = addDays(to, -29);
  const requests: BenchRequest[] = [];
  ids.forEach((id, i) => {
    const get = (path: string) => {
      if (!only || path.includes(only)) requests.push({ method: 'GET', path, headers });
    };
    get(`/api/customers?page=${1 + (i % 5)}&pageSize=20`);
    get(`/api/customers/${id}`);
    get(`/api/accounts/customers/${id}`);
    get(`/api/customers/${id}/timeline`);
    get(`/api/metering/customers/${id}/usage?granularity=day&from=${from}&to=${to}`);
    if (i % 4 === 0) get(`/api/metering/board`);
    if (i % 4 === 2) get(`/api/accounts/board?page=1&pageSize=20`);
  });
  return requests;
}
