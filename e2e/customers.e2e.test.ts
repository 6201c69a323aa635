import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { usccCheckChar } from '../common/src/uscc.calc';
import { chooseAntOption, e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

async function pick(page: Page, container: string, label: string, option: string) {
  await chooseAntOption(page, page.locator(`${container} .ant-form-item`).filter({ hasText: label }).locator('.ant-select').first(), option);
}

describe.skipIf(!avail.run)('customers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('creates a customer, assigns a manager, moves it on, finds it by pinyin and exports the list', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/customers');
    await page.getByTestId('customer-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'customers-list-zh');

    // Create
    const base = '91510502' + String(Date.now()).slice(-9);
    const uscc = base + usccCheckChar(base);
    await page.getByTestId('customer-create').click();
    const drawer = '.ant-drawer-open';
    await page.locator(`${drawer} input#name`).fill('泸州端到端测试燃气有限公司');
    await page.locator(`${drawer} input#uscc`).fill(base + 'X'); // wrong check digit first
    await page.locator(`${drawer} input#address`).click();
    await page.getByText('统一社会信用代码无效').waitFor();
    await page.locator(`${drawer} input#uscc`).fill(uscc.toLowerCase());
    await pick(page, drawer, '客户类型', '城市燃气');
    await pick(page, drawer, '价格类别', '居民');
    await page.locator(`${drawer} .ant-cascader`).click();
    await page.locator('.ant-cascader-menu-item[title="四川省"]').click();
    await page.locator('.ant-cascader-menu-item[title="泸州市"]').click();
    await page.locator('.ant-cascader-menu-item[title="江阳区"]').click();
    await page.locator(`${drawer} input#residentialSharePct`).fill('58.5');
    await page.getByTestId('customer-save').click();
    await page.waitForURL(/\/customers\/\d+$/);
    await page.getByTestId('customer-name').filter({ hasText: '泸州端到端测试燃气有限公司' }).waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe('泸州端到端测试燃气有限公司');
    await page.getByTestId('customer-status').filter({ hasText: '潜在' }).first().waitFor();
    await page.getByText('58.50%').first().waitFor();

    // Assign a full-time manager
    await page.getByTestId('customer-managers').click();
    await chooseAntOption(
      page,
      page
        .locator('.ant-drawer-open .ant-form-item')
        .filter({ has: page.getByTestId('manager-user') })
        .locator('.ant-select'),
      '张伟',
    );
    await page.getByTestId('manager-assign').click();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'customer-managers-drawer');
    await page.getByTestId('customer-fulltime').filter({ hasText: '张伟' }).waitFor();
    await page.keyboard.press('Escape');

    // Lifecycle: prospect → survey with a reason; the timeline shows it
    await page.getByTestId('customer-transition').hover();
    await page.getByRole('menuitem', { name: '调研' }).click();
    await page.getByTestId('transition-reason').fill('客户提出用气需求，组织现场联合调研');
    await page.getByTestId('transition-ok').click();
    await page.getByTestId('customer-status').filter({ hasText: '调研' }).first().waitFor();
    await page.getByRole('tab', { name: '历史与时间线' }).click();
    await page.getByTestId('timeline').getByText('客户提出用气需求，组织现场联合调研').waitFor();
    await screenshot(page, 'customer-360-history-zh');

    // Find it by pinyin initials (泸州端到端测试燃气 → lzdddcsrq)
    await page.goto('/customers');
    await page.getByTestId('customer-search').fill('lzdddcs');
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('customer-table').getByRole('link', { name: '泸州端到端测试燃气有限公司' }).waitFor();
    expect(await page.getByTestId('customer-table').locator('tbody tr.ant-table-row').count()).toBe(1);

    // Export the filtered list and read it back
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('customer-export').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file!) as any);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0].slice(0, 3)).toEqual(['客户编码', '客户名称', '统一社会信用代码']);
    expect(rows.length).toBe(2);
    expect(rows[1].slice(1, 4)).toEqual(['泸州端到端测试燃气有限公司', uscc, '城市燃气']);
    expect(rows[1][10]).toBe('张伟');
    await page.context().close();
  });

  it('finds the new customer with Ctrl+K and shows its activity timeline', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/customers');
    await page.getByTestId('customer-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('global-search-input');
    await input.waitFor();
    await input.fill('lzdddcs');
    await page.getByTestId('global-search-results').getByRole('option').filter({ hasText: '泸州端到端测试燃气有限公司' }).waitFor();
    await screenshot(page, 'global-search-zh');
    await input.press('Enter');
    await page.waitForURL(/\/customers\/\d+$/);
    await page.getByTestId('customer-name').filter({ hasText: '泸州端到端测试燃气有限公司' }).waitFor();
    await page.getByRole('tab', { name: '活动时间线' }).click();
    await page.getByTestId('activity-lifecycle').filter({ hasText: '潜在 → 调研' }).waitFor();
    expect(await page.getByTestId('activity-lifecycle').filter({ hasText: '客户提出用气需求，组织现场联合调研' }).count()).toBe(1);
    await screenshot(page, 'customer-activity-zh');
    await page.context().close();
  });

  it('an account manager sees only the customers of their territory', async () => {
    const page = await newPage(browser, 'en');
    await signIn(page, 'am08');
    await page.goto('/customers');
    await page.getByTestId('customer-table').locator('tbody tr.ant-table-row').first().waitFor();
    const regions = await page.getByTestId('customer-table').locator('tbody tr.ant-table-row td:nth-child(5)').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(r).toMatch(/^(永川区|荣昌区|江津区)/);
    await screenshot(page, 'customers-list-am08');
    await page.context().close();
  });
});
