/**
 * Usage of customers over time (charts, exports, other modules): daily and monthly volume and
 * energy with the previous year alongside (year over year). Missing days stay null, never 0.
 */
import { sql } from 'kysely';
import { Decimal, dec } from '@common/decimal';
import type { Tx } from '../../platform/db/database';
import type { AppContext } from '../../platform/module';
import { AppError } from '../../platform/http/errors';
import { assertCustomerAccess, inCustomerScope } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';
import { addDays, dayRange } from './gas-day.calc';
import { weightedGcv } from './metering.calc';
import { getSettings } from './settings.repo';
import { effectiveGcv } from './gcv.repo';
import * as repo from './usage.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;

export interface DailyVolume {
  customerId: number;
  gasDay: string;
  /** Σ over the customer's delivery points, m³ (decimal string). */
  volumeM3: string;
  /** Σ V × GCV / 1000 in GJ; null when the GCV of any reporting point is unknown that day. */
  energyGJ: string | null;
}

const fmtE = (e: string | null, ok: boolean) => (ok && e != null ? dec(e).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed() : null);

/** Daily volumes per customer (summed over its delivery points) — for the accounts module. */
export async function dailyVolumesByCustomer(db: Tx, customerIds: number[] | null, fromDay: string, toDay: string): Promise<DailyVolume[]> {
  if (customerIds && !customerIds.length) return [];
  const s = await getSettings(db);
  const rows = await repo.customerDays(db, sql`true`, customerIds, fromDay, toDay, s.gcvLookbackDays);
  return rows.map((r) => ({ customerId: r.customer_id, gasDay: r.gas_day, volumeM3: dec(r.v).toFixed(3), energyGJ: fmtE(r.e, r.e_ok) }));
}

/**
 * A customer's GCV on a gas day (MJ/m³, 6 places): the volume-weighted GCV ΣE/ΣV of its deliveries that
 * day when all have a GCV; else the GCV of the source feeding its first active delivery point
 * (gcv.repo.ts rules); null when unknown.
 */
export async function customerGcv(db: Tx, customerId: number, gasDay: string): Promise<string | null> {
  const s = await getSettings(db);
  const [day] = await repo.customerDays(db, sql`true`, [customerId], gasDay, gasDay, s.gcvLookbackDays);
  if (day && day.e_ok && dec(day.v).gt(0))
    return weightedGcv([{ volumeM3: day.v, energyGJ: day.e }])!
      .toDecimalPlaces(6, Decimal.ROUND_HALF_UP)
      .toFixed(6);
  const points = await repo.customerPoints(db, customerId);
  const first = points.find((p) => p.active && p.supply_source_id != null) ?? points.find((p) => p.supply_source_id != null);
  if (!first) return null;
  const [g] = await effectiveGcv(db, [first.supply_source_id!], gasDay, gasDay, s.gcvLookbackDays);
  return g ? g.gcvMJm3 : null;
}

export interface UsagePoint {
  period: string;
  volumeM3: string | null;
  energyGJ: string | null;
  gcvMJm3: string | null;
  estimated: boolean;
  /** Complete days: every active delivery point reported (a day missing one point is missing, not counted). */
  daysWithData: number;
  /** Active delivery points without a value, summed over the period's days (point-days missing). */
  missingPoints: number;
  prevYearVolumeM3: string | null;
  prevYearEnergyGJ: string | null;
}

function sameDayLastYear(day: string): string {
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
}

interface Acc {
  v: Decimal;
  e: Decimal;
  eOk: boolean;
  est: boolean;
  /** Complete days (all `activePoints` reported; any row when the customer has no active point). */
  days: number;
  /** Active point-days with a value. */
  pointDays: number;
}

/**
 * Sum customer-days into periods. Counting is per point-day (issue 9 item 8): a day on which one of
 * the `activePoints` has no value is not a day with data, however many other points reported.
 */
function bucket(rows: repo.CustomerDayRow[], key: (day: string) => string, activePoints: number): Map<string, Acc> {
  const m = new Map<string, Acc>();
  for (const r of rows) {
    const k = key(r.gas_day);
    let a = m.get(k);
    if (!a) m.set(k, (a = { v: new Decimal(0), e: new Decimal(0), eOk: true, est: false, days: 0, pointDays: 0 }));
    a.v = a.v.plus(dec(r.v));
    if (r.e_ok && r.e != null) a.e = a.e.plus(dec(r.e));
    else a.eOk = false;
    a.est ||= r.est;
    if (r.na >= activePoints) a.days++;
    a.pointDays += Math.min(r.na, activePoints);
  }
  return m;
}

const v3 = (d: Decimal) => d.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
const e6 = (a: Acc | undefined) => (a && a.eOk ? a.e.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed() : null);

/** The last valid date on or before `day` ('2025-02-29' → '2025-02-28'). */
function onOrBefore(day: string): string {
  const last = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
  return Number(day.slice(8, 10)) > last ? `${day.slice(0, 8)}${String(last).padStart(2, '0')}` : day;
}

