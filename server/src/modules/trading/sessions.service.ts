/** Use cases of trading sessions (场次, DOMAIN.md §4): create, read, list, close early, cancel. */
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { customerBriefs } from '../customers';
import { userNames } from '../identity';
import { PRICE_DP, QTY_DP, DEFAULT_DEPOSIT_RATIO, DEFAULT_FEE_RATE, toScaled, fromScaled } from './clearing.calc';
import { TE } from './trading.errors';
import type { SessionBody, SessionView } from './trading.schema';
import * as repo from './sessions.repo';

const MODE_LABEL = { listing: { zh: '挂牌', en: 'listing' }, bidding: { zh: '竞价', en: 'bidding' } } as const;

/** A decimal field with at most `dp` places and (unless allowZero) above 0, normalised to `dp` places; else a 400 naming the field. */
export function decimalField(field: string, value: string, dp: number, opts: { allowZero?: boolean; max?: number } = {}): string {
  let v: number;
  try {
    v = toScaled(value, dp);
  } catch {
    throw new AppError(TE.DECIMAL_FIELD, { field, dp, value });
  }
  if ((!opts.allowZero && v <= 0) || (opts.max !== undefined && v > opts.max * 10 ** dp)) throw new AppError(TE.DECIMAL_FIELD, { field, dp, value });
  return fromScaled(v, dp);
}

