/**
 * Placing bids (报价, DOMAIN.md §4) on a customer's behalf (real sessions) or with a virtual account
 * (simulations). One short transaction per bid under the session's lock (shared for 竞价, with the
 * buyer's lock) — idempotency, time window, rules, listing fill, deposit freeze and the bid row
 * commit together or not at all — that writes no row the other buyers' bids write.
 */
import { sql } from 'kysely';
import { can } from '@common/roles';
import { EXCHANGE_STATUS_LABELS, type ExchangeStatus } from '@common/customers';
import { formatFen } from '@common/money';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { auditInsertFrom, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { assertCustomerAccess } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { localParts } from '../../platform/jobs/jobs';
import { assertCustomerVisible, customerBriefs } from '../customers';
import { freezeTradingDeposit, refreshTradingLevels } from '../accounts';
import { PRICE_DP, QTY_DP, checkBid, depositFen, fromScaled, listingFill, toScaled } from './clearing.calc';
import { TE } from './trading.errors';
import type { BidBody, BidView } from './trading.schema';
import * as repo from './sessions.repo';
import { assertChangeable, decimalField } from './sessions.service';
import { bidStopwatch } from './bid-profile';

const KIND = { real: { zh: '正式', en: 'real' }, simulation: { zh: '仿真', en: 'simulation' } } as const;

type BidRow = Awaited<ReturnType<typeof bidRows>>[number];

export async function bidRows(db: Tx, where: { sessionId: number; bidIds?: number[] }) {
  let q = db
    .selectFrom('trading_bids as b')
    .leftJoin('trading_virtual_accounts as v', 'v.id', 'b.virtual_account_id')
    .selectAll('b')
    .select('v.name as virtual_name')
    .where('b.session_id', '=', where.sessionId);
  if (where.bidIds) q = q.where('b.id', 'in', where.bidIds.length ? where.bidIds : [-1]);
  return q.orderBy('b.id').execute();
}

/** Bid rows → views; prices of a sealed (uncleared bidding) session are shown only on bids the viewer placed. */
export async function bidViews(
  db: Tx,
  rows: BidRow[],
  opts: { sealed: boolean; viewerId: number; /** the customers' names when already read */ names?: Map<number, { name: string }> },
): Promise<BidView[]> {
  const names =
    opts.names ??
    (await customerBriefs(
      db,
      rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])),
    ));
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    customerId: r.customer_id,
    customerName: r.customer_id ? (names.get(r.customer_id)?.name ?? null) : null,
    virtualAccountId: r.virtual_account_id,
    virtualAccountName: r.virtual_name ?? null,
    price: opts.sealed && r.placed_by !== opts.viewerId ? null : r.price,
    quantity: r.quantity,
    grantedQuantity: r.granted_quantity,
    submittedAt: new Date(r.submitted_at).toISOString(),
    depositFen: Number(r.deposit_fen),
    filledQuantity: r.filled_quantity,
    outcome: r.outcome,
    rank: r.rank,
  }));
}

