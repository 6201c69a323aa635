/** Reads: a session's bids and awards (成交结果), live counters, and the online-trades port for settlement. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { OnlineAward, OnlineTradesPort } from '../../platform/ports';
import type { SessionUser } from '../../platform/auth/session-user';
import { inCustomerScope, seesAllCustomers } from '../../platform/auth/scope';
import { customerBriefs } from '../customers';
import { QTY_DP, fromScaled, toScaled, vwap } from './clearing.calc';
import * as repo from './sessions.repo';
import { bidRows, bidViews } from './bids.service';
import { requireSession, sessionView } from './sessions.service';
import type { AwardView } from './trading.schema';

/** Customers the user may see among `ids` (one query through the scope rule). */
async function visibleCustomers(db: Tx, user: SessionUser, ids: number[]): Promise<Set<number>> {
  if (seesAllCustomers(user) || !ids.length) return new Set(ids);
  const { rows } = await sql<{ customer_id: number }>`SELECT t.id AS customer_id FROM unnest(${ids}::bigint[]) AS t(id) WHERE ${inCustomerScope(user, 't.id')}`.execute(db);
  return new Set(rows.map((r) => Number(r.customer_id)));
}

export async function sessionResult(db: Tx, sessionId: number, user: SessionUser) {
  const s = await requireSession(db, sessionId);
  const session = (await sessionView(db, sessionId))!;
  const sealed = s.mode === 'bidding' && s.status !== 'cleared';
  let rows = await bidRows(db, { sessionId });
  // Real sessions: a manager sees only the bids of customers in scope (whole-stack figures stay aggregate).
  if (s.kind === 'real') {
    const vis = await visibleCustomers(
      db,
      user,
      rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])),
    );
    rows = rows.filter((r) => r.customer_id && vis.has(r.customer_id));
  }
  const bids = (await bidViews(db, rows, { sealed, viewerId: user.id })).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.id - b.id);
  const visibleBidIds = new Set(rows.map((r) => r.id));
  const awardRows = await db
    .selectFrom('trading_awards as a')
    .leftJoin('trading_virtual_accounts as v', 'v.id', 'a.virtual_account_id')
    .selectAll('a')
    .select('v.name as virtual_name')
    .where('a.session_id', '=', sessionId)
    .orderBy('a.id')
    .execute();
  const names = await customerBriefs(
    db,
    awardRows.flatMap((a) => (a.customer_id ? [a.customer_id] : [])),
  );
  const all: AwardView[] = awardRows.map((a) => ({
    id: a.id,
    sessionId: a.session_id,
    bidId: a.bid_id,
    customerId: a.customer_id,
    customerName: a.customer_id ? (names.get(a.customer_id)?.name ?? null) : null,
    virtualAccountId: a.virtual_account_id,
    virtualAccountName: a.virtual_name ?? null,
    quantity: a.quantity,
    price: a.price,
    amountFen: Number(a.amount_fen),
    buyerFeeFen: Number(a.buyer_fee_fen),
    sellerFeeFen: Number(a.seller_fee_fen),
    depositAppliedFen: Number(a.deposit_applied_fen),
    depositReleasedFen: Number(a.deposit_released_fen),
    awardedAt: new Date(a.awarded_at).toISOString(),
  }));
  const sold = all.reduce((t, a) => t + toScaled(a.quantity, QTY_DP), 0);
  return {
    session,
    bids,
    awards: all.filter((a) => visibleBidIds.has(a.bidId)),
    totals: {
      soldQuantity: fromScaled(sold, QTY_DP),
      unsoldQuantity: fromScaled(toScaled(s.quantity, QTY_DP) - sold, QTY_DP),
      amountFen: all.reduce((t, a) => t + a.amountFen, 0),
      buyerFeesFen: all.reduce((t, a) => t + a.buyerFeeFen, 0),
      sellerFeesFen: all.reduce((t, a) => t + a.sellerFeeFen, 0),
    },
  };
}

