import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseAntOption, e2eAvailability, launch, newPage, screenshot, signIn } from './browser';

const avail = e2eAvailability();

async function placeBid(page: Page, sessionId: number, price: string, quantity: string) {
  await page.goto(`/trading/sessions/${sessionId}`);
  await page.locator('[data-testid=trading-live-bids]').waitFor();
  const before = Number(await page.locator('[data-testid=trading-live-bids]').textContent());
  await page.locator('input#trading-price').fill(price);
  await page.locator('input#trading-quantity').fill(quantity);
  await page.locator('[data-testid=trading-bid-submit]').click();
  await page.getByText(/报价已提交|Bid placed/).waitFor();
  // the live counter (server-sent events) picks the new bid up by itself
  await page.locator('[data-testid=trading-live-bids]', { hasText: String(before + 1) }).waitFor();
}

describe.skipIf(!avail.run)('trading (仿真交易: create, bid as two managers, close, results)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('runs a simulation session end to end', async () => {
    const lead = await newPage(browser);
    await signIn(lead, 'lead');
    await lead.goto('/trading/sessions');
    await lead.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(lead, 'trading-sessions-zh');
    await lead.locator('[data-testid=trading-create]').click();
    const title = `E2E 仿真培训 ${Date.now()}`;
    await lead.locator('[data-testid=trading-title]').fill(title);
    const accounts = lead.locator('.ant-select', { has: lead.locator('input#trading-accounts') });
    await chooseAntOption(lead, accounts, '张伟');
    await chooseAntOption(lead, accounts, '李娜');
    await lead.locator('[data-testid=trading-create-submit]').click();
    await lead.waitForURL(/\/trading\/sessions\/\d+$/);
    const sessionId = Number(/(\d+)$/.exec(lead.url())![1]);
    // polled by text: a failure names the state the page shows
    await expect.poll(() => lead.locator('[data-testid=trading-state]').textContent({ timeout: 20_000 }), { timeout: 20_000 }).toBe('报价中');

    for (const [user, price, qty] of [
      ['am01', '2.4500', '600000'],
      ['am02', '2.5000', '600000'],
    ] as const) {
      const p = await newPage(browser);
      await signIn(p, user);
      await placeBid(p, sessionId, price, qty);
      if (user === 'am02') await screenshot(p, 'trading-live-bid-zh');
      await p.context().close();
    }

    await lead.reload();
    await lead.locator('[data-testid=trading-live-bids]', { hasText: '2' }).waitFor();
    await lead.locator('[data-testid=trading-close]').click();
    await lead.locator('[data-testid=trading-clear]').click();
    await lead
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await lead.locator('[data-testid=trading-state]', { hasText: '已出清' }).waitFor();
    const rows = lead.locator('[data-testid=trading-result-bids] tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    // 1 000 000 m³: 仿真账户2 (李娜) at 2.50 gets 600 000, 仿真账户1 (张伟) at 2.45 the remaining 400 000
    expect(await rows.nth(0).textContent()).toContain('600,000');
    expect(await rows.nth(1).textContent()).toContain('400,000');
    await lead.locator('canvas').first().waitFor();
    await screenshot(lead, 'trading-result-zh');
    const r = await (await lead.request.get(`/api/trading/sessions/${sessionId}/result`)).json();
    expect(r.awards.map((a: any) => [a.quantity, a.price])).toEqual([
      ['600000.000', '2.5000'],
      ['400000.000', '2.4500'],
    ]);
    await lead.context().close();

    const en = await newPage(browser, 'en');
    await signIn(en, 'lead');
    await en.goto(`/trading/sessions/${sessionId}`);
    await en.locator('[data-testid=trading-state]').waitFor();
    await en.getByTestId('lang-switch').click();
    await en.locator('[data-testid=trading-state]', { hasText: 'Cleared' }).waitFor();
    await en.locator('canvas').first().waitFor();
    await screenshot(en, 'trading-result-en');
    await en.goto('/trading/board');
    await en.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(en, 'trading-board-en');
    await en.goto('/trading/memberships');
    await en.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(en, 'trading-memberships-en');
    // back to Chinese for the other tests (the preference is kept per user on the server)
    await en.getByTestId('lang-switch').click();
    await en.getByText('交易会员').first().waitFor();
    await en.context().close();

    const zh = await newPage(browser);
    await signIn(zh, 'lead');
    await zh.goto('/trading/board');
    await zh.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(zh, 'trading-board-zh');
    await zh.goto('/trading/memberships');
    await zh.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(zh, 'trading-memberships-zh');
    await zh.context().close();
  }, 240_000); // the longest flow of the suite (three users, eight pages): 80 s at load 30
  it('shows a session priced on energy in GJ: its quantities and prices never say m³ (issue 9, units)', async () => {
    const page = await newPage(browser);
    await signIn(page, 'lead');
    const opensAt = new Date(Date.now() - 60_000).toISOString();
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const r = await page.request.post('/api/trading/sessions', {
      data: {
        kind: 'simulation',
        mode: 'bidding',
        title: `E2E GJ 场次 ${Date.now()}`,
        resourceTag: '线上交易气',
        basis: 'GJ',
        deliveryMonth: '2027-03',
        deliveryPoint: '泸州首站',
        quantity: '40000',
        minPerBuyer: '1000',
        maxPerBuyer: '20000',
        floorPrice: '68.5000',
        priceStep: '0.1000',
        opensAt,
        closesAt,
      },
    });
    expect(r.status()).toBe(201);
    const { id } = await r.json();
    for (const [lang, qty, price] of [
      ['zh-CN', '总量(GJ)', '底价(元/GJ)'],
      ['en', 'Quantity (GJ)', 'Floor price (yuan/GJ)'],
    ] as const) {
      expect((await page.request.put('/api/auth/lang', { data: { lang } })).ok()).toBe(true);
      await page.evaluate((l) => localStorage.setItem('qike.lang', l), lang);
      await page.goto(`/trading/sessions/${id}`);
      const header = page.locator('.ant-descriptions').first();
      await header.getByText(qty).waitFor();
      await header.getByText(price, { exact: false }).first().waitFor();
      expect(await header.innerText()).not.toContain('m³');
    }
    expect((await page.request.put('/api/auth/lang', { data: { lang: 'zh-CN' } })).ok()).toBe(true);
    await page.context().close();
  });
  it('at 390×844 a cleared session’s result figures fit the screen without overlapping', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'lead');
    const list = await (await page.request.get('/api/trading/sessions?pageSize=100')).json();
    const cleared = list.items.find((x: any) => x.state === 'cleared' && x.mode === 'bidding');
    expect(cleared).toBeTruthy();
    await page.goto(`/trading/sessions/${cleared.id}`);
    const values = page.getByTestId('trading-result-figures').locator('.ant-statistic-content');
    await values.first().waitFor();
    const boxes = await values.evaluateAll((els) =>
      els.map((e) => {
        // the text's own extent, not its column's: a long figure spills past a narrow column
        const r = document.createRange();
        r.selectNodeContents(e);
        const b = r.getBoundingClientRect();
        return { l: b.left, r: b.right, t: b.top, b: b.bottom };
      }),
    );
    expect(boxes).toHaveLength(4);
    for (const b of boxes) expect(b.r).toBeLessThanOrEqual(390);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, c] = [boxes[i], boxes[j]];
        const overlap = a.l < c.r && c.l < a.r && a.t < c.b && c.t < a.b;
        expect(overlap, `figures ${i} and ${j} overlap`).toBe(false);
      }
    await page.context().close();
  });
});
