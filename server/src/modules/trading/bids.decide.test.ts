/** decideBid (bids.service.ts): the rules a bid is decided on once its facts are read — golden cases, in the order the service applies them. */
import { describe, expect, it } from 'vitest';
import { decideBid } from './bids.service';

const opens = new Date('2026-03-01T00:00:00Z');
const closes = new Date('2026-03-01T01:00:00Z');
const inside = new Date('2026-03-01T00:59:59.999Z');
const bidding = {
  mode: 'bidding' as const,
  status: 'open' as const,
  cleared_at: null,
  opens_at: opens,
  closes_at: closes,
  fixed_price: null,
  floor_price: '2.3000',
  price_step: '0.0100',
  min_per_buyer: '100.000',
  max_per_buyer: '600.000',
  quantity: '1000.000',
  deposit_ratio: '0.1000',
};
const listing = { ...bidding, mode: 'listing' as const, fixed_price: '2.5000', floor_price: null, price_step: null };
const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('decideBid', () => {
  it('accepts a bid on the grid within the limits and prices its deposit (10 % of price × quantity, to the fen)', () => {
    expect(decideBid(bidding, inside, '2.3100', '333.333', '0', '0')).toEqual({ price: '2.3100', grantedQty: null, deposit: 7_700 });
    expect(decideBid(bidding, opens, '2.3000', '100.000', '500.000', '0')).toEqual({ price: '2.3000', grantedQty: null, deposit: 2_300 });
  });

  it('refuses by the window, the status, the price and the per-buyer limits, each with its own code', () => {
    expect(code(() => decideBid(bidding, new Date(opens.getTime() - 1), '2.3000', '100', '0', '0'))).toBe('SESSION_NOT_OPEN_YET');
    expect(code(() => decideBid(bidding, closes, '2.3000', '100', '0', '0'))).toBe('SESSION_CLOSED');
    expect(code(() => decideBid({ ...bidding, status: 'cleared', cleared_at: closes }, inside, '2.3000', '100', '0', '0'))).toBe('SESSION_CLEARED');
    expect(code(() => decideBid({ ...bidding, status: 'cancelled' }, inside, '2.3000', '100', '0', '0'))).toBe('SESSION_CANCELLED');
    expect(code(() => decideBid(bidding, inside, undefined, '100', '0', '0'))).toBe('BID_PRICE_REQUIRED');
    expect(code(() => decideBid(bidding, inside, '2.2900', '100', '0', '0'))).toBe('BID_BELOW_FLOOR');
    expect(code(() => decideBid(bidding, inside, '2.3050', '100', '0', '0'))).toBe('BID_OFF_STEP');
    expect(code(() => decideBid(bidding, inside, '2.3000', '99.999', '0', '0'))).toBe('BID_BELOW_MIN');
    expect(code(() => decideBid(bidding, inside, '2.3000', '100.001', '500.000', '0'))).toBe('BID_ABOVE_MAX');
  });

  it('挂牌: the fixed price, the request or the remainder when it reaches the minimum, else sold out', () => {
    expect(decideBid(listing, inside, undefined, '300', '0', '600.000')).toEqual({ price: '2.5000', grantedQty: '300.000', deposit: 7_500 });
    expect(decideBid(listing, inside, '2.5000', '500', '0', '800.000')).toEqual({ price: '2.5000', grantedQty: '200.000', deposit: 5_000 });
    expect(code(() => decideBid(listing, inside, '2.4000', '100', '0', '0'))).toBe('BID_PRICE_NOT_FIXED');
    expect(code(() => decideBid(listing, inside, undefined, '500', '0', '950.000'))).toBe('LISTING_SOLD_OUT');
  });
});
