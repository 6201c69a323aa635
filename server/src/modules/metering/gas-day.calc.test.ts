import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayRange, daysBetween, daysInMonth, gasDayBounds, gasDayHour, gasDayOf, lastCompleteGasDay } from './gas-day.calc';

const SH = { startHour: 8, timeZone: 'Asia/Shanghai' };

describe('gas day (DOMAIN.md §2: 08:00–08:00 Asia/Shanghai, named by its start date)', () => {
  it.each([
    ['2026-11-26T00:00:00Z', '2026-11-26'], // 08:00 local: first instant of the gas day
    ['2026-11-25T23:59:59Z', '2026-11-25'], // 07:59:59 local on the 26th: still the 25th's gas day
    ['2026-11-26T16:00:00Z', '2026-11-26'], // local midnight 27th
    ['2026-12-31T23:00:00Z', '2026-12-31'], // 2027-01-01 07:00 local
    ['2027-01-01T00:00:00Z', '2027-01-01'],
    ['2028-02-29T12:00:00Z', '2028-02-29'],
  ])('%s belongs to gas day %s', (ts, day) => {
    expect(gasDayOf(new Date(ts), SH)).toBe(day);
  });

  it('with start hour 0 it is the calendar day', () => {
    expect(gasDayOf(new Date('2026-11-25T16:30:00Z'), { startHour: 0, timeZone: 'Asia/Shanghai' })).toBe('2026-11-26');
  });

  it('has bounds 08:00 → 08:00 local', () => {
    const b = gasDayBounds('2026-11-26', SH);
    expect(b.start.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(b.end.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('numbers the hours of the gas day 1..24', () => {
    expect(gasDayHour(new Date('2026-11-26T00:00:00Z'), SH)).toBe(1);
    expect(gasDayHour(new Date('2026-11-26T00:59:00Z'), SH)).toBe(1);
    expect(gasDayHour(new Date('2026-11-26T23:30:00Z'), SH)).toBe(24);
  });

  it('yesterday is the last complete gas day', () => {
    expect(lastCompleteGasDay(new Date('2026-11-27T01:00:00Z'), SH)).toBe('2026-11-26'); // 09:00 local
    expect(lastCompleteGasDay(new Date('2026-11-26T23:00:00Z'), SH)).toBe('2026-11-25'); // 07:00 local
  });

  it('day arithmetic', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(dayRange('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-11-05')).toBe(30);
  });

  it('property: every instant lies within the bounds of its gas day (also in a time zone with DST)', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => new Date(t));
    for (const cfg of [SH, { startHour: 6, timeZone: 'Europe/Berlin' }, { startHour: 0, timeZone: 'UTC' }]) {
      fc.assert(
        fc.property(instant, (t) => {
          const b = gasDayBounds(gasDayOf(t, cfg), cfg);
          return b.start.getTime() <= t.getTime() && t.getTime() < b.end.getTime();
        }),
      );
    }
  });
});
