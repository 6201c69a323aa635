/**
 * Published read for the home page (home module): the payment picture of the customers in the
 * user's scope — counts per level (the same figures as the board header), receivables and
 * negative balances (DOMAIN.md §6: receivable = −balance when the balance is negative), pending
 * adjustments; and, for finance, the day's payments and the unmatched bank lines.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { customerBasics, inCustomerScope } from '../customers';
import { boardInScope, levelCounts } from './board.service';
import type { PaymentLevel } from './accounts.calc';

export interface AccountsHome {
  levels: Record<PaymentLevel, number>;
  /** Σ receivable (−balance of customers whose balance is negative), fen. */
  receivableFen: number;
  negativeBalances: number;
  pendingAdjustments: number;
}

/** Level counts, receivables and pending adjustments within the user's customer scope. */
export async function accountsHome(db: Db, user: SessionUser): Promise<AccountsHome> {
  const levels = levelCounts(await boardInScope(db, user));
  const m = await db
    .selectFrom('customer_payment_levels as l')
    .innerJoin(customerBasics().as('c'), 'c.id', 'l.customer_id')
    .where(inCustomerScope(user, 'c.id'))
    .where('c.status', 'in', ['active', 'restricted'])
    .where('l.balance_fen', '<', 0)
    .select([sql<number>`count(*)::int`.as('n'), sql<string>`coalesce(-sum(l.balance_fen), 0)::text`.as('fen')])
    .executeTakeFirstOrThrow();
  const adj = await db
    .selectFrom('ledger_adjustments as a')
    .where('a.status', '=', 'pending')
    .where(inCustomerScope(user, 'a.customer_id'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { levels, receivableFen: Number(m.fen), negativeBalances: Number(m.n), pendingAdjustments: Number(adj.n) };
}

export interface PaymentsHome {
  day: string;
  payments: number;
  paymentsFen: number;
  monthPaymentsFen: number;
  unmatchedLines: number;
  unmatchedFen: number;
}

/** Finance's view: payments booked for `day` and the month to `day`, and the bank queue. */
export async function paymentsHome(db: Tx, day: string): Promise<PaymentsHome> {
  const p = await db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_postings as p', (j) => j.onRef('p.transaction_id', '=', 't.id').on('p.customer_id', 'is not', null))
    .where('t.kind', '=', 'payment')
    .where('t.business_date', '>=', `${day.slice(0, 7)}-01`)
    .where('t.business_date', '<=', day)
    .select([
      sql<number>`count(DISTINCT t.id) FILTER (WHERE t.business_date = ${day}::date)::int`.as('n'),
      sql<string>`coalesce(sum(p.amount_fen) FILTER (WHERE t.business_date = ${day}::date), 0)::text`.as('day_fen'),
      sql<string>`coalesce(sum(p.amount_fen), 0)::text`.as('month_fen'),
    ])
    .executeTakeFirstOrThrow();
  const b = await db
    .selectFrom('bank_statement_lines as l')
    .where('l.status', '=', 'unmatched')
    .select([sql<number>`count(*)::int`.as('n'), sql<string>`coalesce(sum(l.amount_fen), 0)::text`.as('fen')])
    .executeTakeFirstOrThrow();
  return { day, payments: Number(p.n), paymentsFen: Number(p.day_fen), monthPaymentsFen: Number(p.month_fen), unmatchedLines: Number(b.n), unmatchedFen: Number(b.fen) };
}
