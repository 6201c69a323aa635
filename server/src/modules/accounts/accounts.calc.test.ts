import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessPayment,
  averagingWindow,
  balanceOf,
  chargeDeltaFen,
  customerPostings,
  dailyChargeFen,
  DEFAULT_THRESHOLDS,
  effectiveThresholds,
  isWorse,
  LEVEL_SEVERITY,
  priceOn,
  receivableAndPrepaid,
  reversalPostings,
  statementCategory,
  statementTotals,
  sumsToZero,
  thresholdsValid,
  type PostingLine,
} from './accounts.calc';

const T = DEFAULT_THRESHOLDS; // warn 5, reduce 2, N = 7

describe('assessPayment — worked examples (DOMAIN.md §6)', () => {
  // window = sum of the last 7 days' charges; average = window / 7
  const cases: { name: string; balance: number; window: number | null; level: string; days: string | null; avgFen: number | null }[] = [
    { name: 'plenty of money', balance: 1_000_000, window: 700_000, level: 'normal', days: '10.0', avgFen: 100_000 },
    { name: 'exactly 5.0 days is not below warn days → 正常', balance: 500_000, window: 700_000, level: 'normal', days: '5.0', avgFen: 100_000 },
    { name: 'one fen under 5 days → 预警', balance: 499_999, window: 700_000, level: 'warning', days: '5.0', avgFen: 100_000 },
    { name: 'exactly 2.0 days is not below reduce days → 预警', balance: 200_000, window: 700_000, level: 'warning', days: '2.0', avgFen: 100_000 },
    { name: 'one fen under 2 days → 减气 (display still rounds to 2.0)', balance: 199_999, window: 700_000, level: 'reduce', days: '2.0', avgFen: 100_000 },
    { name: 'balance exactly 0 → 停气', balance: 0, window: 700_000, level: 'stop', days: '0.0', avgFen: 100_000 },
    { name: 'negative balance → 停气', balance: -350_000, window: 700_000, level: 'stop', days: '-3.5', avgFen: 100_000 },
    { name: 'average 0 (no gas for 7 days) → no available days, 正常', balance: 100, window: 0, level: 'normal', days: null, avgFen: 0 },
    { name: 'average 0 and balance 0 → 停气', balance: 0, window: 0, level: 'stop', days: null, avgFen: 0 },
    { name: 'missing data → average and days missing, not zero', balance: 5_000, window: null, level: 'normal', days: null, avgFen: null },
    { name: 'missing data and negative balance → 停气', balance: -1, window: null, level: 'stop', days: null, avgFen: null },
    // 2 days exactly with an average that is not a whole fen: 100 / 7 per day, balance 200/7·… use 7-day window of 100 fen
    { name: 'non-terminating average: balance·7 = 2·window exactly → 预警', balance: 200, window: 700, level: 'warning', days: '2.0', avgFen: 100 },
    { name: 'window 1,000 fen: avg 142.857…; 285 fen is 1.995 days → 减气', balance: 285, window: 1000, level: 'reduce', days: '2.0', avgFen: 143 },
    { name: 'window 1,000 fen: 715 fen is 5.005 days → 正常', balance: 715, window: 1000, level: 'normal', days: '5.0', avgFen: 143 },
    { name: 'window 1,000 fen: 714 fen is 4.998 days → 预警', balance: 714, window: 1000, level: 'warning', days: '5.0', avgFen: 143 },
  ];
  it.each(cases)('$name', (c) => {
    const r = assessPayment({ balanceFen: c.balance, windowChargeFen: c.window, thresholds: T });
    expect(r.level).toBe(c.level);
    expect(r.availableDaysText).toBe(c.days);
    expect(r.avgDailyChargeFen).toBe(c.avgFen);
  });

  it('uses per-customer thresholds (warn 10, reduce 3, N 10)', () => {
    const t = effectiveThresholds(T, { warnDays: '10', reduceDays: '3', avgDays: 10 });
    expect(t).toEqual({ warnDays: '10', reduceDays: '3', avgDays: 10 });
    // window 1,000,000 over 10 days → avg 100,000; balance 700,000 → 7 days → 预警 with warn 10
    expect(assessPayment({ balanceFen: 700_000, windowChargeFen: 1_000_000, thresholds: t }).level).toBe('warning');
    expect(assessPayment({ balanceFen: 299_999, windowChargeFen: 1_000_000, thresholds: t }).level).toBe('reduce');
    expect(effectiveThresholds(T, { warnDays: null, reduceDays: '1.5', avgDays: null })).toEqual({ warnDays: '5', reduceDays: '1.5', avgDays: 7 });
  });

  it('validates thresholds', () => {
    expect(thresholdsValid(T)).toBe(true);
    expect(thresholdsValid({ warnDays: '2', reduceDays: '5', avgDays: 7 })).toBe(false);
    expect(thresholdsValid({ warnDays: '5', reduceDays: '0', avgDays: 7 })).toBe(false);
    expect(thresholdsValid({ warnDays: '5', reduceDays: '2', avgDays: 0 })).toBe(false);
  });
});

describe('level properties', () => {
  it('is monotone in the balance: more money never gives a worse level', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.option(fc.integer({ min: 0, max: 1e9 })), fc.integer({ min: 1, max: 30 }), (b, extra, w, n) => {
        const t = { ...T, avgDays: n };
        const lo = assessPayment({ balanceFen: b, windowChargeFen: w, thresholds: t }).level;
        const hi = assessPayment({ balanceFen: b + extra, windowChargeFen: w, thresholds: t }).level;
        return LEVEL_SEVERITY[hi] <= LEVEL_SEVERITY[lo];
      }),
    );
  });
  it('agrees with the exact rational comparison of available days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 1, max: 1e9 }), (b, w) => {
        const r = assessPayment({ balanceFen: b, windowChargeFen: w, thresholds: T });
        // available = 7b / w ; reduce iff 7b < 2w, warning iff 2w ≤ 7b < 5w (integers, exact)
        const expected = 7 * b < 2 * w ? 'reduce' : 7 * b < 5 * w ? 'warning' : 'normal';
        return r.level === expected;
      }),
    );
  });
  it('orders severities and crossings', () => {
    expect(isWorse('normal', 'warning')).toBe(true);
    expect(isWorse('reduce', 'warning')).toBe(false);
    expect(isWorse(null, 'stop')).toBe(true);
    expect(isWorse(null, 'normal')).toBe(false);
  });
});

