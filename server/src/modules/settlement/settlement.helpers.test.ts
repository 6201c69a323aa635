import { describe, expect, it } from 'vitest';
import { dayRanges, monthBounds, priceSegments } from './settlement.compute';
import { prevMonth } from './settlement.run';

describe('settlement helpers', () => {
  it('collapses consecutive days into ranges for the missing-price message', () => {
    expect(dayRanges(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-05', '2026-05-31'])).toBe('2026-05-01~03, 2026-05-05, 2026-05-31');
    expect(dayRanges(['2026-02-28', '2026-03-01'])).toBe('2026-02-28~2026-03-01');
  });
  it('month bounds and previous months across a year', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect([prevMonth('2026-01'), prevMonth('2026-03', 3)]).toEqual(['2025-12', '2025-12']);
  });
  it('numbers each combo’s days into segments of one price (numerically equal prices and runs of no price share one)', () => {
    const rows = [
      { combo: 1, day: '2026-05-03', price: '2.3' },
      { combo: 0, day: '2026-05-01', price: '2.1000' },
      { combo: 0, day: '2026-05-02', price: '2.1' },
      { combo: 0, day: '2026-05-03', price: null },
      { combo: 0, day: '2026-05-04', price: null },
      { combo: 0, day: '2026-05-05', price: '2.1' },
      { combo: 1, day: '2026-05-01', price: '2.3' },
      { combo: 1, day: '2026-05-02', price: '2.4' },
    ];
    expect(priceSegments(rows).map((r) => [r.combo, r.day.slice(8), r.seg])).toEqual([
      [0, '01', 0],
      [0, '02', 0],
      [0, '03', 1],
      [0, '04', 1],
      [0, '05', 2],
      [1, '01', 0],
      [1, '02', 1],
      [1, '03', 2],
    ]);
  });
});
