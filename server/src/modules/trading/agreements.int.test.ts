/**
 * 协议 agreement trades (issue 12, DOMAIN.md §4): recorded by the seller, confirmed by the buyer
 * side (the manager on the customer's behalf, with document and date) → 已成交; fees on the ledger
 * to the fen, no deposit; served to settlement by the onlineTrades port but kept out of the VWAP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balanceOf, biddingBody, tradingCustomer } from './testing/factory';

let t: TestApp;
let lead: Client;
let finance: Client;
let manager: Client;
beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  manager = await t.userClient(['account_manager']);
});
afterAll(async () => t?.close());

const agreement = (customerId: number, over: Record<string, unknown> = {}) => ({
  title: '2026年5月协议气',
  customerId,
  resourceTag: '线上交易气',
  deliveryMonth: '2026-05',
  deliveryPoint: '泸州首站',
  quantity: '20000',
  price: '2.6150',
  sellerConfirmedOn: '2026-04-20',
  sellerDocument: 'XY-2026-018',
  ...over,
});

describe('agreement trades (协议)', () => {
  it('records, confirms once, charges the fee to the fen, serves settlement without entering the VWAP', async () => {
    const c = await tradingCustomer(lead, finance, 1_000_000_00);
    const rec = await lead.post('/api/trading/agreements', agreement(c.id, { note: '双方议定' }));
    expect(rec.status).toBe(201);
    const id = rec.body.id as number;
    expect(rec.body).toMatchObject({
      kind: 'real',
      mode: 'agreement',
      state: 'open',
      status: 'open',
      depositRatio: '0.0000',
      feeRate: '0.001000',
      quantity: '20000.000',
      agreement: { customerId: c.id, customerName: c.name, price: '2.6150', sellerConfirmedOn: '2026-04-20', sellerDocument: 'XY-2026-018', buyerConfirmedOn: null, buyerDocument: null },
    });
    // listed with the sessions, filtered by mode
    const list = await lead.get('/api/trading/sessions?mode=agreement&pageSize=100');
    expect(list.body.items.map((x: { id: number }) => x.id)).toContain(id);
    // no bids and no clearing on an agreement; no deposit frozen
    expect((await lead.post(`/api/trading/sessions/${id}/bids`, { customerId: c.id, quantity: '100', price: '2.6150', idempotencyKey: 'a1' })).body.code).toBe('AGREEMENT_NO_BIDS');
    expect((await lead.post(`/api/trading/sessions/${id}/clear`)).body.code).toBe('AGREEMENT_NO_BIDS');
    expect(await balanceOf(finance, c.id)).toBe(1_000_000_00);

    // the buyer's confirmation: date not before the seller's; a manager without the customer in scope is refused
    expect((await lead.post(`/api/trading/agreements/${id}/confirm`, { buyerConfirmedOn: '2026-04-19', buyerDocument: 'QR-1' })).body.code).toBe('AGREEMENT_DATE_ORDER');
    expect((await manager.post(`/api/trading/agreements/${id}/confirm`, { buyerConfirmedOn: '2026-04-21', buyerDocument: 'QR-1' })).status).toBe(403);
    const ok = await lead.post(`/api/trading/agreements/${id}/confirm`, { buyerConfirmedOn: '2026-04-21', buyerDocument: 'QR-1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'cleared', soldQuantity: '20000.000', clearingPrice: '2.6150', bidCount: 1, agreement: { buyerConfirmedOn: '2026-04-21', buyerDocument: 'QR-1' } });
    expect(ok.body.agreement.buyerRecordedByName).toBeTruthy();
    const again = await lead.post(`/api/trading/agreements/${id}/confirm`, { buyerConfirmedOn: '2026-04-22', buyerDocument: 'QR-2' });
    expect([again.status, again.body.code]).toEqual([409, 'AGREEMENT_CONFIRMED']);
    expect((await lead.post(`/api/trading/sessions/${id}/cancel`)).body.code).toBe('SESSION_CLEARED');

    // award: 20 000 × 2.6150 = 52 300.00 yuan; fee 1 ‰ each side = 52.30 yuan; no deposit
    const res = await lead.get(`/api/trading/sessions/${id}/result`);
    expect(res.body.awards.map((a: any) => [a.customerId, a.quantity, a.price, a.amountFen, a.buyerFeeFen, a.sellerFeeFen, a.depositAppliedFen, a.depositReleasedFen])).toEqual([
      [c.id, '20000.000', '2.6150', 5_230_000, 5_230, 5_230, 0, 0],
    ]);
    expect(await balanceOf(finance, c.id)).toBe(1_000_000_00 - 5_230);

    // settlement's port: the agreement award is served; the reference price ignores it
    const port = t.built.ctx.capabilities.onlineTrades!;
    expect((await port.awardsForMonth(t.db, '2026-05', [c.id])).map((a) => [a.customerId, a.quantity, a.price, a.resourceTag])).toEqual([[c.id, '20000.000', '2.6150', '线上交易气']]);
    expect(await port.referencePrice(t.db, '2026-05', 'm3')).toBeNull();
    // with a bidding trade in the month, the VWAP is the bidding price alone
    const b = await tradingCustomer(lead, finance, 1_000_000_00);
    const s = await lead.post('/api/trading/sessions', biddingBody({ deliveryMonth: '2026-05', eligibleCustomerIds: [b.id] }));
    expect((await lead.post(`/api/trading/sessions/${s.body.id}/bids`, { customerId: b.id, price: '2.4000', quantity: '500', idempotencyKey: 'vw-1' })).status).toBe(201);
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    expect((await lead.post(`/api/trading/sessions/${s.body.id}/clear`)).status).toBe(200);
    expect(await port.referencePrice(t.db, '2026-05', 'm3')).toBe('2.4000');
    // the customer's results list the agreement
    const mine = await lead.get(`/api/trading/customers/${c.id}/awards`);
    expect(mine.body.map((x: any) => [x.sessionId, x.mode, x.amountFen, x.buyerFeeFen])).toEqual([[id, 'agreement', 5_230_000, 5_230]]);
  });

  it('refuses bad agreements: non-members, bad numbers, a manager recording one, a confirmation after the deadline', async () => {
    const notMember = await tradingCustomer(lead, finance, 0, 'registered');
    expect((await lead.post('/api/trading/agreements', agreement(notMember.id))).body.code).toBe('NOT_MEMBER');
    const c = await tradingCustomer(lead, finance, 0);
    expect((await lead.post('/api/trading/agreements', agreement(c.id, { quantity: '0' }))).body.code).toBe('DECIMAL_FIELD');
    expect((await lead.post('/api/trading/agreements', agreement(c.id, { price: '2.61501' }))).body.code).toBe('DECIMAL_FIELD');
    expect((await lead.post('/api/trading/agreements', agreement(c.id, { confirmBy: new Date(Date.now() - 60_000).toISOString() }))).body.code).toBe('SESSION_TIMES');
    expect((await lead.post('/api/trading/agreements', agreement(987654))).status).toBe(404);
    expect((await manager.post('/api/trading/agreements', agreement(c.id))).status).toBe(403);
    // a short deadline that passes: the confirmation is refused (polling the clock, no fixed sleep)
    const rec = await lead.post('/api/trading/agreements', agreement(c.id, { confirmBy: new Date(Date.now() + 1500).toISOString() }));
    expect(rec.status).toBe(201);
    const until = new Date(rec.body.closesAt).getTime();
    while (Date.now() <= until + 50) await new Promise((r) => setTimeout(r, 100));
    expect((await lead.post(`/api/trading/agreements/${rec.body.id}/confirm`, { buyerConfirmedOn: '2026-04-21', buyerDocument: 'QR-9' })).body.code).toBe('AGREEMENT_EXPIRED');
    // a non-agreement session cannot be confirmed
    const s = await lead.post('/api/trading/sessions', biddingBody());
    expect((await lead.post(`/api/trading/agreements/${s.body.id}/confirm`, { buyerConfirmedOn: '2026-04-21', buyerDocument: 'QR-9' })).body.code).toBe('NOT_AGREEMENT');
  });
});
