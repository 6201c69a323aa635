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

const bid = (c: Client, sessionId: number, body: Record<string, unknown>) => c.post(`/api/trading/sessions/${sessionId}/bids`, body);
let key = 0;
const k = () => `k-${++key}`;

describe('bidding session: bad input, clearing, deposits and fees on the ledger', () => {
  it('refuses every bad bid with its own error, clears once, posts deposits and fees to the fen', async () => {
    const [a, b, c, poor, outsider, notMember] = [
      await tradingCustomer(lead, finance, 1_000_000_00),
      await tradingCustomer(lead, finance, 1_000_000_00),
      await tradingCustomer(lead, finance, 1_000_000_00),
      await tradingCustomer(lead, finance, 10_000), // 100 yuan
      await tradingCustomer(lead, finance, 1_000_000_00),
      await tradingCustomer(lead, finance, 1_000_000_00, 'registered'),
    ];
    const s = await lead.post('/api/trading/sessions', biddingBody({ eligibleCustomerIds: [a.id, b.id, c.id, poor.id, notMember.id] }));
    expect(s.status).toBe(201);
    const id = s.body.id as number;
    expect(s.body).toMatchObject({ state: 'open', depositRatio: '0.1000', feeRate: '0.001000', quantity: '1000.000', pricing: 'pay_as_bid' });

    const errs: [Record<string, unknown>, number, string][] = [
      [{ customerId: a.id, price: '2.2900', quantity: '200' }, 400, 'BID_BELOW_FLOOR'],
      [{ customerId: a.id, price: '2.3050', quantity: '200' }, 400, 'BID_OFF_STEP'],
      [{ customerId: a.id, price: '2.3100', quantity: '99.999' }, 400, 'BID_BELOW_MIN'],
      [{ customerId: a.id, price: '2.3100', quantity: '600.001' }, 400, 'BID_ABOVE_MAX'],
      [{ customerId: a.id, price: '2.31001', quantity: '200' }, 400, 'DECIMAL_FIELD'],
      [{ customerId: outsider.id, price: '2.3100', quantity: '200' }, 403, 'NOT_ELIGIBLE'],
      [{ customerId: notMember.id, price: '2.3100', quantity: '200' }, 403, 'NOT_MEMBER'],
      [{ customerId: poor.id, price: '2.3100', quantity: '600' }, 409, 'DEPOSIT_INSUFFICIENT'], // deposit 138.60 yuan > balance 100 yuan
      [{ customerId: a.id, quantity: '200' }, 400, 'BID_PRICE_REQUIRED'],
      [{ virtualAccountId: 1, price: '2.3100', quantity: '200' }, 400, 'BUYER_WRONG_KIND'],
    ];
    for (const [body, status, code] of errs) {
      const r = await bid(lead, id, { ...body, idempotencyKey: k() });
      expect([r.status, r.body.code], JSON.stringify(body)).toEqual([status, code]);
      expect(r.body.message).toBeTruthy();
    }
    expect(await balanceOf(finance, poor.id)).toBe(10_000);

    // valid bids: a 500 @ 2.40, b 400 @ 2.50, c 300 @ 2.35 (margin: 100 left ≥ min 100 → partly filled), a 100 @ 2.30 (below margin)
    const placed = [];
    for (const body of [
      { customerId: a.id, price: '2.4000', quantity: '500' },
      { customerId: b.id, price: '2.5000', quantity: '400' },
      { customerId: c.id, price: '2.3500', quantity: '300' },
      { customerId: a.id, price: '2.3000', quantity: '100' },
    ]) {
      const r = await bid(lead, id, { ...body, idempotencyKey: `v-${body.customerId}-${body.price}` });
      expect(r.status).toBe(201);
      placed.push(r.body.bid);
    }
    // a already has 600: any more is above its maximum
    expect((await bid(lead, id, { customerId: a.id, price: '2.6000', quantity: '100', idempotencyKey: k() })).body.code).toBe('BID_ABOVE_MAX');
    // the same submission again is counted once; the same key with other content is refused
    const again = await bid(lead, id, { customerId: a.id, price: '2.4000', quantity: '500', idempotencyKey: `v-${a.id}-2.4000` });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, bid: { id: placed[0].id } });
    const clash = await bid(lead, id, { customerId: a.id, price: '2.4100', quantity: '500', idempotencyKey: `v-${a.id}-2.4000` });
    expect([clash.status, clash.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);

    // deposits frozen: 10 % of price × quantity
    expect(placed.map((p) => p.depositFen)).toEqual([12_000, 10_000, 7_050, 2_300]);
    expect(await balanceOf(finance, a.id)).toBe(1_000_000_00 - 12_000 - 2_300);

    // sealed: the live counters show counts, the result hides other users' prices
    const live = await manager.get(`/api/trading/sessions/${id}/live`);
    expect(live.body).toMatchObject({ state: 'open', bidCount: 4, bidders: 3 });
    // no price leaks while sealed (the clock fields are left out: a time such as 18:08:42.489 contains "2.4")
    const { serverTime: _t, opensAt: _o, closesAt: _c, ...sealed } = live.body;
    expect(JSON.stringify(sealed)).not.toContain('2.4');
    const sealedView = await t.userClient(['sales_lead']).then((u) => u.get(`/api/trading/sessions/${id}/result`));
    expect(sealedView.body.bids.every((x: { price: string | null }) => x.price === null)).toBe(true);

    expect((await lead.post(`/api/trading/sessions/${id}/clear`)).body.code).toBe('NOT_CLOSED_YET');
    expect((await lead.post(`/api/trading/sessions/${id}/close`)).status).toBe(200);
    expect((await bid(lead, id, { customerId: b.id, price: '2.6000', quantity: '100', idempotencyKey: k() })).body.code).toBe('SESSION_CLOSED');

    const cleared = await lead.post(`/api/trading/sessions/${id}/clear`);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ state: 'cleared', soldQuantity: '1000.000', clearingPrice: '2.3500' });
    const twice = await lead.post(`/api/trading/sessions/${id}/clear`);
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_CLEARED']);
    expect((await bid(lead, id, { customerId: b.id, price: '2.6000', quantity: '100', idempotencyKey: k() })).body.code).toBe('SESSION_CLEARED');
    expect((await lead.post(`/api/trading/sessions/${id}/cancel`)).body.code).toBe('SESSION_CLEARED');

    const res = await lead.get(`/api/trading/sessions/${id}/result`);
    expect(res.body.bids.map((x: any) => [x.price, x.filledQuantity, x.outcome, x.rank])).toEqual([
      ['2.5000', '400.000', 'filled', 1],
      ['2.4000', '500.000', 'filled', 2],
      ['2.3500', '100.000', 'partial', 3],
      ['2.3000', '0.000', 'unfilled', 4],
    ]);
    // awards: amount = q × p; fee 1 ‰ each side; deposit applied for the volume won
    expect(res.body.awards.map((x: any) => [x.customerId, x.quantity, x.price, x.amountFen, x.buyerFeeFen, x.sellerFeeFen, x.depositAppliedFen, x.depositReleasedFen])).toEqual([
      [b.id, '400.000', '2.5000', 100_000, 100, 100, 10_000, 0],
      [a.id, '500.000', '2.4000', 120_000, 120, 120, 12_000, 0],
      [c.id, '100.000', '2.3500', 23_500, 24, 24, 2_350, 4_700], // fee 23.5 fen → 24 half-up
    ]);
    // ledger: every deposit back (released or applied), buyer fee charged
    expect(await balanceOf(finance, a.id)).toBe(1_000_000_00 - 120);
    expect(await balanceOf(finance, b.id)).toBe(1_000_000_00 - 100);
    expect(await balanceOf(finance, c.id)).toBe(1_000_000_00 - 24);

    // settlement's port: the month's awards and VWAP (1 200.00 + 1 000.00 + 235.00 yuan) / 1 000 m³
    const port = t.built.ctx.capabilities.onlineTrades!;
    const awards = await port.awardsForMonth(t.db, '2026-03', [a.id, b.id, c.id]);
    expect(awards.map((x) => [x.customerId, x.quantity, x.price, x.month, x.basis])).toEqual([
      [b.id, '400.000', '2.5000', '2026-03', 'm3'],
      [a.id, '500.000', '2.4000', '2026-03', 'm3'],
      [c.id, '100.000', '2.3500', '2026-03', 'm3'],
    ]);
    expect(await port.referencePrice(t.db, '2026-03', 'm3')).toBe('2.4350');
    expect(await port.referencePrice(t.db, '2026-03', 'GJ')).toBeNull();

    // a customer's results, scoped: the manager does not look after customer a
    const mine = await lead.get(`/api/trading/customers/${c.id}/awards`);
    expect(mine.body.map((x: any) => [x.sessionId, x.quantity, x.amountFen, x.buyerFeeFen])).toEqual([[id, '100.000', 23_500, 24]]);
    expect((await manager.get(`/api/trading/customers/${c.id}/awards`)).status).toBe(403);
  });

  it('refuses bids before the opening and sessions with bad fields (naming the field), NUL text with 400', async () => {
    const c = await tradingCustomer(lead, finance, 1_000_000);
    const later = await lead.post('/api/trading/sessions', biddingBody({ opensAt: new Date(Date.now() + 3600_000).toISOString(), closesAt: new Date(Date.now() + 7200_000).toISOString() }));
    expect(later.body.state).toBe('upcoming');
    expect((await bid(lead, later.body.id, { customerId: c.id, price: '2.3000', quantity: '100', idempotencyKey: k() })).body.code).toBe('SESSION_NOT_OPEN_YET');
    const bad: [Record<string, unknown>, string][] = [
      [{ closesAt: new Date(Date.now() - 7200_000).toISOString() }, 'SESSION_TIMES'],
      [{ minPerBuyer: '700' }, 'SESSION_LIMITS'],
      [{ floorPrice: null }, 'SESSION_PRICE_MISSING'],
      [{ fixedPrice: '2.5' }, 'SESSION_PRICE_EXTRA'],
      [{ quantity: '0' }, 'DECIMAL_FIELD'],
      [{ eligibleCustomerIds: [987654] }, 'CUSTOMER_UNKNOWN'],
      [{ title: 'a\u0000b' }, 'NUL_CHARACTER'], // the platform's input guard
    ];
    for (const [over, code] of bad) {
      const r = await lead.post('/api/trading/sessions', biddingBody(over));
      expect([r.status, r.body.code], code).toEqual([400, code]);
    }
    expect((await manager.post('/api/trading/sessions', biddingBody())).status).toBe(403);
  });
});

