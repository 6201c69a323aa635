/**
 * The clearing engine of online trading (线上交易, DOMAIN.md §4): pure and deterministic — no
 * database, no clock. Quantities and prices travel as decimal strings; inside the engine they are
 * scaled to exact integers (quantity 3 decimals, price 4 decimals) so that sorting and filling a
 * million bids needs no decimal objects and no binary-float arithmetic on fractions.
 */
import { Decimal, dec, type DecimalInput } from '@common/decimal';
import { lineAmountFen, type Fen } from '@common/money';

export const QTY_DP = 3;
export const PRICE_DP = 4;

export type Pricing = 'pay_as_bid' | 'uniform';

/** Decimal string → integer count of 10^-dp units; throws on more decimals than dp, a sign, or an unsafe value. */
export function toScaled(s: string, dp: number): number {
  // Hand-rolled (no regex, no decimal objects): the engine parses a million of these per clearing.
  let v = 0;
  let frac = -1;
  const n = s.length;
  if (n === 0) throw new RangeError(`not a non-negative decimal: ${s}`);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (frac >= 0 || i === 0 || i === n - 1) throw new RangeError(`not a non-negative decimal: ${s}`);
      frac = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) throw new RangeError(`not a non-negative decimal: ${s}`);
    if (frac >= 0) {
      if (frac >= dp) {
        if (d !== 0) throw new RangeError(`more than ${dp} decimals: ${s}`);
        continue;
      }
      frac++;
    }
    v = v * 10 + d;
  }
  for (let k = frac < 0 ? 0 : frac; k < dp; k++) v *= 10;
  if (!Number.isSafeInteger(v)) throw new RangeError(`too large: ${s}`);
  return v;
}

/** Integer count of 10^-dp units → plain decimal string with dp places. */
export function fromScaled(v: number, dp: number): string {
  if (dp === 0) return String(v);
  if (v === 0) return ZEROS[dp] ?? '0.' + '0'.repeat(dp);
  const s = String(v).padStart(dp + 1, '0');
  return `${s.slice(0, -dp)}.${s.slice(-dp)}`;
}
const ZEROS: Record<number, string> = { 3: '0.000', 4: '0.0000' };
const ZERO_QTY = '0.000';

export const qty = (s: string) => toScaled(s, QTY_DP);
export const price = (s: string) => toScaled(s, PRICE_DP);
export const qtyStr = (v: number) => fromScaled(v, QTY_DP);
export const priceStr = (v: number) => fromScaled(v, PRICE_DP);

// ---------------------------------------------------------------------------------------------
// 竞价 bidding with a single floor price

export interface BiddingRules {
  /** Session quantity (decimal string). */
  quantity: string;
  /** Per-buyer minimum: the marginal bid is partly filled only if the remainder reaches it. */
  minPerBuyer: string;
  pricing: Pricing;
}

export interface SealedBid {
  bidId: number;
  customerId: number;
  price: string;
  quantity: string;
  /** Submission time in epoch milliseconds (the server's receipt time). */
  submittedAt: number;
}

export interface BidResult {
  bidId: number;
  customerId: number;
  /** The bid's price and quantity as given. */
  bidPrice: string;
  bidQuantity: string;
  filledQuantity: string;
  /** Price the winner pays (bid price, or the clearing price under uniform pricing); null when not filled. */
  dealPrice: string | null;
  /** Position in the priority order (1 = first). */
  rank: number;
  outcome: 'filled' | 'partial' | 'unfilled';
}

export interface BiddingResult {
  /** Every bid, in priority order: price desc, submission time asc, bid id asc. */
  bids: BidResult[];
  soldQuantity: string;
  unsoldQuantity: string;
  /** The lowest accepted price, or null when nothing was sold. */
  clearingPrice: string | null;
}

/**
 * Clear a sealed-bid session (DOMAIN.md §4 竞价): sort by price descending, then submission time,
 * then bid id; fill each bid in that order until the quantity is used up. The bid at the margin is
 * partly filled only if the remainder is at least the per-buyer minimum, else it gets nothing and
 * the remainder stays unsold; no bid after the margin is filled. Pay-as-bid: each pays its price;
 * uniform: every winner pays the lowest accepted price.
 */
