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
 * Waits until no antd overlay — a select list, a dialog, a drawer — is opening or closing (its
 * motion classes `…-enter`, `…-appear`, `…-leave` are gone). A click during a dialog's zoom-in can
 * land beside the shrunken dialog, on its mask, and close it.
 */
export async function overlaysSettled(page: Page, timeout = 10_000) {
  await page.waitForFunction(
    () =>
      !document.querySelector(
        ['.ant-select-dropdown', '.ant-modal', '.ant-drawer-content-wrapper', '.ant-modal-mask', '.ant-drawer-mask']
          .flatMap((o) => [`${o}[class*="-enter"]`, `${o}[class*="-appear"]`, `${o}[class*="-leave"]`])
          .join(', '),
      ),
    undefined,
    { timeout },
  );
}

/**
 * Choose an option of an antd Select by its text, robust against animations on a busy machine:
 * once no overlay is moving, open it with a real click (actionability-checked: the select itself
 * receives it — a forced click during a dialog's zoom-in once hit the mask and closed the dialog),
 * wait for the option, click it, and check the selection shows it; retry if not.
 * Never presses Escape (that would close a surrounding drawer).
 */
export async function chooseAntOption(page: Page, select: Locator, text: string) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
  let last: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await overlaysSettled(page);
      if (!(await option.first().isVisible())) await select.click({ timeout: 4_000 });
      // a searchable select is filtered to the text: a long (virtual) list renders only its first
      // rows, and the wanted one may be below them; its first match is then chosen with Enter, which
      // no animation or re-render (options arriving while the list is open) can make miss
      const search = select.locator('input.ant-select-selection-search-input');
      const typed = attempt > 0 && (await search.count()) > 0 && (await search.getAttribute('readonly')) === null;
      if (typed) await search.fill(text, { timeout: 4_000 });
      await option.first().waitFor({ timeout: 4_000 + attempt * 2_000 });
      if (typed) await search.press('Enter', { timeout: 4_000 });
      else {
        await overlaysSettled(page); // the list has finished sliding in
        await option.first().click({ timeout: 4_000 });
      }
      await select.locator('.ant-select-selection-item', { hasText: text }).first().waitFor({ timeout: 4_000 });
      return;
    } catch (e) {
      last = e;
      await overlaysSettled(page).catch(() => undefined); // retry once nothing is opening or closing
    }
  }
  const shown = await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .allTextContents()
    .catch(() => []);
  // what the page looked like: a picture, and where the select and any dialog were
  await screenshot(page, `failed-choose-${Date.now()}`).catch(() => undefined);
  const where = await select
    .evaluate(
      (el) => {
        const r = el.getBoundingClientRect();
        const hidden = el.closest('[style*="display: none"], .ant-modal-wrap[style*="display: none"]');
        return `select ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}${hidden ? ' inside a hidden element' : ''}`;
      },
      undefined,
      { timeout: 1_000 },
    )
    .catch(() => 'select not in the page');
  const dialogs = await page.locator('.ant-modal-wrap:visible, .ant-drawer-content-wrapper:visible').count();
  throw new Error(
    `could not choose "${text}" (options shown: ${shown.slice(0, 20).join(' | ') || 'none'}; ${where}; visible dialogs: ${dialogs}; url: ${page.url()}; last error: ${String((last as Error)?.message ?? last).split('\n')[0]})`,
  );
}

/** Today's date in China (the server's business day), whatever the zone of the machine running the tests. */
export const chinaToday = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