export async function placeBid(ctx: AppContext, sessionId: number, b: BidBody, user: SessionUser, actor: Actor): Promise<{ duplicate: boolean; bid: BidView }> {
  const quantity = decimalField('quantity', b.quantity, QTY_DP);
  const priceIn = b.price === undefined ? undefined : decimalField('price', b.price, PRICE_DP);
  const sw = bidStopwatch();
  const out = await inTx(ctx.db, async (trx) => {
    sw.step('pool+begin');
    // 挂牌 grants first come first served: its bids one at a time (the session's lock). 竞价 bids
    // only depend on their own buyer's bids: the session's lock shared (closing and clearing wait
    // for them, they wait for those) and the buyer's lock, so 200 bidders do not queue on one lock.
    // Nothing here writes a row every bid of the session writes (no counter on the session: the
    // bid count is counted from the bids), so bids of different buyers never wait for each other's
    // commit.
    // The buyer's key is the request's (a customer, or a virtual account as its negative id); who
    // may bid for it is checked below, under the lock.
    const mode = await repo.lockSessionForBid(trx, sessionId, b.customerId ?? -(b.virtualAccountId ?? 0));
    if (!mode) throw new AppError('NOT_FOUND', { entity: { zh: '交易场次', en: 'Trading session' } });
    sw.step('lock');
    // Everything the bid is decided on, in one statement read under the locks: the session and the
    // clock, the buyer's bids so far (and, for 挂牌, what is granted in all), a bid with the same
    // idempotency key, and the customer's scope, name, exchange status and eligibility.
    const facts = (await repo.bidFacts(trx, {
      sessionId,
      buyerKey: b.customerId ?? -(b.virtualAccountId ?? 0),
      idempotencyKey: b.idempotencyKey,
      allGranted: mode === 'listing',
      customer: b.customerId === undefined ? undefined : { id: b.customerId, user },
    }))!;
    const { session: s, now } = facts;
    sw.step('facts');

    if (s.mode === 'agreement') throw new AppError(TE.AGREEMENT_NO_BIDS);
    // Who bids: a customer (real session) or a virtual account (simulation).
    const buyer = await resolveBuyer(trx, s, b, user, facts.customer);

    // A repeated submission (same idempotency key) returns the bid it placed, once.
    if (facts.prevId !== null) {
      const prev = (await bidRows(trx, { sessionId, bidIds: [facts.prevId] }))[0]!;
      const same = toScaled(prev.quantity, QTY_DP) === toScaled(quantity, QTY_DP) && (priceIn === undefined || toScaled(prev.price, PRICE_DP) === toScaled(priceIn, PRICE_DP));
      if (!same) throw new AppError(TE.IDEMPOTENCY_CONFLICT, { key: b.idempotencyKey, bidId: prev.id, price: prev.price, quantity: prev.quantity });
      return { duplicate: true, bid: (await bidViews(trx, [prev], { sealed: false, viewerId: user.id }))[0]! };
    }

    const { price, grantedQty, deposit } = decideBid(s, now, priceIn, quantity, facts.mine, facts.granted);

    // Simulation: virtual money only — the account's balance less the deposits of its bids in this session.
    if (!buyer.customerId) {
      const used = await trx
        .selectFrom('trading_bids')
        .select(sql<string>`COALESCE(SUM(deposit_fen), 0)`.as('n'))
        .where('virtual_account_id', '=', buyer.virtualAccountId)
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow();
      const available = buyer.virtualBalanceFen - Number(used.n);
      if (available < deposit) throw new AppError(TE.DEPOSIT_INSUFFICIENT, { available: formatFen(available), deposit: formatFen(deposit) });
    }

    // The bid and its audit row in one statement; the view (with the id drawn by bidFacts) is the audit's "after".
    const row = {
      id: facts.nextId,
      session_id: sessionId,
      customer_id: buyer.customerId,
      virtual_account_id: buyer.virtualAccountId,
      price,
      quantity,
      granted_quantity: grantedQty,
      submitted_at: now,
      idempotency_key: b.idempotencyKey,
      deposit_fen: deposit,
      placed_by: user.id,
      filled_quantity: null,
      outcome: null,
      rank: null,
    };
    const view = (await bidViews(trx, [{ ...row, virtual_name: buyer.virtualName }], { sealed: false, viewerId: user.id, names: buyer.names }))[0]!;
    await repo.insertBidAudited(trx, row, auditInsertFrom(actor, { action: 'trading.bid.place', entity: 'trading_bid', customerId: buyer.customerId, after: view }, 'bid', 'id'));
    sw.step('insertBid+audit');

    if (buyer.customerId) {
      const frozen = await freezeTradingDeposit(trx, {
        customerId: buyer.customerId,
        amountFen: deposit,
        businessDate: localParts(now, ctx.config.timeZone).date,
        reference: `bid:${row.id}`,
        note: `${s.title} #${row.id}`,
        createdBy: user.id,
      });
      if (!frozen.ok) throw new AppError(TE.DEPOSIT_INSUFFICIENT, { available: formatFen(frozen.availableFen), deposit: formatFen(deposit) });
      sw.step('freeze');
      // The frozen deposit lowers the available balance: the pay-before-gas level follows now (DOMAIN.md §6).
      if (deposit > 0) await refreshTradingLevels(ctx, trx, [buyer.customerId]);
      sw.step('levels');
    }
    return { duplicate: false, bid: view };
  });
  sw.step('commit');
  sw.done();
  return out;
}

