/**
 * The board's one query: for every customer in scope with active delivery points, the day's
 * volume and energy, how many points reported, the trailing averages, plans, contract maximum
 * and the day's GCV. One round trip, set-based, aggregated per delivery point (≈ customers)
 * rather than per point and day, so 10,000 customers stay fast (bench/metering-ingest.bench.ts).
 *
 * Trailing average of a customer = Σ over its active points of (the point's mean daily volume
 * over the days it reported in the window): days without data are left out, never counted as 0.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { NominationsPort } from '../../platform/ports';
import { inTx, type Db } from '../../platform/db/database';
import { effectiveGcvCtes } from './gcv.repo';
import { addDays } from './gas-day.calc';
import { customerBasics, deliveryPointBasics, fullTimeManagers } from '../customers';

export interface BoardRow {
  id: number;
  code: string;
  name: string;
  type: string;
  province: string | null;
  city: string | null;
  county: string | null;
  manager: string | null;
  point_count: number;
  /** The day: Σ volume (3 places), reporting points, any estimate, Σ V × GCV / 1000 (GJ, 3 places), all reporting points had a GCV. */
  y_v: string | null;
  y_n: number | null;
  y_est: boolean | null;
  y_e: string | null;
  y_e_ok: boolean | null;
  /** Trailing window: Σ of the points' mean daily volumes (3 places), and how many points had data. */
  t_avg: string | null;
  t_points: number | null;
  daily_plan: string | null;
  monthly_plan: string | null;
  daily_max: string | null;
  /** ΣE/ΣV of the day (4 places), else the GCV of the source of the first active point; null if unknown. */
  day_gcv: string | null;
  /** Gas day of the quality data behind day_gcv (the oldest when several points); null when unknown. */
  gcv_day: string | null;
  /** The customer's nomination (日指定) for the day, from the plans module's fragment; null when none. */
  nomination: string | null;
}

/** The nominations of a day as the plans module publishes them (port), or no rows when no module provides it. */
type NominationsFragment = ReturnType<NonNullable<NominationsPort['dayFragment']>>;

/** Customers on the board: supplied (供气) or restricted (减停气), with at least one active delivery point. */
export const BOARD_STATUSES = ['active', 'restricted'];

export async function boardRows(
  db: Db,
  scope: Expression<SqlBool>,
  day: string,
  avgDays: number,
  lookbackDays: number,
  customerIds?: number[],
  nominations?: NominationsFragment,
): Promise<BoardRow[]> {
  // JIT compilation costs more than it saves on this query; hash aggregates need room in memory;
  // the GCV table (eff) is tiny but estimated large, which misleads the planner into sorting
  // every delivery row for a merge join — hash joins are right here.
  return inTx(db, async (trx) => {
    // one round trip for the three settings (jit only where it exists and is on: the embedded database has none)
    await sql`SELECT set_config('work_mem', '32MB', true), set_config('enable_mergejoin', 'off', true),
      CASE WHEN current_setting('jit', true) = 'on' THEN set_config('jit', 'off', true) END`.execute(trx);
    const { rows } = await boardSql(scope, day, avgDays, lookbackDays, customerIds, nominations).execute(trx);
    return rows;
  });
}

