/**
 * The usage view reads only the shown periods and the same periods a year before (usageRanges,
 * issue 15 item 5); it must give exactly what reading the whole span from a year before `from` to
 * `to` gives (the earlier query), by day and by month, across a leap day and a year end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addDays } from './gas-day.calc';
import { customerUsage, usageRanges } from './usage.service';
import { setDeliveries, setQuality } from './testing/factory';
import { makeCustomer, makeSupplySource } from '../customers/testing/factory';

let t: TestApp;
let customerId: number;
const lead = { id: 0, roles: ['sales_lead'] as any };
const lastYear = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;

beforeAll(async () => {
  t = await startTestApp();
  const src = await makeSupplySource(t.db, { name: '用量测试气源' });
  const c = await makeCustomer(t.db, { sources: [src.id, src.id] });
  customerId = c.id;
  const rows: { customerId: number; pointId: number; gasDay: string; volumeM3: string }[] = [];
  // 2023-11-01 … 2025-03-31, one point missing every 9th day, an irregular volume
  for (let d = '2023-11-01', i = 0; d <= '2025-03-31'; d = addDays(d, 1), i++)
    for (const [k, p] of c.points.entries()) if (!(k === 1 && i % 9 === 0)) rows.push({ customerId, pointId: p.id, gasDay: d, volumeM3: `${1000 + ((i * 37 + k * 11) % 500)}.${i % 1000}` });
  await setDeliveries(t.db, rows);
  // a GCV on some days only (energy is null on the others)
  for (let d = '2023-12-20', i = 0; d <= '2025-02-10'; d = addDays(d, 1), i++) if (i % 3) await setQuality(t.db, src.id, d, String(35 + (i % 4)));
});
afterAll(async () => t?.close());

describe('customer usage: the periods and last year’s equal the whole span', () => {
  it.each<['day' | 'month', string, string]>([
    ['day', '2025-01-01', '2025-01-30'],
    ['day', '2024-12-15', '2025-01-14'],
    ['day', '2025-02-01', '2025-03-01'], // 2024-02-29 has no day a year later
    ['day', '2024-03-01', '2024-03-05'],
    ['day', '2024-06-01', '2025-02-15'],
    ['day', '2024-02-10', '2025-02-11'], // last year's days meet the periods: one range
    ['month', '2024-12-10', '2025-02-20'],
    ['month', '2025-01-01', '2025-03-31'],
    ['month', '2024-02-01', '2024-03-31'],
    ['month', '2024-04-15', '2025-03-31'],
  ])('%s from %s to %s', async (granularity, from, to) => {
    const ctx = t.built.ctx;
    const split = await customerUsage(ctx, lead, customerId, granularity, from, to);
    const whole = await customerUsage(ctx, lead, customerId, granularity, from, to, [[lastYear(from), to]]);
    expect(split).toEqual(whole);
    expect(split.series.length).toBeGreaterThan(0);
  });

  it('ranges: two when apart, one when they overlap; a 29 February a year back starts on 1 March', () => {
    expect(usageRanges('day', '2025-01-01', '2025-01-30')).toEqual([
      ['2024-01-01', '2024-01-30'],
      ['2025-01-01', '2025-01-30'],
    ]);
    expect(usageRanges('month', '2025-01-10', '2025-02-20')).toEqual([
      ['2024-01-10', '2024-02-29'],
      ['2025-01-01', '2025-02-20'],
    ]);
    expect(usageRanges('day', '2024-02-10', '2025-02-11')).toEqual([['2023-02-10', '2025-02-11']]);
    expect(usageRanges('month', '2024-03-10', '2025-02-20')).toEqual([['2023-03-10', '2025-02-20']]);
    expect(usageRanges('day', '2024-02-29', '2024-03-10')).toEqual([
      ['2023-03-01', '2023-03-10'],
      ['2024-02-29', '2024-03-10'],
    ]);
    expect(usageRanges('day', '2025-02-01', '2025-03-01')).toEqual([
      ['2024-02-01', '2024-03-01'],
      ['2025-02-01', '2025-03-01'],
    ]);
  });

  it('answers for a range starting on 29 February (the whole-span read could not)', async () => {
    const r = await customerUsage(t.built.ctx, lead, customerId, 'day', '2024-02-29', '2024-03-03');
    expect(r.series.map((p) => p.period)).toEqual(['2024-02-29', '2024-03-01', '2024-03-02', '2024-03-03']);
    expect(r.series[0].prevYearVolumeM3).toBeNull();
    expect(r.series[1].volumeM3).not.toBeNull();
  });
});
