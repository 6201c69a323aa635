/**
 * Daily provisional charges priced from the contract (issue 11 item 2, DOMAIN.md §4): the contract
 * price of the base tag in force that day (price book, or the contract's fixed price); GJ contracts
 * × energy when metering has it; the provisional price only as the fallback; each charge marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { lineAmountFen } from '@common/money';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { balance, setProvisionalPrice } from './testing/factory';
import { makeCustomer, makeSupplySource } from '../customers/testing/factory';
import { setDelivery, setQuality } from '../metering/testing/factory';
import { contract, yearMonths } from '../settlement/test/factory';

// a year not validated against the clock by these paths; last year like the settlement tests
const Y = new Date().getUTCFullYear() - 1;
let t: TestApp;
let lead: Client;
let finance: Client;
const run = (key: string) => lead.post('/api/jobs/accounts.daily/run', { key });

beforeAll(async () => {
  t = await startTestApp();
  lead = await t.userClient(['sales_lead']);
  finance = await t.userClient(['finance']);
  const price = async (body: Record<string, unknown>) => expect((await lead.post('/api/pricing/prices', body)).status).toBe(201);
  await price({ tag: 'contract', category: 'chemical_feedstock', price: '2.3000', effectiveFrom: `${Y}-01-01` });
  await price({ tag: 'contract', category: 'chemical_feedstock', price: '2.3500', effectiveFrom: `${Y}-06-15` });
  await price({ tag: 'contract', category: 'chemical_feedstock', basis: 'GJ', price: '65.4321', effectiveFrom: `${Y}-01-01` });
});
afterAll(async () => t?.close());

async function charges(customerId: number) {
  const r = await finance.get(`/api/accounts/customers/${customerId}/transactions`);
  expect(r.status).toBe(200);
  return (r.body.items as { kind: string; chargeDay: string; amountFen: number; priceSource: string | null }[])
    .filter((x) => x.kind === 'daily_charge')
    .map((x) => [x.chargeDay, -x.amountFen, x.priceSource])
    .sort();
}

describe('daily charges priced from the contract', () => {
  it('uses the price book price of the base tag in force that day, the fixed contract price, else the provisional price — and marks each', { timeout: 240_000 }, async () => {
    const days = [`${Y}-06-14`, `${Y}-06-15`];
    const book = await makeCustomer(t.db, { priceCategory: 'chemical_feedstock', points: 1 });
    const fixed = await makeCustomer(t.db, { priceCategory: 'chemical_feedstock', points: 1 });
    const none = await makeCustomer(t.db, { priceCategory: 'chemical_feedstock', points: 1 });
    for (const c of [book, fixed, none]) {
      await setProvisionalPrice(t.db, c.id, '2.0000', `${Y}-01-01`);
      for (const d of days) await setDelivery(t.db, c.id, c.points[0].id, d, '1000.125');
    }
    const months = yearMonths(Y, '30000');
    await contract(lead, { customerId: book.id, contractNo: `HT-DC-B-${book.id}`, yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12`, months });
    await contract(lead, { customerId: fixed.id, contractNo: `HT-DC-F-${fixed.id}`, yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12`, basePrice: '2.6125', months });
    for (const d of days) expect((await run(d)).body.status).toBe('succeeded');

    expect(await charges(book.id)).toEqual([
      [days[0], lineAmountFen('1000.125', '2.3000'), 'contract'],
      [days[1], lineAmountFen('1000.125', '2.3500'), 'contract'],
    ]);
    expect(await charges(fixed.id)).toEqual(days.map((d) => [d, lineAmountFen('1000.125', '2.6125'), 'contract']));
    expect(await charges(none.id)).toEqual(days.map((d) => [d, lineAmountFen('1000.125', '2.0000'), 'provisional']));
    // re-runs post nothing
    for (const d of days) expect((await run(d)).body.result.transactions).toBe(0);
    expect(await balance(t.db, book.id)).toBe(-(lineAmountFen('1000.125', '2.3000') + lineAmountFen('1000.125', '2.3500')));
  });

  it('a contract signed after the days were charged provisionally re-prices them by difference, marked contract', async () => {
    const c = await makeCustomer(t.db, { priceCategory: 'chemical_feedstock', points: 1 });
    await setProvisionalPrice(t.db, c.id, '2.0000', `${Y}-01-01`);
    const day = `${Y}-07-01`;
    await setDelivery(t.db, c.id, c.points[0].id, day, '500');
    await run(day);
    expect(await charges(c.id)).toEqual([[day, 100_000, 'provisional']]);
    await contract(lead, { customerId: c.id, contractNo: `HT-DC-L-${c.id}`, yearLabel: `${Y}年度`, startMonth: `${Y}-07`, endMonth: `${Y}-12`, months: yearMonths(Y, '1').slice(6) });
    const r = await run(day);
    expect(r.body.result.corrections).toBe(1);
    expect(await charges(c.id)).toEqual([
      [day, 100_000, 'provisional'],
      [day, lineAmountFen('500', '2.3500') - 100_000, 'contract'],
    ]);
    expect(await balance(t.db, c.id)).toBe(-lineAmountFen('500', '2.3500'));
  });

  it('a GJ contract charges price per GJ × the day’s energy; a day without energy falls back to the provisional price, marked', async () => {
    const src = await makeSupplySource(t.db);
    const c = await makeCustomer(t.db, { priceCategory: 'chemical_feedstock', sources: [src.id] });
    await setProvisionalPrice(t.db, c.id, '2.1000', `${Y}-01-01`);
    await contract(lead, {
      customerId: c.id,
      contractNo: `HT-DC-G-${c.id}`,
      yearLabel: `${Y}年度`,
      startMonth: `${Y}-08`,
      endMonth: `${Y}-08`,
      basis: 'GJ',
      months: [{ month: `${Y}-08`, quantity: '9000' }],
    });
    const withEnergy = `${Y}-08-10`;
    const without = `${Y}-08-20`; // beyond the GCV look-back of the 10th's quality data
    await setQuality(t.db, src.id, withEnergy, '38.123456');
    await setDelivery(t.db, c.id, c.points[0].id, withEnergy, '1234.567');
    await setDelivery(t.db, c.id, c.points[0].id, without, '1000');
    await run(withEnergy);
    await run(without);
    // energy = volume × GCV / 1000, 6 places half-up (as settlement reads it)
    const energy = '47.065961'; // 1234.567 × 38.123456 / 1000 = 47.065960703552
    expect(await charges(c.id)).toEqual([
      [withEnergy, lineAmountFen(energy, '65.4321'), 'contract'],
      [without, lineAmountFen('1000', '2.1000'), 'provisional'],
    ]);
    // the ledger shows what was priced: energy in GJ × 元/GJ, or the volume × the provisional price
    const items = (await finance.get(`/api/accounts/customers/${c.id}/transactions`)).body.items;
    const byDay = Object.fromEntries(items.map((x: any) => [x.chargeDay, x.dayCharge]));
    expect(byDay[withEnergy]).toEqual({ volumeM3: '1234.567', quantity: energy, basis: 'GJ', price: '65.4321' });
    expect(byDay[without]).toEqual({ volumeM3: '1000.000', quantity: '1000', basis: 'm3', price: '2.1000' });
  });
});

/** A customer on the provisional price 2.0000 元/m³, charged by the daily run for two days' deliveries. */
async function chargedTwoDays(...days: [string, string][]) {
  const c = await makeCustomer(t.db, { priceCategory: 'chemical_feedstock', points: 1 });
  await setProvisionalPrice(t.db, c.id, '2.0000', `${Y}-01-01`);
  for (const [day, m3] of days) await setDelivery(t.db, c.id, c.points[0].id, day, m3);
  for (const [day] of days) await run(day);
  return c;
}

