/**
 * Pure calculations of sales plans and nominations (DOMAIN.md §5 "Sales plans", issue 13):
 * monthly plans against the annual target, allocation roll-ups, plan vs actual with deviation
 * and year to date, the nomination cut-off and nomination accuracy.
 */
import { dec, decSum, type Decimal } from '@common/decimal';

const f3 = (d: Decimal) => d.toFixed(3);

/** Σ monthly plans vs the annual target: difference = Σ months − target (m³). */
export function monthsVsTarget(targetM3: string, monthsM3: string[]): { sumM3: string; diffM3: string; matches: boolean } {
  const sum = decSum(monthsM3);
  const diff = sum.minus(dec(targetM3));
  return { sumM3: f3(sum), diffM3: f3(diff), matches: diff.isZero() };
}

/** Months (1–12) where the areas' allocations do not add up to the month's plan, with both sums. */
export function allocationGaps(months: { month: number; volumeM3: string }[], allocs: { month: number; volumeM3: string }[]): { month: number; planM3: string; allocatedM3: string }[] {
  const by = new Map<number, Decimal>();
  for (const a of allocs) by.set(a.month, (by.get(a.month) ?? dec(0)).plus(dec(a.volumeM3)));
  return months.filter((m) => !(by.get(m.month) ?? dec(0)).eq(dec(m.volumeM3))).map((m) => ({ month: m.month, planM3: f3(dec(m.volumeM3)), allocatedM3: f3(by.get(m.month) ?? dec(0)) }));
}

/** Deviation of actual from plan: m³ = actual − plan; % = (actual − plan) / plan × 100 to 2 places, null when the plan is 0. */
export function deviation(planM3: string, actualM3: string): { deviationM3: string; deviationPct: string | null } {
  const p = dec(planM3);
  const d = dec(actualM3).minus(p);
  return { deviationM3: f3(d), deviationPct: p.isZero() ? null : d.div(p).times(100).toDecimalPlaces(2).toFixed(2) };
}

export interface LedgerCell {
  planM3: string;
  actualM3: string;
}
/** Month rows with their cumulative year-to-date figures (the ledger's YTD columns). */
export function withYtd(rows: (LedgerCell & { month: number })[]) {
  let p = dec(0);
  let a = dec(0);
  return [...rows]
    .sort((x, y) => x.month - y.month)
    .map((r) => {
      p = p.plus(dec(r.planM3));
      a = a.plus(dec(r.actualM3));
      const ytd = deviation(f3(p), f3(a));
      return { ...r, ...deviation(r.planM3, r.actualM3), ytdPlanM3: f3(p), ytdActualM3: f3(a), ytdDeviationM3: ytd.deviationM3, ytdDeviationPct: ytd.deviationPct };
    });
}

/**
 * Nomination accuracy of a customer and month: Σ|actual − nomination| / Σ nomination over the gas
 * days that have both (issue 13: |actual − nomination| / nomination). Days without a metered
 * volume are left out (missing is not zero, DOMAIN.md §6); null when nothing can be compared or
 * the nominations sum to 0.
 */
export function nominationAccuracy(days: { nominationM3: string; actualM3: string | null }[]): { errorPct: string | null; daysCompared: number; nominatedM3: string; actualM3: string } {
  const both = days.filter((d) => d.actualM3 != null);
  const nom = decSum(both.map((d) => d.nominationM3));
  const act = decSum(both.map((d) => d.actualM3!));
  const abs = decSum(both.map((d) => dec(d.actualM3!).minus(dec(d.nominationM3)).abs()));
  return { errorPct: nom.isZero() ? null : abs.div(nom).times(100).toDecimalPlaces(2).toFixed(2), daysCompared: both.length, nominatedM3: f3(nom), actualM3: f3(act) };
}

/** '泸州采气作业区' → '泸州': the place an operation area is named after. */
export function areaKey(area: string | null): string | null {
  const k = (area ?? '').replace(/(采气)?作业区.*$/, '').trim();
  return k.length >= 2 ? k : null;
}
/** The operation area whose place names the customer's county, city or province; null when none does. */
export function areaForCustomer(areas: string[], c: { province: string | null; city: string | null; county: string | null }): string | null {
  const places = [c.county, c.city, c.province].filter((x): x is string => !!x);
  return (
    areas.find((a) => {
      const k = areaKey(a);
      return !!k && places.some((p) => p.includes(k));
    }) ?? null
  );
}
