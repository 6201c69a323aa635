import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from '@common/decimal';
import { lineAmountFen } from '@common/money';
import { checkBid, clearBidding, clearListing, dealAmountFen, depositFen, feeFen, fromScaled, listingFill, splitDeposit, toScaled, vwap, type SealedBid } from './clearing.calc';

const bid = (bidId: number, customerId: number, price: string, quantity: string, submittedAt: number): SealedBid => ({ bidId, customerId, price, quantity, submittedAt });

describe('clearBidding — golden cases (DOMAIN.md §4 竞价)', () => {
  const rules = { quantity: '1000', minPerBuyer: '100', pricing: 'pay_as_bid' as const };

  it('fills by price descending; the margin is partly filled when the remainder reaches the minimum', () => {
    const r = clearBidding(rules, [bid(1, 11, '2.5000', '400', 1), bid(2, 12, '2.6000', '500', 2), bid(3, 13, '2.4000', '300', 3), bid(4, 14, '2.3000', '200', 4)]);
    expect(r.bids.map((b) => [b.bidId, b.filledQuantity, b.dealPrice, b.outcome])).toEqual([
      [2, '500.000', '2.6000', 'filled'],
      [1, '400.000', '2.5000', 'filled'],
      [3, '100.000', '2.4000', 'partial'],
      [4, '0.000', null, 'unfilled'],
    ]);
    expect(r.soldQuantity).toBe('1000.000');
    expect(r.unsoldQuantity).toBe('0.000');
    expect(r.clearingPrice).toBe('2.4000');
  });

  it('the margin gets nothing when the remainder is below the minimum, and the rest stays unsold — even if a smaller lower bid would fit', () => {
    const r = clearBidding(rules, [bid(1, 11, '2.6000', '950', 1), bid(2, 12, '2.5000', '200', 2), bid(3, 13, '2.4000', '50', 3)]);
    expect(r.bids.map((b) => b.filledQuantity)).toEqual(['950.000', '0.000', '0.000']);
    expect(r.unsoldQuantity).toBe('50.000');
    expect(r.clearingPrice).toBe('2.6000');
  });

  it('remainder exactly equal to the minimum is filled', () => {
    const r = clearBidding(rules, [bid(1, 11, '2.6000', '900', 1), bid(2, 12, '2.5000', '300', 2)]);
    expect(r.bids[1]).toMatchObject({ bidId: 2, filledQuantity: '100.000', outcome: 'partial' });
  });

  it('equal prices: earlier submission first, then lower bid number', () => {
    const r = clearBidding(rules, [bid(7, 11, '2.5000', '600', 200), bid(5, 12, '2.5000', '600', 100), bid(6, 13, '2.5000', '600', 100)]);
    expect(r.bids.map((b) => [b.bidId, b.filledQuantity])).toEqual([
      [5, '600.000'],
      [6, '400.000'],
      [7, '0.000'],
    ]);
  });

  it('uniform pricing: every winner pays the lowest accepted price (the partly filled margin included)', () => {
    const r = clearBidding({ ...rules, pricing: 'uniform' }, [bid(1, 11, '2.5000', '400', 1), bid(2, 12, '2.6000', '500', 2), bid(3, 13, '2.4000', '300', 3)]);
    expect(r.bids.map((b) => b.dealPrice)).toEqual(['2.4000', '2.4000', '2.4000']);
  });

  it('undersubscribed: everyone filled, the rest unsold; no bids: nothing sold, no clearing price', () => {
    const r = clearBidding(rules, [bid(1, 11, '2.5000', '300.5', 1)]);
    expect(r.soldQuantity).toBe('300.500');
    expect(r.unsoldQuantity).toBe('699.500');
    expect(clearBidding(rules, [])).toEqual({ bids: [], soldQuantity: '0.000', unsoldQuantity: '1000.000', clearingPrice: null });
  });
});

