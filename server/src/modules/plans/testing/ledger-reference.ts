/**
 * The plan ledger as it was computed before issue 13's SQL grouping (kept for tests only): every
 * visible customer's plan and actual rows loaded into Node and added with decimal.js, grouped by
 * month, area, customer type or customer. `ledger.int.test.ts` checks that the one-statement ledger
 * (ledger.service.ts) gives exactly these figures on the same data. Not used by the product.
 */
import { sql } from 'kysely';
import { dec, type Decimal } from '@common/decimal';
import { CUSTOMER_TYPE_LABELS, type CustomerType } from '@common/customers';
import type { Lang } from '@common/lang';
import type { Tx } from '../../../platform/db/database';
import { inCustomerScope, seesAllCustomers } from '../../customers';
import type { SessionUser } from '../../../platform/auth/session-user';
import { onboardingCustomerBriefs } from '../../customers';
import { monthlyVolumesByCustomer } from '../../metering';
import { areaForCustomer, deviation, withYtd } from '../plans.calc';
import { listAreas, UNASSIGNED_AREA } from '../plans.service';
import * as repo from '../plans.repo';

type GroupBy = 'month' | 'area' | 'type' | 'customer';
const f3 = (d: Decimal) => d.toFixed(3);
const zeros = () => Array.from({ length: 12 }, () => dec(0));
const sumTo = (a: Decimal[], m: number) => a.slice(0, m).reduce((x, y) => x.plus(y), dec(0));

export async function referenceLedger(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, year: number, groupBy: GroupBy, month: number | undefined, lang: Lang) {
  const version = await repo.approvedVersion(db, year);
  const all = await onboardingCustomerBriefs(db, null);
  let visible: Set<number> | null = null;
  if (!seesAllCustomers(user)) {
    const { rows } = await sql<{ id: number }>`SELECT x.id FROM unnest(${sql.val(all.map((c) => c.id))}::bigint[]) AS x(id) WHERE ${inCustomerScope(user, 'x.id')}`.execute(db);
    visible = new Set(rows.map((r) => Number(r.id)));
  }
  const briefs = new Map(all.filter((c) => !visible || visible.has(c.id)).map((c) => [c.id, c]));
  const areas = await listAreas(db);
  const custPlans = version ? (await repo.customerPlans(db, version.id)).filter((p) => briefs.has(p.customer_id)) : [];
  // a customer's area: that of its latest allocated month (rows come by customer and month)
  const areaOf = new Map<number, string>(custPlans.map((p) => [p.customer_id, p.area]));
  const areaFor = (id: number) => areaOf.get(id) ?? areaForCustomer(areas, briefs.get(id)!) ?? UNASSIGNED_AREA;
  const actualRows = (await monthlyVolumesByCustomer(db, `${year}-01-01`, `${year}-12-31`)).filter((r) => briefs.has(r.customerId));
  const keyOf = (id: number) => (groupBy === 'area' ? areaFor(id) : groupBy === 'customer' ? String(id) : groupBy === 'type' ? briefs.get(id)!.type : 'all');

  const plan = new Map<string, Decimal[]>();
  const actual = new Map<string, Decimal[]>();
  const add = (m: Map<string, Decimal[]>, k: string, month: number, v: string) => {
    const a = m.get(k) ?? zeros();
    a[month - 1] = a[month - 1].plus(dec(v));
    m.set(k, a);
  };
  const companyPlan = seesAllCustomers(user) && version;
  if (groupBy === 'month' && companyPlan) for (const m of await repo.months(db, version.id)) add(plan, 'all', m.month, m.volume_m3);
  else if (groupBy === 'area' && companyPlan) for (const a of await repo.areas(db, version.id)) add(plan, a.area, a.month, a.volume_m3);
  else for (const p of custPlans) add(plan, keyOf(p.customer_id), p.month, p.volume_m3);
  for (const r of actualRows) add(actual, keyOf(r.customerId), Number(r.month.slice(5)), r.volumeM3);

  const total = (m: Map<string, Decimal[]>, i: number) => [...m.values()].reduce((a, v) => a.plus(v[i]), dec(0));
  const series = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planM3: f3(total(plan, i)), actualM3: f3(total(actual, i)) }));
  const actualThrough = actualRows.reduce<string | null>((a, r) => (a == null || r.month > a ? r.month : a), null);
  let rows;
  if (groupBy === 'month') {
    rows = withYtd(series).map(({ month: m, ...r }) => ({ key: String(m), label: lang === 'en' ? `${year}-${String(m).padStart(2, '0')}` : `${m}月`, ...r }));
    if (month) rows = rows.filter((r) => Number(r.key) === month);
  } else {
    const labelOf = (k: string) => {
      if (groupBy === 'customer') return briefs.get(Number(k))?.name ?? k;
      if (groupBy === 'type') return CUSTOMER_TYPE_LABELS[k as CustomerType]?.[lang === 'en' ? 'en' : 'zh'] ?? k;
      return k === UNASSIGNED_AREA && lang === 'en' ? 'Unassigned' : k;
    };
    const upTo = month ?? 12;
    rows = [...new Set([...plan.keys(), ...actual.keys()])]
      .map((k) => {
        const p = plan.get(k) ?? zeros();
        const a = actual.get(k) ?? zeros();
        const pm = month ? p[month - 1] : sumTo(p, 12);
        const am = month ? a[month - 1] : sumTo(a, 12);
        const y = deviation(f3(sumTo(p, upTo)), f3(sumTo(a, upTo)));
        return {
          key: k,
          label: labelOf(k),
          planM3: f3(pm),
          actualM3: f3(am),
          ...deviation(f3(pm), f3(am)),
          ytdPlanM3: f3(sumTo(p, upTo)),
          ytdActualM3: f3(sumTo(a, upTo)),
          ytdDeviationM3: y.deviationM3,
          ytdDeviationPct: y.deviationPct,
        };
      })
      .sort((x, y) => dec(y.ytdPlanM3).cmp(dec(x.ytdPlanM3)) || x.label.localeCompare(y.label));
  }
  return { year, versionId: version?.id ?? null, groupBy, month: month ?? null, rows, series, actualThrough };
}