/**
 * The rules a bid is decided on once its facts are read (pure: no I/O, the one implementation for
 * every path): the session still takes bids (not cleared or cancelled, inside its window by the
 * database clock), the price (挂牌: the fixed price; 竞价: required, ≥ floor and on the step grid),
 * the quantity within the per-buyer minimum and, with the buyer's bids so far, maximum (checkBid),
 * 挂牌's first-come-first-served grant, and the deposit on the bid amount (DOMAIN.md §4).
 */
export function decideBid(
  s: Pick<
    NonNullable<repo.SessionRow>,
    'mode' | 'status' | 'cleared_at' | 'opens_at' | 'closes_at' | 'fixed_price' | 'floor_price' | 'price_step' | 'min_per_buyer' | 'max_per_buyer' | 'quantity' | 'deposit_ratio'
  >,
  now: Date,
  priceIn: string | undefined,
  quantity: string,
  mine: string,
  granted: string,
): { price: string; grantedQty: string | null; deposit: number } {
  assertChangeable(s);
  if (now < new Date(s.opens_at)) throw new AppError(TE.SESSION_NOT_OPEN_YET, { opens: new Date(s.opens_at).toISOString() });
  if (now >= new Date(s.closes_at)) throw new AppError(TE.SESSION_CLOSED, { closes: new Date(s.closes_at).toISOString() });

  let price: string;
  if (s.mode === 'listing') {
    if (priceIn !== undefined && toScaled(priceIn, PRICE_DP) !== toScaled(s.fixed_price!, PRICE_DP)) throw new AppError(TE.BID_PRICE_NOT_FIXED, { fixed: s.fixed_price, price: priceIn });
    price = s.fixed_price!;
  } else {
    if (priceIn === undefined) throw new AppError(TE.BID_PRICE_REQUIRED);
    price = priceIn;
  }

  const problem = checkBid({ floorPrice: s.floor_price, priceStep: s.price_step, minPerBuyer: s.min_per_buyer, maxPerBuyer: s.max_per_buyer }, price, quantity, mine);
  if (problem) throwProblem(problem.code, { price, quantity, floor: s.floor_price, step: s.price_step, min: s.min_per_buyer, max: s.max_per_buyer, already: mine });

  // 挂牌: first come first served — the request, or the remainder if it reaches the minimum.
  let grantedQty: string | null = null;
  if (s.mode === 'listing') {
    const remaining = fromScaled(toScaled(s.quantity, QTY_DP) - toScaled(granted, QTY_DP), QTY_DP);
    grantedQty = listingFill(remaining, quantity, s.min_per_buyer);
    if (toScaled(grantedQty, QTY_DP) === 0) throw new AppError(TE.LISTING_SOLD_OUT, { remaining, min: s.min_per_buyer, quantity });
  }
  // Deposit on the bid amount (DOMAIN.md §4: default 10 % of price × quantity, half-up to the fen).
  return { price, grantedQty, deposit: depositFen(price, grantedQty ?? quantity, s.deposit_ratio) };
}

function throwProblem(code: 'BELOW_FLOOR' | 'OFF_STEP' | 'BELOW_MIN' | 'ABOVE_MAX', p: Record<string, unknown>): never {
  const map = { BELOW_FLOOR: TE.BID_BELOW_FLOOR, OFF_STEP: TE.BID_OFF_STEP, BELOW_MIN: TE.BID_BELOW_MIN, ABOVE_MAX: TE.BID_ABOVE_MAX } as const;
  throw new AppError(map[code], p);
}

