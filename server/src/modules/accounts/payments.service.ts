/** Use cases that post to the ledger directly: payments, refunds, reversals, settlement true-ups. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { localParts } from '../../platform/jobs/jobs';
import { formatFen } from '@common/money';
import { COUNTER_ACCOUNT, customerPostings, reversalPostings, type CounterAccount } from './accounts.calc';
import { AE } from './accounts.errors';
import * as ledger from './ledger.repo';
import { TRADING_KIND_LABELS, TRADING_TX_KINDS, type TradingTxKind } from './trading-postings.calc';
import { getPaymentStatus, recomputeLevels, type PaymentStatus } from './levels.service';
import { postPaymentFast } from './payments.fast';
import { assertCustomerAccess } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';

export function todayIn(timeZone: string, now = new Date()): string {
  return localParts(now, timeZone).date;
}
export function yesterdayIn(timeZone: string, now = new Date()): string {
  return localParts(new Date(now.getTime() - 86400_000), timeZone).date;
}

export async function assertPeriodOpen(db: Tx, day: string): Promise<void> {
  if (await ledger.isMonthClosed(db, day)) throw new AppError(AE.PERIOD_CLOSED, { period: day.slice(0, 7), date: day });
}

/** After a posting: recompute the customer's level (in the same transaction); its status, if monitored. */
export async function refreshCustomerLevel(ctx: AppContext, trx: Tx, customerId: number): Promise<PaymentStatus | null> {
  // Serialise postings of one customer on its stored level: the figures below are read after the
  // lock, so they include every posting committed before it (a concurrent one-statement posting
  // waits here and then declines, its balance being stale — payments.fast).
  await sql`SELECT 1 FROM customer_payment_levels WHERE customer_id = ${customerId}::bigint FOR UPDATE`.execute(trx);
  const r = await recomputeLevels(ctx, trx, { asOfDay: yesterdayIn(ctx.config.timeZone), customerIds: [customerId], preferLastRunDay: true });
  return r.statuses.get(customerId) ?? null;
}

export interface PaymentInput {
  customerId: number;
  amountFen: number;
  bankRef: string;
  valueDate: string;
  payerName?: string | null;
  payerAccount?: string | null;
  note?: string | null;
}

/**
 * Record a payment received. The bank reference is unique: the same payment posted again returns
 * the existing transaction (`duplicate: true`, counted once); the same reference with a different
 * customer or amount is refused (409). Runs inside `trx` when given (bank-statement assignment).
 */
export async function recordPayment(ctx: AppContext, input: PaymentInput, actor: Actor, outer?: Tx): Promise<{ duplicate: boolean; transaction: ledger.TxView; status: PaymentStatus | null }> {
  if (!(input.amountFen > 0)) throw new AppError(AE.PAYMENT_AMOUNT_NOT_POSITIVE, { amount: input.amountFen });
  const work = async (trx: Tx) => {
    // one read: an existing payment with this bank reference, and whether the value date's month is closed
    const pre = await sql<{ existing: number | null; closed: boolean }>`
      SELECT (SELECT id FROM ledger_transactions WHERE kind = 'payment' AND reference = ${input.bankRef}) AS existing,
             EXISTS (SELECT 1 FROM accounting_periods WHERE month = ${input.valueDate.slice(0, 7) + '-01'}::date) AS closed`.execute(trx);
    const existing = pre.rows[0].existing == null ? null : { id: Number(pre.rows[0].existing) };
    if (!existing && pre.rows[0].closed) throw new AppError(AE.PERIOD_CLOSED, { period: input.valueDate.slice(0, 7), date: input.valueDate });
    const { id, created } = existing
      ? { id: existing.id, created: false }
      : await ledger.insertPaymentOnce(
          trx,
          {
            kind: 'payment',
            customerId: input.customerId,
            businessDate: input.valueDate,
            reference: input.bankRef,
            payerName: input.payerName,
            payerAccount: input.payerAccount,
            note: input.note,
            createdBy: actor.userId,
          },
          customerPostings(input.amountFen, 'bank'),
        );
    const tx = (await ledger.findTransaction(trx, id))!;
    if (!created) {
      if (tx.customerId !== input.customerId || tx.amountFen !== input.amountFen) {
        throw new AppError(AE.BANK_REF_CONFLICT, {
          ref: input.bankRef,
          customer: tx.customerId,
          amount: formatFen(tx.amountFen),
          newCustomer: input.customerId,
          newAmount: formatFen(input.amountFen),
        });
      }
      return { duplicate: true, transaction: tx, status: (await getPaymentStatus(trx, [tx.customerId])).get(tx.customerId) ?? null };
    }
    const status = await refreshCustomerLevel(ctx, trx, input.customerId);
    await audit(trx, actor, {
      action: 'payment.record',
      entity: 'ledger_transaction',
      entityId: id,
      customerId: input.customerId,
      after: { bankRef: input.bankRef, amountFen: input.amountFen, valueDate: input.valueDate },
    });
    return { duplicate: false, transaction: tx, status };
  };
  return outer ? work(outer) : inTx(ctx.db, work);
}

/**
 * A payment entered through the API: the common case in one statement (payments.fast), otherwise —
 * unknown or out-of-scope customer, duplicate or conflicting bank reference, closed month, a level
 * change, a concurrent posting for the customer — the general path below, which handles them all.
 */