describe('listing (挂牌) — first come first served', () => {
  it('fills in arrival order; a request above what remains gets the remainder if ≥ minimum, else nothing', () => {
    expect(listingFill('300', '200', '100')).toBe('200.000');
    expect(listingFill('150', '200', '100')).toBe('150.000');
    expect(listingFill('100', '200', '100')).toBe('100.000');
    expect(listingFill('99.999', '200', '100')).toBe('0.000');
    expect(listingFill('0', '200', '0')).toBe('0.000');
    const r = clearListing('1000', '100', [
      { requestId: 3, customerId: 3, quantity: '400', submittedAt: 30 },
      { requestId: 1, customerId: 1, quantity: '500', submittedAt: 10 },
      { requestId: 2, customerId: 2, quantity: '450', submittedAt: 20 },
      { requestId: 4, customerId: 4, quantity: '200', submittedAt: 40 },
    ]);
    expect(r.map((x) => [x.requestId, x.filledQuantity])).toEqual([
      [1, '500.000'],
      [2, '450.000'],
      [3, '0.000'], // 50 left < minimum 100
      [4, '0.000'],
    ]);
  });
});

describe('checkBid — session rules', () => {
  const rules = { floorPrice: '2.3000', priceStep: '0.0100', minPerBuyer: '100', maxPerBuyer: '1000' };
  it.each([
    ['2.2900', '200', '0', 'BELOW_FLOOR'],
    ['2.3050', '200', '0', 'OFF_STEP'],
    ['2.3000', '99.999', '0', 'BELOW_MIN'],
    ['2.3100', '1000.001', '0', 'ABOVE_MAX'],
    ['2.3100', '300', '800', 'ABOVE_MAX'],
    ['2.3000', '100', '0', null],
    ['2.4500', '200', '800', null],
  ])('price %s qty %s (already %s) → %s', (p, q, already, code) => {
    expect(checkBid(rules, p, q, already)?.code ?? null).toBe(code);
  });
  it('listing sessions (no floor) check only the quantity', () => {
    expect(checkBid({ ...rules, floorPrice: null, priceStep: null }, '1.0000', '100', '0')).toBeNull();
  });
});

