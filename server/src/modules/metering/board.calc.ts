/**
 * Rules of the daily usage board (日用气监控, issue 4 item 6). Pure; quantities are decimal strings.
 * Missing data stays missing (null) — never a zero volume (DOMAIN.md §6).
 *
 * The board evaluates these rules for every customer (10,000 in the benchmark), so they compute
 * in exact fixed point: volumes have 3 decimal places (NUMERIC(16,3)), and as integers of
 * 0.001 m³ (BigInt) every comparison, difference and percentage is exact without decimal.js.
 * The tests check them against the same formulas in Decimal.
 */
import { Decimal, dec } from '@common/decimal';

export const BOARD_FLAGS = ['missing', 'zero', 'jump', 'above_max', 'estimate'] as const;
export type BoardFlag = (typeof BOARD_FLAGS)[number];

export interface BoardFacts {
  /** The day's volume summed over the delivery points that reported; null when none reported. */
  volumeM3: string | null;
  /** Active delivery points of the customer and how many of them reported the day. */
  pointCount: number;
  reportedPoints: number;
  /** Any of the day's values is an estimate (估算). */
  estimated: boolean;
  /** Trailing average (see trailingAverage); null when no data in the window. */
  avgM3: string | null;
  planM3: string | null;
  dailyMaxM3: string | null;
}

export interface BoardVerdict {
  flags: BoardFlag[];
  /** (V − avg) / avg × 100, 1 place; null when either is unknown, avg is 0 or the day is incomplete. */
  changePct: string | null;
  /** (V − plan) / plan × 100, 1 place; null when either is unknown, plan is 0 or the day is incomplete. */
  planDeviationPct: string | null;
}

/** A decimal string with at most 3 places as an integer number of thousandths (exact). */
export function milli(s: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) throw new RangeError(`not a decimal with at most 3 places: ${s}`);
  const v = BigInt(m[2] + (m[3] ?? '').padEnd(3, '0'));
  return m[1] ? -v : v;
}

/** Thousandths back to a decimal string with 3 places. */
export function fromMilli(v: bigint): string {
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(4, '0');
  return `${neg ? '-' : ''}${a.slice(0, -3)}.${a.slice(-3)}`;
}

/** (v − base) / base × 100 rounded half-up (away from zero) to 1 place; base > 0. */
export function pctChange(v: bigint, base: bigint): string {
  const num = (v - base) * 1000n; // tenths of a percent before division
  let q = num / base;
  const r = num % base;
  if (2n * (r < 0n ? -r : r) >= base) q += num < 0n ? -1n : 1n;
  const neg = q < 0n;
  const a = (neg ? -q : q).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${a.slice(0, -1)}.${a.slice(-1)}`;
}

/**
 * Flags of one customer's day:
 * - missing: at least one active delivery point has no value for the day;
 * - zero: the (complete) day's volume is 0;
 * - jump: complete day, and |V − avg| / avg > jumpPct % (avg > 0), or V > 0 after an average of 0;
 * - above_max: the volume (even of reported points only) exceeds the contract daily maximum;
 * - estimate: some value of the day is an estimate, not yet replaced by a measured one.
 * `jumpPct` has at most 3 decimal places (the setting's schema).
 */
export function boardVerdict(f: BoardFacts, jumpPct: string | number): BoardVerdict {
  const flags: BoardFlag[] = [];
  const complete = f.pointCount > 0 && f.reportedPoints >= f.pointCount;
  const v = f.volumeM3 == null ? null : milli(f.volumeM3);
  const avg = f.avgM3 == null ? null : milli(f.avgM3);
  if (!complete) flags.push('missing');
  if (complete && v === 0n) flags.push('zero');
  if (complete && v !== null && avg !== null) {
    // |V − avg| / avg > pct / 100  ⇔  |V − avg| × 100 × 1000 > pct(thousandths) × avg   (avg > 0)
    const d = v - avg;
    if (avg > 0n ? (d < 0n ? -d : d) * 100_000n > milli(String(jumpPct)) * avg : v > 0n) flags.push('jump');
  }
  if (v !== null && f.dailyMaxM3 != null && v > milli(f.dailyMaxM3)) flags.push('above_max');
  if (f.estimated) flags.push('estimate');
  // A partial day compared with a whole-day average or plan would mislead: no percentages then.
  const plan = f.planM3 == null ? null : milli(f.planM3);
  return {
    flags,
    changePct: complete && v !== null && avg !== null && avg > 0n ? pctChange(v, avg) : null,
    planDeviationPct: complete && v !== null && plan !== null && plan > 0n ? pctChange(v, plan) : null,
  };
}

/**
 * A customer's trailing average daily volume: Σ over its delivery points of each point's mean
 * daily volume over the days it reported in the window (Σ v / days with data). Days without data
 * are left out, never counted as zero; null when no point has data in the window.
 * `sumOfPointMeans` is that sum (decimal string); the result has 3 places, half-up.
 */
export function trailingAverage(sumOfPointMeans: string | null, pointsWithData: number): string | null {
  if (sumOfPointMeans == null || pointsWithData <= 0) return null;
  if (/^\d+\.\d{3}$/.test(sumOfPointMeans)) return sumOfPointMeans;
  return dec(sumOfPointMeans).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
}

/** The plan of a day: the day's own plan, else the month's plan spread evenly over its days (3 places, half-up). */
export function dayPlan(dailyPlanM3: string | null, monthlyPlanM3: string | null, daysInMonth: number): string | null {
  if (dailyPlanM3 != null) return fromMilli(milli(dailyPlanM3));
  if (monthlyPlanM3 != null) return dec(monthlyPlanM3).div(daysInMonth).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
  return null;
}

/** Σ of 3-place decimal strings (nulls skipped), exact. */
export function sumMilli(values: Iterable<string | null>): string {
  let s = 0n;
  for (const v of values) if (v != null) s += milli(v);
  return fromMilli(s);
}

const codeCollator = new Intl.Collator();
const PLAIN_CODE = /^[0-9A-Z]*$/;

/** A customer code prepared for compareCodes: whether it is plain (digits and capitals only). */
export interface CodeKey {
  code: string;
  plain: boolean;
}
export const codeKey = (code: string): CodeKey => ({ code, plain: PLAIN_CODE.test(code) });

/**
 * Codes in the order of `a.localeCompare(b)` (the default collator), without the collator when both
 * are plain: digits and capital letters each have their own primary weight in that order (0–9 before
 * A–Z, as in ASCII), so the collation of such strings is their code-unit order.
 */
export function compareCodes(a: CodeKey, b: CodeKey): number {
  if (a.plain && b.plain) return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  return codeCollator.compare(a.code, b.code);
}
