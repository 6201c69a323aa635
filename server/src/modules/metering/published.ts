/**
 * Published reads of the metering module as SQL fragments (subqueries) other modules embed, so a
 * cross-module read stays one statement and never names a metering table:
 *   WITH vol AS (${dailyVolumeTotals(from, to)}) …      or      JOIN (${dailyVolumeTotals(from, to)}) v ON …
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { deliveryPointBasics } from '../customers';
import { effectiveGcvCtes } from './gcv.repo';
import { getSettings } from './settings.repo';
import './metering.tables';

/**
 * Delivered volume per customer and gas day in [from, to]: rows (customer_id, gas_day, volume_m3 NUMERIC);
 * only the customers `customerIds` selects (a subquery of customer ids) when given — filtered before the sums.
 */
export function dailyVolumeTotals(from: string, to: string, customerIds?: RawBuilder<unknown>): RawBuilder<{ customer_id: number; gas_day: string; volume_m3: string }> {
  return sql`SELECT customer_id, gas_day, SUM(volume_m3) AS volume_m3 FROM daily_deliveries WHERE gas_day BETWEEN ${from}::date AND ${to}::date
    ${customerIds ? sql`AND customer_id IN (${customerIds})` : sql``} GROUP BY customer_id, gas_day`;
}

/**
 * A month's delivered volume per customer from the monthly roll-up (delivery_months, kept by triggers
 * on every write of daily deliveries): rows (customer_id, volume_m3 NUMERIC) — equal to the sum of
 * dailyVolumeTotals over the month's days, without reading them. `month` is 'YYYY-MM'.
 */
export function monthVolumeTotals(month: string): RawBuilder<{ customer_id: number; volume_m3: string }> {
  return sql`SELECT customer_id, volume_m3 FROM delivery_months WHERE month = ${`${month}-01`}::date`;
}

/**
 * First and last gas day in [from, to] with volume delivered (> 0), per customer, for the customers
 * `customerIds` selects (a subquery of customer ids): rows (customer_id, first_day, last_day as text).
 * Volumes are never negative, so a day with a point's volume > 0 is a day with gas delivered.
 */
export function deliveryDayBounds(from: string, to: string, customerIds: RawBuilder<unknown>): RawBuilder<{ customer_id: number; first_day: string; last_day: string }> {
  return sql`SELECT customer_id, min(gas_day)::text AS first_day, max(gas_day)::text AS last_day FROM daily_deliveries
    WHERE gas_day BETWEEN ${from}::date AND ${to}::date AND volume_m3 > 0 AND customer_id IN (${customerIds}) GROUP BY customer_id`;
}

/** Customers with at least one delivery on record: rows (customer_id). */
export function customersWithDeliveries(): RawBuilder<{ customer_id: number }> {
  return sql`SELECT DISTINCT customer_id FROM daily_deliveries`;
}

/**
 * Energy (GJ, 6 places half-up, as settlement reads it through dailyVolumesByCustomer) per customer
 * and gas day in [from, to] for the customers `customerIds` selects (a subquery): rows (customer_id,
 * gas_day, energy_gj NUMERIC — NULL when a delivery of the day has no known GCV). Energy =
 * Σ volume × GCV / 1000 (DOMAIN.md §2); GCV per gcv.repo.ts rules. A subquery with its own
 * WITH RECURSIVE; `lookbackDays` is metering's setting (gcvLookbackDays()).
 */
export function dailyEnergyTotals(customerIds: RawBuilder<unknown>, from: string, to: string, lookbackDays: number): RawBuilder<{ customer_id: number; gas_day: string; energy_gj: string | null }> {
  return sql`(WITH RECURSIVE pts AS (
      SELECT dp.id AS point_id, dp.supply_source_id FROM ${deliveryPointBasics()} dp WHERE dp.customer_id IN (${customerIds})
    ),
    ${effectiveGcvCtes(sql`SELECT DISTINCT supply_source_id FROM pts WHERE supply_source_id IS NOT NULL`, from, to, lookbackDays)}
    SELECT d.customer_id, d.gas_day,
           CASE WHEN bool_and(e.gcv IS NOT NULL) THEN round(sum(d.volume_m3 * e.gcv) / 1000, 6) END AS energy_gj
      FROM daily_deliveries d JOIN pts p ON p.point_id = d.delivery_point_id
      LEFT JOIN eff e ON e.source_id = p.supply_source_id AND e.gas_day = d.gas_day
     WHERE d.gas_day BETWEEN ${from}::date AND ${to}::date AND d.customer_id IN (${customerIds})
     GROUP BY d.customer_id, d.gas_day)`;
}

/** Metering's GCV look-back (days) for dailyEnergyTotals. */
export async function gcvLookbackDays(db: Tx): Promise<number> {
  return (await getSettings(db)).gcvLookbackDays;
}
