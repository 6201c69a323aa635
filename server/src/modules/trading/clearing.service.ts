/**
 * Clearing a session (出清, DOMAIN.md §4): once, after close, under the session's lock. The pure
 * engine decides the fills; this writes them, the awards, and — for real sessions only — the
 * deposit releases/applications and buyer fees on the customer ledger. A second call is refused
 * (ALREADY_CLEARED) and changes nothing; ledger postings are keyed by bid/award so none repeats.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { localParts } from '../../platform/jobs/jobs';
import { postTradingBulk, refreshTradingLevels, type BulkTradingPosting } from '../accounts';
import { QTY_DP, clearBidding, dealAmountFen, feeFen, fromScaled, splitDeposit, toScaled } from './clearing.calc';
import { TE } from './trading.errors';
import * as repo from './sessions.repo';
import { requireSession, sessionView } from './sessions.service';
import type { SessionView } from './trading.schema';

interface Fill {
  bidId: number;
  filled: string;
  dealPrice: string | null;
  rank: number;
  outcome: 'filled' | 'partial' | 'unfilled';
}

export async function clearSession(ctx: AppContext, sessionId: number, actor: Actor): Promise<SessionView> {
  return inTx(ctx.db, async (trx) => {
    await repo.lockSession(trx, sessionId);
    const s = await requireSession(trx, sessionId);
    if (s.status === 'cleared') throw new AppError(TE.ALREADY_CLEARED, { at: new Date(s.cleared_at!).toISOString() });
    if (s.status === 'cancelled') throw new AppError(TE.SESSION_CANCELLED);
    if (s.mode === 'agreement') throw new AppError(TE.AGREEMENT_NO_BIDS);
    const now = await repo.dbNow(trx);
    if (now < new Date(s.closes_at)) throw new AppError(TE.NOT_CLOSED_YET, { closes: new Date(s.closes_at).toISOString() });

    const bids = await trx
      .selectFrom('trading_bids')
      .select(['id', 'customer_id', 'virtual_account_id', 'price', 'quantity', 'granted_quantity', 'submitted_at', 'deposit_fen'])
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .execute();
    let fills: Fill[];
    let sold: string;
    let clearingPrice: string | null;
    if (s.mode === 'bidding') {
      const r = clearBidding(
        { quantity: s.quantity, minPerBuyer: s.min_per_buyer, pricing: s.pricing },
        bids.map((b) => ({ bidId: b.id, customerId: b.customer_id ?? -b.virtual_account_id!, price: b.price, quantity: b.quantity, submittedAt: new Date(b.submitted_at).getTime() })),
      );
      fills = r.bids.map((x) => ({ bidId: x.bidId, filled: x.filledQuantity, dealPrice: x.dealPrice, rank: x.rank, outcome: x.outcome }));
      sold = r.soldQuantity;
      clearingPrice = r.clearingPrice;
    } else {
      // 挂牌: quantities were granted first come first served as the requests arrived.
      let total = 0;
      fills = bids.map((b, i) => {
        const g = toScaled(b.granted_quantity ?? '0', QTY_DP);
        total += g;
        return {
          bidId: b.id,
          filled: fromScaled(g, QTY_DP),
          dealPrice: g > 0 ? s.fixed_price : null,
          rank: i + 1,
          outcome: g === 0 ? 'unfilled' : g === toScaled(b.quantity, QTY_DP) ? 'filled' : 'partial',
        };
      });
      sold = fromScaled(total, QTY_DP);
      clearingPrice = total > 0 ? s.fixed_price : null;
    }

    await writeFills(trx, fills);
    const byId = new Map(bids.map((b) => [b.id, b]));
    const day = localParts(now, ctx.config.timeZone).date;
    const awards = fills.filter((f) => f.outcome !== 'unfilled');
    const awardRows = awards.map((f) => {
      const b = byId.get(f.bidId)!;
      const amount = dealAmountFen(f.filled, f.dealPrice!);
      const dep = splitDeposit(Number(b.deposit_fen), b.price, b.granted_quantity ?? b.quantity, f.filled, s.deposit_ratio);
      return {
        session_id: sessionId,
        bid_id: b.id,
        customer_id: b.customer_id,
        virtual_account_id: b.virtual_account_id,
        quantity: f.filled,
        price: f.dealPrice!,
        amount_fen: amount,
        buyer_fee_fen: feeFen(amount, s.fee_rate),
        seller_fee_fen: feeFen(amount, s.fee_rate),
        deposit_applied_fen: dep.appliedFen,
        deposit_released_fen: dep.releasedFen,
        // 挂牌 awards are made as requests arrive; 竞价 awards at clearing.
        awarded_at: s.mode === 'listing' ? new Date(b.submitted_at) : now,
      };
    });
    // All awards in one statement per 10,000 (arrays, not one parameter per value).
    const inserted: { id: number; bid_id: number }[] = [];
    for (let k = 0; k < awardRows.length; k += 10_000) {
      const part = awardRows.slice(k, k + 10_000);
      const col = <K extends keyof (typeof part)[number]>(key: K) => part.map((a) => a[key]);
      const { rows } = await sql<{ id: number; bid_id: number }>`
        INSERT INTO trading_awards (session_id, bid_id, customer_id, virtual_account_id, quantity, price, amount_fen, buyer_fee_fen, seller_fee_fen, deposit_applied_fen, deposit_released_fen, awarded_at)
        SELECT ${sessionId}::bigint, * FROM unnest(${col('bid_id')}::bigint[], ${col('customer_id')}::bigint[], ${col('virtual_account_id')}::bigint[], ${col('quantity')}::numeric[], ${col('price')}::numeric[],
                                      ${col('amount_fen')}::bigint[], ${col('buyer_fee_fen')}::bigint[], ${col('seller_fee_fen')}::bigint[], ${col('deposit_applied_fen')}::bigint[],
                                      ${col('deposit_released_fen')}::bigint[], ${part.map((a) => a.awarded_at.toISOString())}::timestamptz[])
        RETURNING id, bid_id`.execute(trx);
      inserted.push(...rows.map((r) => ({ id: Number(r.id), bid_id: Number(r.bid_id) })));
    }

    if (s.kind === 'real') {
      // Set-based ledger postings (accounts' postTradingBulk): every bid's unused deposit released,
      // the deposit of volume won applied, the buyer's fee charged — then the levels of the
      // customers concerned recomputed at once (DOMAIN.md §4 保证金/手续费, §6).
      const awardOf = new Map(inserted.map((a) => [a.bid_id, a.id]));
      const rowOf = new Map(awardRows.map((a) => [a.bid_id, a]));
      const postings: BulkTradingPosting[] = [];
      for (const b of bids) {
        if (!b.customer_id) continue;
        const a = rowOf.get(b.id);
        const base = { customerId: b.customer_id, businessDate: day, createdBy: actor.userId, note: `${s.title} #${b.id}` };
        postings.push({ ...base, kind: 'trading_deposit_release', amountFen: a ? a.deposit_released_fen : Number(b.deposit_fen), reference: `bid:${b.id}` });
        if (a) {
          postings.push({ ...base, kind: 'trading_deposit_applied', amountFen: a.deposit_applied_fen, reference: `bid:${b.id}` });
          postings.push({ ...base, kind: 'trading_fee', amountFen: a.buyer_fee_fen, reference: `award:${awardOf.get(b.id)}` });
        }
      }
      await postTradingBulk(trx, postings);
      await refreshTradingLevels(
        ctx,
        trx,
        bids.flatMap((b) => (b.customer_id ? [b.customer_id] : [])),
      );
    }

    await trx
      .updateTable('trading_sessions')
      .set({ status: 'cleared', cleared_at: now, cleared_by: actor.userId, sold_quantity: sold, clearing_price: clearingPrice })
      .where('id', '=', sessionId)
      .execute();
    await audit(trx, actor, { action: 'trading.session.clear', entity: 'trading_session', entityId: sessionId, after: { bids: bids.length, awards: awards.length, sold, clearingPrice } });
    return (await sessionView(trx, sessionId))!;
  });
}

/** Fills, ranks and outcomes of all bids in one statement per 5,000 bids. */
async function writeFills(trx: Tx, fills: Fill[]) {
  for (let k = 0; k < fills.length; k += 5000) {
    const part = fills.slice(k, k + 5000);
    await sql`
      UPDATE trading_bids b SET filled_quantity = v.filled, outcome = v.outcome, rank = v.rank
        FROM (SELECT * FROM unnest(${part.map((f) => f.bidId)}::bigint[], ${part.map((f) => f.filled)}::numeric[], ${part.map((f) => f.outcome)}::text[], ${part.map((f) => f.rank)}::int[]) AS t(id, filled, outcome, rank)) v
       WHERE b.id = v.id`.execute(trx);
  }
}
