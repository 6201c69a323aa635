/** Ledger reads published for the settlement module (set-based). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

/** The month's provisional daily charges posted per customer (fen, what the customer was charged), all customers with any. */
export async function monthDailyChargesByCustomer(db: Tx, month: string, customerIds: number[] | null = null): Promise<Map<number, number>> {
  const from = month + '-01';
  const r = await sql<{ customer_id: number; fen: number }>`
    SELECT customer_id, SUM(charge_fen)::bigint AS fen FROM customer_day_charges
     WHERE gas_day >= ${from}::date AND gas_day < (${from}::date + interval '1 month')
       ${customerIds ? sql`AND customer_id = ANY(${customerIds}::bigint[])` : sql``}
     GROUP BY customer_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.customer_id), Number(x.fen)]));
}
