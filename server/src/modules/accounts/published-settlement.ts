/** Ledger reads published for the settlement module (set-based). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { AppContext } from '../../platform/module';
import { audit, type Actor } from '../../platform/audit/audit';
import { bulkInsertTransactions } from './ledger.repo';
import { recomputeLevels } from './levels.service';
import { assertPeriodOpen, yesterdayIn } from './payments.service';

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

/**
 * Many settlement true-ups at once (the month's run, DOMAIN.md §4): one ledger transaction per
 * customer (`customerEffectFen` negative = the customer owes more), set-based inserts, then one level
 * recompute for every customer posted — inside `trx`, audited as one row (count and sum); a closed accounting period refuses the whole batch.
 */
export async function postSettlementTrueUps(
  ctx: AppContext,
  trx: Tx,
  rows: { customerId: number; customerEffectFen: number }[],
  common: { period: string; businessDate: string; counter: 'gas_sales' | 'deviation_fees'; reference: string; note: string },
  actor: Actor,
): Promise<{ posted: number; sumFen: number }> {
  const real = rows.filter((r) => r.customerEffectFen !== 0);
  if (!real.length) return { posted: 0, sumFen: 0 };
  for (const r of real) if (!Number.isSafeInteger(r.customerEffectFen)) throw new RangeError(`a posting needs an integer fen amount, got ${r.customerEffectFen}`);
  await assertPeriodOpen(trx, common.businessDate);
  await bulkInsertTransactions(
    trx,
    real.map((r) => ({
      kind: 'settlement_true_up' as const,
      customerId: r.customerId,
      businessDate: common.businessDate,
      reference: common.reference,
      note: common.note,
      amountFen: r.customerEffectFen,
      counter: common.counter,
    })),
    actor.userId,
  );
  const sumFen = real.reduce((a, r) => a + r.customerEffectFen, 0);
  await audit(trx, actor, { action: 'settlement.true_up_bulk', entity: 'ledger_transaction', entityId: common.reference, after: { ...common, transactions: real.length, customerEffectFen: sumFen } });
  await recomputeLevels(ctx, trx, { asOfDay: yesterdayIn(ctx.config.timeZone), customerIds: real.map((r) => r.customerId), preferLastRunDay: true, statuses: false });
  return { posted: real.length, sumFen };
}
