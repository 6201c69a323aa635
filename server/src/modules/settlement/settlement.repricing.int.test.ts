/**
 * Worked example (DOMAIN.md §4, docs/settlement.md "Price changes after the daily charges"): a price
 * change back-dated into a month whose daily charges are already posted. The posted daily charges are
 * never re-priced (ledger postings are immutable; "never silent changes"); the statement shows the
 * re-priced days as their own base line (days and new price), beside the daily charges as posted,
 * and the true-up (settled − daily charges) carries the difference. Once the month is closed, a later
 * back-dated change becomes an adjustment line in the next open month, the daily charges still as posted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmountFen } from '@common/money';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balanceFen, contract, customerWithPoint, dailyRun, deliver, yearMonths } from './test/factory';

// last year's months (metering imports the last two years), fixed within the year
const Y = new Date().getUTCFullYear() - 1;
const M = `${Y}-04`;
const N = `${Y}-05`;
let t: TestApp;
let admin: Client;
let lead: Client;
let finance: Client;
let a: Awaited<ReturnType<typeof customerWithPoint>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  expect((await lead.post('/api/pricing/benchmarks', { effectiveFrom: `${Y}-01-01`, price: '2.0000', floatCapPct: '40' })).status).toBe(201);
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.3000', effectiveFrom: `${Y}-01-01` })).status).toBe(201);
  a = await customerWithPoint(admin);
  // the provisional price (2.00) is only the fallback for customers without a contract
  expect((await admin.put(`/api/accounts/customers/${a.id}/prices`, { effectiveFrom: `${Y}-01-01`, price: '2.0000' })).status).toBe(200);
  await contract(lead, { customerId: a.id, contractNo: `HT-RP-${a.id}`, yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12`, months: yearMonths(Y, '3000') });
});
afterAll(async () => t?.close());

const statement = async (month: string) => {
  const r = await finance.get(`/api/settlement/months/${month}/customers/${a.id}`);
  expect(r.status).toBe(200);
  return r.body;
};

describe('a price change after the daily charges were posted', () => {
  it('open month: the statement shows the re-priced days, the daily charges stay as posted, the true-up carries the difference', async () => {
    // 1,000 m³ on each of 1–3 April; the daily run charges them at the contract price in force then: 3 × 2,300.00
    await deliver(admin, a.meterNo, [
      [`${M}-01`, '1000'],
      [`${M}-02`, '1000'],
      [`${M}-03`, '1000'],
    ]);
    await dailyRun(admin, [`${M}-01`, `${M}-02`, `${M}-03`]);
    expect(await balanceFen(finance, a.id)).toBe(-3 * lineAmountFen('1000', '2.3000'));

    // afterwards the price book gets 2.50 back-dated to 2 April
    expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.5000', effectiveFrom: `${M}-02` })).status).toBe(201);
    // the posted daily charges are not re-priced
    expect(await balanceFen(finance, a.id)).toBe(-690000);

    expect((await finance.post(`/api/settlement/months/${M}/run`)).status).toBe(200);
    const st = await statement(M);
    // base min(Q_a, Q_c) = 3,000 m³ in two runs of price: 1 April at 2.30, 2–3 April re-priced at 2.50
    expect(st.lines.map((l: any) => [l.kind, l.fromDay, l.toDay, l.quantity, l.price, l.amountFen])).toEqual([
      ['base', `${M}-01`, `${M}-01`, '1000', '2.3000', 230000],
      ['base', `${M}-02`, `${M}-03`, '2000', '2.5000', 500000],
    ]);
    expect(st.totalFen).toBe(730000);
    expect(st.dailyChargesFen).toBe(690000); // as posted, at 2.30
    expect(st.trueUpFen).toBe(40000); // 2,000 m³ × (2.50 − 2.30)
    // the ledger now equals the settled total: daily charges + true-up
    expect(await balanceFen(finance, a.id)).toBe(-730000);
  });

  it('closed month: a later back-dated change is an adjustment line in the next open month; nothing posted is changed', async () => {
    expect((await finance.post(`/api/settlement/months/${M}/confirm`)).status).toBe(200);
    expect((await lead.post(`/api/settlement/months/${M}/close`)).status).toBe(200);
    // 2.60 back-dated to 3 April, after April was closed
    expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.6000', effectiveFrom: `${M}-03` })).status).toBe(201);
    expect(await balanceFen(finance, a.id)).toBe(-730000);

    expect((await finance.post(`/api/settlement/months/${N}/run`)).status).toBe(200);
    // April itself is locked: its statement is unchanged
    const apr = await statement(M);
    expect([apr.totalFen, apr.dailyChargesFen, apr.trueUpFen]).toEqual([730000, 690000, 40000]);
    // May carries the difference: 1,000 m³ of 3 April × (2.60 − 2.50) = 100.00 yuan, no drift of April's daily charges
    const may = await statement(N);
    expect(may.lines.map((l: any) => [l.kind, l.adjustsMonth, l.quantity, l.price, l.amountFen])).toEqual([['adjustment', M, '0', null, 10000]]);
    expect([may.totalFen, may.dailyChargesFen, may.trueUpFen]).toEqual([10000, 0, 10000]);
    expect(await balanceFen(finance, a.id)).toBe(-740000);
  });
});
