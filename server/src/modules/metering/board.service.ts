/**
 * 日用气监控 — the account manager's board: yesterday's volume per customer against its plan and
 * trailing average, with flags (board.calc.ts). Scoped to the user's customers.
 * GJ: the day's energy is Σ V × GCV per delivery point; the trailing average, the plan and the
 * contract maximum are volumes and are shown in GJ at the day's GCV (ΣE/ΣV of the day, else the
 * GCV of the source feeding the customer's first delivery point).
 */
import { Decimal } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { sql, type SqlBool } from 'kysely';
import { customerIdsInScope, keepInScope } from '../customers';
import { versionedCache } from '../../platform/db/versioned-cache';
import type { SessionUser } from '../../platform/auth/session-user';
import { boardVerdict, codeKey, compareCodes, dayPlan, milli, sumMilli, trailingAverage, type BoardFlag } from './board.calc';
import { daysInMonth, gasDayConfigOf, lastCompleteGasDay } from './gas-day.calc';
import { energyGJ } from './metering.calc';
import { getSettings, type MeteringSettings } from './settings.repo';
import { boardRows, type BoardRow } from './board.repo';

/** Inputs: customers, points, managers (customers), deliveries, quality, plans, limits (metering), nominations (plans), user names and settings (platform). */
const companyBoard = versionedCache<{ settings: MeteringSettings; items: BoardItem[] }>({ name: 'metering.board', domains: ['customers', 'metering', 'plans', 'platform'] });

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
  /** The GCV was carried forward from this earlier gas day's quality data (gcvLookbackDays); null when it is the day's own. */
  gcvCarriedFrom: string | null;
  avgM3: string | null;
  avgGJ: string | null;
  planM3: string | null;
  planGJ: string | null;
  dailyMaxM3: string | null;
  dailyMaxGJ: string | null;
  changePct: string | null;
  /** The day's nomination (日指定) when the customer has one; the deviation is then against it, not the plan. */
  nominationM3: string | null;
  nominationGJ: string | null;
  /** What `planDeviationPct` compares with: the nomination where one exists, else the plan. */
  planBasis: 'nomination' | 'plan' | null;
  /** (V − nomination or plan) / it × 100, 1 place. */
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

/**
 * A board row's facts and flags. GJ values of volumes (average, plan, maximum) are left null here
 * and filled by `withEnergy` only for the rows shown or exported (10,000 customers stay fast).
 */
export function toItem(r: BoardRow, day: string, jumpPct: string): BoardItem {
  const pointCount = Number(r.point_count);
  const reported = Number(r.y_n ?? 0);
  const volumeM3 = r.y_v; // Σ NUMERIC(16,3): 3 places
  const avgM3 = trailingAverage(r.t_avg, Number(r.t_points ?? 0));
  const planM3 = dayPlan(r.daily_plan, r.monthly_plan, daysInMonth(day));
  const dailyMaxM3 = r.daily_max;
  const nominationM3 = r.nomination == null ? null : dayPlan(r.nomination, null, 1);
  // issue 13: the board compares with the nomination where one exists, else with the plan.
  const target = nominationM3 ?? planM3;
  const verdict = boardVerdict({ volumeM3, pointCount, reportedPoints: reported, estimated: !!r.y_est, avgM3, planM3: target, dailyMaxM3 }, jumpPct);
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
    energyGJ: r.y_e_ok && r.y_e != null ? r.y_e : null,
    gcvMJm3: r.day_gcv,
    gcvCarriedFrom: r.day_gcv != null && r.gcv_day != null && r.gcv_day < day ? r.gcv_day : null,
    avgM3,
    avgGJ: null,
    planM3,
    planGJ: null,
    dailyMaxM3,
    dailyMaxGJ: null,
    nominationM3,
    nominationGJ: null,
    planBasis: nominationM3 != null ? 'nomination' : planM3 != null ? 'plan' : null,
    ...verdict,
  };
}

/** GJ of the volumes at the day's GCV (energyGJ, DOMAIN.md §2); unknown GCV → null. */
export function withEnergy(i: BoardItem): BoardItem {
  if (i.gcvMJm3 == null) return i;
  const gj = (m3: string | null) => (m3 == null ? null : g3(energyGJ(m3, i.gcvMJm3!)));
  return { ...i, avgGJ: gj(i.avgM3), planGJ: gj(i.planM3), dailyMaxGJ: gj(i.dailyMaxM3), nominationGJ: gj(i.nominationM3) };
}

