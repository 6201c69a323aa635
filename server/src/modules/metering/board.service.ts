/**
 * 日用气监控 — the account manager's board: yesterday's volume per customer against its plan and
 * trailing average, with flags (board.calc.ts). Scoped to the user's customers.
 * GJ: the day's energy is Σ V × GCV per delivery point; the trailing average in GJ is the mean of
 * the complete days' energies; plan and contract maximum (volumes) are shown in GJ at the day's GCV.
 */
import { Decimal, dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { boardVerdict, dayPlan, trailingAverage, type BoardFlag } from './board.calc';
import { daysInMonth, gasDayConfigOf, lastCompleteGasDay } from './gas-day.calc';
import { energyGJ } from './metering.calc';
import { getSettings } from './settings.repo';
import { boardRows, type BoardRow } from './board.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;

export interface BoardItem {
  customerId: number;
  code: string;
  name: string;
  type: string;
  province: string | null;
  city: string | null;
  county: string | null;
  manager: string | null;
  pointCount: number;
  reportedPoints: number;
  volumeM3: string | null;
  energyGJ: string | null;
  gcvMJm3: string | null;
  avgM3: string | null;
  avgGJ: string | null;
  planM3: string | null;
  planGJ: string | null;
  dailyMaxM3: string | null;
  dailyMaxGJ: string | null;
  changePct: string | null;
  planDeviationPct: string | null;
  flags: BoardFlag[];
}

export const BOARD_SORTS = ['name', 'code', 'volume', 'avg', 'plan', 'change', 'planDeviation', 'dailyMax', 'flags'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface BoardQuery {
  day?: string;
  q?: string;
  type?: string;
  city?: string;
  flag?: BoardFlag | 'any' | 'none';
  sort: BoardSort;
  order: 'asc' | 'desc';
  unit: 'm3' | 'wan' | 'gj';
  page: number;
  pageSize: number;
}

const g3 = (d: Decimal) => d.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);

export function toItem(r: BoardRow, day: string, jumpPct: string): BoardItem {
  const pointCount = Number(r.point_count);
  const reported = Number(r.y_n ?? 0);
  const volumeM3 = r.y_v == null ? null : dec(r.y_v).toFixed(3);
  const avgM3 = trailingAverage(r.t_v, Number(r.t_days ?? 0));
  const planM3 = dayPlan(r.daily_plan, r.monthly_plan, daysInMonth(day));
  const dailyMaxM3 = r.daily_max == null ? null : dec(r.daily_max).toFixed(3);
  const energyOk = r.y_e_ok && r.y_e != null;
  const energy = energyOk ? dec(r.y_e!) : null;
  const v = volumeM3 == null ? null : dec(volumeM3);
  const gcv = energy && v && v.gt(0) ? energy.times(1000).div(v) : r.source_gcv != null ? dec(r.source_gcv) : null;
  const verdict = boardVerdict({ volumeM3, pointCount, reportedPoints: reported, estimated: !!r.y_est, avgM3, planM3, dailyMaxM3 }, jumpPct);
  return {
    customerId: Number(r.id),
    code: r.code,
    name: r.name,
    type: r.type,
    province: r.province,
    city: r.city,
    county: r.county,
    manager: r.manager,
    pointCount,
    reportedPoints: reported,
    volumeM3,
    energyGJ: energy ? g3(energy) : null,
    gcvMJm3: gcv ? gcv.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) : null,
    avgM3,
    avgGJ: trailingAverage(r.t_e, Number(r.t_e_days ?? 0)),
    planM3,
    planGJ: planM3 != null && gcv ? g3(energyGJ(planM3, gcv)) : null,
    dailyMaxM3,
    dailyMaxGJ: dailyMaxM3 != null && gcv ? g3(energyGJ(dailyMaxM3, gcv)) : null,
    ...verdict,
  };
}

function sortValue(i: BoardItem, sort: BoardSort, gj: boolean): Decimal | string | number | null {
  switch (sort) {
    case 'name':
      return i.name;
    case 'code':
      return i.code;
    case 'volume':
      return pick(gj ? i.energyGJ : i.volumeM3);
    case 'avg':
      return pick(gj ? i.avgGJ : i.avgM3);
    case 'plan':
      return pick(gj ? i.planGJ : i.planM3);
    case 'dailyMax':
      return pick(gj ? i.dailyMaxGJ : i.dailyMaxM3);
    case 'change':
      return pick(i.changePct);
    case 'planDeviation':
      return pick(i.planDeviationPct);
    case 'flags':
      return i.flags.filter((f) => f !== 'estimate').length;
  }
}
const pick = (s: string | null) => (s == null ? null : dec(s));

function compare(a: Decimal | string | number | null, b: Decimal | string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1; // unknown values last either way
  if (a instanceof Decimal) return a.comparedTo(b as Decimal);
  if (typeof a === 'string') return a.localeCompare(b as string, 'zh-CN');
  return (a as number) - (b as number);
}

/** The board for a day (default: the last complete gas day), filtered, sorted and paged. */
export async function board(ctx: AppContext, user: User, q: BoardQuery, now = new Date()) {
  const day = q.day ?? lastCompleteGasDay(now, gasDayConfigOf(ctx.config));
  const s = await getSettings(ctx.db);
  const rows = await boardRows(ctx.db, inCustomerScope(user, 'c.id'), day, s.avgDays, s.gcvLookbackDays);
  const all = rows.map((r) => toItem(r, day, s.jumpPct));
  const summary = summarize(all);
  let items = all;
  if (q.q) {
    const needle = q.q.toLowerCase();
    items = items.filter((i) => i.name.toLowerCase().includes(needle) || i.code.toLowerCase().includes(needle));
  }
  if (q.type) items = items.filter((i) => i.type === q.type);
  if (q.city) items = items.filter((i) => i.city === q.city || i.county === q.city || i.province === q.city);
  if (q.flag === 'any') items = items.filter((i) => i.flags.some((f) => f !== 'estimate'));
  else if (q.flag === 'none') items = items.filter((i) => !i.flags.length);
  else if (q.flag) items = items.filter((i) => i.flags.includes(q.flag as BoardFlag));
  const gj = q.unit === 'gj';
  const dir = q.order === 'desc' ? -1 : 1;
  const sorted = items
    .map((i) => ({ i, k: sortValue(i, q.sort, gj) }))
    .sort((a, b) => {
      const c = a.k === null || b.k === null ? compare(a.k, b.k) : dir * compare(a.k, b.k);
      return c || a.i.code.localeCompare(b.i.code);
    })
    .map((x) => x.i);
  return {
    day,
    jumpPct: s.jumpPct,
    avgDays: s.avgDays,
    summary,
    total: sorted.length,
    items: q.pageSize ? sorted.slice((q.page - 1) * q.pageSize, q.page * q.pageSize) : sorted,
  };
}

export function summarize(items: BoardItem[]) {
  const flags: Record<BoardFlag, number> = { missing: 0, zero: 0, jump: 0, above_max: 0, estimate: 0 };
  let v = new Decimal(0);
  let e = new Decimal(0);
  let withoutEnergy = 0;
  for (const i of items) {
    for (const f of i.flags) flags[f]++;
    if (i.volumeM3 != null) v = v.plus(dec(i.volumeM3));
    if (i.energyGJ != null) e = e.plus(dec(i.energyGJ));
    else if (i.volumeM3 != null) withoutEnergy++;
  }
  return { customers: items.length, flags, volumeM3: v.toFixed(3), energyGJ: e.toFixed(3), customersWithoutEnergy: withoutEnergy };
}
