import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec } from '@common/decimal';
import { deviation, settleCustomerMonth, type SettlementInput } from './settlement.calc';

const base = { baseTag: '合同内常规气', extraTag: '额外气', awards: [], referencePrice: null } as const;
const day = (d: number, quantity: string, basePrice: string | null = '2.5') => ({ day: `2026-05-${String(d).padStart(2, '0')}`, quantity, basePrice });
const at = (s: string) => new Date(`2026-04-2${s}T02:00:00Z`);

type Golden = { name: string; input: SettlementInput; lines: [string, string, string, number][]; total: number; missing?: unknown[] };

// Golden cases (DOMAIN.md §4 月度结算): inputs → exact lines [kind, quantity, price, fen] and total.
const golden: Golden[] = [
  {
    name: 'over-take without awards → 额外气 at reference',
    input: { ...base, contracted: '1000', days: [day(1, '600'), day(2, '600')], referencePrice: '3.1' },
    lines: [
      ['base', '1000', '2.5', 250000],
      ['extra', '200', '3.1', 62000],
    ],
    total: 312000,
  },
  {
    name: 'GJ basis below contract',
    input: { ...base, contracted: '3600', days: [day(1, '2000', '70.1234'), day(2, '1000', '70.1234')] },
    lines: [['base', '3000', '70.1234', 21037020]],
    total: 21037020,
  },
  { name: 'Q_a = 0', input: { ...base, contracted: '1000', days: [] }, lines: [], total: 0 },
  { name: 'Q_a = 0 with zero-volume days', input: { ...base, contracted: '1000', days: [day(1, '0', null)] }, lines: [], total: 0 },
  {
    name: 'Q_c = 0: all awards in award order, then extra',
    input: {
      ...base,
      contracted: '0',
      days: [day(3, '200', null)],
      referencePrice: '3',
      awards: [
        { awardId: 9, awardedAt: at('2'), quantity: '100', price: '2.8', resourceTag: '线上交易气' },
        { awardId: 4, awardedAt: at('1'), quantity: '50', price: '2.7', resourceTag: '线上交易气' },
      ],
    },
    lines: [
      ['award', '50', '2.7', 13500],
      ['award', '100', '2.8', 28000],
      ['extra', '50', '3', 15000],
    ],
    total: 56500,
  },
  {
    name: 'award larger than over-take is used in part',
    input: { ...base, contracted: '100', days: [day(1, '130')], awards: [{ awardId: 1, awardedAt: at('1'), quantity: '50', price: '2.9', resourceTag: '线上交易气' }] },
    lines: [
      ['base', '100', '2.5', 25000],
      ['award', '30', '2.9', 8700],
    ],
    total: 33700,
  },
  {
    name: 'exactly Q_c: no extra line, no reference price needed',
    input: { ...base, contracted: '500', days: [day(1, '200', '2.3456'), day(2, '300', '2.3456')] },
    lines: [['base', '500', '2.3456', 117280]],
    total: 117280,
  },
  { name: 'half fen rounds up (26.5 fen → 27)', input: { ...base, contracted: '1', days: [day(1, '0.106')] }, lines: [['base', '0.106', '2.5', 27]], total: 27 },
  {
    name: 'each line rounded once, total = Σ lines (0.275+0.275 yuan)',
    input: { ...base, contracted: '0.125', days: [day(1, '0.25')], referencePrice: '2.2', awards: [] },
    lines: [
      ['base', '0.125', '2.5', 31],
      ['extra', '0.125', '2.2', 28],
    ],
    total: 59,
  },
  {
    name: 'price change mid-month: base filled in day order, one line per price',
    input: { ...base, contracted: '700', days: [day(2, '400', '2.6'), day(1, '400', '2.5')], referencePrice: '3' },
    lines: [
      ['base', '400', '2.5', 100000],
      ['base', '300', '2.6', 78000],
      ['extra', '100', '3', 30000],
    ],
    total: 208000,
  },
];

describe('settleCustomerMonth golden cases', () => {
  it.each(golden)('$name', ({ input, lines, total }) => {
    const r = settleCustomerMonth(input);
    expect(r.missing).toEqual([]);
    expect(r.lines.map((l) => [l.kind, l.quantity, l.price, l.amountFen])).toEqual(lines);
    expect(r.totalFen).toBe(total);
  });

  it('lists every missing price (base days and reference), never prices at zero', () => {
    const r = settleCustomerMonth({ ...base, contracted: '500', days: [day(1, '200', null), day(2, '200', '2.5'), day(3, '200', null)] });
    expect(r.missing).toEqual([{ kind: 'base', day: '2026-05-01' }, { kind: 'base', day: '2026-05-03' }, { kind: 'reference' }]);
    expect(r.lines.every((l) => dec(l.price).gt(0))).toBe(true);
  });
});

