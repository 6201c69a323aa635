import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { formatFen } from '@common/money';
import { e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

describe.skipIf(!avail.run)('accounts (先款后气: 气款监控, 客户账户)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('shows the board sorted by risk, in Chinese and English', async () => {
    const page = await newPage(browser);
    await signIn(page, 'finance');
    await page.goto('/accounts/board');
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    const firstLevel = await page.locator('tbody tr.ant-table-row').first().locator('.ant-tag').first().textContent();
    expect(['停气', '减气', '预警']).toContain(firstLevel);
    await screenshot(page, 'accounts-board-zh');
    await page.context().close();
    const en = await newPage(browser, 'en');
    await signIn(en, 'finance');
    await en.request.put('/api/auth/lang', { data: { lang: 'en' } });
    await en.goto('/accounts/board');
    await en.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(en, 'accounts-board-en');
    // the language is remembered per user on the server: put it back for the next test
    await en.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    await en.context().close();
  });

  it('records a payment and watches a customer move from 减气 back to 正常', async () => {
    const page = await newPage(browser);
    await signIn(page, 'finance');
    const board = await (await page.request.get('/api/accounts/board?level=reduce')).json();
    expect(board.total).toBeGreaterThan(0);
    const c = board.items[0];
    // ten days of gas at the average daily charge lifts it well above the warning level
    const yuan = formatFen(c.avgDailyChargeFen * 10 - c.balanceFen, { separators: false });
    await page.goto(`/customers/${c.customerId}?tab=accounts`);
    // the account tab and the customer header (balance, level, days left) both show the level
    await page.locator('.ant-tabs-tabpane-active .ant-statistic .ant-tag', { hasText: '减气' }).waitFor();
    await page.getByTestId('account-header').locator('.ant-tag', { hasText: '减气' }).waitFor();
    await screenshot(page, 'accounts-tab-reduce-zh');
    await page.getByRole('button', { name: '登记收款' }).click();
    const dialog = page.locator('.ant-modal-content');
    await dialog.locator('input#amount').fill(yuan);
    await dialog.locator('input#bankRef').fill(`E2E-${Date.now()}`);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('收款已入账').waitFor();
    await page.locator('.ant-tabs-tabpane-active .ant-statistic .ant-tag', { hasText: '正常' }).waitFor();
    await page.getByTestId('account-header').locator('.ant-tag', { hasText: '正常' }).waitFor();
    const after = await (await page.request.get(`/api/accounts/customers/${c.customerId}`)).json();
    expect(after.level).toBe('normal');
    expect(after.balanceFen).toBe(c.avgDailyChargeFen * 10);
    await screenshot(page, 'accounts-tab-paid-zh');
    await page.context().close();
  });
});