export function clearBidding(rules: BiddingRules, bids: readonly SealedBid[]): BiddingResult {
  const n = bids.length;
  const prices = new Float64Array(n);
  const qtys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    prices[i] = price(bids[i]!.price);
    qtys[i] = qty(bids[i]!.quantity);
  }
  const order = priorityOrder(bids, prices);
  const filled = fillInOrder(qty(rules.quantity), qty(rules.minPerBuyer), order, qtys);
  let sold = 0;
  let lowest = -1;
  for (let k = 0; k < n; k++) {
    const f = filled[k]!;
    if (f > 0) {
      sold += f;
      lowest = prices[order[k]!]!;
    }
  }
  const clearing = lowest >= 0 ? priceStr(lowest) : null;
  const out: BidResult[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const b = bids[i]!;
    const f = filled[k]!;
    out[k] = {
      bidId: b.bidId,
      customerId: b.customerId,
      bidPrice: b.price,
      bidQuantity: b.quantity,
      filledQuantity: f === 0 ? ZERO_QTY : qtyStr(f),
      dealPrice: f > 0 ? (rules.pricing === 'uniform' ? clearing : b.price) : null,
      rank: k + 1,
      outcome: f === 0 ? 'unfilled' : f === qtys[i] ? 'filled' : 'partial',
    };
  }
  const total = qty(rules.quantity);
  return { bids: out, soldQuantity: qtyStr(sold), unsoldQuantity: qtyStr(total - sold), clearingPrice: clearing };
}

/** Indices of the bids in priority order (price desc, submittedAt asc, bidId asc). */
function priorityOrder(bids: readonly SealedBid[], prices: Float64Array): Uint32Array {
  const n = bids.length;
  const at = new Float64Array(n);
  const ids = new Float64Array(n);
  let minP = Infinity,
    maxP = -Infinity,
    minAt = Infinity,
    maxAt = -Infinity,
    minId = Infinity,
    maxId = -Infinity;
  for (let i = 0; i < n; i++) {
    const b = bids[i]!;
    at[i] = b.submittedAt;
    ids[i] = b.bidId;
    if (prices[i]! < minP) minP = prices[i]!;
    if (prices[i]! > maxP) maxP = prices[i]!;
    if (b.submittedAt < minAt) minAt = b.submittedAt;
    if (b.submittedAt > maxAt) maxAt = b.submittedAt;
    if (b.bidId < minId) minId = b.bidId;
    if (b.bidId > maxId) maxId = b.bidId;
  }
  const fast = n > 0 && packedOrder(n, prices, at, ids, maxP - minP + 1, maxAt - minAt + 1, maxId - minId + 1, maxP, minAt, minId);
  if (fast) return fast;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => prices[b]! - prices[a]! || at[a]! - at[b]! || ids[a]! - ids[b]!);
  return order;
}

/**
 * The same order by a native numeric sort of one packed key per bid, (maxP − price, at − minAt,
 * id − minId) in mixed radix — exact while the product of the ranges stays below 2^53 and the
 * bid ids are unique integers (a session's bid numbers are). Returns null when it does not apply.
 */
function packedOrder(
  n: number,
  prices: Float64Array,
  at: Float64Array,
  ids: Float64Array,
  pRange: number,
  atRange: number,
  idRange: number,
  maxP: number,
  minAt: number,
  minId: number,
): Uint32Array | null {
  if (!(pRange * atRange * idRange < 2 ** 53) || idRange > 4 * n + 1024 || !Number.isInteger(minAt) || !Number.isInteger(minId)) return null;
  const slot = new Int32Array(idRange).fill(-1);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]! - minId;
    if (!Number.isInteger(id) || slot[id] !== -1 || !Number.isInteger(at[i])) return null;
    slot[id] = i;
    keys[i] = ((maxP - prices[i]!) * atRange + (at[i]! - minAt)) * idRange + id;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = slot[keys[k]! % idRange]!;
  return order;
}

/** Filled quantity (scaled) per position of `order`; stops at the margin (DOMAIN.md §4). */
function fillInOrder(total: number, minPerBuyer: number, order: Uint32Array, qtys: Float64Array): Float64Array {
  const filled = new Float64Array(order.length);
  let remaining = total;
  for (let k = 0; k < order.length && remaining > 0; k++) {
    const q = qtys[order[k]!]!;
    if (q <= remaining) {
      filled[k] = q;
      remaining -= q;
    } else {
      // The margin: partly filled only if what remains reaches the per-buyer minimum; either way
      // nobody after it is filled (a lower bid is never filled ahead of a higher one).
      if (remaining >= minPerBuyer) filled[k] = remaining;
      break;
    }
  }
  return filled;
}

// ---------------------------------------------------------------------------------------------
// 挂牌 listing

/**
 * Quantity granted to a listing request (DOMAIN.md §4 挂牌, first come first served): the request
 * in full if it fits, else what remains if that is at least the per-buyer minimum, else nothing.
 */
export function listingFill(remaining: string, requested: string, minPerBuyer: string): string {
  const r = qty(remaining);
  const q = qty(requested);
  if (q <= r) return qtyStr(q);
  return r >= qty(minPerBuyer) && r > 0 ? qtyStr(r) : qtyStr(0);
}

