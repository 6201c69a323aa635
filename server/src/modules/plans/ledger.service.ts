/**
 * The plan ledger (销售计划台账, DOMAIN.md §5): plan vs actual (metering) by month, operation
 * area, customer type or customer, deviation in m³ and %, cumulative year to date, the monthly
 * series for the chart, and its Excel export. Plan = the year's approved version.
 */
import ExcelJS from 'exceljs';
import { CUSTOMER_TYPE_LABELS, type CustomerType } from '@common/customers';
import type { Lang } from '@common/lang';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, seesAllCustomers } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { areaKey, withYtd } from './plans.calc';
import { listAreas, UNASSIGNED_AREA } from './plans.service';
import * as repo from './plans.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;

const typeLabel = (k: string, lang: Lang) => (CUSTOMER_TYPE_LABELS[k as CustomerType] ? (lang === 'en' ? CUSTOMER_TYPE_LABELS[k as CustomerType].en : CUSTOMER_TYPE_LABELS[k as CustomerType].zh) : k);
const collator = new Intl.Collator();

/**
 * The ledger of a year, grouped by month, area, customer type or customer: one SQL statement
 * (repo.ledger) does the grouping, sums, YTD and deviations for up to 10⁵ customers × 12 months;
 * here only labels, the month rows' YTD (12 rows, plans.calc withYtd) and the order of equal plans.
 * Plan basis: the whole company sees the version's monthly plans (by month) and area allocations (by
 * area); otherwise, and by type or customer, the customer allocations of the customers in scope.
 */
export async function ledger(db: Tx, user: User, year: number, groupBy: repo.LedgerGroupBy, month: number | undefined, lang: Lang) {
  const version = await repo.approvedVersion(db, year);
  const company = seesAllCustomers(user) && !!version;
  const planBasis = company && groupBy === 'month' ? 'months' : company && groupBy === 'area' ? 'areas' : 'customers';
  const areas = groupBy === 'area' ? (await listAreas(db)).flatMap((name) => (areaKey(name) ? [{ name, key: areaKey(name)! }] : [])) : [];
  const out = await repo.ledger(db, {
    versionId: version?.id ?? null,
    year,
    groupBy,
    month,
    scope: inCustomerScope(user, 'c.id'),
    planBasis,
    areas,
    unassigned: UNASSIGNED_AREA,
    everyone: seesAllCustomers(user),
  });
  const byMonth = new Map(out.filter((r) => r.kind === 's').map((r) => [r.month!, r]));
  const series = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planM3: byMonth.get(i + 1)?.plan_m3 ?? '0.000', actualM3: byMonth.get(i + 1)?.actual_m3 ?? '0.000' }));
  const last = Math.max(0, ...[...byMonth.values()].filter((r) => r.has_actual).map((r) => r.month!));
  const actualThrough = last ? `${year}-${String(last).padStart(2, '0')}` : null;

  let rows;
  if (groupBy === 'month') {
    const label = (m: number) => (lang === 'en' ? `${year}-${String(m).padStart(2, '0')}` : `${m}月`);
    rows = withYtd(series).map(({ month: m, ...r }) => ({ key: String(m), label: label(m), ...r }));
    if (month) rows = rows.filter((r) => Number(r.key) === month);
  } else {
    const labelOf = (r: repo.LedgerSqlRow) =>
      groupBy === 'customer' ? (r.label ?? r.key) : groupBy === 'type' ? typeLabel(r.key, lang) : r.key === UNASSIGNED_AREA && lang === 'en' ? 'Unassigned' : r.key;
    rows = out
      .filter((r) => r.kind === 'g')
      .map((r) => ({
        rank: r.rank,
        key: r.key,
        label: labelOf(r),
        planM3: r.plan_m3,
        actualM3: r.actual_m3,
        deviationM3: r.deviation_m3,
        deviationPct: r.deviation_pct,
        ytdPlanM3: r.ytd_plan_m3,
        ytdActualM3: r.ytd_actual_m3,
        ytdDeviationM3: r.ytd_deviation_m3,
        ytdDeviationPct: r.ytd_deviation_pct,
      }))
      // largest YTD plan first (ranked in SQL), then by name, then by key (customers of the same name)
      .sort((x, y) => x.rank - y.rank || collator.compare(x.label, y.label) || x.key.length - y.key.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map(({ rank: _rank, ...r }) => r);
  }
  return { year, versionId: version?.id ?? null, groupBy, month: month ?? null, rows, series, actualThrough };
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
