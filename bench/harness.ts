/**
 * The benchmark method every bench/*.bench.ts follows (issue 15 item 1):
 *  - the machine and its load average are printed before and after (`begin()` / `end()`);
 *  - each figure is measured at least three times and the median reported (`repeat()`);
 *  - a raw baseline is measured in the same run — Fastify answering a constant for HTTP figures
 *    (`constantServer()`), a plain COPY of the same rows for ingest, one hand-written SQL statement
 *    for aggregates — and the ratio is printed beside the figure (`figure()`);
 *  - HTTP load comes from a separate process (`loadgen()`), never from the server's process.
 * Results are also appended as JSON lines to test-results/bench/results.jsonl (for docs/BENCHMARKS.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machine } from './lib';

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

let benchName = '';
/** Print the bench's title, the date, the machine and the load average before it starts. */
export function begin(name: string): void {
  benchName = name;
  console.log(`== ${name} — ${new Date().toISOString()} — ${machine()}`);
  console.log(`   load average before: ${loadAverage()}`);
}

/** Print the load average after the bench. */
export function end(): void {
  console.log(`   load average after: ${loadAverage()}`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Repeated<T> {
  median: number;
  values: number[];
  /** The run whose figure is the median (or nearest it), for its details. */
  at: T;
}

/**
 * Run `fn` `runs` times (≥ 3) and return the median of the figure it returns; `fn` returns
 * `{ value, detail }` or a bare number.
 */
export async function repeat<T = undefined>(fn: (i: number) => Promise<number | { value: number; detail: T }>, runs = 3): Promise<Repeated<T>> {
  if (runs < 3) throw new Error('at least three runs');
  const got: { value: number; detail: T }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await fn(i);
    got.push(typeof r === 'number' ? { value: r, detail: undefined as T } : r);
  }
  const values = got.map((g) => g.value);
  const m = median(values);
  const at = got.reduce((best, g) => (Math.abs(g.value - m) < Math.abs(best.value - m) ? g : best)).detail;
  return { median: m, values, at };
}

/** Milliseconds taken by `fn`. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface Figure {
  /** What is measured, e.g. "payments through the API (PostgreSQL, 50 clients)". */
  name: string;
  /** The median figure and the runs it is the median of. */
  value: number;
  values?: number[];
  unit: string;
  /** The raw baseline measured in the same run, in the same unit, and what it is. */
  baseline?: { value: number; what: string };
  /** The target as text and whether the figure meets it. */
  target: string;
  ok: boolean;
  /** Anything else worth printing (p99, counts, …). */
  note?: string;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en');
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/**
 * Print one figure as `PASS|MISS name: median unit (runs a, b, c) | baseline … | ratio …× | target …`.
 * The ratio is figure ÷ baseline (for a rate: the share of the baseline's rate reached; for a time:
 * how many times the baseline's time it took).
 */
export function figure(f: Figure): void {
  const runs = f.values?.length ? ` (runs ${f.values.map(fmt).join(', ')})` : '';
  const base = f.baseline ? ` | baseline ${fmt(f.baseline.value)} ${f.unit} (${f.baseline.what}) | ratio ${(f.value / f.baseline.value).toFixed(2)}×` : '';
  const note = f.note ? ` | ${f.note}` : '';
  console.log(`${f.ok ? 'PASS' : 'MISS'}  ${f.name}: ${fmt(f.value)} ${f.unit}${runs}${base} | target ${f.target}${note}`);
  const dir = path.join(here, '..', 'test-results', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, 'results.jsonl'), JSON.stringify({ bench: benchName, at: new Date().toISOString(), load: os.loadavg(), ...f }) + '\n');
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Replace `[<id>]` in the body/headers with a unique id per request (autocannon idReplacement). */
  idReplacement?: boolean;
  /** Bodies the requests take in turn, `[<seq>]` replaced by the request's number; 2xx counted per body (`okByBody`). */
  bodies?: string[];
  /** A sequence of requests each connection cycles through (autocannon `requests`, JSON only). */
  requests?: { method?: string; path: string; headers?: Record<string, string>; body?: string }[];
  connections?: number;
  /** Seconds, or `amount` requests in all. */
  duration?: number;
  amount?: number;
  timeout?: number;
  /** Each connection starts at its own place in `requests` (spread evenly over the cycle). */
  stagger?: boolean;
  /** Also report each route's latencies (`LoadResult.routes`). */
  routes?: boolean;
}

export interface LoadResult {
  rps: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  durationS: number;
  /** With `routes: true`: per route (ids as `:id`, no query string) the count, p50, p99 and max in ms. */
  routes?: Record<string, { n: number; p50: number; p99: number; max: number }>;
  /** With `bodies`: the 2xx answers per body. */
  okByBody?: number[];
}

/** Run autocannon in its own process against `opts.url` and return its figures. */
export function loadgen(opts: LoadOptions): Promise<LoadResult> {
  const o = { connections: 50, duration: opts.amount ? undefined : 10, timeout: 30, ...opts };
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'loadgen.process.ts'), JSON.stringify(o)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(e);
      }
    });
  });
}

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The HTTP baseline: a bare Fastify answering `/const` in its own process. */
export function constantServer(): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'constant-server.process.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.on('error', reject);
    p.on('exit', (code) => reject(new Error(`constant server exited with ${code}`)));
    p.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n') && Number(line) > 0) {
        resolve({
          url: `http://127.0.0.1:${Number(line)}`,
          pid: p.pid!,
          stop: () =>
            new Promise<void>((r) => {
              p.removeAllListeners('exit');
              p.once('exit', () => r());
              p.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/** The HTTP baseline figure: requests/s and p99 of `GET /const` with the same connections and duration. */
export async function constantBaseline(connections = 50, duration = 5): Promise<{ rps: number; p99: number }> {
  const s = await constantServer();
  try {
    const r = await loadgen({ url: s.url + '/const', connections, duration });
    return { rps: r.rps, p99: r.p99 };
  } finally {
    await s.stop();
  }
}
