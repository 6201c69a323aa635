import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseAntOption, e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();
const run = Date.now().toString(36); // distinct texts per run

/** Pick the first option of the open antd Select dropdown, then wait for it to close. */
async function pickFirst(page: Page) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await dropdownsClosed(page);
}

async function dropdownsClosed(page: Page) {
  for (let i = 0; i < 50 && (await page.locator('.ant-select-dropdown:visible').count()) > 0; i++) await page.waitForTimeout(100);
}

describe.skipIf(!avail.run)('interactions (对接与走访, 客户问题, 待办, 经理大表, 统计)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('shows my tasks on the home page and logs a visit with a follow-up task', async () => {
    const page = await newPage(browser);
    await signIn(page, 'am01');
    // the manager's task widget (the onboarding widget's title, 我的待办（新增客户）, also contains 我的待办)
    const widget = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText('我的待办', { exact: true }) });
    await widget.waitFor();
    await widget.locator('.ant-list-item').first().waitFor();
    await widget.getByText('逾期').first().waitFor();
    await screenshot(page, 'interactions-home-zh');

    await page.goto('/interactions');
    await page.getByRole('button', { name: '记录对接' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('#customerId').click();
    await pickFirst(page);
    await chooseAntOption(page, drawer.locator('.ant-select').filter({ has: page.locator('#kind') }), '走访');
    await drawer.locator('#summary').fill(`端到端测试：走访了解下月用气计划 ${run}`);
    await drawer.getByText('生成待办').click();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    const row = page.locator('tr', { hasText: `端到端测试：走访了解下月用气计划 ${run}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('走访');
    await screenshot(page, 'interactions-list-zh');

    await page.goto('/tasks');
    await page.getByText(`端到端测试：走访了解下月用气计划 ${run}`).first().waitFor();
    await page.context().close();
  });

  it('raises an issue and takes it to resolved with response times', async () => {
    const page = await newPage(browser);
    await signIn(page, 'am02');
    await page.goto('/issues');
    await page.getByRole('button', { name: '登记问题' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('#customerId').click();
    await pickFirst(page);
    await drawer.locator('#title').fill(`端到端测试：计量数据差异 ${run}`);
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.locator('tr', { hasText: `端到端测试：计量数据差异 ${run}` });
    await row.getByRole('button', { name: '开始处理' }).click();
    await row.getByRole('button', { name: '解决' }).click();
    await page.locator('.ant-modal-content #resolution').fill('已与客户共同核对，数据无误');
    await page
      .locator('.ant-modal-content')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await row.getByText('已解决').waitFor();
    await screenshot(page, 'interactions-issues-zh');
    await page.context().close();
  });

  it('exports the manager big table and shows the statistics chart, also in English', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/manager-table');
    await page.locator('.ant-table-row').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^客户经理大表_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(page, 'interactions-manager-table-zh');

    await page.goto('/interaction-stats');
    await page.locator('canvas').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'interactions-stats-zh');

    await page.getByTestId('lang-switch').click();
    await page.getByText('Contact statistics').first().waitFor();
    await screenshot(page, 'interactions-stats-en');
    await page.getByTestId('lang-switch').click();
    await page.getByText('对接统计').first().waitFor();
    await page.context().close();
  });
});
