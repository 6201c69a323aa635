/**
 * Pure settlement calculations (DOMAIN.md §4): monthly settlement lines and the take-or-pay
 * deviation fee. Quantities and prices are exact decimals (strings in, strings out), amounts
 * integer fen rounded half-up once per line.
 */
import { Decimal, dec } from '@common/decimal';
import { lineAmountFen, yuanToFen, type Fen } from '@common/money';

export type Basis = 'm3' | 'GJ';
export type LineKind = 'base' | 'award' | 'extra' | 'adjustment';

/** One delivery day in the settlement basis, with the contract price of the base tag in force that day (null: none). */
export interface SettlementDay {
  day: string;
  quantity: string;
  basePrice: string | null;
}
export interface SettlementAward {
  awardId: number;
  awardedAt: Date;
  quantity: string;
  price: string;
  resourceTag: string;
}
export interface SettlementInput {
  /** Q_c, the month's contracted quantity (0 without a contract). */
  contracted: string;
  baseTag: string;
  extraTag: string;
  days: readonly SettlementDay[];
  awards: readonly SettlementAward[];
  /** The month's reference online price (VWAP of real trades, else the price book's); null when none. */
  referencePrice: string | null;
}
export interface SettlementLine {
  kind: LineKind;
  tag: string;
  quantity: string;
  price: string;
  amountFen: Fen;
  awardId?: number;
  /** For base lines: first and last delivery day priced at this price. */
  from?: string;
  to?: string;
}
export type MissingPrice = { kind: 'base'; day: string } | { kind: 'reference' };
export interface SettlementResult {
  actual: string;
  contracted: string;
  lines: SettlementLine[];
  totalFen: Fen;
  missing: MissingPrice[];
}

const q = (d: Decimal) => d.toFixed();

/**
 * Monthly settlement of one customer (DOMAIN.md §4 月度结算): base min(Q_a, Q_c) at the contract
 * price of its tag — filled from the month's deliveries in day order, one line per run of equal
 * price; Q_a − Q_c matched to online awards in award order at their prices; the rest 额外气 at the
 * reference price. Each line quantity × price half-up to the fen; total = Σ lines. A missing price
 * for volume that needs it is reported in `missing` (never priced at zero).
 */
export function settleCustomerMonth(input: SettlementInput): SettlementResult {
  const days = [...input.days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const actual = days.reduce((s, d) => s.plus(dec(d.quantity)), new Decimal(0));
  const contracted = dec(input.contracted);
  if (contracted.isNegative() || actual.isNegative()) throw new RangeError('negative quantity');
  const lines: SettlementLine[] = [];
  const missing: MissingPrice[] = [];
  // 1. base min(Q_a, Q_c), in day order (DOMAIN.md §4 step 1)
  let baseLeft = Decimal.min(actual, contracted);
  let run: { price: string; qty: Decimal; from: string; to: string } | null = null;
  const flush = () => {
    if (run && run.qty.gt(0)) lines.push({ kind: 'base', tag: input.baseTag, quantity: q(run.qty), price: run.price, amountFen: lineAmountFen(run.qty, run.price), from: run.from, to: run.to });
    run = null;
  };
  for (const d of days) {
    if (baseLeft.lte(0)) break;
    const take = Decimal.min(baseLeft, dec(d.quantity));
    if (take.lte(0)) continue;
    baseLeft = baseLeft.minus(take);
    if (d.basePrice == null) {
      missing.push({ kind: 'base', day: d.day });
      continue;
    }
    if (run && dec(run.price).eq(dec(d.basePrice))) {
      run.qty = run.qty.plus(take);
      run.to = d.day;
    } else {
      flush();
      run = { price: d.basePrice, qty: take, from: d.day, to: d.day };
    }
  }
  flush();
  return overTake(input, actual, contracted, lines, missing);
}

/** One run of consecutive delivery days at one base price (null: none), as the set-based read returns them. */
export interface BaseRun {
  from: string;
  to: string;
  /** The base quantity taken from these days (already limited to Q_c, in day order). */
  quantity: string;
  price: string | null;
  /** Days of this run without a price (only when price is null). */
  missingDays?: string[];
}

/**
 * The same settlement as `settleCustomerMonth`, from the base already filled in day order and grouped
 * into runs of equal price by SQL (settlement.repo `baseRuns`): base lines from the runs, then the
 * over-take (awards, 额外气) as in `settleCustomerMonth`. Equal to it on the same deliveries (tested).
 */
export function settleFromRuns(input: Omit<SettlementInput, 'days'> & { actual: string; runs: readonly BaseRun[] }): SettlementResult {
  const actual = dec(input.actual);
  const contracted = dec(input.contracted);
  if (contracted.isNegative() || actual.isNegative()) throw new RangeError('negative quantity');
  const lines: SettlementLine[] = [];
  const missing: MissingPrice[] = [];
  for (const r of input.runs) {
    if (r.price == null) {
      for (const day of r.missingDays ?? [r.from]) missing.push({ kind: 'base', day });
      continue;
    }
    const qty = dec(r.quantity);
    if (qty.gt(0)) lines.push({ kind: 'base', tag: input.baseTag, quantity: q(qty), price: r.price, amountFen: lineAmountFen(qty, r.price), from: r.from, to: r.to });
  }
  return overTake(input, actual, contracted, lines, missing);
}

/** DOMAIN.md §4 step 2: Q_a − Q_c matched to awards in award order at their prices, the rest 额外气 at the reference price. */
function overTake(input: Omit<SettlementInput, 'days'>, actual: Decimal, contracted: Decimal, lines: SettlementLine[], missing: MissingPrice[]): SettlementResult {
  let over = Decimal.max(0, actual.minus(contracted));
  const awards = [...input.awards].sort((a, b) => a.awardedAt.getTime() - b.awardedAt.getTime() || a.awardId - b.awardId);
  for (const a of awards) {
    if (over.lte(0)) break;
    const take = Decimal.min(over, dec(a.quantity));
    if (take.lte(0)) continue;
    over = over.minus(take);
    lines.push({ kind: 'award', tag: a.resourceTag, quantity: q(take), price: a.price, amountFen: lineAmountFen(take, a.price), awardId: a.awardId });
  }
  if (over.gt(0)) {
    if (input.referencePrice == null) missing.push({ kind: 'reference' });
    else lines.push({ kind: 'extra', tag: input.extraTag, quantity: q(over), price: input.referencePrice, amountFen: lineAmountFen(over, input.referencePrice) });
  }
  return { actual: q(actual), contracted: q(contracted), lines, totalFen: lines.reduce((s, l) => s + l.amountFen, 0), missing };
}

export interface DeviationInput {
  theta: string;
  contracted: string;
  actual: string;
  exempt: string;
  contractPrice: string;
  k: string;
}
/**
 * Take-or-pay deviation (DOMAIN.md §4 偏差结算): Q_s = max(0, θ·Q_c − Q_a − Q_x),
 * F = Q_s × P_c × k rounded half-up to the fen once.
 */
export function deviation(input: DeviationInput): { shortfall: string; feeFen: Fen } {
  const qs = Decimal.max(0, dec(input.theta).times(input.contracted).minus(input.actual).minus(input.exempt));
  return { shortfall: qs.toFixed(), feeFen: yuanToFen(qs.times(input.contractPrice).times(input.k)) };
}

/** Ledger true-up of a settled month (DOMAIN.md §4): settled total − the month's provisional daily charges. */
export function trueUpFen(settledFen: Fen, dailyChargesFen: Fen): Fen {
  return settledFen - dailyChargesFen;
}
