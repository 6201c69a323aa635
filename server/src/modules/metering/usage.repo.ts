/** SQL of usage series: per customer and gas day, and monthly aggregates by region or customer type. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { effectiveGcvCtes } from './gcv.repo';
import { customerBasics, deliveryPointBasics, supplySourceBasics } from '../customers';

export interface CustomerDayRow {
  customer_id: number;
  gas_day: string;
  /** Σ volume over the customer's delivery points that reported the day. */
  v: string;
  /** How many points reported. */
  n: number;
  /** How many of the customer's active points reported (a day is complete when all did). */
  na: number;
  est: boolean;
  /** Σ V × GCV / 1000 — meaningful only when e_ok (every reported point had a GCV). */
  e: string | null;
  e_ok: boolean;
}

/**
 * Daily volume and energy per customer (all its delivery points, active or not) from `from` to
 * `to`. `customerIds` null = every customer matching `scope`. Days without any value are absent.
 */
export async function customerDays(db: Tx, scope: Expression<SqlBool>, customerIds: number[] | null, from: string, to: string, lookbackDays: number): Promise<CustomerDayRow[]> {
  const only = customerIds ? sql`AND dp.customer_id = ANY(${customerIds}::bigint[])` : sql``;
  const { rows } = await sql<CustomerDayRow>`
    WITH RECURSIVE pts AS (
      SELECT dp.id AS point_id, dp.customer_id, dp.supply_source_id, dp.active FROM ${deliveryPointBasics()} dp JOIN ${customerBasics()} c ON c.id = dp.customer_id
      WHERE ${scope} ${only}
    ),
    ${effectiveGcvCtes(sql`SELECT DISTINCT supply_source_id FROM pts WHERE supply_source_id IS NOT NULL`, from, to, lookbackDays)}
    SELECT d.customer_id, d.gas_day::text AS gas_day, sum(d.volume_m3) AS v, count(*)::int AS n, (count(*) FILTER (WHERE p.active))::int AS na, bool_or(d.origin = 'estimate') AS est,
      sum(d.volume_m3 * e.gcv) / 1000 AS e, bool_and(e.gcv IS NOT NULL) AS e_ok
    FROM daily_deliveries d JOIN pts p ON p.point_id = d.delivery_point_id
    LEFT JOIN eff e ON e.source_id = p.supply_source_id AND e.gas_day = d.gas_day
    WHERE d.gas_day BETWEEN ${from}::date AND ${to}::date ${customerIds ? sql`AND d.customer_id = ANY(${customerIds}::bigint[])` : sql``}
    GROUP BY d.customer_id, d.gas_day
    ORDER BY d.customer_id, d.gas_day`.execute(db);
  return rows.map((r) => ({ ...r, customer_id: Number(r.customer_id) }));
}

export interface AggregateRow {
  month: string;
  grp: string | null;
  v: string;
  e: string | null;
  e_ok: boolean;
  customers: number;
}

/** Monthly volume and energy summed by customer type or city, for customers in scope. */
export async function aggregateByGroup(db: Tx, scope: Expression<SqlBool>, groupBy: 'type' | 'city' | 'province', from: string, to: string, lookbackDays: number): Promise<AggregateRow[]> {
  const grp = groupBy === 'type' ? sql`c.type` : groupBy === 'city' ? sql`c.city` : sql`c.province`;
  const { rows } = await sql<AggregateRow>`
    WITH RECURSIVE pts AS (
      SELECT dp.id AS point_id, dp.customer_id, dp.supply_source_id FROM ${deliveryPointBasics()} dp JOIN ${customerBasics()} c ON c.id = dp.customer_id WHERE ${scope}
    ),
    ${effectiveGcvCtes(sql`SELECT DISTINCT supply_source_id FROM pts WHERE supply_source_id IS NOT NULL`, from, to, lookbackDays)}
    SELECT to_char(d.gas_day, 'YYYY-MM') AS month, ${grp} AS grp, sum(d.volume_m3) AS v, sum(d.volume_m3 * e.gcv) / 1000 AS e,
      bool_and(e.gcv IS NOT NULL) AS e_ok, count(DISTINCT d.customer_id)::int AS customers
    FROM daily_deliveries d JOIN pts p ON p.point_id = d.delivery_point_id JOIN ${customerBasics()} c ON c.id = d.customer_id
    LEFT JOIN eff e ON e.source_id = p.supply_source_id AND e.gas_day = d.gas_day
    WHERE d.gas_day BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return rows;
}

export async function customerHeader(db: Tx, customerId: number) {
  return db.selectFrom(customerBasics().as('c')).select(['id', 'code', 'name', 'type', 'status', 'province', 'city', 'county']).where('id', '=', customerId).executeTakeFirst();
}

export async function customerPoints(db: Tx, customerId: number) {
  return db
    .selectFrom(deliveryPointBasics().as('dp'))
    .leftJoin(supplySourceBasics().as('s'), 's.id', 'dp.supply_source_id')
    .select(['dp.id', 'dp.code', 'dp.name', 'dp.meter_no', 'dp.active', 'dp.supply_source_id', 's.name as source_name', 's.code as source_code'])
    .where('dp.customer_id', '=', customerId)
    .orderBy('dp.id')
    .execute();
}
