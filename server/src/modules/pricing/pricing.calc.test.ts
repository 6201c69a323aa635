import { describe, expect, it } from 'vitest';
import { floatCap, isHeatingMonth, isValidPrice } from './pricing.calc';

describe('pricing calc', () => {
  it.each([
    ['2.5', true],
    ['2.1234', true],
    ['2.12345', false],
    ['0', false],
    ['-1', false],
    ['1e3', false],
  ])('isValidPrice(%s) = %s', (s, ok) => expect(isValidPrice(s)).toBe(ok));
  it('float cap = benchmark × (1 + pct)', () => {
    expect(floatCap('1.5', '20')).toBe('1.8000');
    expect(floatCap('1.2345', '10')).toBe('1.3580'); // 1.35795 → half-up
  });
  it('heating season Nov–Mar', () => expect([1, 2, 3, 4, 10, 11, 12].map(isHeatingMonth)).toEqual([true, true, true, false, false, true, true]));
});
