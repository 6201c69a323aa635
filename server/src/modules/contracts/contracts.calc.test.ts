import { describe, expect, it } from 'vitest';
import { checkMonths, dailyOf, daysInMonth, monthsBetween, overTakeFlag } from './contracts.calc';

describe('contracts calc', () => {
  it('months across a year boundary', () => expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']));
  it('days in month incl. leap February', () => expect([daysInMonth('2028-02'), daysInMonth('2026-02'), daysInMonth('2026-12')]).toEqual([29, 28, 31]));
  it('missing, outside and repeated months', () =>
    expect(checkMonths(['2026-01', '2026-02', '2026-03'], ['2026-01', '2026-01', '2026-04'])).toEqual({ missing: ['2026-02', '2026-03'], outside: ['2026-01', '2026-04'] }));
  it('daily = monthly ÷ days', () => expect(dailyOf('31000', '2026-01')).toBe('1000.000'));
  it('τ flag', () => {
    expect(overTakeFlag('1101', '1000', '0.1')).toBe(true);
    expect(overTakeFlag('1100', '1000', '0.1')).toBe(false);
    expect(overTakeFlag('5', '0', '0.1')).toBe(false);
  });
});
