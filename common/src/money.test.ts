import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFen, lineAmountFen, parseYuan, yuanToFen } from './money';
import { dec, decSum } from './decimal';

describe('lineAmountFen: quantity × price, rounded half-up to the fen once (DOMAIN.md §2)', () => {
  it.each([
    ['1000', '2.5000', 250000],
    ['1234.567', '2.3456', 289580], // 2895.800355… yuan → 2895.80
    ['0.001', '2.5', 0], // 0.0025 yuan → 0.00
    ['0.002', '2.5', 1], // 0.005 yuan → half-up → 0.01
    ['3', '0.0050', 2], // 0.015 → 0.02 (a float would give 0.01)
    ['1', '1.0049', 100],
    ['1', '1.0050', 101],
    ['0', '3.1', 0],
    ['-10', '2.345', -2345], // a negative (reversing) line: 23.45
    ['-1', '0.005', -1], // half away from zero for negatives
  ])('%s × %s = %d fen', (q, p, fen) => {
    expect(lineAmountFen(q, p)).toBe(fen);
  });

  it('is exact where binary floats are not (0.1 + 0.2 style)', () => {
    expect(lineAmountFen('1.005', '1')).toBe(101); // 1.005 in binary is 1.00499999…
    expect(yuanToFen(dec('0.1').plus('0.2'))).toBe(30);
  });

  it('totals are sums of rounded lines, not rounded sums', () => {
    const lines = [lineAmountFen('1', '0.005'), lineAmountFen('1', '0.005')];
    expect(lines.reduce((a, b) => a + b, 0)).toBe(2); // each 0.005 → 0.01
    expect(lineAmountFen('2', '0.005')).toBe(1);
  });

  it('property: rounding error per line is at most half a fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 99_999 }), (qMilli, pTenThousandths) => {
        const q = dec(qMilli).div(1000);
        const p = dec(pTenThousandths).div(10000);
        const fen = lineAmountFen(q, p);
        const exactFen = q.times(p).times(100);
        return exactFen.minus(fen).abs().lte('0.5') && Number.isSafeInteger(fen);
      }),
    );
  });
});

describe('parseYuan / formatFen', () => {
  it.each([
    ['1,234.56', 123456],
    ['0.1', 10],
    ['-3', -300],
    ['１２', NaN],
  ])('parses %s', (s, fen) => {
    if (Number.isNaN(fen)) expect(() => parseYuan(s)).toThrow();
    else expect(parseYuan(s)).toBe(fen);
  });
  it('refuses more than two decimals', () => {
    expect(() => parseYuan('1.234')).toThrow(/invalid/);
  });
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123456789, '1,234,567.89'],
    [-100, '-1.00'],
  ])('formats %d fen as %s', (fen, s) => {
    expect(formatFen(fen)).toBe(s);
  });
  it('property: format then parse round-trips', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => parseYuan(formatFen(fen)) === fen));
  });
});

describe('decSum', () => {
  it('sums decimal strings exactly', () => {
    expect(decSum(['0.1', '0.2', '0.3']).toString()).toBe('0.6');
    expect(decSum([]).toString()).toBe('0');
  });
});
