/**
 * The language walk (issue 9 item 3), shared by e2e/zz-language-walk.e2e.test.ts and by hand
 * (`BASE_URL=… npx tsx e2e/language-walk.ts`): every menu page as every demo role in both
 * languages, collecting
 *   - untranslated text in the UI's own words (menus, headers, labels, buttons, tabs, titles,
 *     placeholders, empty states — not data cells, which hold customers' Chinese names):
 *     CJK characters on the English UI; Latin words on the Chinese UI outside a short allow-list;
 *   - console errors and uncaught exceptions / promise rejections;
 *   - API answers 4xx/5xx (a page must not call what the role cannot read).
 * One browser and one page per role, reused across its pages and both languages.
 */
import type { Browser, Page } from 'playwright-core';

export const WALK_USERS = ['admin', 'lead', 'finance', 'am01', 'pt01', 'rev_prod', 'ops_lz', 'viewer'] as const;

/** Latin words allowed on the Chinese UI: names, formats, units, codes. */
export const LATIN_ALLOWED = new Set(
  [
    'Qike',
    'Excel',
    'PDF',
    'CSV',
    'XLSX',
    'xlsx',
    'csv',
    'pdf',
    'GJ',
    'MJ',
    'SCADA',
    'USCC',
    'CNG',
    'LNG',
    'ID',
    'API',
    'OK',
    'YYYY',
    'MM',
    'DD',
    'HH',
    'mm',
    'GCV',
    'Ctrl',
    'UTF',
    'GBK',
    'kPa',
    'MPa',
    'km',
    'CN',
    'EN',
    'English',
    'JSON',
    'Top',
  ].map((w) => w.toLowerCase()),
);

/** Selectors of the UI's own words (not data). */
const CHROME = [
  '.ant-layout-sider .ant-menu-title-content',
  '.ant-layout-header',
  'th',
  '.ant-form-item-label',
  'button',
  '.ant-tabs-tab',
  '.ant-card-head-title',
  '.ant-statistic-title',
  '.ant-descriptions-item-label',
  '.ant-empty-description',
  '.ant-pagination',
  '.ant-segmented-item-label',
  '.ant-select-selection-placeholder',
  '.ant-alert-message',
  '.ant-page-header-heading-title',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
];

export interface Finding {
  user: string;
  lang: 'zh-CN' | 'en';
  path: string;
  kind: 'untranslated' | 'console' | 'pageerror' | 'api';
  detail: string;
}

/** Texts of the UI's words on the page, plus placeholders. */
async function chromeTexts(page: Page): Promise<string[]> {
  return page.evaluate((sels) => {
    // Not words to translate: text marked as another language (the language switch shows 中文 /
    // English in its own language) and identifiers marked as code or translate="no".
    const pageLang = (document.documentElement.lang || 'zh-CN').slice(0, 2);
    const hidden = [...document.querySelectorAll<HTMLElement>('body [lang], code, kbd, [translate="no"]')].filter((el) => !el.hasAttribute('lang') || el.lang.slice(0, 2) !== pageLang);
    const display = hidden.map((el) => el.style.display);
    for (const el of hidden) el.style.display = 'none';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sels.join(','))) {
      if (el.closest('td')) continue; // buttons and tags inside data rows show data
      if (hidden.some((h) => h.contains(el))) continue;
      const s = (el.innerText ?? '').trim();
      if (s) out.push(s);
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) if (el.placeholder) out.push(el.placeholder);
    hidden.forEach((el, i) => (el.style.display = display[i]!));
    return out;
  }, CHROME);
}

