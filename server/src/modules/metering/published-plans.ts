/**
 * Published reads for the plans module: monthly volumes per customer in one set-based statement
 * (the plan ledger compares plan against them for up to 10⁵ customers × 12 months), and the
 * cell helpers of the metering ingest (cells, days, quantities), so the nominations import
 * reads cells the same way (files themselves go through platform/files/spreadsheet.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database';

export interface MonthlyVolume {
  customerId: number;
  /** 'YYYY-MM' */
  month: string;
  /** Σ daily volume over the customer's delivery points and the month's gas days, m³ (3 places). */
  volumeM3: string;
}

/** Monthly volume per customer for gas days in [fromDay, toDay]; customers without deliveries are absent. */
export async function monthlyVolumesByCustomer(db: Tx, fromDay: string, toDay: string, customerIds: number[] | null = null): Promise<MonthlyVolume[]> {
  if (customerIds && !customerIds.length) return [];
  const { rows } = await sql<{ customer_id: number; month: string; v: string }>`
    SELECT customer_id, to_char(gas_day, 'YYYY-MM') AS month, sum(volume_m3)::numeric(18,3)::text AS v
    FROM daily_deliveries
    WHERE gas_day BETWEEN ${fromDay}::date AND ${toDay}::date
      ${customerIds ? sql`AND customer_id = ANY(${sql.val(customerIds)}::bigint[])` : sql``}
    GROUP BY customer_id, to_char(gas_day, 'YYYY-MM')`.execute(db);
  return rows.map((r) => ({ customerId: Number(r.customer_id), month: r.month, volumeM3: r.v }));
}

/**
 * Delivered volume per customer and month of `year`, as a fragment to embed in one statement (the
 * plan ledger groups it by month, area, customer type or customer): rows (customer_id, month 1–12,
 * volume_m3 NUMERIC = Σ daily volume over the customer's delivery points and the month's gas days,
 * DOMAIN.md §2). Read from the monthly roll-up `delivery_months`, which triggers on daily_deliveries
 * keep exact (migration 202612071421): one row per customer and month, not one per point and day.
 * Customer-months without deliveries are absent.
 */
export function deliveredVolumesByMonth(year: number): RawBuilder<{ customer_id: number; month: number; volume_m3: string }> {
  return sql`SELECT customer_id, extract(month FROM month)::int AS month, volume_m3 FROM delivery_months WHERE month BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-01`}::date`;
}

export { cellText, parseDay, parseQuantityText } from './ingest.calc';
export type { RowError } from './metering.errors';
