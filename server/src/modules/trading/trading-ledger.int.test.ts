/**
 * Trading and the customer ledger (issue 12): the payment level follows a deposit frozen or
 * released at once (not at the next daily run), and trading postings cannot be reversed from the
 * accounts page (only the trading module's flows move them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { activeTradingCustomer, balanceOf, biddingBody, tradingCustomer } from './testing/factory';
import { postTradingBulk, type BulkTradingPosting } from '../accounts';

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

describe('clearing posts per customer and kind, once', () => {
  it('one release, one application and one fee per customer, each the sum of its bids; posting them again posts nothing', async () => {
    const c = await tradingCustomer(lead, finance, 1_000_000);
    const other = await tradingCustomer(lead, finance, 1_000_000);
    const s = await lead.post('/api/trading/sessions', biddingBody({ title: '合并过账', quantity: '500', maxPerBuyer: '500' }));
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    // other: 100 m³ @ 2.50 first; c: 300 m³ @ 2.40 (deposit 72.00) filled, 200 m³ @ 2.30 (deposit 46.00) gets the remaining 100 (applied 23.00, released 23.00)
    const placed = [
      await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: other.id, price: '2.5000', quantity: '100', idempotencyKey: 'pc-0' }),
      await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: c.id, price: '2.4000', quantity: '300', idempotencyKey: 'pc-1' }),
      await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: c.id, price: '2.3000', quantity: '200', idempotencyKey: 'pc-2' }),
    ];
    expect(placed.map((p) => p.status)).toEqual([201, 201, 201]);
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    const cleared = await lead.post(`/api/trading/sessions/${s.body.id}/clear`, {});
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    const txs = (await finance.get(`/api/accounts/customers/${c.id}/transactions?pageSize=50`)).body.items as { kind: string; amountFen: number; reference: string }[];
    const of = (kind: string) => txs.filter((x) => x.kind === kind).map((x) => [x.reference, x.amountFen]);
    const ref = `session:${s.body.id}:${c.id}`;
    expect(of('trading_deposit_applied')).toEqual([[ref, 7_200 + 2_300]]);
    expect(of('trading_deposit_release')).toEqual([[ref, 2_300]]);
    // fees 1 ‰ of each award: 720.00 → 0.72 and 230.00 → 0.23 yuan
    expect(of('trading_fee')).toEqual([[ref, -(72 + 23)]]);
    const before = await balanceOf(finance, c.id);
    expect(before).toBe(1_000_000 - 95);
    const again: BulkTradingPosting[] = (['trading_deposit_release', 'trading_deposit_applied', 'trading_fee'] as const).map((kind) => ({
      kind,
      customerId: c.id,
      amountFen: 1,
      businessDate: '2026-11-30',
      reference: ref,
      createdBy: null,
    }));
    expect(await t.db.transaction().execute((trx) => postTradingBulk(trx, again))).toBe(0);
    expect(await balanceOf(finance, c.id)).toBe(before);
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