describe('listing (挂牌): first come first served with the remainder rule', () => {
  it('grants in arrival order; a remainder below the minimum is refused', async () => {
    const cs = [await tradingCustomer(lead, finance, 10_000_000), await tradingCustomer(lead, finance, 10_000_000), await tradingCustomer(lead, finance, 10_000_000)];
    const s = await lead.post(
      '/api/trading/sessions',
      biddingBody({ mode: 'listing', floorPrice: null, priceStep: null, fixedPrice: '2.8000', quantity: '1000', minPerBuyer: '100', maxPerBuyer: '600' }),
    );
    expect(s.status).toBe(201);
    const r1 = await bid(lead, s.body.id, { customerId: cs[0]!.id, quantity: '600', idempotencyKey: k() });
    const r2 = await bid(lead, s.body.id, { customerId: cs[1]!.id, quantity: '350', idempotencyKey: k() });
    const r3 = await bid(lead, s.body.id, { customerId: cs[2]!.id, quantity: '200', idempotencyKey: k() });
    expect([r1.body.bid.grantedQuantity, r2.body.bid.grantedQuantity]).toEqual(['600.000', '350.000']);
    expect([r3.status, r3.body.code]).toEqual([409, 'LISTING_SOLD_OUT']);
    expect((await bid(lead, s.body.id, { customerId: cs[2]!.id, price: '2.9', quantity: '50', idempotencyKey: k() })).body.code).toBe('BID_PRICE_NOT_FIXED');
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    const cleared = await lead.post(`/api/trading/sessions/${s.body.id}/clear`);
    expect(cleared.body).toMatchObject({ soldQuantity: '950.000', clearingPrice: '2.8000' });
    // deposit 600 × 2.8 × 10 % = 168.00 applied, fee 1 680.00 × 1 ‰ = 1.68
    expect(await balanceOf(finance, cs[0]!.id)).toBe(10_000_000 - 168);
  });
});

