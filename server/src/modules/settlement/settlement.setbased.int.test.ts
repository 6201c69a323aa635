/**
 * The set-based month computation (one statement for the base fill and runs of equal price,
 * settlement.repo baseRuns + settleFromRuns) equals the day-by-day reference (settleCustomerMonth for
 * every customer) on the same database: every line, quantity, price, day range and fen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '@common/decimal';
import { startTestApp, type Client, type TestApp } from '../../../test/harness';
import { computeMonth } from './settlement.compute';
import { contract, customerWithPoint, deliver, yearMonths } from './test/factory';

const Y = new Date().getUTCFullYear() - 1;
const M = `${Y}-05`;
let t: TestApp;
let admin: Client;
let lead: Client;
/** An over-take cng customer (price runs) and an over-take industrial one: awards and the adjustment test use them. */
const ids: { cngOver?: number; cngOverPoint?: number; over?: number } = {};

/** Deterministic pseudo-random volumes (no clock, no Math.random). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
const day = (d: number) => `${M}-${String(d).padStart(2, '0')}`;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient(['admin']);
  lead = await t.userClient(['sales_lead']);
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'industrial', price: '2.3000', effectiveFrom: `${Y}-01-01` })).status).toBe(201);
  // cng changes price on the 11th and back-and-forth through a seasonal entry: several runs of price in the month
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'cng', price: '2.1000', effectiveFrom: `${Y}-01-01` })).status).toBe(201);
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'cng', price: '2.2345', effectiveFrom: `${M}-11` })).status).toBe(201);
  expect((await lead.post('/api/pricing/prices', { tag: 'contract', category: 'cng', price: '2.1000', effectiveFrom: `${M}-21` })).status).toBe(201);
  expect((await lead.put('/api/pricing/reference-prices', { month: M, price: '3.0125' })).status).toBe(200);

  const rnd = lcg(7);
  const cases: { category: 'industrial' | 'cng'; qc: string | null; basePrice?: string; days: (i: number) => string }[] = [
    { category: 'industrial', qc: '30000', days: () => '1000' }, // exactly Q_c
    { category: 'industrial', qc: '20000', days: () => (500 + Math.floor(rnd() * 1000)).toFixed(3) }, // over-take
    { category: 'cng', qc: '25000', days: (i) => (i % 4 === 0 ? '0' : (600 + Math.floor(rnd() * 900)).toFixed(3)) }, // price runs, zero days
    { category: 'cng', qc: '12345.678', days: (i) => (i === 11 || i === 21 ? '0' : '987.654') }, // zero volume on the price-change days
    { category: 'cng', qc: '0', days: () => '333.333' }, // Q_c = 0
    { category: 'cng', qc: '30000', days: (i) => (i >= 11 && i <= 20 ? '0' : '1000.5') }, // no gas while the price differs: one run across it
    { category: 'industrial', qc: '50000', basePrice: '2.2222', days: () => (100 + Math.floor(rnd() * 300)).toFixed(1) }, // fixed price, below contract
    { category: 'industrial', qc: '40000', days: () => '0' }, // Q_a = 0
    { category: 'industrial', qc: null, days: () => '123.456' }, // no contract
    { category: 'cng', qc: '18000', days: (i) => (i % 2 ? '1200.005' : '0.005') }, // half-fen amounts
    { category: 'industrial', qc: '40000', days: (i) => (i <= 4 || i >= 28 ? '0' : '500.25') }, // take-or-pay shortfall at one price all month: Q_a from the monthly roll-up, base 5th–27th
    { category: 'industrial', qc: '9000', basePrice: '2.4567', days: (i) => (i < 3 ? '0' : '450.125') }, // fixed price, over-take: filled day by day
    { category: 'cng', qc: '40000', days: () => '800' }, // price changes inside the month, under the contract: day by day
    { category: 'industrial', qc: '31000', days: () => '1000' }, // one price, exactly… almost: Q_a = 31,000 = Q_c on a 31-day month
  ];
  for (const [n, c] of cases.entries()) {
    const cu = await customerWithPoint(admin, { priceCategory: c.category });
    if (n === 1) ids.over = cu.id;
    if (n === 3) Object.assign(ids, { cngOver: cu.id, cngOverPoint: cu.pointId });
    await deliver(
      admin,
      cu.meterNo,
      Array.from({ length: 31 }, (_, i) => [day(i + 1), c.days(i + 1)] as [string, string]),
    );
    if (c.qc != null)
      await contract(lead, {
        customerId: cu.id,
        contractNo: `HT-SB-${cu.id}-${n}`,
        yearLabel: `${Y}年度`,
        startMonth: `${Y}-01`,
        endMonth: `${Y}-12`,
        priceCategory: c.category,
        basePrice: c.basePrice ?? null,
        months: yearMonths(Y, '1000', { [M]: c.qc }),
      });
  }
  // a second delivery point of one customer: the day's volume is the sum over its points
  const two = await customerWithPoint(admin, { priceCategory: 'industrial' });
  const p2 = await admin.post(`/api/customers/${two.id}/delivery-points`, { name: '二号站', kind: 'distribution_station', meterNo: `${two.meterNo}-B` });
  expect(p2.status).toBe(201);
  await deliver(admin, two.meterNo, [
    [day(2), '800'],
    [day(3), '900'],
  ]);
  await deliver(admin, `${two.meterNo}-B`, [
    [day(2), '700'],
    [day(4), '650.5'],
  ]);
  // corrected deliveries of a one-price customer under its contract: the monthly roll-up follows the corrections
  const fixd = await customerWithPoint(admin, { priceCategory: 'industrial' });
  await deliver(
    admin,
    fixd.meterNo,
    Array.from({ length: 31 }, (_, i) => [day(i + 1), '700'] as [string, string]),
  );
  await deliver(admin, fixd.meterNo, [
    [day(1), '0'],
    [day(31), '0'],
    [day(15), '812.375'],
  ]);
  await contract(lead, { customerId: fixd.id, contractNo: `HT-SB-${fixd.id}-fx`, yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12`, months: yearMonths(Y, '30000') });
  await contract(lead, { customerId: two.id, contractNo: `HT-SB-${two.id}-2p`, yearLabel: `${Y}年度`, startMonth: `${Y}-01`, endMonth: `${Y}-12`, months: yearMonths(Y, '2000') });
});
afterAll(async () => t?.close());

const norm = (x: Awaited<ReturnType<typeof computeMonth>>) =>
  x.settlements.map((s) => ({
    customerId: s.customerId,
    contractId: s.terms?.contractId ?? null,
    basis: s.basis,
    overTake: s.overTake,
    actual: dec(s.result.actual).toFixed(),
    contracted: dec(s.result.contracted).toFixed(),
    totalFen: s.result.totalFen,
    lines: s.result.lines.map((l) => ({ ...l, quantity: dec(l.quantity).toFixed(), price: dec(l.price).toFixed() })),
  }));

describe('set-based monthly settlement', () => {
  it('equals the day-by-day reference on the same deliveries, prices and contracts', async () => {
    const db = t.built.ctx.db;
    const setBased = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M));
    const perDay = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M, { perDay: true }));
    expect(setBased.missing).toEqual([]);
    expect(perDay.missing).toEqual([]);
    expect(setBased.settlements.length).toBeGreaterThanOrEqual(10);
    expect(norm(setBased)).toEqual(norm(perDay));
    // the shortfall customer at one price: one base line from its first to its last delivery day; the corrected one from the 2nd to the 30th
    const lines = setBased.settlements.flatMap((s) => s.result.lines.filter((l) => l.kind === 'base'));
    expect(lines.some((l) => l.quantity === '11505.75' && l.from === day(5) && l.to === day(27))).toBe(true);
    expect(lines.some((l) => l.quantity === '20412.375' && l.from === day(2) && l.to === day(30))).toBe(true);
    // the cng customers' base is split at the price changes
    const runs = setBased.settlements.flatMap((s) => s.result.lines.filter((l) => l.kind === 'base' && dec(l.price).eq('2.2345')));
    expect(runs.length).toBeGreaterThan(0);
  });

  it('equals the reference with online awards matched to the over-take (award order, award prices, half-fen amounts)', async () => {
    const db = t.built.ctx.db;
    const caps = t.built.ctx.capabilities;
    const saved = caps.onlineTrades;
    const award = (customerId: number, awardId: number, at: string, quantity: string, price: string) => ({
      customerId,
      awardId,
      awardedAt: new Date(at),
      month: M,
      resourceTag: 'online',
      basis: 'm3' as const,
      quantity,
      price,
    });
    caps.onlineTrades = {
      // award order is by time, not id (the later award has the lower id); 0.5 m³ × 2.7770 = 138.85 fen: a half fen, rounded up
      awardsForMonth: async () => [
        award(ids.cngOver!, 9002, `${M}-02T08:00:00Z`, '100.005', '2.9000'),
        award(ids.cngOver!, 9001, `${M}-03T08:00:00Z`, '50000', '2.1001'),
        award(ids.over!, 9003, `${M}-01T08:00:00Z`, '0.5', '2.7770'),
      ],
      referencePrice: async () => null,
    };
    try {
      const setBased = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M));
      const perDay = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M, { perDay: true }));
      expect(norm(setBased)).toEqual(norm(perDay));
      const cng = setBased.settlements.find((x) => x.customerId === ids.cngOver)!.result.lines;
      expect(cng.filter((l) => l.kind === 'award').map((l) => l.awardId)).toEqual([9002, 9001]);
      expect(cng.some((l) => l.kind === 'extra')).toBe(false); // all of the over-take matched to awards
      const over = setBased.settlements.find((x) => x.customerId === ids.over)!.result.lines;
      expect(over.map((l) => l.kind)).toEqual(['base', 'award', 'extra']);
      expect(over[1].amountFen).toBe(139);
    } finally {
      caps.onlineTrades = saved;
    }
  });

  it('a run writes the set-based results; a correction after the month is closed gives the adjustment the reference computes', async () => {
    const db = t.built.ctx.db;
    const finance = await t.userClient(['finance']);
    expect((await finance.post(`/api/settlement/months/${M}/run`)).status).toBe(200);
    const perDay = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M, { perDay: true }));
    for (const s of perDay.settlements) {
      const st = await finance.get(`/api/settlement/months/${M}/customers/${s.customerId}`);
      expect(st.status).toBe(200);
      expect(st.body.totalFen).toBe(s.result.totalFen);
      expect(st.body.lines.map((l: any) => [l.kind, dec(l.quantity).toFixed(), l.amountFen])).toEqual(s.result.lines.map((l) => [l.kind, dec(l.quantity).toFixed(), l.amountFen]));
    }
    expect((await finance.post(`/api/settlement/months/${M}/confirm`)).status).toBe(200);
    expect((await lead.post(`/api/settlement/months/${M}/close`)).status).toBe(200);
    // a correction of the over-take cng customer inside the dearer price run (the 11th–20th)
    const fix = await admin.put('/api/metering/deliveries', { deliveryPointId: ids.cngOverPoint, gasDay: day(15), volumeM3: '1500.005', origin: 'manual', reason: '表计校准' });
    expect(fix.status).toBe(200);
    const after = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M, { perDay: true }));
    const want = after.settlements.find((x) => x.customerId === ids.cngOver)!.result.totalFen - perDay.settlements.find((x) => x.customerId === ids.cngOver)!.result.totalFen;
    expect(want).not.toBe(0);
    const next = `${Y}-06`;
    expect((await finance.post(`/api/settlement/months/${next}/run`)).status).toBe(200);
    const st = await finance.get(`/api/settlement/months/${next}/customers/${ids.cngOver}`);
    expect(st.body.lines.filter((l: any) => l.kind === 'adjustment').map((l: any) => [l.adjustsMonth, l.quantity, l.amountFen])).toEqual([[M, '512.351', want]]);
  });

  it('reports the same missing prices as the reference', async () => {
    const db = t.built.ctx.db;
    const missingFor = async (volumes: [string, string][], qc: string) => {
      const cu = await customerWithPoint(admin, { priceCategory: 'power' }); // no price for power
      await deliver(admin, cu.meterNo, volumes);
      await contract(lead, {
        customerId: cu.id,
        contractNo: `HT-SB-${cu.id}-np`,
        yearLabel: `${Y}年度`,
        startMonth: `${Y}-01`,
        endMonth: `${Y}-12`,
        priceCategory: 'power',
        months: yearMonths(Y, qc),
      });
      return cu.id;
    };
    const days: [string, string][] = [
      [day(3), '100'],
      [day(4), '0'],
      [day(5), '200'],
    ];
    const over = await missingFor(days, '250'); // over-take: filled day by day
    const under = await missingFor(days, '1000'); // under the contract: taken whole per price segment
    const setBased = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M));
    const perDay = await db.transaction().execute((trx) => computeMonth(t.built.ctx, trx, M, { perDay: true }));
    expect(setBased.missing).toEqual(perDay.missing);
    const want = (customerId: number) => ({ customerId, what: 'base_price', tag: 'contract', category: 'power', basis: 'm3', days: [day(3), day(5)] });
    expect(setBased.missing).toEqual([want(over), want(under)]);
  });
});
