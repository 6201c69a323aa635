/**
 * Pure calculations of the accounts module (先款后气, DOMAIN.md §6): ledger postings, daily charges,
 * payment monitoring (available days and levels) and statement totals. No I/O.
 *
 * Sign convention: a posting's amount is signed so that every transaction sums to zero. On a
 * customer's account a positive amount raises the customer's balance (money the customer has with
 * us); the balance is the sum of the postings on its account (positive = prepaid, negative = owed).
 */
import { Decimal, dec, type DecimalInput } from '@common/decimal';
import { lineAmountFen, type Fen } from '@common/money';
import { TRADING_COUNTER_ACCOUNT, TRADING_TX_KINDS } from './trading-postings.calc';

export const ACCOUNT_KINDS = ['customer', 'bank', 'gas_sales', 'deviation_fees', 'trading_deposits', 'trading_fees', 'adjustments', 'refunds'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type CounterAccount = Exclude<AccountKind, 'customer'>;

export const TX_KINDS = ['payment', 'daily_charge', 'settlement_true_up', 'adjustment', 'refund', 'reversal', ...TRADING_TX_KINDS] as const;
export type TxKind = (typeof TX_KINDS)[number];

/** Payment levels, best to worst (DOMAIN.md §6): 正常, 预警, 减气, 停气. */
export const PAYMENT_LEVELS = ['normal', 'warning', 'reduce', 'stop'] as const;
export type PaymentLevel = (typeof PAYMENT_LEVELS)[number];
export const LEVEL_SEVERITY: Record<PaymentLevel, number> = { normal: 0, warning: 1, reduce: 2, stop: 3 };
export const LEVEL_LABELS: Record<PaymentLevel, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'Normal' },
  warning: { zh: '预警', en: 'Warning' },
  reduce: { zh: '减气', en: 'Reduce' },
  stop: { zh: '停气', en: 'Stop' },
};

/** True when `to` is a worse level than `from` (a missing previous level counts as 正常). */
export function isWorse(from: PaymentLevel | null | undefined, to: PaymentLevel): boolean {
  return LEVEL_SEVERITY[to] > LEVEL_SEVERITY[from ?? 'normal'];
}

// ---------------------------------------------------------------------------------------------
// Ledger postings

export interface PostingLine {
  account: AccountKind;
  amountFen: Fen;
}

/**
 * The two postings of a customer transaction: `customerEffectFen` on the customer's account and
 * its opposite on the counter account, so the transaction sums to zero (double entry).
 */
export function customerPostings(customerEffectFen: Fen, counter: CounterAccount): PostingLine[] {
  if (!Number.isSafeInteger(customerEffectFen) || customerEffectFen === 0) throw new RangeError(`a posting needs a non-zero integer fen amount, got ${customerEffectFen}`);
  return [
    { account: 'customer', amountFen: customerEffectFen },
    { account: counter, amountFen: -customerEffectFen },
  ];
}

/** A reversing transaction posts the exact opposite of every line of the original. */
export function reversalPostings(lines: readonly PostingLine[]): PostingLine[] {
  return lines.map((l) => ({ account: l.account, amountFen: -l.amountFen }));
}

export function sumsToZero(lines: readonly { amountFen: Fen }[]): boolean {
  return lines.reduce((s, l) => s + l.amountFen, 0) === 0;
}

/** A customer's balance: the sum of the postings on its account (DOMAIN.md §6: always derived). */
export function balanceOf(lines: readonly PostingLine[]): Fen {
  return lines.filter((l) => l.account === 'customer').reduce((s, l) => s + l.amountFen, 0);
}

/** Counter account of each kind of customer transaction (reversals use the original's). */
export const COUNTER_ACCOUNT: Record<Exclude<TxKind, 'reversal'>, CounterAccount> = {
  payment: 'bank',
  daily_charge: 'gas_sales',
  settlement_true_up: 'gas_sales',
  adjustment: 'adjustments',
  refund: 'refunds',
  ...TRADING_COUNTER_ACCOUNT,
};

// ---------------------------------------------------------------------------------------------
// Daily charges

/**
 * Daily charge of a customer and gas day (DOMAIN.md §2, §6): the customer's day volume (sum over
 * its delivery points) × the price effective that day, rounded half-up to the fen once per
 * customer-day. The set-based SQL of the daily run computes the same: round(volume × price × 100).
 */
export function dailyChargeFen(dayVolumeM3: DecimalInput, priceYuanPerM3: DecimalInput): Fen {
  return lineAmountFen(dayVolumeM3, priceYuanPerM3);
}

/**
 * What a (re-)run of the daily run posts for a customer and gas day: the day's charge minus what
 * was already posted for that day. Zero on a re-run; the difference after a delivery correction.
 */
export function chargeDeltaFen(chargeForDayFen: Fen, alreadyPostedFen: Fen): Fen {
  return chargeForDayFen - alreadyPostedFen;
}

/** The price effective on `day`: the entry with the latest effective_from ≤ day, or null. */
export function priceOn<T extends { effectiveFrom: string; price: string }>(prices: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const p of prices) if (p.effectiveFrom <= day && (!best || p.effectiveFrom > best.effectiveFrom)) best = p;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Payment monitoring (气款监控)