/**
 * The days the usage view reads: the periods shown and the same periods a year before, not the year
 * in between; one range when the two meet. As the whole span from a year before `from` to `to`
 * (the earlier read) did: a month shown includes its days before `from`, last year's first month
 * starts a year before `from`, last year's last month is whole (usage.int.test.ts compares both).
 */
export function usageRanges(granularity: 'day' | 'month', from: string, to: string): [string, string][] {
  const prevFrom = sameDayLastYear(from);
  const prevTo = granularity === 'day' ? onOrBefore(sameDayLastYear(to)) : onOrBefore(`${sameDayLastYear(to).slice(0, 8)}31`);
  // a 29 February a year before `from` does not exist: the previous-year days start the day after
  const start = prevFrom === onOrBefore(prevFrom) ? prevFrom : addDays(onOrBefore(prevFrom), 1);
  const shownFrom = granularity === 'day' ? from : `${from.slice(0, 8)}01`;
  return prevTo >= addDays(shownFrom, -1)
    ? [[start, to]]
    : [
        [start, prevTo],
        [shownFrom, to],
      ];
}

/** A customer's daily or monthly usage from `from` to `to`, each period with the previous year's. */
export async function customerUsage(ctx: AppContext, user: User, customerId: number, granularity: 'day' | 'month', from: string, to: string, ranges = usageRanges(granularity, from, to)) {
  // Independent reads at once; nothing is returned unless the access check passes.
  const [, customer, s, points] = await Promise.all([
    assertCustomerAccess(ctx.db, user, customerId),
    repo.customerHeader(ctx.db, customerId),
    getSettings(ctx.db),
    repo.customerPoints(ctx.db, customerId),
  ]);
  if (!customer) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
  const rows = (await Promise.all(ranges.map(([a, b]) => repo.customerDays(ctx.db, sql`true`, [customerId], a, b, s.gcvLookbackDays)))).flat();
  const activePoints = points.filter((p) => p.active).length;
  const key = granularity === 'day' ? (d: string) => d : (d: string) => d.slice(0, 7);
  const buckets = bucket(rows, key, activePoints);
  // days of each period inside [from, to] (months at the range's ends are partial)
  const daysIn = new Map<string, number>();
  for (const d of dayRange(from, to)) daysIn.set(key(d), (daysIn.get(key(d)) ?? 0) + 1);
  const periods = granularity === 'day' ? dayRange(from, to) : monthRange(from.slice(0, 7), to.slice(0, 7));
  const prevKey = (p: string) => (granularity === 'day' ? sameDayLastYear(p) : `${Number(p.slice(0, 4)) - 1}${p.slice(4)}`);
  const series: UsagePoint[] = periods.map((p) => {
    const a = buckets.get(p);
    const prev = buckets.get(prevKey(p));
    return {
      period: p,
      volumeM3: a ? v3(a.v) : null,
      energyGJ: e6(a),
      gcvMJm3: a && a.eOk && a.v.gt(0) ? a.e.times(1000).div(a.v).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) : null,
      estimated: a?.est ?? false,
      daysWithData: a?.days ?? 0,
      missingPoints: activePoints * (daysIn.get(p) ?? 0) - (a?.pointDays ?? 0),
      prevYearVolumeM3: prev ? v3(prev.v) : null,
      prevYearEnergyGJ: e6(prev),
    };
  });
  const inRange = rows.filter((r) => r.gas_day >= from && r.gas_day <= to);
  const total = bucket(inRange, () => 'all', activePoints).get('all');
  const days = dayRange(from, to).length;
  return {
    customer: { id: customer.id, code: customer.code, name: customer.name, type: customer.type },
    points: points.map((p) => ({ id: p.id, code: p.code, name: p.name, meterNo: p.meter_no, active: p.active, supplySourceId: p.supply_source_id, supplySource: p.source_name })),
    granularity,
    from,
    to,
    series,
    total: {
      volumeM3: total ? v3(total.v) : null,
      energyGJ: e6(total),
      gcvMJm3: total && total.eOk && total.v.gt(0) ? total.e.times(1000).div(total.v).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) : null,
      daysWithData: total?.days ?? 0,
      days,
      /** Point-days with a value / expected (active points × days): missing readings of one point count. */
      pointDaysWithData: total?.pointDays ?? 0,
      pointDays: activePoints * days,
    },
  };
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
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

/** Monthly volume/energy by customer type or region for the customers in the user's scope. */
export async function aggregateUsage(ctx: AppContext, user: User, groupBy: 'type' | 'city' | 'province', from: string, to: string) {
  const s = await getSettings(ctx.db);
  const rows = await repo.aggregateByGroup(ctx.db, inCustomerScope(user, 'c.id'), groupBy, from, to, s.gcvLookbackDays);
  return {
    groupBy,
    from,
    to,
    months: monthRange(from.slice(0, 7), to.slice(0, 7)),
    rows: rows.map((r) => ({
      month: r.month,
      group: r.grp ?? '',
      volumeM3: dec(r.v).toFixed(3),
      energyGJ: r.e_ok && r.e != null ? dec(r.e).toDecimalPlaces(6).toFixed() : null,
      customers: Number(r.customers),
    })),
  };
}