describe('daily charge', () => {
  it.each([
    ['12345.678', '2.4500', 3_024_691], // 30246.9111 → 30246.91 元
    ['1.002', '2.5000', 251], // 2.505 元 → half-up 2.51
    ['0', '3.1000', 0],
    ['100000', '2.2000', 22_000_000],
  ])('%s m³ × %s 元/m³ = %i fen', (v, p, fen) => {
    expect(dailyChargeFen(v, p)).toBe(fen);
  });
  it('picks the price effective on the day', () => {
    const prices = [
      { effectiveFrom: '2025-01-01', price: '2.2000' },
      { effectiveFrom: '2025-11-01', price: '2.6000' },
    ];
    expect(priceOn(prices, '2024-12-31')).toBeNull();
    expect(priceOn(prices, '2025-10-31')!.price).toBe('2.2000');
    expect(priceOn(prices, '2025-11-01')!.price).toBe('2.6000');
  });
  it('re-running a day changes nothing; a correction posts only the difference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (first, corrected) => {
        let posted = 0;
        posted += chargeDeltaFen(first, posted);
        const rerun = chargeDeltaFen(first, posted);
        const correction = chargeDeltaFen(corrected, posted);
        posted += correction;
        return rerun === 0 && correction === corrected - first && posted === corrected && chargeDeltaFen(corrected, posted) === 0;
      }),
    );
  });
});

describe('ledger invariants', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('payment' as const), fen: fc.integer({ min: 1, max: 1e10 }) }),
    fc.record({ kind: fc.constant('daily_charge' as const), fen: fc.integer({ min: 1, max: 1e8 }) }),
    fc.record({ kind: fc.constant('adjustment' as const), fen: fc.integer({ min: -1e8, max: 1e8 }).filter((x) => x !== 0) }),
    fc.record({ kind: fc.constant('refund' as const), fen: fc.integer({ min: 1, max: 1e8 }) }),
    fc.record({ kind: fc.constant('reverse_last' as const), fen: fc.constant(0) }),
  );
  it('every transaction sums to zero and the balance equals the replay of the postings', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const txs: PostingLine[][] = [];
        let expected = 0;
        const effects: number[] = [];
        for (const o of ops) {
          let lines: PostingLine[];
          if (o.kind === 'reverse_last') {
            if (!txs.length) continue;
            lines = reversalPostings(txs[txs.length - 1]);
            expected -= effects[effects.length - 1];
            effects.push(-effects[effects.length - 1]);
          } else {
            const effect = o.kind === 'payment' ? o.fen : o.kind === 'adjustment' ? o.fen : -o.fen;
            lines = customerPostings(effect, o.kind === 'payment' ? 'bank' : o.kind === 'daily_charge' ? 'gas_sales' : o.kind === 'refund' ? 'refunds' : 'adjustments');
            expected += effect;
            effects.push(effect);
          }
          txs.push(lines);
        }
        const all = txs.flat();
        return txs.every(sumsToZero) && sumsToZero(all) && balanceOf(all) === expected;
      }),
    );
  });
  it('refuses a zero or fractional posting', () => {
    expect(() => customerPostings(0, 'bank')).toThrow(RangeError);
    expect(() => customerPostings(1.5, 'bank')).toThrow(RangeError);
  });
  it('splits receivable and prepaid', () => {
    expect(receivableAndPrepaid(-500)).toEqual({ receivableFen: 500, prepaidFen: 0 });
    expect(receivableAndPrepaid(700)).toEqual({ receivableFen: 0, prepaidFen: 700 });
    expect(receivableAndPrepaid(0)).toEqual({ receivableFen: 0, prepaidFen: 0 });
  });
});

describe('statement totals', () => {
  it('opening + payments − charges + adjustments − refunds = closing', () => {
    const t = statementTotals(10_000, [
      { category: 'payment', amountFen: 50_000 },
      { category: 'charge', amountFen: -30_000 },
      { category: 'charge', amountFen: -1_234 },
      { category: 'adjustment', amountFen: -500 },
      { category: 'refund', amountFen: -2_000 },
      { category: statementCategory('reversal', 'payment'), amountFen: -50_000 },
    ]);
    expect(t).toEqual({ openingFen: 10_000, paymentsFen: 0, chargesFen: 31_234, adjustmentsFen: -500, refundsFen: 2_000, closingFen: -23_734 });
  });
  it('always reconciles (property)', () => {
    const cat = fc.constantFrom('payment' as const, 'charge' as const, 'adjustment' as const, 'refund' as const);
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.array(fc.record({ category: cat, amountFen: fc.integer({ min: -1e9, max: 1e9 }) })), (o, lines) => {
        const t = statementTotals(o, lines);
        return t.openingFen + t.paymentsFen - t.chargesFen + t.adjustmentsFen - t.refundsFen === t.closingFen && t.closingFen === o + lines.reduce((s, l) => s + l.amountFen, 0);
      }),
    );
  });
  it('computes the averaging window', () => {
    expect(averagingWindow('2026-03-02', 7)).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(averagingWindow('2026-03-02', 1)).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });
});
