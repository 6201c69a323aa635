/**
 * The plan ledger (销售计划台账, DOMAIN.md §5): plan vs actual (metering) by month, operation
 * area, customer type or customer, deviation in m³ and %, cumulative year to date, the monthly
 * series for the chart, and its Excel export. Plan = the year's approved version.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { dec, type Decimal } from '@common/decimal';
import { CUSTOMER_TYPE_LABELS, type CustomerType } from '@common/customers';
import type { Lang } from '@common/lang';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, seesAllCustomers } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { onboardingCustomerBriefs, type OnboardingCustomerBrief } from '../customers';
import { monthlyTotals, monthlyVolumesByCustomer } from '../metering';
import { areaForCustomer, deviation, withYtd } from './plans.calc';
import { listAreas, UNASSIGNED_AREA } from './plans.service';
import * as repo from './plans.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;
type GroupBy = 'month' | 'area' | 'type' | 'customer';
const f3 = (d: Decimal) => d.toFixed(3);

class Acc {
  m = new Map<string, Decimal[]>(); // key → 12 month values
  add(key: string, month: number, v: string) {
    let a = this.m.get(key);
    if (!a) this.m.set(key, (a = Array.from({ length: 12 }, () => dec(0))));
    a[month - 1] = a[month - 1].plus(dec(v));
  }
  get(key: string) {
    return this.m.get(key) ?? Array.from({ length: 12 }, () => dec(0));
  }
}
const sumTo = (a: Decimal[], m: number) => a.slice(0, m).reduce((x, y) => x.plus(y), dec(0));

async function visibleIds(db: Tx, user: User, all: OnboardingCustomerBrief[]): Promise<Set<number> | null> {
  if (seesAllCustomers(user)) return null;
  const { rows } = await sql<{ id: number }>`SELECT x.id FROM unnest(${sql.val(all.map((c) => c.id))}::bigint[]) AS x(id) WHERE ${inCustomerScope(user, 'x.id')}`.execute(db);
  return new Set(rows.map((r) => Number(r.id)));
}

export async function ledger(db: Tx, user: User, year: number, groupBy: GroupBy, month: number | undefined, lang: Lang) {
  const version = await repo.approvedVersion(db, year);
  if (groupBy === 'month' && seesAllCustomers(user)) return companyByMonth(db, year, version, month, lang);
  if (groupBy === 'type') return byCustomerType(db, user, year, version, month, lang);
  const all = await onboardingCustomerBriefs(db, null);
  const visible = await visibleIds(db, user, all);
  const briefs = new Map(all.filter((c) => !visible || visible.has(c.id)).map((c) => [c.id, c]));
  const areas = await listAreas(db);
  const custPlans = version ? (await repo.customerPlans(db, version.id)).filter((p) => briefs.has(p.customer_id)) : [];
  const areaOf = new Map<number, string>(custPlans.map((p) => [p.customer_id, p.area]));
  const areaFor = (id: number) => areaOf.get(id) ?? areaForCustomer(areas, briefs.get(id)!) ?? UNASSIGNED_AREA;
  const actualRows = (await monthlyVolumesByCustomer(db, `${year}-01-01`, `${year}-12-31`, visible ? [...visible] : null)).filter((r) => briefs.has(r.customerId));

  const keyOf = (id: number): string => (groupBy === 'area' ? areaFor(id) : groupBy === 'customer' ? String(id) : 'all');
  const plan = new Acc();
  const actual = new Acc();
  const companyPlan = seesAllCustomers(user) && version;
  if (groupBy === 'month' && companyPlan) for (const m of await repo.months(db, version.id)) plan.add('all', m.month, m.volume_m3);
  else if (groupBy === 'area' && companyPlan) for (const a of await repo.areas(db, version.id)) plan.add(a.area, a.month, a.volume_m3);
  else for (const p of custPlans) plan.add(keyOf(p.customer_id), p.month, p.volume_m3);
  for (const r of actualRows) actual.add(keyOf(r.customerId), Number(r.month.slice(5)), r.volumeM3);

  // Monthly totals for the chart (same plan basis as the rows).
  const totalPlan = Array.from({ length: 12 }, (_, i) => [...plan.m.values()].reduce((a, v) => a.plus(v[i]), dec(0)));
  const totalActual = Array.from({ length: 12 }, (_, i) => [...actual.m.values()].reduce((a, v) => a.plus(v[i]), dec(0)));
  const series = totalPlan.map((p, i) => ({ month: i + 1, planM3: f3(p), actualM3: f3(totalActual[i]) }));
  const lastActual = actualRows.reduce<string | null>((a, r) => (a == null || r.month > a ? r.month : a), null);

  let rows;
  if (groupBy === 'month') {
    const label = (m: number) => (lang === 'en' ? `${year}-${String(m).padStart(2, '0')}` : `${m}月`);
    rows = withYtd(series.map((s) => ({ month: s.month, planM3: s.planM3, actualM3: s.actualM3 }))).map((r) => ({
      key: String(r.month),
      label: label(r.month),
      planM3: r.planM3,
      actualM3: r.actualM3,
      deviationM3: r.deviationM3,
      deviationPct: r.deviationPct,
      ytdPlanM3: r.ytdPlanM3,
      ytdActualM3: r.ytdActualM3,
      ytdDeviationM3: r.ytdDeviationM3,
      ytdDeviationPct: r.ytdDeviationPct,
    }));
    if (month) rows = rows.filter((r) => Number(r.key) === month);
  } else {
    const labelOf = (k: string) => {
      if (groupBy === 'customer') return briefs.get(Number(k))?.name ?? k;
      return k === UNASSIGNED_AREA && lang === 'en' ? 'Unassigned' : k;
    };
    rows = groupRows(plan, actual, month, labelOf);
  }
  return { year, versionId: version?.id ?? null, groupBy, month: month ?? null, rows, series, actualThrough: lastActual };
}

const typeLabel = (k: string, lang: Lang) => (CUSTOMER_TYPE_LABELS[k as CustomerType] ? (lang === 'en' ? CUSTOMER_TYPE_LABELS[k as CustomerType].en : CUSTOMER_TYPE_LABELS[k as CustomerType].zh) : k);

/** Ledger rows of groups (month or whole year, with YTD up to the month), largest YTD plan first. */
function groupRows(plan: Acc, actual: Acc, month: number | undefined, labelOf: (k: string) => string) {
  const upTo = month ?? 12;
  const keys = [...new Set([...plan.m.keys(), ...actual.m.keys()])];
  return keys
    .map((k) => {
      const p = plan.get(k);
      const a = actual.get(k);
      const pm = month ? p[month - 1] : sumTo(p, 12);
      const am = month ? a[month - 1] : sumTo(a, 12);
      const yp = sumTo(p, upTo);
      const ya = sumTo(a, upTo);
      const d = deviation(f3(pm), f3(am));
      const y = deviation(f3(yp), f3(ya));
      return { key: k, label: labelOf(k), planM3: f3(pm), actualM3: f3(am), ...d, ytdPlanM3: f3(yp), ytdActualM3: f3(ya), ytdDeviationM3: y.deviationM3, ytdDeviationPct: y.deviationPct };
    })
    .sort((x, y) => dec(y.ytdPlanM3).cmp(dec(x.ytdPlanM3)) || x.label.localeCompare(y.label));
}