describe('concurrency: many bidders in the last seconds', () => {
  it('loses no bid, counts none twice, never overdraws a deposit', async () => {
    const cs = [];
    // each customer can cover exactly 3 deposits of 100 m³ × 2.30 × 10 % = 23.00 yuan
    for (let i = 0; i < 6; i++) cs.push(await tradingCustomer(lead, finance, 3 * 2_300));
    const s = await lead.post('/api/trading/sessions', biddingBody({ quantity: '100000', maxPerBuyer: '100000', title: '并发测试' }));
    const id = s.body.id as number;
    const clients = [lead, await t.userClient(['sales_lead']), await t.userClient(['sales_lead']), await t.userClient(['sales_lead'])];
    const reqs = [];
    for (const c of cs) for (let j = 0; j < 5; j++) reqs.push(bid(clients[(c.id + j) % clients.length]!, id, { customerId: c.id, price: '2.3000', quantity: '100', idempotencyKey: `p-${c.id}-${j}` }));
    // and every first bid sent twice more (duplicates)
    for (const c of cs) reqs.push(bid(clients[c.id % clients.length]!, id, { customerId: c.id, price: '2.3000', quantity: '100', idempotencyKey: `p-${c.id}-0` }));
    const rs = await Promise.all(reqs);
    const created = rs.filter((r) => r.status === 201);
    const insufficient = rs.filter((r) => r.body.code === 'DEPOSIT_INSUFFICIENT');
    const dup = rs.filter((r) => r.status === 200);
    expect(created.length + insufficient.length + dup.length).toBe(rs.length);
    expect(created.length).toBe(18);
    const live = await lead.get(`/api/trading/sessions/${id}/live`);
    expect(live.body.bidCount).toBe(18);
    // the session's count is counted from the bids (no counter row every bid would queue on)
    expect((await lead.get(`/api/trading/sessions/${id}`)).body.bidCount).toBe(18);
    expect((await lead.post(`/api/trading/sessions/${id}/cancel`)).body).toMatchObject({ code: 'SESSION_HAS_BIDS' });
    for (const c of cs) expect(await balanceOf(finance, c.id)).toBe(0);
    await lead.post(`/api/trading/sessions/${id}/close`);
    const parallelClears = await Promise.all([lead.post(`/api/trading/sessions/${id}/clear`), clients[1]!.post(`/api/trading/sessions/${id}/clear`)]);
    expect(parallelClears.map((r) => r.status).sort()).toEqual([200, 409]);
    const res = await lead.get(`/api/trading/sessions/${id}/result`);
    expect(res.body.awards).toHaveLength(18);
    expect((await lead.get(`/api/trading/sessions/${id}`)).body).toMatchObject({ state: 'cleared', bidCount: 18 });
    // each customer: 3 deposits of 2 300 fen applied, 3 fees of 1 ‰ × 23 000 fen = 23 fen
    for (const c of cs) expect(await balanceOf(finance, c.id)).toBe(3 * 2_300 - 3 * 23);
  });
});

