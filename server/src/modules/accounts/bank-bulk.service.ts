/**
 * Assign many queued bank lines at once (issue 9 item 10): each line to its chosen customer, in one
 * transaction, all or nothing. Idempotent: a line already posted to the same customer (a repeated
 * or parallel duplicate request) is reported as `already` and never posted twice — the lines are
 * locked in id order and re-read under the lock, and the payment's bank reference is unique.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import type { SessionUser } from '../../platform/auth/session-user';
import { customerBasics, inCustomerScope } from '../customers';
import { AE } from './accounts.errors';
import { recordPayment } from './payments.service';

export const BANK_BULK_MAX = 500;

export interface BulkAssignItem {
  lineId: number;
  customerId: number;
  outcome: 'posted' | 'duplicate' | 'already';
  transactionId: number | null;
}

const list = (ids: number[]) => ids.slice(0, 10).join(', ') + (ids.length > 10 ? ' …' : '');

export async function bulkAssignLines(ctx: AppContext, user: SessionUser, assignments: { lineId: number; customerId: number }[], actor: Actor) {
  const wanted = new Map<number, number>();
  for (const a of assignments) {
    const prev = wanted.get(a.lineId);
    if (prev !== undefined && prev !== a.customerId) throw new AppError(AE.BANK_BULK_LINE_TWICE, { id: a.lineId });
    wanted.set(a.lineId, a.customerId);
  }
  if (wanted.size > BANK_BULK_MAX) throw new AppError(AE.BANK_BULK_TOO_MANY, { max: BANK_BULK_MAX, count: wanted.size });
  const customerIds = [...new Set(wanted.values())];
  const visible = await ctx.db
    .selectFrom(customerBasics().as('c'))
    .select(['c.id', sql<boolean>`${inCustomerScope(user, 'c.id')}`.as('visible')])
    .where('c.id', 'in', customerIds)
    .execute();
  const missing = customerIds.filter((id) => !visible.some((v) => v.id === id));
  if (missing.length) throw new AppError(AE.BANK_BULK_CUSTOMER_NOT_FOUND, { ids: list(missing) });
  const outside = visible.filter((v) => !v.visible).map((v) => v.id);
  if (outside.length) throw new AppError(AE.BANK_BULK_OUT_OF_SCOPE, { ids: list(outside) });

  return inTx(ctx.db, async (trx) => {
    const lineIds = [...wanted.keys()].sort((a, b) => a - b);
    const lines = await trx.selectFrom('bank_statement_lines').selectAll().where('id', 'in', lineIds).orderBy('id').forUpdate().execute();
    const absent = lineIds.filter((id) => !lines.some((l) => l.id === id));
    if (absent.length) throw new AppError(AE.BANK_BULK_LINE_NOT_FOUND, { ids: list(absent) });
    const items: BulkAssignItem[] = [];
    for (const l of lines) {
      const customerId = wanted.get(l.id)!;
      if (l.status !== 'unmatched') {
        if ((l.status === 'posted' || l.status === 'duplicate') && l.customer_id === customerId) {
          items.push({ lineId: l.id, customerId, outcome: 'already', transactionId: l.transaction_id });
          continue;
        }
        throw new AppError(AE.BANK_BULK_LINE_TAKEN, { id: l.id, status: l.status, customer: l.customer_id ? ` → #${l.customer_id}` : '' });
      }
      // recordPayment refuses a conflicting bank reference or a closed period: the whole request rolls back
      const p = await recordPayment(
        ctx,
        { customerId, amountFen: l.amount_fen, bankRef: l.bank_ref, valueDate: l.value_date, payerName: l.payer_name, payerAccount: l.payer_account, note: l.memo },
        actor,
        trx,
      );
      const status = p.duplicate ? 'duplicate' : 'posted';
      await trx
        .updateTable('bank_statement_lines')
        .set({ status, customer_id: customerId, matched_by: 'manual', transaction_id: p.transaction.id, decided_by: actor.userId, decided_at: new Date() })
        .where('id', '=', l.id)
        .execute();
      items.push({ lineId: l.id, customerId, outcome: status, transactionId: p.transaction.id });
    }
    await audit(
      trx,
      actor,
      items
        .filter((i) => i.outcome !== 'already')
        .map((i) => ({ action: 'bank_line.assign', entity: 'bank_statement_line', entityId: i.lineId, customerId: i.customerId, after: { customerId: i.customerId, status: i.outcome, bulk: true } })),
    );
    const count = (o: BulkAssignItem['outcome']) => items.filter((i) => i.outcome === o).length;
    return { total: items.length, posted: count('posted'), duplicates: count('duplicate'), already: count('already'), items };
  });
}