/**
 * By customer type: grouped in SQL (one statement over the customer allocations and metering's
 * monthly volumes, repo.ledgerByCustomerType) — 10⁵ customers × 12 months return a few dozen rows.
 */
async function byCustomerType(db: Tx, user: User, year: number, version: Awaited<ReturnType<typeof repo.approvedVersion>>, month: number | undefined, lang: Lang) {
  const cells = await repo.ledgerByCustomerType(db, version?.id ?? null, year, inCustomerScope(user, 'c.id'));
  const plan = new Acc();
  const actual = new Acc();
  let last = 0;
  for (const c of cells) {
    if (c.plan != null) plan.add(c.key, c.month, c.plan);
    if (c.actual != null) {
      actual.add(c.key, c.month, c.actual);
      last = Math.max(last, c.month);
    }
  }
  const total = (acc: Acc, i: number) => [...acc.m.values()].reduce((a, v) => a.plus(v[i]), dec(0));
  const series = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planM3: f3(total(plan, i)), actualM3: f3(total(actual, i)) }));
  const rows = groupRows(plan, actual, month, (k) => typeLabel(k, lang));
  return { year, versionId: version?.id ?? null, groupBy: 'type', month: month ?? null, rows, series, actualThrough: last ? `${year}-${String(last).padStart(2, '0')}` : null };
}

