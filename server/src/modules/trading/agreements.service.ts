/**
 * 协议 agreement trades (DOMAIN.md §4: "a negotiated trade recorded with both parties'
 * confirmation"). The seller records the agreement — buyer, quantity, price, delivery month and
 * point, resource tag — with its own confirmation (document, date): a real session of mode
 * 'agreement' awaiting the buyer (state open until the confirmation deadline). The buyer side's
 * confirmation, recorded by the manager on the customer's behalf with the confirmation document
 * and date, makes it a trade (已成交) in one transaction: one bid and one award at the agreed price,
 * the fee of each side (default 1 ‰ of the deal amount, half-up to the fen) with the buyer's on the
 * ledger, the customer's payment level recomputed. No deposit: nothing is bid, so nothing is frozen
 * (the deposit of §4 is frozen at bidding). The award then reaches settlement through the
 * onlineTrades port like any other; it does not enter the month's reference price (VWAP of listing
 * and bidding trades only).
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import type { SessionUser } from '../../platform/auth/session-user';
import { localParts } from '../../platform/jobs/jobs';
import { postTradingBulk, refreshTradingLevels } from '../accounts';
import { DEFAULT_FEE_RATE, PRICE_DP, QTY_DP, dealAmountFen, feeFen } from './clearing.calc';
import { TE } from './trading.errors';
import type { AgreementBody, AgreementConfirmBody, SessionView } from './trading.schema';
import * as repo from './sessions.repo';
import { assertChangeable, decimalField, requireSession, sessionView } from './sessions.service';
import { assertCustomerMayTrade } from './bids.service';

const DEFAULT_CONFIRM_DAYS = 30;

/** The seller records an agreement (real trades only) with its own confirmation. */
export async function recordAgreement(ctx: AppContext, b: AgreementBody, user: SessionUser, actor: Actor): Promise<SessionView> {
  const quantity = decimalField('quantity', b.quantity, QTY_DP);
  const price = decimalField('price', b.price, PRICE_DP, { max: 10_000_000 });
  const feeRate = decimalField('feeRate', b.feeRate ?? DEFAULT_FEE_RATE, 6, { allowZero: true, max: 0.09 });
  return inTx(ctx.db, async (trx) => {
    await assertCustomerMayTrade(trx, user, b.customerId, null);
    const now = await repo.dbNow(trx);
    const closes = b.confirmBy ? new Date(b.confirmBy) : new Date(now.getTime() + DEFAULT_CONFIRM_DAYS * 86_400_000);
    if (!(closes > now)) throw new AppError(TE.SESSION_TIMES, { opens: now.toISOString(), closes: closes.toISOString() });
    const row = await trx
      .insertInto('trading_sessions')
      .values({
        kind: 'real',
        mode: 'agreement',
        title: b.title,
        resource_tag: b.resourceTag,
        basis: b.basis,
        delivery_month: b.deliveryMonth,
        delivery_point: b.deliveryPoint,
        quantity,
        min_per_buyer: quantity,
        max_per_buyer: quantity,
        fixed_price: null,
        floor_price: null,
        price_step: null,
        pricing: 'pay_as_bid',
        opens_at: now,
        closes_at: closes,
        deposit_ratio: '0',
        fee_rate: feeRate,
        organiser_id: actor.userId,
        created_by: actor.userId,
        cleared_at: null,
        cleared_by: null,
        sold_quantity: null,
        clearing_price: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('trading_session_customers').values({ session_id: row.id, customer_id: b.customerId }).execute();
    await trx
      .insertInto('trading_agreements')
      .values({
        session_id: row.id,
        customer_id: b.customerId,
        price,
        seller_confirmed_on: b.sellerConfirmedOn,
        seller_document: b.sellerDocument,
        buyer_confirmed_on: null,
        buyer_document: null,
        buyer_recorded_by: null,
        buyer_recorded_at: null,
        note: b.note ?? null,
      })
      .execute();
    const view = (await sessionView(trx, row.id))!;
    await audit(trx, actor, { action: 'trading.agreement.record', entity: 'trading_session', entityId: row.id, customerId: b.customerId, after: view });
    return view;
  });
}

/** The buyer's confirmation recorded on the customer's behalf: the agreement becomes a trade (已成交). */
export async function confirmAgreement(ctx: AppContext, sessionId: number, b: AgreementConfirmBody, user: SessionUser, actor: Actor): Promise<SessionView> {
  return inTx(ctx.db, async (trx) => {
    await repo.lockSession(trx, sessionId);
    const s = await requireSession(trx, sessionId);
    if (s.mode !== 'agreement') throw new AppError(TE.NOT_AGREEMENT, { id: sessionId });
    const a = await trx.selectFrom('trading_agreements').selectAll().where('session_id', '=', sessionId).executeTakeFirstOrThrow();
    if (a.buyer_confirmed_on) throw new AppError(TE.AGREEMENT_CONFIRMED, { on: a.buyer_confirmed_on, document: a.buyer_document });
    assertChangeable(s);
    await assertCustomerMayTrade(trx, user, a.customer_id, null);
    if (b.buyerConfirmedOn < a.seller_confirmed_on) throw new AppError(TE.AGREEMENT_DATE_ORDER, { buyer: b.buyerConfirmedOn, seller: a.seller_confirmed_on });
    const now = await repo.dbNow(trx);
    if (now >= new Date(s.closes_at)) throw new AppError(TE.AGREEMENT_EXPIRED, { closes: new Date(s.closes_at).toISOString() });

    // DOMAIN.md §4: amount = quantity × price, fee 1 ‰ (per session) of the deal amount each side, half-up to the fen.
    const amount = dealAmountFen(s.quantity, a.price);
    const fee = feeFen(amount, s.fee_rate);
    const bid = await trx
      .insertInto('trading_bids')
      .values({
        session_id: sessionId,
        customer_id: a.customer_id,
        virtual_account_id: null,
        price: a.price,
        quantity: s.quantity,
        granted_quantity: s.quantity,
        submitted_at: now,
        idempotency_key: `agreement:${sessionId}`,
        deposit_fen: 0,
        placed_by: user.id,
        filled_quantity: s.quantity,
        outcome: 'filled',
        rank: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const award = await trx
      .insertInto('trading_awards')
      .values({
        session_id: sessionId,
        bid_id: bid.id,
        customer_id: a.customer_id,
        virtual_account_id: null,
        quantity: s.quantity,
        price: a.price,
        amount_fen: amount,
        buyer_fee_fen: fee,
        seller_fee_fen: fee,
        deposit_applied_fen: 0,
        deposit_released_fen: 0,
        awarded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await postTradingBulk(trx, [
      {
        kind: 'trading_fee',
        customerId: a.customer_id,
        amountFen: fee,
        businessDate: localParts(now, ctx.config.timeZone).date,
        reference: `award:${award.id}`,
        note: `${s.title}（协议）`,
        createdBy: actor.userId,
      },
    ]);
    await refreshTradingLevels(ctx, trx, [a.customer_id]);
    await trx
      .updateTable('trading_agreements')
      .set({ buyer_confirmed_on: b.buyerConfirmedOn, buyer_document: b.buyerDocument, buyer_recorded_by: user.id, buyer_recorded_at: now })
      .where('session_id', '=', sessionId)
      .execute();
    await trx
      .updateTable('trading_sessions')
      .set({ status: 'cleared', cleared_at: now, cleared_by: actor.userId, sold_quantity: s.quantity, clearing_price: a.price, bid_count: 1 })
      .where('id', '=', sessionId)
      .execute();
    const view = (await sessionView(trx, sessionId))!;
    await audit(trx, actor, {
      action: 'trading.agreement.confirm',
      entity: 'trading_session',
      entityId: sessionId,
      customerId: a.customer_id,
      after: { ...b, awardId: award.id, amountFen: amount, feeFen: fee },
    });
    return view;
  });
}