/**
 * A customer may trade for `user`: in the user's scope, eligible for the session (when it lists
 * eligible customers) and registered on the exchange with a bound account (DOMAIN.md §4).
 */
export async function assertCustomerMayTrade(trx: Tx, user: SessionUser, customerId: number, sessionId: number | null) {
  await assertCustomerAccess(trx, user, customerId);
  const c = (await customerBriefs(trx, [customerId])).get(customerId);
  if (!c) throw new AppError('NOT_FOUND', { entity: { zh: `客户 #${customerId}`, en: `Customer #${customerId}` } });
  let eligible = true;
  if (sessionId !== null) {
    const list = await trx.selectFrom('trading_session_customers').select('customer_id').where('session_id', '=', sessionId).execute();
    eligible = !list.length || list.some((e) => e.customer_id === customerId);
  }
  assertMayTrade(c, eligible);
  return c;
}

/** The trading part of assertCustomerMayTrade on facts already read (the customer is visible to the user). */
function assertMayTrade(c: { name: string; exchangeStatus: ExchangeStatus }, eligible: boolean) {
  if (!eligible) throw new AppError(TE.NOT_ELIGIBLE, { name: c.name });
  if (c.exchangeStatus !== 'bound' && c.exchangeStatus !== 'trained') throw new AppError(TE.NOT_MEMBER, { name: c.name, status: EXCHANGE_STATUS_LABELS[c.exchangeStatus] });
}

/** The buyer of a bid; for a customer, decided on the facts bidFacts read (`customer`: undefined when there is no such customer). */
async function resolveBuyer(trx: Tx, s: NonNullable<repo.SessionRow>, b: BidBody, user: SessionUser, customer: repo.BidFacts['customer']) {
  const kind = KIND[s.kind];
  if (s.kind === 'real') {
    if (b.virtualAccountId !== undefined) throw new AppError(TE.BUYER_WRONG_KIND, { kind, field: { zh: '虚拟账户（virtualAccountId）', en: 'a virtual account (virtualAccountId)' } });
    if (b.customerId === undefined) throw new AppError(TE.BUYER_REQUIRED, { kind, field: { zh: '客户（customerId）', en: 'a customer (customerId)' } });
    assertCustomerVisible(customer);
    assertMayTrade(customer!, customer!.eligible);
    return { key: b.customerId, customerId: b.customerId, virtualAccountId: null, virtualBalanceFen: 0, virtualName: null, names: new Map([[customer!.id, customer!]]) };
  }
  if (b.customerId !== undefined) throw new AppError(TE.BUYER_WRONG_KIND, { kind, field: { zh: '客户（customerId）', en: 'a customer (customerId)' } });
  if (b.virtualAccountId === undefined) throw new AppError(TE.BUYER_REQUIRED, { kind, field: { zh: '虚拟账户（virtualAccountId）', en: 'a virtual account (virtualAccountId)' } });
  const v = await trx.selectFrom('trading_virtual_accounts').selectAll().where('id', '=', b.virtualAccountId).where('session_id', '=', s.id).executeTakeFirst();
  if (!v) throw new AppError(TE.VIRTUAL_ACCOUNT_UNKNOWN, { id: b.virtualAccountId });
  const organiser = can(user.roles, 'trading:organise');
  if (!organiser) {
    if (v.user_id !== null && v.user_id !== user.id) throw new AppError(TE.VIRTUAL_ACCOUNT_NOT_YOURS, { name: v.name });
    if (v.user_id === null && v.customer_id !== null) await assertCustomerAccess(trx, user, v.customer_id);
  }
  return { key: -v.id, customerId: null, virtualAccountId: v.id, virtualBalanceFen: Number(v.balance_fen), virtualName: v.name, names: new Map<number, { name: string }>() };
}
