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
import { clearingStopwatch } from './bid-profile';

interface Fill {
  bidId: number;
  filled: string;
  dealPrice: string | null;
  rank: number;
  outcome: 'filled' | 'partial' | 'unfilled';
}

export async function clearSession(ctx: AppContext, sessionId: number, actor: Actor): Promise<SessionView> {
  const sw = clearingStopwatch(sessionId);
  const out = await inTx(ctx.db, async (trx) => {
    await repo.lockSession(trx, sessionId);
    // Statements here touch thousands of rows through index lookups; JIT compiling them costs
    // more than it saves (≈ 100 ms per statement measured on PostgreSQL 15).
    await sql`SET LOCAL jit = off`.execute(trx);
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
    sw.step('lock+read');
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

    sw.step('engine');
    await writeFills(trx, fills);
    sw.step('fills');
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
    sw.step('awards(js)');
    // All awards in one statement per 50,000 (arrays, one parameter per column).
    for (let k = 0; k < awardRows.length; k += 50_000) {
      const part = awardRows.slice(k, k + 50_000);
      const col = <K extends keyof (typeof part)[number]>(key: K) => part.map((a) => a[key]);
      await sql`
        INSERT INTO trading_awards (session_id, bid_id, customer_id, virtual_account_id, quantity, price, amount_fen, buyer_fee_fen, seller_fee_fen, deposit_applied_fen, deposit_released_fen, awarded_at)
        SELECT ${sessionId}::bigint, * FROM unnest(${col('bid_id')}::bigint[], ${col('customer_id')}::bigint[], ${col('virtual_account_id')}::bigint[], ${col('quantity')}::numeric[], ${col('price')}::numeric[],
                                      ${col('amount_fen')}::bigint[], ${col('buyer_fee_fen')}::bigint[], ${col('seller_fee_fen')}::bigint[], ${col('deposit_applied_fen')}::bigint[],
                                      ${col('deposit_released_fen')}::bigint[], ${part.map((a) => a.awarded_at.toISOString())}::timestamptz[])`.execute(trx);
    }

    sw.step('awards');
    if (s.kind === 'real') {
      // Set-based ledger postings (accounts' postTradingBulk), one transaction per customer and
      // kind for the session: the unused deposits of the customer's bids released, the deposits of
      // volume won applied, the buyer fees charged — each the exact sum of the per-bid figures
      // stored on the awards (each already rounded to the fen, DOMAIN.md §4 保证金/手续费), so
      // nothing is rounded again. Reference `session:<id>:<customer>` (unique per kind) keeps a
      // retry from posting twice. Then the levels of the customers concerned, at once (§6).
      const rowOf = new Map(awardRows.map((a) => [a.bid_id, a]));
      const perCustomer = new Map<number, { bidIds: number[]; release: number; applied: number; fee: number }>();
      for (const b of bids) {
        if (!b.customer_id) continue;
        const a = rowOf.get(b.id);
        const c = perCustomer.get(b.customer_id) ?? { bidIds: [], release: 0, applied: 0, fee: 0 };
        c.bidIds.push(b.id);
        c.release += a ? a.deposit_released_fen : Number(b.deposit_fen);
        if (a) {
          c.applied += a.deposit_applied_fen;
          c.fee += a.buyer_fee_fen;
        }
        perCustomer.set(b.customer_id, c);
      }
      const postings: BulkTradingPosting[] = [];
      for (const [customerId, c] of perCustomer) {
        const ids = c.bidIds.slice(0, 10).join(' #') + (c.bidIds.length > 10 ? ` … (${c.bidIds.length})` : '');
        const base = { customerId, businessDate: day, createdBy: actor.userId, note: `${s.title} #${ids}`, reference: `session:${sessionId}:${customerId}` };
        postings.push({ ...base, kind: 'trading_deposit_release', amountFen: c.release });
        postings.push({ ...base, kind: 'trading_deposit_applied', amountFen: c.applied });
        postings.push({ ...base, kind: 'trading_fee', amountFen: c.fee });
      }
      sw.step('postings(js)');
      await postTradingBulk(trx, postings);
      sw.step('postings');
      await refreshTradingLevels(ctx, trx, [...perCustomer.keys()]);
      sw.step('levels');
    }

    await trx
      .updateTable('trading_sessions')
      .set({ status: 'cleared', cleared_at: now, cleared_by: actor.userId, sold_quantity: sold, clearing_price: clearingPrice, bid_count: bids.length })
      .where('id', '=', sessionId)
      .execute();
    await audit(trx, actor, { action: 'trading.session.clear', entity: 'trading_session', entityId: sessionId, after: { bids: bids.length, awards: awards.length, sold, clearingPrice } });
    const view = (await sessionView(trx, sessionId))!;
    sw.step('session+audit+view');
    return view;
  });
  sw.step('commit');
  sw.done();
  return out;
}

/** Fills, ranks and outcomes of all bids in one statement per 50,000 bids (arrays, one parameter each). */
async function writeFills(trx: Tx, fills: Fill[]) {
  for (let k = 0; k < fills.length; k += 50_000) {
    const part = fills.slice(k, k + 50_000);
    await sql`
      UPDATE trading_bids b SET filled_quantity = v.filled, outcome = v.outcome, rank = v.rank
        FROM (SELECT * FROM unnest(${part.map((f) => f.bidId)}::bigint[], ${part.map((f) => f.filled)}::numeric[], ${part.map((f) => f.outcome)}::text[], ${part.map((f) => f.rank)}::int[]) AS t(id, filled, outcome, rank)) v
       WHERE b.id = v.id`.execute(trx);
  }
}
