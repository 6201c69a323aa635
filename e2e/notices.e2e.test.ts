import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chooseAntOption, e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]);

describe.skipIf(!avail.run)('notices and receipts (告知函/回执)', () => {
  let browser: Browser;
  let noticePath = '';
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('composes a notice for two customers, prints it and records a returned receipt', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/notices');
    // the demo's notices with partly returned receipts
    await page.locator('tr', { hasText: '价格调整' }).first().waitFor();
    await screenshot(page, 'notices-list-zh');

    await page.getByTestId('notice-compose').click();
    const drawer = page.locator('.ant-drawer-content');
    await chooseAntOption(page, drawer.locator('.ant-select').filter({ has: page.locator('#templateId') }), '价格调整告知函');
    await drawer.getByTestId('field-effectiveDate').fill('2027年1月1日');
    await drawer.getByTestId('field-newPrice').fill('2.4600');
    await drawer.getByText('指定客户').click();
    await drawer.locator('#customerIds').click();
    // the customers' dropdown (found by its listbox, customerIds_list: the template dropdown may still be closing)
    const options = page.locator('.ant-select-dropdown', { has: page.locator('#customerIds_list') }).locator('.ant-select-item-option');
    await options.nth(1).waitFor();
    await options.nth(0).click();
    await options.nth(1).click();
    await drawer.locator('.ant-select-selection-overflow-item .ant-select-selection-item').nth(1).waitFor();
    await drawer.getByText('发送方式').click(); // close the dropdown
    await drawer.getByTestId('notice-preview').click();
    const card = drawer.getByTestId('notice-preview-card');
    await card.getByText('将发送给 2 家客户').waitFor();
    expect(await card.textContent()).toContain('价格调整为 2.4600 元/立方米');
    await screenshot(page, 'notices-compose-zh');
    await drawer.getByTestId('notice-send').click();
    await page.waitForURL(/\/notices\/\d+$/);
    noticePath = new URL(page.url()).pathname;
    await page.getByText('已发送').first().waitFor();
    await page.getByTestId('notice-completion').getByText('0.0%').waitFor();
    const rows = page.getByTestId('notice-recipients').locator('.ant-table-tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    // the pointer left on the drawer's Send button now rests on the header's user menu, whose
    // hover dropdown would cover the page's top-right buttons: move it away first
    await page.getByTestId('side-menu').hover();

    // print the batch: one PDF
    // the first PDF loads the CJK font: give a busy machine time
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('notice-print-all').click()]);
    expect(download.suggestedFilename()).toMatch(/^告知函_GZ\d{8}-\d{6}\.pdf$/);

    // the first customer's receipt comes back signed
    await rows.first().getByRole('button', { name: '登记回执' }).click();
    const modal = page.locator('.ant-modal-content');
    await modal.locator('#signer').fill('王经理');
    await modal.locator('input[type=file]').setInputFiles({ name: '回执.png', mimeType: 'image/png', buffer: PNG });
    await modal.getByTestId('receipt-save').click();
    await page.getByText('回执已登记').first().waitFor();
    await page.getByTestId('notice-completion').getByText('50.0%').waitFor();
    await rows.first().getByText('已回执').waitFor();
    await rows.first().getByRole('button', { name: '下载回执' }).waitFor();
    await screenshot(page, 'notices-detail-zh');
    await page.context().close();
  });

  it('shows the notice and the list in English', async () => {
    expect(noticePath).not.toBe('');
    const page = await newPage(browser, 'en');
    await signIn(page, 'lead');
    await page.request.put('/api/auth/lang', { data: { lang: 'en' } });
    try {
      // the web app applies the language at sign-in and remembers it locally
      await page.evaluate(() => localStorage.setItem('qike.lang', 'en'));
      await page.goto(noticePath);
      await page.getByText('Notice of Natural Gas Price Adjustment').first().waitFor();
      await page.getByTestId('notice-completion').getByText('50.0%').waitFor();
      await page.getByText('Returned', { exact: true }).first().waitFor();
      await screenshot(page, 'notices-detail-en');
      await page.goto('/notices');
      await page.locator('tr', { hasText: 'Price change' }).first().waitFor();
      await screenshot(page, 'notices-list-en');
    } finally {
      // the language is remembered per user on the server: put it back for the other tests
      await page.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } });
    }
    await page.context().close();
  });
});
