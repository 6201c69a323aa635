/**
 * Pure helpers of the plan version screens (DOMAIN.md §5 "Sales plans"): exact decimal volumes
 * (3 places, strings — never binary floats), the even split of an annual target or a month's
 * plan, and the sum checks the server also makes (Σ months = target, Σ areas = month).
 */
import { dec, decSum } from './decimal';

/** A volume as the API accepts it: up to 15 integer digits and 3 decimals, not negative. */
export const VOLUME_RE = /^\d{1,15}(\.\d{1,3})?$/;
/** A yuan amount (2 decimals at most, thousands separators allowed). */
export const YUAN_RE = /^\d{1,13}(\.\d{1,2})?$/;

export const isVolume = (s: string | null | undefined) => !!s && VOLUME_RE.test(s.trim());

/** Σ of the valid volumes (invalid or empty cells count as 0), 3 places. */
export function sumVolumes(values: (string | null | undefined)[]): string {
  return decSum(values.map((v) => (isVolume(v) ? v!.trim() : '0'))).toFixed(3);
}

/** `total` split into `n` parts of whole thousandths: equal parts, the remainder on the last one (Σ parts = total exactly). */
export function splitEvenly(total: string, n: number, dp = 3): string[] {
  if (n <= 0) return [];
  const unit = dec(10).pow(dp);
  const units = dec(total).times(unit).toDecimalPlaces(0, 1); // round down to whole units
  const base = units.div(n).toDecimalPlaces(0, 1);
  const parts = Array.from({ length: n }, () => base);
  parts[n - 1] = units.minus(base.times(n - 1));
  return parts.map((p) => p.div(unit).toFixed(dp));
}

/** Σ months − target, 3 places ('0.000' when they match). */
export function diffToTarget(target: string | null | undefined, months: (string | null | undefined)[]): string {
  return dec(sumVolumes(months))
    .minus(isVolume(target) ? target!.trim() : '0')
    .toFixed(3);
}

export const isZero = (s: string) => dec(s).isZero();
