import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

describe.skipIf(!avail.run)('app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('signs in, shows the home page in Chinese, switches to English and signs out', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await screenshot(page, 'login-zh');

    await page.locator('input#username').fill('pt03');
    await page.locator('input#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await signIn(page, 'pt03');
    await page.getByText('工作台').first().waitFor();
    expect(await page.locator('.ant-layout-sider').textContent()).toContain('首页');
    await screenshot(page, 'home-zh');

    await page.getByTestId('lang-switch').click();
    await page.getByText('Workbench').first().waitFor();
    expect(await page.locator('.ant-layout-sider').textContent()).toContain('Home');
    await screenshot(page, 'home-en');

    // The preference is remembered on the server: a fresh sign-in comes back in English.
    await page.getByTestId('user-menu').hover();
    await page.getByText('Sign out').click();
    await page.waitForURL(/\/login/);
    await signIn(page, 'pt03');
    await page.getByText('Workbench').first().waitFor();
    // back to Chinese for the other tests
    await page.getByTestId('lang-switch').click();
    await page.getByText('工作台').first().waitFor();
    await page.context().close();
  });

  it('shows 404 for an unknown page and 403 for a page without permission', async () => {
    const page = await newPage(browser);
    await signIn(page, 'am02');
    await page.goto('/no-such-page');
    await page.getByText('页面不存在').waitFor();
    await page.goto('/admin/users');
    await page.getByText('没有权限').waitFor();
    await screenshot(page, 'forbidden-zh');
    await page.context().close();
  });

  it('lets an administrator see the users page', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('cell', { name: 'am01', exact: true }).waitFor();
    await screenshot(page, 'admin-users-zh');
    await page.context().close();
  });

  it('at 1366×768 every menu entry of the administrator can be reached: the menu scrolls, the collapse button covers nothing', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    const menu = page.getByTestId('side-menu');
    const items = menu.locator('.ant-menu-item');
    await items.first().waitFor();
    const n = await items.count();
    const trigger = await page.locator('.ant-layout-sider-trigger').boundingBox();
    expect(trigger).not.toBeNull();
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      await item.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
      const box = (await item.boundingBox())!;
      // fully above the collapse button, and the item itself receives the click
      expect(box.y + box.height).toBeLessThanOrEqual(trigger!.y + 1);
      expect(
        await item.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        }),
      ).toBe(true);
    }
    await page.context().close();
  });
  it('at 1366×768 the plan versions list keeps each version name on one line (not "调/整" a character per line)', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    await page.goto('/plans');
    const names = page.getByTestId('plan-version-name');
    await names.first().waitFor();
    expect(await names.count()).toBeGreaterThan(0);
    for (const el of await names.all()) {
      // one line of text: the name's height is that of one line (the Δ tag included); CSS pixels, not a quantity
      const { h, line } = await el.evaluate((e) => ({ h: e.getBoundingClientRect().height, line: Number.parseFloat(getComputedStyle(e).lineHeight) || 22 }));
      expect(h).toBeLessThan(line * 1.6);
    }
    await page.context().close();
  });
});
