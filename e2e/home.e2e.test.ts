/** Issue 9 item 2: the sales lead's home shows the company's level counts — the same as the payment board. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

describe.skipIf(!avail.run)('home page by role', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('the lead’s home level counts equal the board’s, and are not "all paid up"', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/');
    await page.getByTestId('home-level-stop').waitFor();
    const home: Record<string, number> = {};
    for (const l of ['stop', 'reduce', 'warning', 'normal']) home[l] = Number(await page.getByTestId(`home-level-${l}`).getAttribute('data-count'));
    expect(home.stop + home.reduce + home.warning).toBeGreaterThan(0);
    await screenshot(page, 'home-lead-zh');
    await page.goto('/accounts/board');
    const sub = page.getByText(/停气 \d+ · 减气 \d+ · 预警 \d+ · 正常 \d+/).first();
    await sub.waitFor();
    const m = /停气 (\d+) · 减气 (\d+) · 预警 (\d+) · 正常 (\d+)/.exec((await sub.textContent()) ?? '')!;
    expect({ stop: Number(m[1]), reduce: Number(m[2]), warning: Number(m[3]), normal: Number(m[4]) }).toEqual(home);
    await page.context().close();
  });
  it('counts in English agree in number: "1 customer", "2 customers" (not "1 customers")', async () => {
    const page = await newPage(browser, 'en');
    await signIn(page, 'lead');
    expect((await page.request.put('/api/auth/lang', { data: { lang: 'en' } })).ok()).toBe(true);
    await page.evaluate(() => localStorage.setItem('qike.lang', 'en'));
    await page.goto('/');
    const fig = page.getByTestId('home-negative');
    await fig.locator('.ant-statistic-content').waitFor();
    const n = Number((await fig.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
    expect(await fig.locator('.ant-statistic-content-suffix').innerText()).toBe(n === 1 ? 'customer' : 'customers');
    expect((await page.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } })).ok()).toBe(true);
    await page.context().close();
  });
});
