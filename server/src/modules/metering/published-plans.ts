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
 * Delivered volumes as a fragment to embed (the plan ledger groups them by a customer attribute and
 * month in its own statement, one aggregation): rows (customer_id, month 1–12, volume_m3 NUMERIC),
 * one per delivery point and gas day in [fromDay, toDay] (within one calendar year). Not summed
 * here — the consumer's GROUP BY does it once.
 */
export function deliveredVolumesByMonth(fromDay: string, toDay: string): RawBuilder<{ customer_id: number; month: number; volume_m3: string }> {
  return sql`SELECT customer_id, extract(month FROM gas_day)::int AS month, volume_m3 FROM daily_deliveries WHERE gas_day BETWEEN ${fromDay}::date AND ${toDay}::date`;
}

/** Σ volume per month over all customers for gas days in [fromDay, toDay] (one aggregate, no per-customer rows). */
export async function monthlyTotals(db: Tx, fromDay: string, toDay: string): Promise<{ month: string; volumeM3: string }[]> {
  const { rows } = await sql<{ month: string; v: string }>`
    SELECT to_char(gas_day, 'YYYY-MM') AS month, sum(volume_m3)::numeric(20,3)::text AS v
    FROM daily_deliveries WHERE gas_day BETWEEN ${fromDay}::date AND ${toDay}::date
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((r) => ({ month: r.month, volumeM3: r.v }));
}

export { cellText, parseDay, parseQuantityText } from './ingest.calc';
export type { RowError } from './metering.errors';