describe('deviation golden cases (DOMAIN.md §4 偏差结算)', () => {
  it.each([
    { name: 'θ 0.9 plain shortfall', theta: '0.9', contracted: '1000', actual: '800', exempt: '0', contractPrice: '2.5', k: '0.25', shortfall: '100', fee: 6250 },
    { name: 'θ = 1', theta: '1', contracted: '1000', actual: '999.5', exempt: '0', contractPrice: '2.5', k: '0.25', shortfall: '0.5', fee: 31 },
    { name: 'Q_x > Q_s → 0', theta: '0.9', contracted: '1000', actual: '800', exempt: '200', contractPrice: '2.5', k: '0.25', shortfall: '0', fee: 0 },
    { name: 'partial exemption', theta: '0.9', contracted: '1000', actual: '800', exempt: '40', contractPrice: '2.5', k: '0.25', shortfall: '60', fee: 3750 },
    { name: 'Q_c = 0', theta: '0.9', contracted: '0', actual: '0', exempt: '0', contractPrice: '2.5', k: '0.25', shortfall: '0', fee: 0 },
    { name: 'half fen (12.5 → 13)', theta: '0.9', contracted: '1000', actual: '899.8', exempt: '0', contractPrice: '2.5', k: '0.25', shortfall: '0.2', fee: 13 },
    { name: 'above θ·Q_c', theta: '0.9', contracted: '1000', actual: '950', exempt: '0', contractPrice: '2.5', k: '0.25', shortfall: '0', fee: 0 },
  ])('$name', ({ shortfall, fee, ...input }) => {
    expect(deviation(input)).toEqual({ shortfall, feeFen: fee });
  });
});

const qty = fc.integer({ min: 0, max: 10_000_000 }).map((n) => dec(n).div(1000).toFixed());
const price = fc.integer({ min: 1, max: 50_000 }).map((n) => dec(n).div(10000).toFixed());

describe('properties', () => {
  it('all volume is settled once, base ≤ Q_c, total = Σ lines, each line within half a fen of q×p', () => {
    fc.assert(
      fc.property(qty, fc.array(fc.tuple(qty, price), { maxLength: 8 }), fc.array(fc.tuple(qty, price, fc.integer({ min: 0, max: 1e6 })), { maxLength: 4 }), price, (contracted, ds, aw, ref) => {
        const r = settleCustomerMonth({
          ...base,
          contracted,
          referencePrice: ref,
          days: ds.map(([qq, p], i) => ({ day: `2026-05-${String(i + 1).padStart(2, '0')}`, quantity: qq, basePrice: p })),
          awards: aw.map(([qq, p, t], i) => ({ awardId: i + 1, awardedAt: new Date(t), quantity: qq, price: p, resourceTag: '线上交易气' })),
        });
        expect(r.missing).toEqual([]);
        const sumQ = r.lines.reduce((s, l) => s.plus(l.quantity), dec(0));
        expect(sumQ.eq(r.actual)).toBe(true);
        const baseQ = r.lines.filter((l) => l.kind === 'base').reduce((s, l) => s.plus(l.quantity), dec(0));
        expect(baseQ.lte(contracted)).toBe(true);
        expect(r.totalFen).toBe(r.lines.reduce((s, l) => s + l.amountFen, 0));
        for (const l of r.lines) expect(dec(l.quantity).times(l.price).times(100).minus(l.amountFen).abs().lte(0.5)).toBe(true);
      }),
    );
  });
  it('shortfall is never negative and never grows with the exemption', () => {
    fc.assert(
      fc.property(qty, qty, qty, qty, price, (c, a, x1, x2, p) => {
        const lo = dec(x1).lt(x2) ? x1 : x2;
        const hi = lo === x1 ? x2 : x1;
        const r1 = deviation({ theta: '0.9', contracted: c, actual: a, exempt: lo, contractPrice: p, k: '0.25' });
        const r2 = deviation({ theta: '0.9', contracted: c, actual: a, exempt: hi, contractPrice: p, k: '0.25' });
        expect(dec(r2.shortfall).gte(0)).toBe(true);
        expect(dec(r2.shortfall).lte(r1.shortfall)).toBe(true);
        expect(r2.feeFen).toBeLessThanOrEqual(r1.feeFen);
      }),
    );
  });
});
