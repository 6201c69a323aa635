import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

describe.skipIf(!avail.run)('settlement (月度结算, 结算单, 偏差结算)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('settles the latest ended month and opens a customer’s statement (zh and en)', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/settlement');
    const month = await page.locator('[data-testid=month-select] .ant-select-selection-item').textContent();
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    // the demo leaves the latest ended month unsettled: the page says so instead of an empty table
    await page
      .getByTestId('settlement-not-run')
      .filter({ hasText: `${month} 尚未结算` })
      .waitFor();
    await screenshot(page, 'settlement-not-run-zh');
    await page.getByRole('button', { name: '运行结算' }).click();
    await page.getByText(/结算完成：\d+ 户/).waitFor({ timeout: 120_000 });
    await page.locator('.ant-tag', { hasText: '草稿' }).first().waitFor();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'settlement-month-zh');
    const first = page.locator('tbody tr.ant-table-row').first().locator('a').first();
    const name = await first.textContent();
    await first.click();
    await page.getByText(`结算单 · ${name}`).waitFor();
    await page.locator('[data-testid=statement-total]').waitFor();
    const api = await (await page.request.get(page.url().replace(/.*\/settlement\//, '/api/settlement/months/'))).json();
    expect(api.lines.length).toBeGreaterThan(0);
    expect(api.totalFen).toBe(api.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0));
    await screenshot(page, 'settlement-statement-zh');
    const url = page.url();
    await page.context().close();
    const en = await newPage(browser, 'en');
    await signIn(en, 'lead');
    try {
      await en.goto(url.replace(/^https?:\/\/[^/]+/, ''));
      await en.locator('[data-testid=statement-total]').waitFor();
      await en.getByText('English', { exact: true }).click(); // the header's language switch
      await en.getByRole('button', { name: 'Download PDF' }).waitFor();
      await screenshot(en, 'settlement-statement-en');
      await en.goto(`/settlement?month=${month}`);
      await en.locator('tbody tr.ant-table-row').first().waitFor();
      await screenshot(en, 'settlement-month-en');
    } finally {
      // the language is remembered per user on the server: put it back for the next test
      await en.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    }
    await en.context().close();
  });

  it('runs the deviation flow to a printed confirmation form', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    const periods = await (await page.request.get('/api/deviation/periods')).json();
    expect(periods.length).toBeGreaterThan(0);
    const detail = await (await page.request.get(`/api/deviation/periods/${periods[0].id}`)).json();
    const open = detail.cases.find((c: { status: string }) => c.status === 'draft' || c.status === 'reviewed');
    expect(open).toBeTruthy();
    await page.goto('/deviation');
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'deviation-list-zh');
    await page.goto(`/deviation?case=${open.id}`);
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('[data-testid=deviation-fee]').waitFor();
    await drawer.getByRole('button', { name: '出具确认单' }).click();
    await page.getByText('确认单已出具').waitFor();
    const download = page.waitForEvent('download');
    await drawer.getByRole('button', { name: '打印确认单' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/偏差结算确认单.*\.pdf$/);
    await screenshot(page, 'deviation-case-zh');
    const pdf = await page.request.get(`/api/deviation/cases/${open.id}/confirmation.pdf`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    const after = await (await page.request.get(`/api/deviation/cases/${open.id}`)).json();
    expect(after.status).toBe('confirmed');
    await page.context().close();
  });

  it('shows a customer’s contracts, contract-year months and statements in the customer page’s 合同/结算 tab', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    const list = await (await page.request.get('/api/contracts?status=active&pageSize=1')).json();
    expect(list.total).toBeGreaterThan(0);
    const c = list.items[0];
    const overview = await (await page.request.get(`/api/settlement/customers/${c.customerId}`)).json();
    await page.goto(`/customers/${c.customerId}?tab=contracts`);
    const tab = page.locator('.ant-tabs-tabpane-active');
    await tab.getByRole('link', { name: c.contractNo }).waitFor();
    await tab.getByText('合同年度：分月合同量与实际量').waitFor();
    await tab.getByText(`${c.startMonth}`, { exact: true }).first().waitFor();
    if (overview.statements.length) await tab.getByRole('link', { name: overview.statements[0].month, exact: true }).waitFor();
    await screenshot(page, 'customer-contracts-tab-zh');
    await page.context().close();
  });
});