/** The user's display name and other data may appear in the header; they are not UI words. */
export function untranslated(text: string, lang: 'zh-CN' | 'en', dataWords: string[] = []): string | null {
  let s = text;
  for (const w of dataWords) if (w) s = s.split(w).join(' ');
  if (lang === 'en') {
    const m = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+/.exec(s);
    return m ? m[0] : null;
  }
  for (const w of s.match(/[A-Za-z][A-Za-z']{2,}/g) ?? []) if (!LATIN_ALLOWED.has(w.toLowerCase())) return w;
  return null;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 15_000 }).catch(() => undefined);
}

async function setLang(page: Page, lang: 'zh-CN' | 'en') {
  const r = await page.request.put('/api/auth/lang', { data: { lang } });
  if (!r.ok()) throw new Error(`setting the language failed: ${r.status()}`);
  await page.evaluate((l) => localStorage.setItem('qike.lang', l), lang);
}

/**
 * Walk every menu page of one signed-in user in both languages. `visited` (shared across users)
 * skips a page other than home already walked in that language by an earlier user: the fast subset.
 */
export async function walkUser(page: Page, user: string, findings: Finding[], visited?: Set<string>) {
  let where = { lang: 'zh-CN' as 'zh-CN' | 'en', path: '/' };
  const add = (kind: Finding['kind'], detail: string) => {
    findings.push({ user, ...where, kind, detail });
    if (process.env.WALK_VERBOSE) console.log(formatFindings(findings.slice(-1)));
  };
  page.on('console', (m) => {
    if (m.type() === 'error') add('console', m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => add('pageerror', String(e?.message ?? e).slice(0, 300)));
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/') && r.status() >= 400) add('api', `${r.request().method()} ${u.pathname} → ${r.status()}`);
  });
  const me = await (await page.request.get('/api/auth/me')).json();
  const dataWords = [me.displayName, me.department].filter(Boolean);
  for (const lang of ['zh-CN', 'en'] as const) {
    where = { lang, path: '/' };
    await setLang(page, lang);
    await page.goto('/');
    await settle(page);
    const paths: string[] = await page.$$eval('.ant-layout-sider a[href]', (as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
    for (const path of paths) {
      // the home page differs by role: every user walks it, so the fast subset meets every role
      if (path !== '/' && visited?.has(`${lang} ${path}`)) continue;
      visited?.add(`${lang} ${path}`);
      where = { lang, path };
      if (path !== '/') {
        await page.goto(path);
        await settle(page);
      }
      const seen = new Set<string>();
      for (const t of await chromeTexts(page)) {
        const bad = untranslated(t, lang, dataWords);
        if (bad && !seen.has(bad)) {
          seen.add(bad);
          add('untranslated', `${bad}  «${t.slice(0, 80).replace(/\s+/g, ' ')}»`);
        }
      }
    }
  }
}

/**
 * The fast subset: every role's home page in both languages, and every other menu page once per
 * language, as the first of these users who has it (the lead, finance and a manager reach nearly
 * every page first; the other roles then add their home pages and what only they see).
 */
export const FAST_USERS = WALK_USERS;

export async function walkAll(
  browser: Browser,
  base: string,
  signIn: (page: Page, user: string) => Promise<void>,
  users: readonly string[] = WALK_USERS,
  opts: { oncePerPage?: boolean } = {},
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const visited = opts.oncePerPage ? new Set<string>() : undefined;
  for (const user of users) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: base, extraHTTPHeaders: { 'x-requested-with': 'qike' } });
    // the page's clock follows the test process's (faked, in the CI run a year ahead), as in browser.ts newPage
    if (process.env.FAKETIME) await ctx.clock.setSystemTime(new Date());
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, user);
    await walkUser(page, user, findings, visited);
    await ctx.close();
  }
  return findings;
}

export function formatFindings(f: Finding[]): string {
  return f.map((x) => `${x.user} ${x.lang} ${x.path} [${x.kind}] ${x.detail}`).join('\n');
}

// By hand: BASE_URL=http://127.0.0.1:port npx tsx e2e/language-walk.ts [--fast] [user …]
if (process.argv[1]?.endsWith('language-walk.ts') && process.env.BASE_URL) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('./browser');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const fast = process.argv.includes('--fast');
  const users = process.argv.slice(2).filter((a) => a !== '--fast');
  const t0 = Date.now();
  const f = await walkAll(
    browser,
    process.env.BASE_URL,
    async (page, user) => {
      await page.goto('/login');
      await page.locator('input#username').fill(user);
      await page.locator('input#password').fill('qike2026demo');
      await page.locator('button[type=submit]').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    users.length ? users : fast ? FAST_USERS : WALK_USERS,
    { oncePerPage: fast },
  );
  console.log(formatFindings(f));
  console.log(`${f.length} findings in ${Math.round((Date.now() - t0) / 1000)} s`);
  await browser.close();
}