export async function postPayment(
  ctx: AppContext,
  input: PaymentInput,
  actor: Actor,
  user: Pick<SessionUser, 'id' | 'roles'>,
): Promise<{ duplicate: boolean; transaction: ledger.TxView; status: PaymentStatus | null }> {
  if (!(input.amountFen > 0)) throw new AppError(AE.PAYMENT_AMOUNT_NOT_POSITIVE, { amount: input.amountFen });
  try {
    const r = await postPaymentFast(ctx.db, user, input, actor, yesterdayIn(ctx.config.timeZone));
    if (r.posted) return { duplicate: false, transaction: r.transaction, status: r.status };
  } catch (e) {
    // a concurrent posting of the same bank reference won the unique index: the general path reports the duplicate
    if ((e as { code?: string }).code !== '23505') throw e;
  }
  await assertCustomerAccess(ctx.db, user, input.customerId);
  return recordPayment(ctx, input, actor);
}

export async function recordRefund(
  ctx: AppContext,
  input: { customerId: number; amountFen: number; businessDate: string; reference?: string | null; note?: string | null },
  actor: Actor,
): Promise<ledger.TxView> {
  if (!(input.amountFen > 0)) throw new AppError(AE.REFUND_AMOUNT_NOT_POSITIVE, { amount: input.amountFen });
  return inTx(ctx.db, async (trx) => {
    await assertPeriodOpen(trx, input.businessDate);
    const balance = await ledger.balanceOf(trx, input.customerId);
    if (input.amountFen > balance) throw new AppError(AE.REFUND_EXCEEDS_BALANCE, { amount: formatFen(input.amountFen), balance: formatFen(balance) });
    const id = await ledger.insertTransaction(
      trx,
      { kind: 'refund', customerId: input.customerId, businessDate: input.businessDate, reference: input.reference, note: input.note, createdBy: actor.userId },
      customerPostings(-input.amountFen, COUNTER_ACCOUNT.refund),
    );
    await refreshCustomerLevel(ctx, trx, input.customerId);
    await audit(trx, actor, { action: 'refund.record', entity: 'ledger_transaction', entityId: id, customerId: input.customerId, after: input });
    return (await ledger.findTransaction(trx, id))!;
  });
}

const isTradingKind = (k: string): k is TradingTxKind => (TRADING_TX_KINDS as readonly string[]).includes(k);

/** Check a transaction can be reversed (throws the reason when not). */
export function assertReversible(tx: ledger.TxView) {
  if (tx.kind === 'reversal') throw new AppError(AE.CANNOT_REVERSE_REVERSAL, { id: tx.id });
  if (tx.kind === 'daily_charge') throw new AppError(AE.CANNOT_REVERSE_DAILY_CHARGE, { id: tx.id });
  // Trading postings are reversed only by the trading module's own flows (DOMAIN.md §4 保证金/手续费).
  if (isTradingKind(tx.kind)) throw new AppError(AE.CANNOT_REVERSE_TRADING, { id: tx.id, kind: TRADING_KIND_LABELS[tx.kind] });
  if (tx.reversedById) throw new AppError(AE.ALREADY_REVERSED, { id: tx.id, by: tx.reversedById });
}

/** Reverse a posted transaction by a transaction with the opposite postings (never twice). */
export async function reverseTransaction(ctx: AppContext, tx: ledger.TxView, input: { reason: string; businessDate?: string }, actor: Actor): Promise<ledger.TxView> {
  assertReversible(tx);
  const day = input.businessDate ?? todayIn(ctx.config.timeZone);
  return inTx(ctx.db, async (trx) => {
    await assertPeriodOpen(trx, day);
    const lines = await ledger.postingsOf(trx, tx.id);
    const id = await ledger.insertTransaction(
      trx,
      { kind: 'reversal', customerId: tx.customerId, businessDate: day, reference: tx.reference, note: input.reason, reversesId: tx.id, createdBy: actor.userId },
      reversalPostings(lines),
    );
    await refreshCustomerLevel(ctx, trx, tx.customerId);
    await audit(trx, actor, { action: 'transaction.reverse', entity: 'ledger_transaction', entityId: tx.id, customerId: tx.customerId, after: { reversalId: id, reason: input.reason } });
    return (await ledger.findTransaction(trx, id))!;
  });
}

/**
 * Settlement true-up (for the settlement module): posts `customerEffectFen` (negative = the
 * customer owes more) against gas sales or deviation fees, for the settled month, inside `trx`.
 */
export async function postSettlementTrueUp(
  ctx: AppContext,
  trx: Tx,
  input: {
    customerId: number;
    period: string;
    businessDate: string;
    customerEffectFen: number;
    counter?: Extract<CounterAccount, 'gas_sales' | 'deviation_fees' | 'trading_fees'>;
    reference?: string;
    note?: string;
  },
  actor: Actor,
): Promise<number> {
  await assertPeriodOpen(trx, input.businessDate);
  const id = await ledger.insertTransaction(
    trx,
    { kind: 'settlement_true_up', customerId: input.customerId, businessDate: input.businessDate, period: input.period, reference: input.reference, note: input.note, createdBy: actor.userId },
    customerPostings(input.customerEffectFen, input.counter ?? 'gas_sales'),
  );
  await refreshCustomerLevel(ctx, trx, input.customerId);
  await audit(trx, actor, { action: 'settlement.true_up', entity: 'ledger_transaction', entityId: id, customerId: input.customerId, after: input });
  return id;
}
