/**
 * Screenshots of pages in both languages, to look at before calling UI work done:
 *   npx tsx scripts/screenshots.ts [--user lead] [--size 1366x768] [--out dir] [--press Control+k]
 *                                  [--click selector] [--suffix name] [--full] /path /other/path …
 * Starts the app on an in-memory embedded database with the demo data (or uses BASE_URL if set),
 * signs in as the demo user, and writes <out>/<user>-<path>-<lang>-<size>[-suffix].png (out:
 * test-results/screenshots/manual). --press presses a key (global search: Control+k) and --click
 * clicks an element (the menu drawer at 390 px: '[data-testid=menu-open]') once each page has loaded;
 * --full takes the whole page, not only the viewport.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/src/app';
import { openTestDatabase, testConfig } from '../server/test/harness';
import { CHROMIUM_ARGS, overlaysSettled } from '../e2e/browser';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const user = opt('user', 'lead');
const [width, height] = opt('size', '1366x768').split('x').map(Number);
const out = opt('out', 'test-results/screenshots/manual');
const press = opt('press', '');
const click = opt('click', '');
const suffix = opt('suffix', '');
const full = args.includes('--full') ? (args.splice(args.indexOf('--full'), 1), true) : false;
const pages = args.length ? args : ['/'];

async function main() {
  let base = process.env.BASE_URL;
  let stop = async () => {};
  if (!base) {
    const { database, drop } = await openTestDatabase();
    const built = await buildApp(testConfig({ webDist: 'dist/web', demo: true }), { database, logger: false, demo: true });
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(built.app.server.address() as { port: number }).port}`;
    stop = async () => {
      await built.close();
      await drop();
    };
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  fs.mkdirSync(out, { recursive: true });
  try {
    for (const lang of ['zh-CN', 'en'] as const) {
      // reduced motion: the app then draws charts and opens dialogs without animation, so a picture
      // never catches one half-drawn (web/src/lib/motion.ts)
      const ctx = await browser.newContext({ viewport: { width, height }, locale: lang, reducedMotion: 'reduce', baseURL: base, extraHTTPHeaders: { 'x-requested-with': 'qike' } });
      await ctx.addInitScript((l) => localStorage.setItem('qike.lang', l), lang);
      const page = await ctx.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto('/login');
      await page.locator('input#username').fill(user);
      await page.locator('input#password').fill('qike2026demo');
      await page.locator('button[type=submit]').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      // the language is a per-user preference: set it through the API the language switch uses
      const r = await page.request.put('/api/auth/lang', { data: { lang } });
      if (!r.ok()) throw new Error(`setting the language failed: ${r.status()}`);
      for (const p of pages) {
        await page.goto(p);
        await page.waitForLoadState('networkidle');
        // lazy pages and queries show spinners first: wait until none is spinning
        await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 30_000 }).catch(() => undefined);
        if (click) await page.locator(click).first().click();
        if (press) await page.keyboard.press(press);
        if (click || press) {
          await page.waitForLoadState('networkidle');
          await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 10_000 }).catch(() => undefined);
        }
        await overlaysSettled(page).catch(() => undefined);
        // charts: every ECharts container has its canvas, then two frames for it to be painted
        await page.waitForFunction(() => [...document.querySelectorAll('.echarts-for-react')].every((c) => c.querySelector('canvas')), undefined, { timeout: 10_000 }).catch(() => undefined);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const name = p.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '') || 'home';
        const file = path.join(out, `${user}-${name}-${lang}-${width}x${height}${suffix ? `-${suffix}` : ''}.png`);
        await page.screenshot({ path: file, fullPage: full });
        console.log(file);
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