/** What the live page shows: time left and counts, never prices (DOMAIN.md §4 sealed bids). */
export async function liveCounters(db: Tx, sessionId: number) {
  const s = await requireSession(db, sessionId);
  const now = await repo.dbNow(db);
  const c = await db
    .selectFrom('trading_bids')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`count(DISTINCT COALESCE(customer_id, -virtual_account_id))`.as('bidders'),
      sql<string | null>`SUM(granted_quantity)::numeric(16,3)::text`.as('granted'),
    ])
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return {
    id: s.id,
    state: repo.stateOf(s, now),
    serverTime: now.toISOString(),
    opensAt: new Date(s.opens_at).toISOString(),
    closesAt: new Date(s.closes_at).toISOString(),
    secondsLeft: Math.max(0, Math.floor((new Date(s.closes_at).getTime() - now.getTime()) / 1000)),
    bidCount: Number(c.n),
    bidders: Number(c.bidders),
    quantity: s.quantity,
    grantedQuantity: s.mode === 'listing' ? (c.granted ?? '0.000') : null,
  };
}

/** The online-trades port (ports.ts): awards of real, cleared sessions by delivery month (listing, bidding and agreement trades alike). */
export const onlineTrades: OnlineTradesPort = {
  async awardsForMonth(db, month, customerIds) {
    let q = db
      .selectFrom('trading_awards as a')
      .innerJoin('trading_sessions as s', 's.id', 'a.session_id')
      .select(['a.id', 'a.customer_id', 'a.awarded_at', 's.delivery_month', 's.resource_tag', 's.basis', 'a.quantity', 'a.price'])
      .where('s.kind', '=', 'real')
      .where('s.status', '=', 'cleared')
      .where('s.delivery_month', '=', month)
      .where('a.customer_id', 'is not', null);
    if (customerIds) q = q.where('a.customer_id', 'in', customerIds.length ? customerIds : [-1]);
    const rows = await q.orderBy('a.awarded_at').orderBy('a.id').execute();
    return rows.map((r): OnlineAward => ({
      customerId: r.customer_id!,
      awardId: r.id,
      awardedAt: new Date(r.awarded_at),
      month: r.delivery_month,
      resourceTag: r.resource_tag,
      basis: r.basis,
      quantity: r.quantity,
      price: r.price,
    }));
  },
  async referencePrice(db, month, basis) {
    const rows = await db
      .selectFrom('trading_awards as a')
      .innerJoin('trading_sessions as s', 's.id', 'a.session_id')
      .select(['a.quantity', 'a.price'])
      .where('s.kind', '=', 'real')
      .where('s.status', '=', 'cleared')
      .where('s.delivery_month', '=', month)
      .where('s.basis', '=', basis)
      .where('s.mode', 'in', ['listing', 'bidding'])
      .execute();
    // DOMAIN.md §4: the volume-weighted average deal price of the month's real listing and bidding
    // trades — 协议 agreement trades are negotiated, not discovered, and stay out of the reference price.
    return vwap(rows);
  },
};

/** A customer's trade results (成交结果) across real sessions, newest first. */
export async function customerAwards(db: Tx, customerId: number) {
  const rows = await db
    .selectFrom('trading_awards as a')
    .innerJoin('trading_sessions as s', 's.id', 'a.session_id')
    .select([
      'a.id',
      'a.session_id',
      's.title',
      's.mode',
      's.delivery_month',
      's.resource_tag',
      's.basis',
      'a.quantity',
      'a.price',
      'a.amount_fen',
      'a.buyer_fee_fen',
      'a.deposit_applied_fen',
      'a.awarded_at',
    ])
    .where('a.customer_id', '=', customerId)
    .where('s.kind', '=', 'real')
    .orderBy('a.awarded_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    title: r.title,
    mode: r.mode,
    deliveryMonth: r.delivery_month,
    resourceTag: r.resource_tag,
    basis: r.basis,
    quantity: r.quantity,
    price: r.price,
    amountFen: Number(r.amount_fen),
    buyerFeeFen: Number(r.buyer_fee_fen),
    depositAppliedFen: Number(r.deposit_applied_fen),
    awardedAt: new Date(r.awarded_at).toISOString(),
  }));
}
