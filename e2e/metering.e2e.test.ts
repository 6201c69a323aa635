import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

/** The API as the signed-in user of the page (shares its cookie). */
async function apiGet(page: Page, path: string) {
  const r = await page.request.get(path);
  expect(r.status()).toBe(200);
  return r.json();
}

describe.skipIf(!avail.run)('metering (日用气监控, 日气量导入, 用气)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('shows the daily usage board with flags and switches units', async () => {
    const page = await newPage(browser);
    await signIn(page, 'am01');
    await page.goto('/metering/board');
    const table = page.getByTestId('board-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByText('数据缺失').first().waitFor();
    const first = await table.getByTestId('board-volume').first().textContent();
    expect(first).toMatch(/^[\d,]+$/);
    await screenshot(page, 'metering-board-zh');
    await page.getByText('万方', { exact: true }).click();
    await page.getByRole('columnheader', { name: /日用气量 \(万方\)/ }).waitFor();
    expect(await table.getByTestId('board-volume').first().textContent()).toMatch(/^[\d,]+\.\d{2}$/);
    await page.getByText('GJ', { exact: true }).first().click();
    await page.getByRole('columnheader', { name: /日用气量 \(GJ\)/ }).waitFor();
    await page.context().close();
  });

  it('uploads a file, shows the validation report, then imports the valid file', async () => {
    const page = await newPage(browser);
    await signIn(page, 'am01');
    const cfg = await apiGet(page, '/api/metering/config');
    const day = cfg.importRange.maxDay;
    const list = await apiGet(page, `/api/metering/deliveries?from=${cfg.importRange.minDay}&to=${day}&pageSize=1`);
    const meter = list.items[0].meterNo as string;
    const target = (() => {
      const d = new Date(day + 'T00:00:00Z');
      d.setUTCDate(d.getUTCDate() - 400);
      return d.toISOString().slice(0, 10);
    })();

    await page.goto('/metering/deliveries');
    await page.getByTestId('open-import').click();
    const dialog = page.locator('.ant-modal-content');
    const bad = `计量表号,燃气日,日气量(m³),来源\n${meter},${target},-5,manual\nNO-SUCH,${target},10,manual\n`;
    await dialog.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await dialog.getByRole('button', { name: /校\s*验/ }).click();
    const report = dialog.getByTestId('import-report');
    await report.getByText('第 2 行「日气量(m³)」：不能为负数（-5）').waitFor();
    await report.getByText('第 3 行「计量表号」：计量表号“NO-SUCH”不存在').waitFor();
    expect(await dialog.getByTestId('import-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'metering-import-report-zh');

    const good = `计量表号,燃气日,日气量(m³),来源,备注\n${meter},${target},12345.678,manual,端到端测试补录\n`;
    await dialog.locator('input[type=file]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await dialog.getByRole('button', { name: /校\s*验/ }).click();
    await report.getByText(/校验通过：共 1 行/).waitFor();
    await dialog.getByTestId('import-confirm').click();
    await page
      .getByText(/已导入：/)
      .first()
      .waitFor();
    const after = await apiGet(page, `/api/metering/deliveries?from=${target}&to=${target}&pageSize=100`);
    expect(after.items.find((i: any) => i.meterNo === meter).volumeM3).toBe('12345.678');
    await page.context().close();
  });

  it('shows the usage chart on the customer page, in English too', async () => {
    const page = await newPage(browser);
    await signIn(page, 'am01');
    const board = await apiGet(page, '/api/metering/board?pageSize=1&sort=volume&order=desc');
    const id = board.items[0].customerId;
    await page.goto(`/customers/${id}?tab=usage`);
    const tab = page.getByTestId('usage-tab');
    await tab.locator('canvas').first().waitFor();
    await tab.getByText('有数据天数').waitFor();
    await screenshot(page, 'metering-usage-tab-zh');
    await page.context().close();

    const en = await newPage(browser, 'en');
    await signIn(en, 'lead');
    await en.goto('/metering/board');
    await en.getByTestId('lang-switch').click();
    await en.getByRole('columnheader', { name: /Volume \(m³\)/ }).waitFor();
    await en.getByTestId('board-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(en, 'metering-board-en');
    await en.goto(`/customers/${id}?tab=usage`);
    await en.getByTestId('usage-tab').locator('canvas').first().waitFor();
    await en.getByText('Days with data', { exact: true }).waitFor();
    await screenshot(en, 'metering-usage-tab-en');
    await en.getByTestId('lang-switch').click(); // back to Chinese for the other tests
    await en.getByText('有数据天数').waitFor();
    await en.context().close();
  });
});