/** The whole company by month: the version's monthly plans against one aggregate of metering (no per-customer rows). */
async function companyByMonth(db: Tx, year: number, version: Awaited<ReturnType<typeof repo.approvedVersion>>, month: number | undefined, lang: Lang) {
  const [plans, totals] = await Promise.all([version ? repo.months(db, version.id) : Promise.resolve([]), monthlyTotals(db, `${year}-01-01`, `${year}-12-31`)]);
  const planOf = new Map(plans.map((m) => [m.month, m.volume_m3]));
  const actualOf = new Map(totals.map((t) => [Number(t.month.slice(5)), t.volumeM3]));
  const series = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planM3: f3(dec(planOf.get(i + 1) ?? '0')), actualM3: f3(dec(actualOf.get(i + 1) ?? '0')) }));
  const label = (m: number) => (lang === 'en' ? `${year}-${String(m).padStart(2, '0')}` : `${m}月`);
  let rows = withYtd(series).map((r) => ({
    key: String(r.month),
    label: label(r.month),
    planM3: r.planM3,
    actualM3: r.actualM3,
    deviationM3: r.deviationM3,
    deviationPct: r.deviationPct,
    ytdPlanM3: r.ytdPlanM3,
    ytdActualM3: r.ytdActualM3,
    ytdDeviationM3: r.ytdDeviationM3,
    ytdDeviationPct: r.ytdDeviationPct,
  }));
  if (month) rows = rows.filter((r) => Number(r.key) === month);
  return { year, versionId: version?.id ?? null, groupBy: 'month', month: month ?? null, rows, series, actualThrough: totals.at(-1)?.month ?? null };
}

export async function ledgerXlsx(view: Awaited<ReturnType<typeof ledger>>, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Plan ledger' : '销售计划台账');
  const head = en
    ? ['Group', 'Plan (m³)', 'Actual (m³)', 'Deviation (m³)', 'Deviation (%)', 'YTD plan (m³)', 'YTD actual (m³)', 'YTD deviation (m³)', 'YTD deviation (%)']
    : ['分组', '计划(m³)', '实际(m³)', '偏差(m³)', '偏差率(%)', '年累计计划(m³)', '年累计实际(m³)', '年累计偏差(m³)', '年累计偏差率(%)'];
  ws.addRow([`${en ? 'Sales plan ledger' : '销售计划台账'} ${view.year}${view.month ? (en ? ` month ${view.month}` : ` ${view.month}月`) : ''}`]);
  ws.addRow(head).font = { bold: true };
  // Quantities are written as exact decimal text converted once by Excel's number format (no float arithmetic here).
  const n = (s: string | null) => (s == null ? '—' : Number(s));
  for (const r of view.rows) ws.addRow([r.label, n(r.planM3), n(r.actualM3), n(r.deviationM3), n(r.deviationPct), n(r.ytdPlanM3), n(r.ytdActualM3), n(r.ytdDeviationM3), n(r.ytdDeviationPct)]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 28 : 18;
    if (i > 0) c.numFmt = i === 4 || i === 8 ? '0.00' : '#,##0.000';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
