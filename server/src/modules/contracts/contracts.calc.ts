/** Pure helpers of contracts: month ranges, completeness of monthly volumes (DOMAIN.md §4 分月气量). */
import { Decimal, dec } from '@common/decimal';

/** 'YYYY-MM' months from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let i = 0; i < 600; i++) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    if (k > to) break;
    out.push(k);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** Months of the period without a volume, and given months outside the period or repeated. */
export function checkMonths(period: string[], given: string[]): { missing: string[]; outside: string[] } {
  const inPeriod = new Set(period);
  const seen = new Set<string>();
  const outside: string[] = [];
  for (const m of given) {
    if (!inPeriod.has(m) || seen.has(m)) outside.push(m);
    seen.add(m);
  }
  return { missing: period.filter((m) => !seen.has(m)), outside };
}

/** Contracted daily volume = monthly volume ÷ days of the month (for allocation/board), to 3 decimals. */
export function dailyOf(monthly: string, month: string): string {
  return dec(monthly).div(daysInMonth(month)).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
}

/** Over-take monitoring flag (DOMAIN.md §4 τ): Q_a > (1 + τ)·Q_c. */
export function overTakeFlag(actual: string, contracted: string, tau: string): boolean {
  const c = dec(contracted);
  return c.gt(0) && dec(actual).gt(c.times(dec(tau).plus(1)));
}
