/**
 * A fingerprint of the ledger and the payment levels, for fault tests and backup checks (issue 10):
 * two databases with the same business history have the same fingerprint, whatever ids, times or
 * run order. Reads only the accounts module's own tables.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

export async function ledgerFingerprint(db: Tx): Promise<{ hash: string; transactions: number; postings: number; levels: number }> {
  const tx = await sql<{ line: string }>`
    SELECT concat_ws('|', t.kind, t.customer_id, t.business_date, t.period, t.charge_day, t.reference, t.note,
                     string_agg(concat_ws(':', a.kind, p.customer_id, p.amount_fen), ',' ORDER BY p.line)) AS line
      FROM ledger_transactions t
      JOIN ledger_postings p ON p.transaction_id = t.id
      JOIN ledger_accounts a ON a.id = p.account_id
     GROUP BY t.id ORDER BY 1`.execute(db);
  const lv = await sql<{ line: string }>`
    SELECT concat_ws('|', customer_id, level, since_day, as_of_day, balance_fen, window_charge_fen, avg_daily_charge_fen, available_days) AS line
      FROM customer_payment_levels ORDER BY customer_id`.execute(db);
  const postings = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_postings`.execute(db);
  const h = crypto.createHash('sha256');
  for (const r of tx.rows) h.update(r.line + '\n');
  h.update('--levels--\n');
  for (const r of lv.rows) h.update(r.line + '\n');
  return { hash: h.digest('hex'), transactions: tx.rows.length, postings: Number(postings.rows[0].n), levels: lv.rows.length };
}
