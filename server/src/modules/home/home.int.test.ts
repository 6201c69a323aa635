/**
 * The home summary (issue 9 item 2) against the boards: the same data read through the home
 * endpoint and through the payment board, the usage board, the procedures lists and the bank
 * queue gives the same figures — for the sales lead (the company), a manager (its customers) and
 * finance (payments and the bank queue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { makeBilledCustomer } from '../accounts/testing/factory';
import { setDeliveries } from '../metering/testing/factory';
import { assignManager } from '../customers/testing/factory';
import { addDays, lastCompleteGasDay } from '../metering';
import { sameDayLastYear } from '../metering/published-home';
import { yesterdayIn } from '../accounts';

let t: TestApp;
let lead: Client;
let am: Client;
let finance: Client;
let D: string;
let mine: { id: number };

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  am = await t.userClient(['account_manager']);
  finance = await t.userClient(['finance']);
  D = lastCompleteGasDay(new Date());
  const made = [];
  for (let i = 0; i < 4; i++) made.push(await makeBilledCustomer(t.db, { price: '3.0000', points: 1 }));
  mine = made[0];
  await assignManager(t.db, mine.id, am.userId, 'full_time');
  const rows = [];
  for (const c of made) {
    for (let k = 0; k < 7; k++) rows.push({ customerId: c.id, pointId: c.points[0], gasDay: addDays(D, -k), volumeM3: String(1000 + c.id) });
    rows.push({ customerId: c.id, pointId: c.points[0], gasDay: sameDayLastYear(D), volumeM3: '800.500' });
  }
  await setDeliveries(t.db, rows);
  expect((await lead.put(`/api/metering/customers/${made[1].id}/plans`, { daily: [{ gasDay: D, plannedM3: '1500' }] })).status).toBe(204);
  for (let k = 6; k >= 0; k--) expect((await lead.post('/api/jobs/accounts.daily/run', { key: addDays(D, -k) })).body.status).toBe('succeeded');
  // one customer pays well ahead; the rest stay in arrears
  const pay = await finance.post('/api/accounts/payments', {
    customerId: made[2].id,
    amountFen: 100_000_00,
    bankRef: `HOME-${made[2].id}`,
    valueDate: yesterdayIn(t.built.ctx.config.timeZone),
  });
  expect(pay.status).toBeLessThan(300);
  const f = new FormData();
  f.append('file', new Blob([['交易流水号,交易日期,贷方金额,对方户名,对方账号,摘要', `HOME-X-1,${D},123.45,不认识的公司,,货款`].join('\n')], { type: 'text/csv' }), 'statement.csv');
  expect((await finance.req('POST', '/api/accounts/bank-imports', f)).status).toBe(201);
});
afterAll(async () => t?.close());

describe('home summary', () => {
  it('shows the sales lead the company: level counts, receivables and volumes as the boards show them', async () => {
    const h = (await lead.get('/api/home/summary')).body;
    const board = (await lead.get('/api/accounts/board?pageSize=500')).body;
    expect(h.scope).toBe('company');
    expect(h.accounts.levels).toEqual(board.counts);
    expect(h.accounts.levels.stop + h.accounts.levels.reduce + h.accounts.levels.warning).toBeGreaterThan(0); // not "all payments normal"
    const negatives = board.items.filter((i: any) => i.balanceFen < 0);
    expect(h.accounts.negativeBalances).toBe(negatives.length);
    expect(h.accounts.receivableFen).toBe(negatives.reduce((s: number, i: any) => s + i.receivableFen, 0));
    const usage = (await lead.get(`/api/metering/board?day=${D}&pageSize=500`)).body;
    expect(h.volume).toMatchObject({ day: D, customers: usage.summary.customers, volumeM3: usage.summary.volumeM3, planM3: '1500.000', lastYearDay: sameDayLastYear(D) });
    const before = (await lead.get(`/api/metering/board?day=${sameDayLastYear(D)}&pageSize=1`)).body;
    expect(h.volume.lastYearM3).toBe(before.summary.volumeM3);
    expect(h.volume.lastYearM3).toBe('3202.000');
    const cases = (await lead.get('/api/procedures/cases?status=active&pageSize=1')).body;
    expect(h.procedures.openCases).toBe(cases.total);
    expect(h.procedures.pendingApprovals).toBe((await lead.get('/api/procedures/approvals?status=pending&pageSize=1')).body.total);
    expect(h.procedures.pendingInstructions).toBeNull();
    expect(h.payments).toBeNull();
    expect(h.documents).toMatchObject({ expired: 0, expiringSoon: 0 });
  });

  it('shows a manager only its own customers', async () => {
    const h = (await am.get('/api/home/summary')).body;
    const board = (await am.get('/api/accounts/board?pageSize=500')).body;
    expect(h.scope).toBe('mine');
    expect(h.accounts.levels).toEqual(board.counts);
    expect(Object.values(h.accounts.levels).reduce((a: number, b: any) => a + b, 0)).toBe(1);
    const usage = (await am.get(`/api/metering/board?day=${D}&pageSize=500`)).body;
    expect(h.volume.customers).toBe(1);
    expect(h.volume.volumeM3).toBe(usage.summary.volumeM3);
    expect(h.volume.volumeM3).toBe(`${1000 + mine.id}.000`);
  });

  it('shows finance the day’s payments and the unmatched bank lines', async () => {
    const h = (await finance.get('/api/home/summary')).body;
    expect(h.payments).toMatchObject({ day: yesterdayIn(t.built.ctx.config.timeZone), payments: 1, paymentsFen: 100_000_00 });
    expect(h.payments.monthPaymentsFen).toBe(100_000_00);
    const queue = (await finance.get('/api/accounts/bank-lines?status=unmatched&pageSize=100')).body;
    expect(h.payments.unmatchedLines).toBe(queue.total);
    expect(h.payments.unmatchedFen).toBe(queue.items.reduce((s: number, l: any) => s + l.amountFen, 0));
    expect(h.payments.unmatchedLines).toBe(1);
  });
});
