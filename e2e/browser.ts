import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(): string | null {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]) if (fs.existsSync(p)) return p;
  return null;
}

/**
 * Whether e2e tests can run. Without a browser they are skipped with the reason —
 * unless REQUIRE_E2E=1, when the missing browser is a failure.
 */
export function e2eAvailability(): { run: boolean; reason: string } {
  const exe = inject('chromium');
  if (exe) return { run: true, reason: '' };
  const reason = 'Chromium not found (apt-get install -y chromium fonts-noto-cjk): end-to-end tests skipped';
  if (process.env.REQUIRE_E2E === '1') throw new Error(`REQUIRE_E2E=1 but ${reason}`);
  console.warn(reason);
  return { run: false, reason };
}

/** Whether the test process runs under libfaketime (the CI run with the clock moved ahead). */
const FAKED_CLOCK = !!process.env.FAKETIME;

export async function launch(): Promise<Browser> {
  // playwright gives every launch its own fresh, empty profile directory. Chromium does not run
  // under libfaketime (its network stack stalls): it gets the real clock, and each page's clock is
  // set to the test process's (faked) time in newPage.
  const env = FAKED_CLOCK ? Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME'))) : undefined;
  return chromium.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS, env: env as Record<string, string> | undefined });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function newPage(browser: Browser, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  // x-requested-with as the web client sends it: page.request calls carry no Origin, and the server's
  // CSRF check wants one of the two for cookie-authenticated changes (platform/http/security.ts)
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang, baseURL: baseUrl(), extraHTTPHeaders: { 'x-requested-with': 'qike' } });
  if (FAKED_CLOCK) await ctx.clock.setSystemTime(new Date());
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Sign in through the login page. */
export async function signIn(page: Page, username: string, password = 'qike2026demo') {
  await page.goto('/login');
  await page.locator('input#username').fill(username);
  await page.locator('input#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: path.join('test-results/screenshots', `${name}.png`), fullPage: false });
}

/**
 * Choose an option of an antd Select by its text, robust against the open animation on a busy
 * machine: open, wait for the option, click it, and check the selection shows it; retry if not.
 * Never presses Escape (that would close a surrounding drawer).
 */
export async function chooseAntOption(page: Page, select: Locator, text: string) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
  let last: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // inside the try: a drawer still sliding in can leave the select outside the viewport
      if (!(await option.first().isVisible())) await select.click({ force: true, timeout: 4_000 });
      // a searchable select is filtered to the text: a long (virtual) list renders only its first
      // rows, and the wanted one may be below them; its first match is then chosen with Enter, which
      // no animation or re-render (options arriving while the list is open) can make miss
      const search = select.locator('input.ant-select-selection-search-input');
      const typed = attempt > 0 && (await search.count()) > 0 && (await search.getAttribute('readonly')) === null;
      if (typed) await search.fill(text, { timeout: 4_000 });
      await option.first().waitFor({ timeout: 4_000 + attempt * 2_000 });
      if (typed) await search.press('Enter', { timeout: 4_000 });
      else {
        await page.waitForTimeout(250); // let the slide-in animation finish
        await option.first().click({ timeout: 4_000 });
      }
      await select.locator('.ant-select-selection-item', { hasText: text }).first().waitFor({ timeout: 4_000 });
      return;
    } catch (e) {
      last = e;
      await page.waitForTimeout(500); // retry after the animation
    }
  }
  const shown = await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .allTextContents()
    .catch(() => []);
  throw new Error(`could not choose "${text}" (options shown: ${shown.slice(0, 20).join(' | ') || 'none'}; last error: ${String((last as Error)?.message ?? last).split('\n')[0]})`);
}

/** Today's date in China (the server's business day), whatever the zone of the machine running the tests. */
export const chinaToday = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
