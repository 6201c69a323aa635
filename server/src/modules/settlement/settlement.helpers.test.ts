import { describe, expect, it } from 'vitest';
import { dayRanges, monthBounds } from './settlement.compute';
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
});
