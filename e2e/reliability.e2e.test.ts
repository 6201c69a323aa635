/**
 * Reliability and security in the browser (issue 10): the built app runs under the
 * Content-Security-Policy without violations; administrators see sign-in lockouts (and clear one)
 * and the jobs page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

describe.skipIf(!avail.run)('reliability and security pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('shows failed sign-ins and lockouts to an administrator, who clears one; no CSP violation', async () => {
    const name = `ghost-${Date.now()}`;
    for (let i = 0; i < 6; i++)
      await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name, password: 'wrong-password-1' }) });
    const page = await newPage(browser);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await page.getByText('登录失败与锁定').waitFor();
    const row = page.getByRole('row').filter({ hasText: name.toLowerCase() });
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-login-locks-zh');
    await row.getByRole('button', { name: /解\s*除/ }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.waitFor({ state: 'detached' });
    await page.goto('/admin/jobs');
    await page.getByText('accounts.daily').first().waitFor();
    await screenshot(page, 'admin-jobs-zh');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('shows the lockouts section in English', async () => {
    // The demo admin's saved language is Chinese: switch to English, and back at the end.
    const admin = await newPage(browser, 'en');
    await signIn(admin, 'admin');
    await admin.goto('/admin/users');
    await admin.getByTestId('lang-switch').click();
    const section = admin.getByText('Failed sign-ins and lockouts');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(admin, 'admin-login-locks-en');
    await admin.getByTestId('lang-switch').click(); // back to Chinese for the other tests
    await admin.getByText('登录失败与锁定').waitFor();
    await admin.context().close();
  });
});
