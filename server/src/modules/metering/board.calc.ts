/**
 * Rules of the daily usage board (日用气监控, issue 4 item 6). Pure; quantities are decimal strings.
 * Missing data stays missing (null) — never a zero volume (DOMAIN.md §6).
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
  /** Trailing average (see trailingAverage); null when no complete day in the window. */
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

const HUNDRED = new Decimal(100);

function pct(v: Decimal, base: Decimal): string {
  return v.minus(base).div(base).times(HUNDRED).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

/**
 * Flags of one customer's day:
 * - missing: at least one active delivery point has no value for the day;
 * - zero: the (complete) day's volume is 0;
 * - jump: complete day, and |V − avg| / avg > jumpPct % (avg > 0), or V > 0 after an average of 0;
 * - above_max: the volume (even of reported points only) exceeds the contract daily maximum;
 * - estimate: some value of the day is an estimate, not yet replaced by a measured one.
 */
export function boardVerdict(f: BoardFacts, jumpPct: string | number): BoardVerdict {
  const flags: BoardFlag[] = [];
  const complete = f.pointCount > 0 && f.reportedPoints >= f.pointCount;
  const v = f.volumeM3 == null ? null : dec(f.volumeM3);
  const avg = f.avgM3 == null ? null : dec(f.avgM3);
  if (!complete) flags.push('missing');
  if (complete && v && v.isZero()) flags.push('zero');
  if (complete && v && avg) {
    if (avg.gt(0) ? v.minus(avg).abs().div(avg).times(HUNDRED).gt(dec(jumpPct)) : v.gt(0)) flags.push('jump');
  }
  if (v && f.dailyMaxM3 != null && v.gt(dec(f.dailyMaxM3))) flags.push('above_max');
  if (f.estimated) flags.push('estimate');
  // A partial day compared with a whole-day average or plan would mislead: no percentages then.
  return {
    flags,
    changePct: complete && v && avg && avg.gt(0) ? pct(v, avg) : null,
    planDeviationPct: complete && v && f.planM3 != null && dec(f.planM3).gt(0) ? pct(v, dec(f.planM3)) : null,
  };
}

/**
 * Trailing average of daily volumes: Σ / n over the complete days of the window (days on which
 * every active delivery point reported). Days without data are left out, not counted as zero.
 */
export function trailingAverage(sum: string | null, completeDays: number, dp = 3): string | null {
  if (sum == null || completeDays <= 0) return null;
  return dec(sum).div(completeDays).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
}

/** The plan of a day: the day's own plan, else the month's plan spread evenly over its days. */
export function dayPlan(dailyPlanM3: string | null, monthlyPlanM3: string | null, daysInMonth: number): string | null {
  if (dailyPlanM3 != null) return dec(dailyPlanM3).toFixed(3);
  if (monthlyPlanM3 != null) return dec(monthlyPlanM3).div(daysInMonth).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
  return null;
}
