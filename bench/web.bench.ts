/**
 * Web bench (issue 15.6): first load of the login page and of the home page in Chromium, cold
 * cache (a fresh browser context per run), bytes transferred (as sent, i.e. compressed) and time to
 * a usable page; then a warm reload of the home page (immutable assets come from the cache).
 * Method (issue 15.1): the server runs in its own process (built web app, embedded database with
 * the demo data), Chromium in its own; 3 runs → median; a raw baseline measured in the same run —
 * Chromium loading a constant one-line page from a bare Fastify process — and the ratio beside
 * each time; the load average before and after.
 *
 *   npm run build && npm run bench -- web
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { machine, report, startServer, login } from './lib';

const DEMO_PW = 'qike2026demo';
// as e2e/browser.ts (not imported: it needs the vitest runner)
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const chromiumPath = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p)) ?? null;
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

interface Load {
  ms: number;
  bytes: number;
  jsBytes: number;
  requests: number;
  echarts: boolean;
}

/** Count what the page fetches over the network (encoded sizes as sent; cache hits are 0). */
function meter(page: Page) {
  const sizes: Promise<{ bytes: number; js: boolean; url: string }>[] = [];
  page.on('requestfinished', (req) => {
    sizes.push(
      req
        .sizes()
        .then((s) => ({ bytes: s.responseBodySize + s.responseHeadersSize, js: req.resourceType() === 'script', url: req.url() }))
        .catch(() => ({ bytes: 0, js: false, url: '' })), // finished after the page closed
    );
  });
  return async () => {
    const all = await Promise.all(sizes);
    return {
      bytes: all.reduce((a, x) => a + x.bytes, 0),
      jsBytes: all.filter((x) => x.js).reduce((a, x) => a + x.bytes, 0),
      requests: all.length,
      echarts: all.some((x) => /installCanvasRenderer|echarts/i.test(x.url)),
    };
  };
}

async function measure(ctx: BrowserContext, url: string, ready: (p: Page) => Promise<void>): Promise<Load> {
  const page = await ctx.newPage();
  page.setDefaultTimeout(60_000);
  const done = meter(page);
  const t0 = performance.now();
  await page.goto(url);
  await ready(page);
  const ms = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  const m = await done();
  await page.close();
  return { ms, ...m };
}

/** A bare Fastify process answering a constant page: the baseline for a browser page load. */
async function startBaseline(port: number) {
  const code = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async (_q, r) => r.type('text/html').send('<!doctype html><html><body><div id="ok">ok</div></body></html>'));
await app.listen({ port: ${port}, host: '127.0.0.1' });
console.log('ready');`;
  const proc = spawn('node', ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (b) => String(b).includes('ready') && resolve());
    proc.once('exit', (c) => reject(new Error(`baseline exited ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => proc.kill('SIGTERM') };
}

async function main() {
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found (apt-get install -y chromium): the web bench needs it');
  if (!fs.existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run npm run build first');
  console.log(`machine: ${machine()}; date ${new Date().toISOString()}`);
  console.log(`load average before: ${load()}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qike-web-bench-'));
  const port = 3400 + (process.pid % 500);
  // The demo data (WEB_BENCH_DEMO=1) makes the home page's widgets realistic but takes minutes to
  // load on a busy machine; by default an empty database with one administrator (same JavaScript).
  const demo = process.env.WEB_BENCH_DEMO === '1';
  const user = demo ? 'lead' : 'benchadmin';
  const password = demo ? DEMO_PW : 'bench-pass-2026';
  const server = await startServer({ DATA_DIR: dataDir, DEMO: demo ? '1' : '0', ADMIN_USERNAME: user, ADMIN_PASSWORD: password, WEB_DIST: 'dist/web', COOKIE_SECURE: '0' }, port);
  console.log(`server ready in ${(server.readyMs / 1000).toFixed(1)} s (${demo ? 'demo data' : 'empty database'})`);
  process.once('exit', () => server.proc.kill('SIGTERM')); // never leave the server behind
  const baseline = await startBaseline(port + 1);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
    const cookie = (await login(server.url, user, password)).split('=');
    const fresh = async (signedIn: boolean) => {
      const ctx = await browser!.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      if (signedIn) await ctx.addCookies([{ name: cookie[0], value: cookie.slice(1).join('='), url: server.url }]);
      return ctx;
    };
    const runs: Record<'baseline' | 'login' | 'home' | 'homeWarm', Load[]> = { baseline: [], login: [], home: [], homeWarm: [] };
    for (let i = 0; i < RUNS; i++) {
      let ctx = await fresh(false);
      runs.baseline.push(await measure(ctx, baseline.url, (p) => p.locator('#ok').waitFor()));
      await ctx.close();
      ctx = await fresh(false);
      runs.login.push(await measure(ctx, server.url + '/login', (p) => p.locator('input#username').waitFor()));
      await ctx.close();
      ctx = await fresh(true);
      const homeReady = (p: Page) => p.locator('.ant-layout-sider, .ant-menu').first().waitFor();
      runs.home.push(await measure(ctx, server.url + '/', homeReady));
      runs.homeWarm.push(await measure(ctx, server.url + '/', homeReady));
      await ctx.close();
    }
    const base = median(runs.baseline.map((r) => r.ms));
    console.log(`\nbaseline (constant page from bare Fastify): ${base.toFixed(0)} ms (runs ${runs.baseline.map((r) => r.ms.toFixed(0)).join(', ')})`);
    for (const [name, rs] of Object.entries(runs).filter(([k]) => k !== 'baseline')) {
      const ms = median(rs.map((r) => r.ms));
      console.log(
        `${name.padEnd(8)} ${ms.toFixed(0).padStart(5)} ms (×${(ms / base).toFixed(1)} baseline; runs ${rs.map((r) => r.ms.toFixed(0)).join(', ')})` +
          `  transferred ${kb(median(rs.map((r) => r.bytes)))}, JavaScript ${kb(median(rs.map((r) => r.jsBytes)))}, ${median(rs.map((r) => r.requests))} requests, ECharts ${rs.some((r) => r.echarts) ? 'loaded' : 'not loaded'}`,
      );
    }
    const loginJs = median(runs.login.map((r) => r.jsBytes));
    report('login page JavaScript (compressed, as transferred)', kb(loginJs), '< 300 KB', loginJs < 300 * 1024);
    report('login page without ECharts', runs.login.some((r) => r.echarts) ? 'ECharts loaded' : 'no ECharts', 'no ECharts', !runs.login.some((r) => r.echarts));
    const warm = median(runs.homeWarm.map((r) => r.jsBytes));
    report('home page reload: JavaScript from the cache', kb(warm), '≈ 0 (immutable assets)', warm < 10 * 1024);
  } finally {
    await browser?.close();
    baseline.stop();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`load average after: ${load()}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
