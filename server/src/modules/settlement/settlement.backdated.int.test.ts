import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmountFen } from '@common/money';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balanceFen, contract, customerWithPoint, deliver, yearMonths } from './test/factory';

// Back-dated price-book entries and contract amendments reach locked months older than the three
// months every run recomputes (DOMAIN.md §4: a closed month is locked; corrections produce adjustment
// lines in the next open month; open months are recomputed). Last year's months, fixed within the year.
const Y = new Date().getUTCFullYear() - 1;
const m = (n: number) => `${Y}-${String(n).padStart(2, '0')}`;
let t: TestApp;
let admin: Client;
let lead: Client;
let finance: Client;
let a: Awaited<ReturnType<typeof customerWithPoint>>;
let b: Awaited<ReturnType<typeof customerWithPoint>>;
let bContract: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  expect((await lead.post('/api/pricing/benchmarks', { effectiveFrom: `${Y}-01-01`, price: '2.0000', floatCapPct: '20' })).status).toBe(201);
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.3000', effectiveFrom: `${Y}-01-01` })).status).toBe(201);
  expect((await lead.put('/api/pricing/reference-prices', { month: m(2), price: '3.0000' })).status).toBe(200);
  a = await customerWithPoint(admin);
  b = await customerWithPoint(admin);
  await contract(lead, { customerId: a.id, contractNo: `HT-BD-A-${a.id}`, yearLabel: `${Y}年度`, startMonth: m(1), endMonth: m(12), months: yearMonths(Y, '1000') });
  bContract = await contract(lead, { customerId: b.id, contractNo: `HT-BD-B-${b.id}`, yearLabel: `${Y}年度`, startMonth: m(1), endMonth: m(12), months: yearMonths(Y, '1000') });
  // a takes 500 m³ in each month February–August; b 1,200 m³ in February (200 above its contract)
  await deliver(
    admin,
    a.meterNo,
    [2, 3, 4, 5, 6, 7, 8].map((n) => [`${m(n)}-10`, '500']),
  );
  await deliver(admin, b.meterNo, [[`${m(2)}-10`, '1200']]);
  // February and March closed, April–June confirmed, July run but still a draft (open)
  for (let n = 2; n <= 7; n++) {
    const r = await finance.post(`/api/settlement/months/${m(n)}/run`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (n <= 6) expect((await finance.post(`/api/settlement/months/${m(n)}/confirm`)).status).toBe(200);
    if (n <= 3) expect((await lead.post(`/api/settlement/months/${m(n)}/close`)).status).toBe(200);
  }
});
afterAll(async () => t?.close());

const lines = async (month: string, customerId: number) => {
  const r = await finance.get(`/api/settlement/months/${month}/customers/${customerId}`);
  expect(r.status).toBe(200);
  return r.body;
};

describe('back-dated price change and amendment beyond the three-month window', () => {
  it('closed and confirmed months get adjustment lines in the next run month; open months are recomputed', async () => {
    const feb = await lines(m(2), b.id);
    expect(feb.lines.map((l: any) => [l.kind, l.quantity, l.price, l.amountFen])).toEqual([
      ['base', '1000', '2.3000', 230000],
      ['extra', '200', '3.0000', 60000],
    ]);
    // the price of contract gas rises to 2.40 back-dated to 1 February (six months before August)
    expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.4000', effectiveFrom: `${m(2)}-01` })).status).toBe(201);
    // b's contract is amended from February: 1,200 m³ a month (its February over-take becomes base volume)
    const am = await lead.post(`/api/contracts/${bContract}/amendments`, {
      effectiveMonth: m(2),
      reason: '补签增量协议',
      months: yearMonths(Y, '1200').filter((x) => x.month >= m(2)),
    });
    expect(am.status, JSON.stringify(am.body)).toBe(201);

    // July is the first open month: re-running it prices its base at 2.40 and carries the adjustments of
    // every locked month February–June, 500 m³ × (2.40 − 2.30) = 50.00 yuan each (February and March lie
    // beyond the three months every run recomputes)
    expect((await finance.post(`/api/settlement/months/${m(7)}/run`)).status).toBe(200);
    const jul = await lines(m(7), a.id);
    expect(jul.lines.map((l: any) => [l.kind, l.adjustsMonth, l.quantity, l.price, l.amountFen])).toEqual([
      ['base', null, '500', '2.4000', lineAmountFen('500', '2.4')],
      ...[2, 3, 4, 5, 6].map((n) => ['adjustment', m(n), '0', null, 5000]),
    ]);
    // b: February now 1,200 m³ base at 2.40 = 2,880.00 instead of 2,300.00 + 600.00 → −20.00 yuan
    const julB = await lines(m(7), b.id);
    expect(julB.lines.map((l: any) => [l.kind, l.adjustsMonth, l.quantity, l.amountFen])).toEqual([['adjustment', m(2), '0', -2000]]);
    expect((await finance.post(`/api/settlement/months/${m(7)}/confirm`)).status).toBe(200);

    // August carries nothing twice
    const r = await finance.post(`/api/settlement/months/${m(8)}/run`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await lines(m(8), a.id)).lines.map((l: any) => [l.kind, l.quantity, l.amountFen])).toEqual([['base', '500', 120000]]);
    expect((await lines(m(8), b.id)).lines).toEqual([]);
    // the closed months themselves never change
    expect((await lines(m(2), a.id)).totalFen).toBe(115000);
    expect((await lines(m(2), b.id)).totalFen).toBe(290000);
    // the ledger equals every settled total (no daily charges were posted: the true-ups carry it all)
    expect(await balanceFen(finance, a.id)).toBe(-(5 * 115000 + 120000 + 120000 + 5 * 5000));
    expect(await balanceFen(finance, b.id)).toBe(-(290000 - 2000));
  });

  it('the customer page’s 合同/结算 tab lists its statements newest first with adjustments, within scope', async () => {
    const r = await finance.get(`/api/settlement/customers/${a.id}`);
    expect(r.status).toBe(200);
    expect(r.body.statements.map((x: any) => [x.month, x.monthStatus, x.actual, x.totalFen, x.adjustmentFen])).toEqual([
      [m(8), 'draft', '500', 120000, 0],
      [m(7), 'confirmed', '500', 120000 + 5 * 5000, 5 * 5000],
      ...[6, 5, 4].map((n) => [m(n), 'confirmed', '500', 115000, 0]),
      ...[3, 2].map((n) => [m(n), 'closed', '500', 115000, 0]),
    ]);
    expect(r.body.cases).toEqual([]);
    const am = await t.userClient(['account_manager']);
    const out = await am.get(`/api/settlement/customers/${a.id}`);
    expect(out.status).toBe(403);
  });
});