export async function createSession(ctx: AppContext, b: SessionBody, actor: Actor): Promise<SessionView> {
  const quantity = decimalField('quantity', b.quantity, QTY_DP);
  const min = decimalField('minPerBuyer', b.minPerBuyer, QTY_DP);
  const max = decimalField('maxPerBuyer', b.maxPerBuyer, QTY_DP);
  const q = (s: string) => toScaled(s, QTY_DP);
  if (q(min) > q(max) || q(max) > q(quantity)) throw new AppError(TE.SESSION_LIMITS, { min, max, quantity });
  const opens = new Date(b.opensAt);
  const closes = new Date(b.closesAt);
  if (!(closes > opens)) throw new AppError(TE.SESSION_TIMES, { opens: b.opensAt, closes: b.closesAt });
  const mode = MODE_LABEL[b.mode];
  const need = (field: string, v: string | null | undefined) => {
    if (v == null) throw new AppError(TE.SESSION_PRICE_MISSING, { mode, field });
    return decimalField(field, v, PRICE_DP, { max: 10_000_000 });
  };
  const refuse = (field: string, v: string | null | undefined) => {
    if (v != null) throw new AppError(TE.SESSION_PRICE_EXTRA, { mode, field });
  };
  let fixed: string | null = null;
  let floor: string | null = null;
  let step: string | null = null;
  if (b.mode === 'listing') {
    fixed = need('fixedPrice', b.fixedPrice);
    refuse('floorPrice', b.floorPrice);
    refuse('priceStep', b.priceStep);
  } else {
    floor = need('floorPrice', b.floorPrice);
    step = need('priceStep', b.priceStep);
    refuse('fixedPrice', b.fixedPrice);
  }
  const depositRatio = decimalField('depositRatio', b.depositRatio ?? DEFAULT_DEPOSIT_RATIO, 4, { allowZero: true, max: 1 });
  const feeRate = decimalField('feeRate', b.feeRate ?? DEFAULT_FEE_RATE, 6, { allowZero: true, max: 0.09 });
  if (b.kind === 'real' && b.virtualAccounts.length) throw new AppError(TE.SIMULATION_ONLY);
  return inTx(ctx.db, async (trx) => {
    const eligible = [...new Set(b.eligibleCustomerIds)];
    const known = await customerBriefs(trx, [...eligible, ...b.virtualAccounts.flatMap((a) => (a.customerId ? [a.customerId] : []))]);
    for (const id of eligible) if (!known.has(id)) throw new AppError(TE.CUSTOMER_UNKNOWN, { id });
    for (const a of b.virtualAccounts) if (a.customerId && !known.has(a.customerId)) throw new AppError(TE.CUSTOMER_UNKNOWN, { id: a.customerId });
    const row = await trx
      .insertInto('trading_sessions')
      .values({
        kind: b.kind,
        mode: b.mode,
        title: b.title,
        resource_tag: b.resourceTag,
        basis: b.basis,
        delivery_month: b.deliveryMonth,
        delivery_point: b.deliveryPoint,
        quantity,
        min_per_buyer: min,
        max_per_buyer: max,
        fixed_price: fixed,
        floor_price: floor,
        price_step: step,
        pricing: b.pricing,
        opens_at: opens,
        closes_at: closes,
        deposit_ratio: depositRatio,
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
    if (eligible.length)
      await trx
        .insertInto('trading_session_customers')
        .values(eligible.map((c) => ({ session_id: row.id, customer_id: c })))
        .execute();
    if (b.virtualAccounts.length) {
      await trx
        .insertInto('trading_virtual_accounts')
        .values(b.virtualAccounts.map((a) => ({ session_id: row.id, name: a.name, customer_id: a.customerId ?? null, user_id: a.userId ?? null, balance_fen: a.balanceFen })))
        .execute();
    }
    const view = (await sessionView(trx, row.id))!;
    await audit(trx, actor, { action: 'trading.session.create', entity: 'trading_session', entityId: row.id, after: view });
    return view;
  });
}

export async function sessionViews(db: Tx, rows: NonNullable<repo.SessionRow>[]): Promise<SessionView[]> {
  const ids = rows.map((r) => r.id);
  const [eligible, accounts, agreements, now, counts] = await Promise.all([
    repo.eligibleOf(db, ids),
    repo.virtualAccountsOf(db, ids),
    repo.agreementsOf(
      db,
      ids.filter((_, i) => rows[i]!.mode === 'agreement'),
    ),
    repo.dbNow(db),
    repo.bidCounts(db, rows),
  ]);
  const [names, buyers] = await Promise.all([
    userNames(db, [...rows.flatMap((r) => (r.organiser_id ? [r.organiser_id] : [])), ...agreements.flatMap((a) => (a.buyer_recorded_by ? [a.buyer_recorded_by] : []))]),
    customerBriefs(
      db,
      agreements.map((a) => a.customer_id),
    ),
  ]);
  return rows.map((r) => {
    const a = agreements.find((x) => x.session_id === r.id);
    return repo.toView(r, now, {
      organiserName: r.organiser_id ? (names.get(r.organiser_id) ?? null) : null,
      eligible: eligible.get(r.id) ?? [],
      accounts: accounts.filter((x) => x.session_id === r.id),
      bidCount: counts.get(r.id) ?? 0,
      agreement: a
        ? {
            customerId: a.customer_id,
            customerName: buyers.get(a.customer_id)?.name ?? null,
            price: a.price,
            sellerConfirmedOn: a.seller_confirmed_on,
            sellerDocument: a.seller_document,
            buyerConfirmedOn: a.buyer_confirmed_on,
            buyerDocument: a.buyer_document,
            buyerRecordedByName: a.buyer_recorded_by ? (names.get(a.buyer_recorded_by) ?? null) : null,
            note: a.note,
          }
        : null,
    });
  });
}

export async function sessionView(db: Tx, id: number): Promise<SessionView | null> {
  const r = await repo.findSession(db, id);
  return r ? (await sessionViews(db, [r]))[0]! : null;
}

export async function requireSession(db: Tx, id: number) {
  const s = await repo.findSession(db, id);
  if (!s) throw new AppError('NOT_FOUND', { entity: { zh: '交易场次', en: 'Trading session' } });
  return s;
}

/** Refuses changes to a cleared or cancelled session. */
export function assertChangeable(s: { status: string; cleared_at: Date | null }) {
  if (s.status === 'cleared') throw new AppError(TE.SESSION_CLEARED, { at: s.cleared_at ? new Date(s.cleared_at).toISOString() : '' });
  if (s.status === 'cancelled') throw new AppError(TE.SESSION_CANCELLED);
}

/** Close bidding now (the organiser ends an open session before its closing time). */
export async function closeNow(ctx: AppContext, id: number, actor: Actor): Promise<SessionView> {
  return inTx(ctx.db, async (trx) => {
    await repo.lockSession(trx, id);
    const s = await requireSession(trx, id);
    assertChangeable(s);
    const now = await repo.dbNow(trx);
    if (now < new Date(s.opens_at)) throw new AppError(TE.SESSION_NOT_OPEN_YET, { opens: new Date(s.opens_at).toISOString() });
    if (now >= new Date(s.closes_at)) throw new AppError(TE.SESSION_CLOSED, { closes: new Date(s.closes_at).toISOString() });
    await trx.updateTable('trading_sessions').set({ closes_at: now }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'trading.session.close', entity: 'trading_session', entityId: id, before: { closesAt: s.closes_at }, after: { closesAt: now } });
    return (await sessionView(trx, id))!;
  });
}

/** Cancel a session that has no bids yet. */
export async function cancelSession(ctx: AppContext, id: number, actor: Actor): Promise<SessionView> {
  return inTx(ctx.db, async (trx) => {
    await repo.lockSession(trx, id);
    const s = await requireSession(trx, id);
    assertChangeable(s);
    const count = (await repo.bidCounts(trx, [s])).get(id)!;
    if (count > 0) throw new AppError(TE.SESSION_HAS_BIDS, { count });
    await trx.updateTable('trading_sessions').set({ status: 'cancelled' }).where('id', '=', id).execute();
    await audit(trx, actor, { action: 'trading.session.cancel', entity: 'trading_session', entityId: id });
    return (await sessionView(trx, id))!;
  });
}
