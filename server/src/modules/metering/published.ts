/**
 * Published reads of the metering module as SQL fragments (subqueries) other modules embed, so a
 * cross-module read stays one statement and never names a metering table:
 *   WITH vol AS (${dailyVolumeTotals(from, to)}) …      or      JOIN (${dailyVolumeTotals(from, to)}) v ON …
 */
import { sql, type RawBuilder } from 'kysely';
import './metering.tables';

/** Delivered volume per customer and gas day in [from, to]: rows (customer_id, gas_day, volume_m3 NUMERIC). */
export function dailyVolumeTotals(from: string, to: string): RawBuilder<{ customer_id: number; gas_day: string; volume_m3: string }> {
  return sql`SELECT customer_id, gas_day, SUM(volume_m3) AS volume_m3 FROM daily_deliveries WHERE gas_day BETWEEN ${from}::date AND ${to}::date GROUP BY customer_id, gas_day`;
}

/** Customers with at least one delivery on record: rows (customer_id). */
export function customersWithDeliveries(): RawBuilder<{ customer_id: number }> {
  return sql`SELECT DISTINCT customer_id FROM daily_deliveries`;
}