describe('deposits and fees to the fen (DOMAIN.md §4)', () => {
  it.each([
    // price, quantity, ratio, deposit fen
    ['2.5000', '1000', '0.10', 25_000], // 2 500 yuan × 10 % = 250.00
    ['2.3456', '333.333', '0.10', 7_819], // 78.1865884… yuan → 78.19
    ['2.0005', '1', '0.10', 20], // 0.20005 → 0.20
    ['2.0050', '1', '0.10', 20], // 0.2005 → 0.20 (half-up at the fen: 20.05 fen → 20)
    ['2.0150', '1', '0.10', 20], // 20.15 fen → 20
    ['2.0500', '1', '0.10', 21], // 20.5 fen → 21 half-up
  ])('deposit of %s × %s × %s = %i fen', (p, q, r, fen) => {
    expect(depositFen(p, q, r)).toBe(fen);
  });
  it('fee: 1 ‰ of the deal amount half-up, each side', () => {
    expect(dealAmountFen('1000', '2.5000')).toBe(250_000);
    expect(feeFen(250_000, '0.001')).toBe(250);
    expect(feeFen(250_500, '0.001')).toBe(251); // 250.5 → 251
    expect(feeFen(250_499, '0.001')).toBe(250);
    expect(feeFen(0, '0.001')).toBe(0);
  });
  it('the integer (BigInt) amounts equal the decimal.js ones to the fen, half-up at every .5', () => {
    const scaled = (max: number, dp: number) => fc.integer({ min: 0, max }).map((n) => fromScaled(n, dp));
    fc.assert(
      fc.property(scaled(99_999_999_999, 3), scaled(9_999_999, 4), scaled(10_000, 4), scaled(99_999, 6), (q, p, r, rate) => {
        const deal = dealAmountFen(q, p);
        expect(deal).toBe(lineAmountFen(q, p));
        expect(depositFen(p, q, r)).toBe(lineAmountFen(dec(q).times(r), p));
        expect(feeFen(deal, rate)).toBe(dec(deal).times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
      }),
      { numRuns: 300 },
    );
    // exactly half a fen rounds up; inputs with more places than the column take the decimal.js path
    expect(dealAmountFen('0.005', '1.0000')).toBe(1);
    expect(feeFen(500, '0.001')).toBe(1);
    expect(dealAmountFen('1.0005', '1')).toBe(lineAmountFen('1.0005', '1'));
  });
  it('deposit split: applied + released = frozen; fully won applies all, unwon releases all', () => {
    expect(splitDeposit(25_000, '2.5000', '1000', '1000.000', '0.10')).toEqual({ appliedFen: 25_000, releasedFen: 0 });
    expect(splitDeposit(25_000, '2.5000', '1000', '0.000', '0.10')).toEqual({ appliedFen: 0, releasedFen: 25_000 });
    expect(splitDeposit(25_000, '2.5000', '1000', '400.000', '0.10')).toEqual({ appliedFen: 10_000, releasedFen: 15_000 });
  });
  it('VWAP reference price', () => {
    expect(vwap([])).toBeNull();
    expect(
      vwap([
        { quantity: '100', price: '2.0000' },
        { quantity: '300', price: '3.0000' },
      ]),
    ).toBe('2.7500');
    expect(
      vwap([
        { quantity: '1', price: '1.0000' },
        { quantity: '2', price: '2.0000' },
      ]),
    ).toBe('1.6667');
  });
  it('scaling round-trips and refuses bad input', () => {
    expect(toScaled('12.5', 3)).toBe(12_500);
    expect(fromScaled(12_500, 3)).toBe('12.500');
    expect(fromScaled(5, 4)).toBe('0.0005');
    expect(toScaled('1.23400', 3)).toBe(1234);
    expect(() => toScaled('1.2345', 3)).toThrow();
    expect(() => toScaled('-1', 3)).toThrow();
    expect(() => toScaled('1e3', 3)).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const arbBid = fc.record({
  customerId: fc.integer({ min: 1, max: 8 }),
  priceTicks: fc.integer({ min: 0, max: 30 }), // floor 2.0000 + n × 0.0500
  qty: fc.integer({ min: 1, max: 500 }),
  at: fc.integer({ min: 0, max: 50 }),
});
const arbSession = fc.record({
  total: fc.integer({ min: 0, max: 3000 }),
  min: fc.integer({ min: 0, max: 200 }),
  pricing: fc.constantFrom('pay_as_bid' as const, 'uniform' as const),
  bids: fc.array(arbBid, { maxLength: 40 }),
});
type Session = typeof arbSession extends fc.Arbitrary<infer T> ? T : never;
function toInput(s: Session) {
  const bids = s.bids.map((b, i) => bid(i + 1, b.customerId, dec(2).plus(dec(b.priceTicks).times('0.05')).toFixed(4), String(b.qty), b.at));
  return { rules: { quantity: String(s.total), minPerBuyer: String(s.min), pricing: s.pricing }, bids };
}
const q = (s: string) => Number(s); // test-side only: quantities here are small integers

describe('clearBidding — properties', () => {
  it('never allocates more than the session quantity nor more than a bid asked; sold + unsold = total', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const { rules, bids } = toInput(s);
        const r = clearBidding(rules, bids);
        const sold = r.bids.reduce((a, b) => a + q(b.filledQuantity), 0);
        expect(sold).toBe(q(r.soldQuantity));
        expect(sold).toBeLessThanOrEqual(s.total);
        expect(q(r.soldQuantity) + q(r.unsoldQuantity)).toBe(s.total);
        for (const b of r.bids) expect(q(b.filledQuantity)).toBeLessThanOrEqual(q(b.bidQuantity));
      }),
    );
  });

  it('price-then-time priority: the order is price desc, time asc, id asc', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const { rules, bids } = toInput(s);
        const r = clearBidding(rules, bids);
        const at = new Map(bids.map((b) => [b.bidId, b.submittedAt]));
        for (let k = 1; k < r.bids.length; k++) {
          const a = r.bids[k - 1]!;
          const b = r.bids[k]!;
          const key = (x: typeof a) => [-q(x.bidPrice), at.get(x.bidId)!, x.bidId];
          const [ka, kb] = [key(a), key(b)];
          expect(ka[0]! < kb[0]! || (ka[0] === kb[0] && (ka[1]! < kb[1]! || (ka[1] === kb[1] && ka[2]! < kb[2]!)))).toBe(true);
        }
      }),
    );
  });

  it('nobody after a bid that is not fully filled gets anything; the margin obeys the minimum; no unsold remainder while a higher bid is unfilled', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const { rules, bids } = toInput(s);
        const r = clearBidding(rules, bids);
        const firstShort = r.bids.findIndex((b) => b.outcome !== 'filled');
        if (firstShort >= 0) {
          for (const b of r.bids.slice(firstShort + 1)) expect(b.filledQuantity).toBe('0.000');
          const m = r.bids[firstShort]!;
          if (m.outcome === 'partial') {
            expect(q(m.filledQuantity)).toBeGreaterThanOrEqual(s.min);
            expect(q(r.unsoldQuantity)).toBe(0);
          } else {
            // unfilled margin: the remainder was below the minimum (or nothing remained)
            expect(q(r.unsoldQuantity) < s.min || q(r.unsoldQuantity) === 0).toBe(true);
          }
        }
      }),
    );
  });

  it('pay-as-bid: each winner pays its own price; uniform: all pay the lowest accepted price', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const { rules, bids } = toInput(s);
        const r = clearBidding(rules, bids);
        const winners = r.bids.filter((b) => b.outcome !== 'unfilled');
        const lowest = winners.length ? winners.map((b) => q(b.bidPrice)).reduce((a, b) => Math.min(a, b)) : null;
        expect(r.clearingPrice === null ? null : q(r.clearingPrice)).toBe(lowest);
        for (const w of winners) expect(w.dealPrice).toBe(rules.pricing === 'uniform' ? r.clearingPrice : w.bidPrice);
        for (const b of r.bids.filter((x) => x.outcome === 'unfilled')) expect(b.dealPrice).toBeNull();
      }),
    );
  });

  it('deterministic under input order', () => {
    fc.assert(
      fc.property(arbSession, fc.integer(), (s, seed) => {
        const { rules, bids } = toInput(s);
        const shuffled = fc.sample(fc.shuffledSubarray(bids, { minLength: bids.length, maxLength: bids.length }), { numRuns: 1, seed })[0]!;
        expect(clearBidding(rules, shuffled)).toEqual(clearBidding(rules, bids));
      }),
    );
  });

  it('deposit split always sums to the frozen deposit and never applies more than frozen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), (p, qq, pct) => {
        const priceS = dec(p).div(10_000).toFixed(4);
        const qs = String(qq);
        const frozen = depositFen(priceS, qs, '0.10');
        const filled = String(Math.floor((qq * pct) / 100));
        const { appliedFen, releasedFen } = splitDeposit(frozen, priceS, qs, filled, '0.10');
        expect(appliedFen + releasedFen).toBe(frozen);
        expect(appliedFen).toBeGreaterThanOrEqual(0);
        expect(releasedFen).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('clearListing — properties', () => {
  it('never sells more than the listing, each fill is the request or a remainder ≥ minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 200 }), fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 30 }), (total, min, reqs) => {
        const r = clearListing(
          String(total),
          String(min),
          reqs.map((x, i) => ({ requestId: i + 1, customerId: i, quantity: String(x), submittedAt: i })),
        );
        let remaining = total;
        r.forEach((x, i) => {
          const f = q(x.filledQuantity);
          expect(f === reqs[i] || (f === remaining && f >= min && f < reqs[i]!) || f === 0).toBe(true);
          if (f === 0) expect(reqs[i]! > remaining && (remaining < min || remaining === 0)).toBe(true);
          remaining -= f;
        });
        expect(remaining).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('clearBidding — packed-key sort and comparator sort agree', () => {
  it('sparse bid ids (comparator path) give the same order as dense ids (packed path)', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const { rules, bids } = toInput(s);
        const sparse = bids.map((b) => ({ ...b, bidId: b.bidId * 1_000_003 }));
        const a = clearBidding(rules, bids).bids.map((b) => [b.bidId, b.filledQuantity]);
        const b = clearBidding(rules, sparse).bids.map((x) => [x.bidId / 1_000_003, x.filledQuantity]);
        expect(b).toEqual(a);
      }),
    );
  });
});