export interface ListingRequest {
  requestId: number;
  customerId: number;
  quantity: string;
  submittedAt: number;
}

/** A whole listing session replayed in arrival order (submission time, then request id). */
export function clearListing(total: string, minPerBuyer: string, requests: readonly ListingRequest[]): { requestId: number; customerId: number; filledQuantity: string }[] {
  const sorted = [...requests].sort((a, b) => a.submittedAt - b.submittedAt || a.requestId - b.requestId);
  let remaining = qty(total);
  const min = qty(minPerBuyer);
  return sorted.map((r) => {
    const q = qty(r.quantity);
    const f = q <= remaining ? q : remaining >= min ? remaining : 0;
    remaining -= f;
    return { requestId: r.requestId, customerId: r.customerId, filledQuantity: qtyStr(f) };
  });
}

// ---------------------------------------------------------------------------------------------
// Bid validation (the session's rules; time and balance are checked by the service)

export interface BidRules {
  floorPrice: string | null;
  priceStep: string | null;
  minPerBuyer: string;
  maxPerBuyer: string;
}

export type BidProblem = { code: 'BELOW_FLOOR' } | { code: 'OFF_STEP' } | { code: 'BELOW_MIN' } | { code: 'ABOVE_MAX'; alreadyBid: string };

/**
 * Checks a bid against the session rules (DOMAIN.md §4 竞价): price ≥ floor and on the step grid
 * (floor + n·step), quantity ≥ the per-buyer minimum, and the buyer's groups together ≤ its maximum.
 */
export function checkBid(rules: BidRules, bidPrice: string, bidQuantity: string, buyerAlreadyBid: string): BidProblem | null {
  if (rules.floorPrice !== null) {
    const p = price(bidPrice);
    const floor = price(rules.floorPrice);
    if (p < floor) return { code: 'BELOW_FLOOR' };
    if (rules.priceStep !== null) {
      const step = price(rules.priceStep);
      if (step > 0 && (p - floor) % step !== 0) return { code: 'OFF_STEP' };
    }
  }
  const q = qty(bidQuantity);
  if (q < qty(rules.minPerBuyer) || q <= 0) return { code: 'BELOW_MIN' };
  if (qty(buyerAlreadyBid) + q > qty(rules.maxPerBuyer)) return { code: 'ABOVE_MAX', alreadyBid: buyerAlreadyBid };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Deposits and fees (保证金, 手续费)

export const DEFAULT_DEPOSIT_RATIO = '0.10';
export const DEFAULT_FEE_RATE = '0.001';

/** Deposit of a bid: price × quantity × ratio, half-up to the fen once (DOMAIN.md §4, default 10 %). */
export function depositFen(bidPrice: DecimalInput, quantity: DecimalInput, ratio: DecimalInput): Fen {
  return lineAmountFen(dec(quantity).times(dec(ratio)), bidPrice);
}

/** Deal amount of an award: quantity × deal price, half-up to the fen (DOMAIN.md §2, §4). */
export function dealAmountFen(quantity: DecimalInput, dealPrice: DecimalInput): Fen {
  return lineAmountFen(quantity, dealPrice);
}

/** Fee of one side: deal amount × rate, half-up to the fen (DOMAIN.md §4, default 1 ‰ each side). */
export function feeFen(dealFen: Fen, rate: DecimalInput): Fen {
  return dec(dealFen).times(dec(rate)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * Splits a frozen deposit after clearing (DOMAIN.md §4): the part for volume won is applied, the
 * rest released. Applied = deposit of the won quantity at the bid price (all of it when fully
 * won), never more than frozen; applied + released = frozen exactly.
 */
export function splitDeposit(frozenFen: Fen, bidPrice: string, bidQuantity: string, filledQuantity: string, ratio: string): { appliedFen: Fen; releasedFen: Fen } {
  const f = qty(filledQuantity);
  const applied = f === 0 ? 0 : f >= qty(bidQuantity) ? frozenFen : Math.min(frozenFen, depositFen(bidPrice, filledQuantity, ratio));
  return { appliedFen: applied, releasedFen: frozenFen - applied };
}

/** Volume-weighted average deal price Σ(q·p)/Σq, 4 decimals half-up, or null without volume (DOMAIN.md §4 reference price). */
export function vwap(trades: readonly { quantity: string; price: string }[]): string | null {
  let q = new Decimal(0);
  let amt = new Decimal(0);
  for (const t of trades) {
    q = q.plus(t.quantity);
    amt = amt.plus(dec(t.quantity).times(t.price));
  }
  if (q.isZero()) return null;
  return amt.div(q).toDecimalPlaces(PRICE_DP, Decimal.ROUND_HALF_UP).toFixed(PRICE_DP);
}