type SortKey = bigint | string | number | null;

/** 3-place quantities and 1-place percentages compare exactly as thousandths. */
const key = (s: string | null): SortKey => (s == null ? null : milli(s));

function sortValue(i: BoardItem, sort: BoardSort, gj: boolean): SortKey {
  switch (sort) {
    case 'name':
      return i.name;
    case 'code':
      return i.code;
    case 'volume':
      return key(gj ? i.energyGJ : i.volumeM3);
    case 'avg':
      return key(gj ? i.avgGJ : i.avgM3);
    case 'plan':
      return key(gj ? i.planGJ : i.planM3);
    case 'dailyMax':
      return key(gj ? i.dailyMaxGJ : i.dailyMaxM3);
    case 'change':
      return key(i.changePct);
    case 'planDeviation':
      return key(i.planDeviationPct);
    case 'flags':
      return i.flags.filter((f) => f !== 'estimate').length;
  }
}

// Built once (compares as String#localeCompare(b, 'zh-CN') does).
const zhCollator = new Intl.Collator('zh-CN');

function compare(a: SortKey, b: SortKey): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1; // unknown values last either way
  if (typeof a === 'bigint') return a < (b as bigint) ? -1 : a > (b as bigint) ? 1 : 0;
  if (typeof a === 'string') return zhCollator.compare(a, b as string);
  return (a as number) - (b as number);
}

/** The board for a day (default: the last complete gas day), filtered, sorted and paged. */
export async function board(ctx: AppContext, user: User, q: BoardQuery, now = new Date()) {
  const day = q.day ?? lastCompleteGasDay(now, gasDayConfigOf(ctx.config));
  // The whole company's board of the day, built once per data version (any process's write to its
  // inputs rebuilds it on the next read), then narrowed to the user's customers.
  const cached = await companyBoard.read(
    ctx.db,
    day,
    async (db) => {
      const settings = await getSettings(db);
      const rows = await boardRows(db, sql<SqlBool>`true`, day, settings.avgDays, settings.gcvLookbackDays, undefined, ctx.capabilities.nominations?.dayFragment?.(day));
      return { settings, items: rows.map((r) => toItem(r, day, settings.jumpPct)) };
    },
    customerIdsInScope(user),
  );
  const s = cached.value.settings;
  let all = keepInScope(cached.value.items, cached.extra, (i) => i.customerId);
  if (q.unit === 'gj' && (q.sort === 'avg' || q.sort === 'plan' || q.sort === 'dailyMax')) all = all.map(withEnergy);
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
  // Ties (most rows under the default sort by flags) fall back to the code, compared with
  // compareCodes (plain codes without the collator: the collator made this sort most of the time).
  const sorted = items
    .map((i) => ({ i, k: sortValue(i, q.sort, gj), c: codeKey(i.code) }))
    .sort((a, b) => {
      const c = a.k === null || b.k === null ? compare(a.k, b.k) : dir * compare(a.k, b.k);
      return c || compareCodes(a.c, b.c);
    })
    .map((x) => x.i);
  return {
    day,
    jumpPct: s.jumpPct,
    avgDays: s.avgDays,
    summary,
    total: sorted.length,
    items: (q.pageSize ? sorted.slice((q.page - 1) * q.pageSize, q.page * q.pageSize) : sorted).map((i) => (i.avgGJ == null ? withEnergy(i) : i)),
  };
}

export function summarize(items: BoardItem[]) {
  const flags: Record<BoardFlag, number> = { missing: 0, zero: 0, jump: 0, above_max: 0, estimate: 0 };
  let withoutEnergy = 0;
  for (const i of items) {
    for (const f of i.flags) flags[f]++;
    if (i.energyGJ == null && i.volumeM3 != null) withoutEnergy++;
  }
  return { customers: items.length, flags, volumeM3: sumMilli(items.map((i) => i.volumeM3)), energyGJ: sumMilli(items.map((i) => i.energyGJ)), customersWithoutEnergy: withoutEnergy };
}