describe('the account ledger and the statement show the running balance and each charge’s volume and price (issue 9 item 8)', () => {
  it('running balance in date order after every transaction; daily charges with volume, quantity × price and price source; statement JSON and Excel alike', async () => {
    const [d1, d2] = [`${Y}-09-01`, `${Y}-09-02`];
    const c = await chargedTwoDays([d1, '1000.125'], [d2, '500']);
    // a payment dated on the first day, posted after both charges: it sits between them in date order
    const pay = await finance.post('/api/accounts/payments', { customerId: c.id, amountFen: 500_000, bankRef: `BR-RUN-${c.id}`, valueDate: d1 });
    expect(pay.status).toBe(201);
    const ch1 = lineAmountFen('1000.125', '2.0000'); // 200025 fen (2000.25 元)
    const ch2 = lineAmountFen('500', '2.0000'); // 100000 fen
    expect(pay.body.transaction.balanceAfterFen).toBe(500_000 - ch1);
    const items = (await finance.get(`/api/accounts/customers/${c.id}/transactions`)).body.items as any[];
    // newest first: d2 charge, then the payment (d1, later id), then the d1 charge
    expect(items.map((x) => [x.kind, x.businessDate, x.amountFen, x.balanceAfterFen])).toEqual([
      ['daily_charge', d2, -ch2, 500_000 - ch1 - ch2],
      ['payment', d1, 500_000, 500_000 - ch1],
      ['daily_charge', d1, -ch1, -ch1],
    ]);
    expect(items[0].dayCharge).toEqual({ volumeM3: '500.000', quantity: '500', basis: 'm3', price: '2.0000' });
    expect(items[2].dayCharge).toEqual({ volumeM3: '1000.125', quantity: '1000.125', basis: 'm3', price: '2.0000' });
    expect(items[2].priceSource).toBe('provisional');
    expect(items[1].dayCharge).toBeNull();
    // the balance filter by kind keeps the account's running balance
    const onlyCharges = (await finance.get(`/api/accounts/customers/${c.id}/transactions?kind=daily_charge`)).body.items as any[];
    expect(onlyCharges.map((x) => x.balanceAfterFen)).toEqual([500_000 - ch1 - ch2, -ch1]);

    const st = await finance.get(`/api/accounts/customers/${c.id}/statement?from=${d1}&to=${d2}`);
    expect(st.status).toBe(200);
    expect(st.body.lines.map((l: any) => [l.kind, l.balanceFen, l.priceSource, l.dayCharge?.price ?? null, l.dayCharge?.volumeM3 ?? null])).toEqual([
      ['daily_charge', -ch1, 'provisional', '2.0000', '1000.125'],
      ['payment', 500_000 - ch1, null, null, null],
      ['daily_charge', 500_000 - ch1 - ch2, 'provisional', '2.0000', '500.000'],
    ]);
    const xlsx = await finance.get(`/api/accounts/customers/${c.id}/statement.xlsx?from=${d1}&to=${d2}`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as any);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const head = rows.findIndex((r) => r.includes('气量（m³）'));
    expect(rows[head].slice(1)).toEqual(['日期', '类型', '凭证/流水号', '摘要', '气量（m³）', '计价数量', '单价', '计价单位', '金额（元）', '余额（元）']);
    expect(rows[head + 1].slice(1, 9)).toEqual([d1, '日气费（暂定价）', `gas-day:${d1}`, '', 1000.125, 1000.125, 2, '元/m³']);
  });
  it('a charge posted before its volume and price were stored (migration 202612071428) is marked early, not shown as "—"; its amount is untouched', async () => {
    const [d1, d2] = [`${Y}-10-01`, `${Y}-10-02`];
    const c = await chargedTwoDays([d1, '800'], [d2, '900']);
    // d1 as a row written before the migration: the columns it added are NULL (accounts' own table)
    await sql`UPDATE customer_day_charges SET quantity = NULL, basis = NULL, price = NULL WHERE customer_id = ${c.id} AND gas_day = ${d1}::date`.execute(t.db);
    const items = (await finance.get(`/api/accounts/customers/${c.id}/transactions`)).body.items as any[];
    expect(items.map((x) => [x.chargeDay, x.amountFen, x.earlyCharge, x.dayCharge?.price ?? null])).toEqual([
      [d2, -lineAmountFen('900', '2.0000'), false, '2.0000'],
      [d1, -lineAmountFen('800', '2.0000'), true, null],
    ]);
    const st = await finance.get(`/api/accounts/customers/${c.id}/statement?from=${d1}&to=${d2}`);
    expect(st.body.lines.map((l: any) => [l.date, l.earlyCharge])).toEqual([
      [d1, true],
      [d2, false],
    ]);
    for (const [lang, marker] of [
      ['zh-CN', '（早期记录，未存量价）'],
      ['en', '(early record, not stored)'],
    ] as const) {
      expect((await finance.put('/api/auth/lang', { lang })).status).toBe(204);
      const xlsx = await finance.get(`/api/accounts/customers/${c.id}/statement.xlsx?from=${d1}&to=${d2}`);
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as any);
      const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
      const early = rows.find((r) => r[1] === d1)!;
      const later = rows.find((r) => r[1] === d2)!;
      expect(early[7]).toBe(marker);
      expect(later[7]).toBe(2);
    }
    expect((await finance.put('/api/auth/lang', { lang: 'zh-CN' })).status).toBe(204);
  });
});