export interface Thresholds {
  /** 预警 below this many days of gas left (default 5). */
  warnDays: string;
  /** 减气 below this many days (default 2). */
  reduceDays: string;
  /** N: gas days in the averaging window (default 7). */
  avgDays: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { warnDays: '5', reduceDays: '2', avgDays: 7 };

/** Global thresholds overridden field by field by the customer's own (null = inherit). */
export function effectiveThresholds(global: Thresholds, own?: { warnDays?: string | null; reduceDays?: string | null; avgDays?: number | null } | null): Thresholds {
  return {
    warnDays: own?.warnDays ?? global.warnDays,
    reduceDays: own?.reduceDays ?? global.reduceDays,
    avgDays: own?.avgDays ?? global.avgDays,
  };
}

/** Thresholds make sense: both positive and reduce days ≤ warn days; 1 ≤ N ≤ 90. */
export function thresholdsValid(t: Thresholds): boolean {
  const w = dec(t.warnDays);
  const r = dec(t.reduceDays);
  return r.gt(0) && w.gt(0) && r.lte(w) && Number.isInteger(t.avgDays) && t.avgDays >= 1 && t.avgDays <= 90;
}

export interface MonitoringInput {
  balanceFen: Fen;
  /** Sum of the daily charges over the last N gas days (days without gas count as 0); null = missing data. */
  windowChargeFen: Fen | null;
  thresholds: Thresholds;
}

export interface MonitoringResult {
  level: PaymentLevel;
  /** Average daily charge, exact (sum / N); null when the data are missing. */
  avgDailyCharge: Decimal | null;
  /** The average rounded half-up to the fen, for display. */
  avgDailyChargeFen: Fen | null;
  /** balance / average, exact; null (none) when the average is zero or missing. */
  availableDays: Decimal | null;
  /** Available days shown to one decimal (half-up); null = none. */
  availableDaysText: string | null;
}

/**
 * Level of a customer (DOMAIN.md §6), compared on the exact values, never the rounded display:
 * 停气 when balance ≤ 0, else 减气 when available days < reduce days, else 预警 when < warn
 * days, else 正常. available_days = balance / (window charges / N); none when the average is 0.
 * The comparison `balance / (S/N) < d` is done as `balance · N < d · S` so it is exact.
 */
export function assessPayment(input: MonitoringInput): MonitoringResult {
  const { balanceFen, windowChargeFen, thresholds } = input;
  const n = thresholds.avgDays;
  const missing = windowChargeFen === null;
  const avg = missing ? null : dec(windowChargeFen).div(n);
  const avgFen = avg === null ? null : avg.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const hasAverage = !missing && windowChargeFen > 0;
  const availableDays = hasAverage ? dec(balanceFen).times(n).div(windowChargeFen) : null;
  const availableDaysText = availableDays === null ? null : availableDays.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  let level: PaymentLevel;
  if (balanceFen <= 0) level = 'stop';
  else if (!hasAverage) level = 'normal';
  else {
    const scaled = dec(balanceFen).times(n); // balance · N
    if (scaled.lt(dec(thresholds.reduceDays).times(windowChargeFen))) level = 'reduce';
    else if (scaled.lt(dec(thresholds.warnDays).times(windowChargeFen))) level = 'warning';
    else level = 'normal';
  }
  return { level, avgDailyCharge: avg, avgDailyChargeFen: avgFen, availableDays, availableDaysText };
}

/** Receivable (应收) and prepaid balance (预付余额) split of a balance. */
export function receivableAndPrepaid(balanceFen: Fen): { receivableFen: Fen; prepaidFen: Fen } {
  return { receivableFen: balanceFen < 0 ? -balanceFen : 0, prepaidFen: balanceFen > 0 ? balanceFen : 0 };
}

// ---------------------------------------------------------------------------------------------
// Dates (gas days are 'YYYY-MM-DD' strings; arithmetic on UTC midnights, no time zone involved)

export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The averaging window of N gas days ending at (and including) `asOfDay`. */
export function averagingWindow(asOfDay: string, n: number): { from: string; to: string } {
  return { from: addDays(asOfDay, -(n - 1)), to: asOfDay };
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Statement of account (对账单)

export type StatementCategory = 'payment' | 'charge' | 'adjustment' | 'refund';

/** A transaction's statement category; a reversal counts under the kind it reverses. */
export function statementCategory(kind: TxKind, reversedKind?: TxKind | null): StatementCategory {
  const k = kind === 'reversal' ? reversedKind : kind;
  switch (k) {
    case 'payment':
      return 'payment';
    case 'daily_charge':
    case 'settlement_true_up':
      return 'charge';
    case 'refund':
      return 'refund';
    default:
      return 'adjustment';
  }
}

export interface StatementTotals {
  openingFen: Fen;
  /** Payments received (net of reversed payments), as a positive amount when money came in. */
  paymentsFen: Fen;
  /** Charges (daily charges and true-ups), as a positive amount when the customer was charged. */
  chargesFen: Fen;
  /** Net adjustments, signed as their effect on the balance. */
  adjustmentsFen: Fen;
  /** Refunds paid out, positive. */
  refundsFen: Fen;
  closingFen: Fen;
}

/** Opening + payments − charges + adjustments − refunds = closing (each line a customer effect). */
export function statementTotals(openingFen: Fen, lines: readonly { category: StatementCategory; amountFen: Fen }[]): StatementTotals {
  const t = { payment: 0, charge: 0, adjustment: 0, refund: 0 };
  for (const l of lines) t[l.category] += l.amountFen;
  const closing = openingFen + t.payment + t.charge + t.adjustment + t.refund;
  return { openingFen, paymentsFen: t.payment, chargesFen: -t.charge, adjustmentsFen: t.adjustment, refundsFen: -t.refund, closingFen: closing };
}
