/**
 * Trading and the customer ledger (issue 12): the payment level follows a deposit frozen or
 * released at once (not at the next daily run), and trading postings cannot be reversed from the
 * accounts page (only the trading module's flows move them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { activeTradingCustomer, balanceOf, biddingBody, tradingCustomer } from './testing/factory';

let t: TestApp;
let lead: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
});
afterAll(async () => t?.close());

const level = async (customerId: number) => (await finance.get(`/api/accounts/customers/${customerId}`)).body.level as string | null;

describe('levels at freeze time', () => {
  it('a deposit that uses the whole available balance puts the customer at 停气 at once; its release at clearing (volume not won) restores the level', async () => {
    const c = await activeTradingCustomer(t.db, lead, finance, 2_300);
    const big = await tradingCustomer(lead, finance, 1_000_000);
    const s = await lead.post('/api/trading/sessions', biddingBody({ title: '释放测试', quantity: '600', maxPerBuyer: '600' }));
    expect(await level(c.id)).not.toBe('stop');
    // 100 m³ × 2.30 × 10 % = 23.00 yuan: exactly the balance
    expect((await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: c.id, price: '2.3000', quantity: '100', idempotencyKey: 'rl-1' })).status).toBe(201);
    expect(await balanceOf(finance, c.id)).toBe(0);
    expect(await level(c.id)).toBe('stop');
    expect((await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: big.id, price: '2.5000', quantity: '600', idempotencyKey: 'rl-2' })).status).toBe(201);
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    expect((await lead.post(`/api/trading/sessions/${s.body.id}/clear`, {})).status).toBe(200);
    expect(await balanceOf(finance, c.id)).toBe(2_300);
    expect(await level(c.id)).toBe('normal');
  });
});

describe('trading postings are not reversible from the accounts page', () => {
  it('refuses to reverse a deposit freeze, release, application or fee with a clear zh and en error', async () => {
    const financeEn = await t.userClient(['finance'], { lang: 'en' });
    const c = await tradingCustomer(lead, finance, 1_000_000);
    const s = await lead.post('/api/trading/sessions', biddingBody({ title: '冲正测试', quantity: '600', maxPerBuyer: '600' }));
    await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: c.id, price: '2.3000', quantity: '300', idempotencyKey: 'rv-1' });
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    await lead.post(`/api/trading/sessions/${s.body.id}/clear`, {});
    const txs = (await finance.get(`/api/accounts/customers/${c.id}/transactions?pageSize=50`)).body.items as { id: number; kind: string }[];
    const kinds = ['trading_deposit', 'trading_deposit_applied', 'trading_fee'];
    for (const kind of kinds) {
      const tx = txs.find((x) => x.kind === kind)!;
      expect(tx, kind).toBeTruthy();
      const r = await finance.post(`/api/accounts/transactions/${tx.id}/reverse`, { reason: '误操作' });
      expect([r.status, r.body.code], kind).toEqual([400, 'CANNOT_REVERSE_TRADING']);
      expect(r.body.message).toContain('线上交易');
      const en = await financeEn.post(`/api/accounts/transactions/${tx.id}/reverse`, { reason: 'mistake' });
      expect(en.body.message).toContain('online-trading posting');
    }
    // nothing was posted by the refused reversals; a payment is still reversible
    expect(await balanceOf(finance, c.id)).toBe(1_000_000 - 69); // fee 690.00 yuan × 1 ‰ = 0.69
    const pay = txs.find((x) => x.kind === 'payment')!;
    expect((await finance.post(`/api/accounts/transactions/${pay.id}/reverse`, { reason: '退票' })).status).toBe(201);
  });
});
