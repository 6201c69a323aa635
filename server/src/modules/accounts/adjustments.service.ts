/** Adjustments (调账), maker-checker: entered by one user (pending), approved by another, only then posted. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import type { SessionUser } from '../../platform/auth/session-user';
import { inCustomerScope, customerBasics } from '../customers';
import { customerPostings } from './accounts.calc';
import { AE } from './accounts.errors';
import * as ledger from './ledger.repo';
import { assertPeriodOpen, refreshCustomerLevel } from './payments.service';
import { userDirectory } from '../../platform/auth/users';

export interface AdjustmentView {
  id: number;
  customerId: number;
  customerName: string;
  amountFen: number;
  businessDate: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  enteredBy: number;
  enteredByName: string | null;
  enteredAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  transactionId: number | null;
}

function query(db: Tx) {
  return db
    .selectFrom('ledger_adjustments as a')
    .innerJoin(customerBasics().as('c'), 'c.id', 'a.customer_id')
    .leftJoin(userDirectory().as('e'), 'e.id', 'a.entered_by')
    .leftJoin(userDirectory().as('d'), 'd.id', 'a.decided_by')
    .select([
      'a.id',
      'a.customer_id',
      'c.name as customer_name',
      'a.amount_fen',
      'a.business_date',
      'a.reason',
      'a.status',
      'a.entered_by',
      'e.display_name as entered_by_name',
      'a.entered_at',
      'a.decided_by',
      'd.display_name as decided_by_name',
      'a.decided_at',
      'a.decision_note',
      'a.transaction_id',
    ]);
}

function toView(r: any): AdjustmentView {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    amountFen: r.amount_fen,
    businessDate: r.business_date,
    reason: r.reason,
    status: r.status,
    enteredBy: r.entered_by,
    enteredByName: r.entered_by_name,
    enteredAt: new Date(r.entered_at).toISOString(),
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionNote: r.decision_note,
    transactionId: r.transaction_id,
  };
}

export async function findAdjustment(db: Tx, id: number): Promise<AdjustmentView | null> {
  const r = await query(db).where('a.id', '=', id).executeTakeFirst();
  return r ? toView(r) : null;
}

export async function listAdjustments(db: Tx, user: SessionUser, q: { status?: string; customerId?: number; page: number; pageSize: number }) {
  let base = query(db).where(inCustomerScope(user, 'a.customer_id'));
  if (q.status) base = base.where('a.status', '=', q.status as any);
  if (q.customerId) base = base.where('a.customer_id', '=', q.customerId);
  const total = await base
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy('a.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total: Number(total.n), items: rows.map(toView) };
}

export async function enterAdjustment(ctx: AppContext, input: { customerId: number; amountFen: number; businessDate: string; reason: string }, actor: Actor): Promise<AdjustmentView> {
  if (input.amountFen === 0) throw new AppError(AE.ADJUSTMENT_AMOUNT_ZERO);
  return inTx(ctx.db, async (trx) => {
    await assertPeriodOpen(trx, input.businessDate);
    const row = await trx
      .insertInto('ledger_adjustments')
      .values({ customer_id: input.customerId, amount_fen: input.amountFen, business_date: input.businessDate, reason: input.reason, entered_by: actor.userId! })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'adjustment.enter', entity: 'ledger_adjustment', entityId: row.id, customerId: input.customerId, after: input });
    return (await findAdjustment(trx, row.id))!;
  });
}

const STATUS_TEXT = { approved: { zh: '审批通过', en: 'approved' }, rejected: { zh: '驳回', en: 'rejected' } } as const;

/** Approve (posts the adjustment) or reject (never posts). The one who entered it cannot decide it. */
export async function decideAdjustment(ctx: AppContext, adj: AdjustmentView, decision: 'approve' | 'reject', note: string | null, actor: Actor): Promise<AdjustmentView> {
  if (adj.status !== 'pending') throw new AppError(AE.ADJUSTMENT_NOT_PENDING, { id: adj.id, status: STATUS_TEXT[adj.status] });
  if (adj.enteredBy === actor.userId) throw new AppError(AE.ADJUSTMENT_SELF_APPROVAL, { id: adj.id });
  return inTx(ctx.db, async (trx) => {
    let transactionId: number | null = null;
    if (decision === 'approve') {
      await assertPeriodOpen(trx, adj.businessDate);
      transactionId = await ledger.insertTransaction(
        trx,
        { kind: 'adjustment', customerId: adj.customerId, businessDate: adj.businessDate, reference: `ADJ-${adj.id}`, note: adj.reason, createdBy: actor.userId },
        customerPostings(adj.amountFen, 'adjustments'),
      );
    }
    const updated = await trx
      .updateTable('ledger_adjustments')
      .set({ status: decision === 'approve' ? 'approved' : 'rejected', decided_by: actor.userId, decided_at: new Date(), decision_note: note, transaction_id: transactionId })
      .where('id', '=', adj.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(AE.ADJUSTMENT_NOT_PENDING, { id: adj.id, status: STATUS_TEXT.approved });
    if (transactionId) await refreshCustomerLevel(ctx, trx, adj.customerId);
    await audit(trx, actor, {
      action: `adjustment.${decision}`,
      entity: 'ledger_adjustment',
      entityId: adj.id,
      customerId: adj.customerId,
      before: { status: 'pending' },
      after: { status: decision === 'approve' ? 'approved' : 'rejected', transactionId, note },
    });
    return (await findAdjustment(trx, adj.id))!;
  });
}
