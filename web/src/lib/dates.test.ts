import { describe, expect, it } from 'vitest';
import { today } from './dates';

describe('today() is the business day in China, whatever the browser zone', () => {
  it('turns to the next day at 16:00 UTC (midnight in Shanghai)', () => {
    expect(today(new Date('2026-12-07T15:59:59Z')).format('YYYY-MM-DD')).toBe('2026-12-07');
    expect(today(new Date('2026-12-07T16:00:00Z')).format('YYYY-MM-DD')).toBe('2026-12-08');
  });
  it('crosses months and years', () => {
    expect(today(new Date('2026-12-31T16:30:00Z')).format('YYYY-MM-DD')).toBe('2027-01-01');
    expect(today(new Date('2027-02-28T16:00:00Z')).format('YYYY-MM-DD')).toBe('2027-03-01');
  });
  it('is a day at local midnight, so day comparisons and formatting agree', () => {
    const d = today(new Date('2026-06-01T03:00:00Z'));
    expect([d.hour(), d.minute(), d.second()]).toEqual([0, 0, 0]);
    expect(d.isSame(d.startOf('day'))).toBe(true);
  });
});