describe('simulation (仿真交易): isolated from the ledger and settlement', () => {
  it('virtual accounts bid with virtual money; nothing reaches the ledger or the port', async () => {
    const real = await tradingCustomer(lead, finance, 500_000);
    const m2 = await t.userClient(['account_manager']);
    const s = await lead.post(
      '/api/trading/sessions',
      biddingBody({
        kind: 'simulation',
        deliveryMonth: '2026-04',
        virtualAccounts: [
          { name: '虚拟甲', userId: manager.userId, balanceFen: 1_000_000 },
          { name: '虚拟乙', userId: m2.userId, balanceFen: 1_000_000 },
          { name: '客户仿真', customerId: real.id, balanceFen: 1_000 },
        ],
      }),
    );
    expect(s.status).toBe(201);
    const [va, vb, vc] = s.body.virtualAccounts as { id: number }[];
    expect((await bid(manager, s.body.id, { virtualAccountId: vb!.id, price: '2.5000', quantity: '300', idempotencyKey: k() })).body.code).toBe('VIRTUAL_ACCOUNT_NOT_YOURS');
    expect((await bid(manager, s.body.id, { customerId: real.id, price: '2.5000', quantity: '300', idempotencyKey: k() })).body.code).toBe('BUYER_WRONG_KIND');
    expect((await bid(lead, s.body.id, { virtualAccountId: vc!.id, price: '2.5000', quantity: '300', idempotencyKey: k() })).body.code).toBe('DEPOSIT_INSUFFICIENT');
    expect((await bid(manager, s.body.id, { virtualAccountId: va!.id, price: '2.5000', quantity: '600', idempotencyKey: k() })).status).toBe(201);
    expect((await bid(m2, s.body.id, { virtualAccountId: vb!.id, price: '2.6000', quantity: '600', idempotencyKey: k() })).status).toBe(201);
    await lead.post(`/api/trading/sessions/${s.body.id}/close`);
    expect((await lead.post(`/api/trading/sessions/${s.body.id}/clear`)).body).toMatchObject({ soldQuantity: '1000.000', clearingPrice: '2.5000' });
    const res = await manager.get(`/api/trading/sessions/${s.body.id}/result`);
    expect(res.body.awards.map((x: any) => [x.virtualAccountName, x.quantity])).toEqual([
      ['虚拟乙', '600.000'],
      ['虚拟甲', '400.000'],
    ]);
    expect(await balanceOf(finance, real.id)).toBe(500_000);
    expect(await t.built.ctx.capabilities.onlineTrades!.awardsForMonth(t.db, '2026-04')).toEqual([]);
  });
});