export function boardSql(scope: Expression<SqlBool>, day: string, avgDays: number, lookbackDays: number, customerIds?: number[], nominations?: NominationsFragment) {
  const nom = nominations ?? sql`(SELECT NULL::bigint AS customer_id, NULL::numeric AS volume_m3 WHERE false)`;
  const from = addDays(day, -avgDays);
  const only = customerIds ? sql`AND c.id = ANY(${customerIds}::bigint[])` : sql``;
  const D = sql`${day}::date`;
  return sql<BoardRow>`
    WITH RECURSIVE pts AS (
      SELECT dp.id AS point_id, dp.customer_id, dp.supply_source_id
      FROM ${deliveryPointBasics()} dp JOIN ${customerBasics()} c ON c.id = dp.customer_id
      WHERE dp.active AND c.status IN (${sql.join(BOARD_STATUSES)}) AND ${scope} ${only}
    ),
    ${effectiveGcvCtes(sql`SELECT DISTINCT supply_source_id FROM pts WHERE supply_source_id IS NOT NULL`, day, day, lookbackDays)},
    ps AS (
      SELECT d.delivery_point_id AS point_id,
        sum(d.volume_m3) FILTER (WHERE d.gas_day = ${D}) AS y_v,
        count(*) FILTER (WHERE d.gas_day = ${D}) AS y_n,
        bool_or(d.origin = 'estimate') FILTER (WHERE d.gas_day = ${D}) AS y_est,
        sum(d.volume_m3 * e.gcv) FILTER (WHERE d.gas_day = ${D}) AS y_e,
        count(e.gcv) FILTER (WHERE d.gas_day = ${D}) AS y_e_n,
        min(e.quality_day) FILTER (WHERE d.gas_day = ${D}) AS y_q_day,
        sum(d.volume_m3) FILTER (WHERE d.gas_day < ${D}) / nullif(count(*) FILTER (WHERE d.gas_day < ${D}), 0) AS t_avg
      FROM daily_deliveries d
      JOIN pts p ON p.point_id = d.delivery_point_id
      LEFT JOIN eff e ON e.source_id = p.supply_source_id AND e.gas_day = ${D} AND d.gas_day = ${D}
      WHERE d.gas_day BETWEEN ${from}::date AND ${D}
      GROUP BY d.delivery_point_id
    ),
    pc AS (
      SELECT p.customer_id, count(*)::int AS point_count, (array_agg(p.supply_source_id ORDER BY p.point_id))[1] AS first_source,
        sum(ps.y_v) AS y_v, sum(ps.y_n)::int AS y_n, bool_or(ps.y_est) AS y_est,
        round(sum(ps.y_e) / 1000, 3) AS y_e, coalesce(sum(ps.y_n) = sum(ps.y_e_n), true) AS y_e_ok,
        -- the day's volume-weighted GCV ΣE/ΣV (DOMAIN.md §2; metering.calc.ts weightedGcv)
        CASE WHEN coalesce(sum(ps.y_n) = sum(ps.y_e_n), true) AND sum(ps.y_v) > 0 THEN round(sum(ps.y_e) / sum(ps.y_v), 4) END AS y_gcv,
        round(sum(ps.t_avg), 3) AS t_avg, count(ps.t_avg)::int AS t_points, min(ps.y_q_day) AS y_q_day
      FROM pts p LEFT JOIN ps ON ps.point_id = p.point_id
      GROUP BY p.customer_id
    )
    SELECT c.id, c.code, c.name, c.type, c.province, c.city, c.county, u.display_name AS manager,
      pc.point_count, pc.y_v, pc.y_n, pc.y_est, pc.y_e, pc.y_e_ok, pc.t_avg, pc.t_points,
      pl.planned_m3 AS daily_plan, mp.planned_m3 AS monthly_plan, lim.daily_max_m3 AS daily_max, coalesce(pc.y_gcv, round(fe.gcv, 4)) AS day_gcv,
      -- the oldest quality day behind the day's GCV: earlier than the day = carried forward (gcv.repo.ts rule 2)
      (CASE WHEN pc.y_gcv IS NOT NULL THEN pc.y_q_day ELSE fe.quality_day END)::text AS gcv_day,
      nm.volume_m3 AS nomination
    FROM pc JOIN ${customerBasics()} c ON c.id = pc.customer_id
    LEFT JOIN customer_daily_plans pl ON pl.customer_id = c.id AND pl.gas_day = ${D}
    LEFT JOIN customer_monthly_plans mp ON mp.customer_id = c.id AND mp.month = ${day.slice(0, 7)}
    LEFT JOIN customer_contract_limits lim ON lim.customer_id = c.id
    LEFT JOIN eff fe ON fe.source_id = pc.first_source AND fe.gas_day = ${D}
    LEFT JOIN ${fullTimeManagers()} u ON u.customer_id = c.id
    LEFT JOIN ${nom} nm ON nm.customer_id = c.id`;
}
