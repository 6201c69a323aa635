/** SQL of trading sessions: rows to views, listing, locks. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { SessionView } from './trading.schema';
import './trading.tables';

export type SessionRow = Awaited<ReturnType<typeof findSession>> & {};

/** Serialises bids and clearing of one session (advisory lock held to commit). */
export async function lockSession(trx: Tx, sessionId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(1201, ${sessionId}::int)`.execute(trx);
}

/** The session's lock shared: bids of a 竞价 session run side by side; closing and clearing (exclusive) wait for them. */
export async function lockSessionShared(trx: Tx, sessionId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(1201, ${sessionId}::int)`.execute(trx);
}

/** One buyer's bids one at a time (its per-buyer maximum and idempotency keys); `buyerKey` = customer id or −virtual account id. */
export async function lockBuyer(trx: Tx, buyerKey: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(1202, ${buyerKey}::int)`.execute(trx);
}

export async function findSession(db: Tx, id: number) {
  return db.selectFrom('trading_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The database clock (bids are stamped and checked by one clock). */
export async function dbNow(db: Tx): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db);
  return new Date(rows[0].now);
}

export function stateOf(s: { status: string; opens_at: Date; closes_at: Date }, now: Date): SessionView['state'] {
  if (s.status === 'cleared') return 'cleared';
  if (s.status === 'cancelled') return 'cancelled';
  if (now < new Date(s.opens_at)) return 'upcoming';
  if (now < new Date(s.closes_at)) return 'open';
  return 'closed';
}

export async function eligibleOf(db: Tx, sessionIds: number[]): Promise<Map<number, number[]>> {
  const m = new Map<number, number[]>();
  if (!sessionIds.length) return m;
  const rows = await db.selectFrom('trading_session_customers').select(['session_id', 'customer_id']).where('session_id', 'in', sessionIds).orderBy('customer_id').execute();
  for (const r of rows) m.set(r.session_id, [...(m.get(r.session_id) ?? []), r.customer_id]);
  return m;
}

export async function virtualAccountsOf(db: Tx, sessionIds: number[]) {
  if (!sessionIds.length) return [];
  return db.selectFrom('trading_virtual_accounts').selectAll().where('session_id', 'in', sessionIds).orderBy('id').execute();
}

export async function agreementsOf(db: Tx, sessionIds: number[]) {
  if (!sessionIds.length) return [];
  return db.selectFrom('trading_agreements').selectAll().where('session_id', 'in', sessionIds).execute();
}

export function toView(
  r: NonNullable<SessionRow>,
  now: Date,
  extra: {
    organiserName: string | null;
    eligible: number[];
    accounts: { id: number; name: string; customer_id: number | null; user_id: number | null; balance_fen: number }[];
    agreement: SessionView['agreement'];
  },
): SessionView {
  return {
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    title: r.title,
    resourceTag: r.resource_tag,
    basis: r.basis,
    deliveryMonth: r.delivery_month,
    deliveryPoint: r.delivery_point,
    quantity: r.quantity,
    minPerBuyer: r.min_per_buyer,
    maxPerBuyer: r.max_per_buyer,
    fixedPrice: r.fixed_price,
    floorPrice: r.floor_price,
    priceStep: r.price_step,
    pricing: r.pricing,
    opensAt: new Date(r.opens_at).toISOString(),
    closesAt: new Date(r.closes_at).toISOString(),
    depositRatio: r.deposit_ratio,
    feeRate: r.fee_rate,
    status: r.status,
    state: stateOf(r, now),
    organiserId: r.organiser_id,
    organiserName: extra.organiserName,
    bidCount: r.bid_count,
    soldQuantity: r.sold_quantity,
    clearingPrice: r.clearing_price,
    clearedAt: r.cleared_at ? new Date(r.cleared_at).toISOString() : null,
    eligibleCustomerIds: extra.eligible,
    virtualAccounts: extra.accounts.map((a) => ({ id: a.id, name: a.name, customerId: a.customer_id, userId: a.user_id, balanceFen: Number(a.balance_fen) })),
    agreement: extra.agreement,
  };
}

export interface SessionFilter {
  kind?: 'real' | 'simulation';
  mode?: 'listing' | 'bidding' | 'agreement';
  state?: SessionView['state'];
  year?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listSessions(db: Tx, f: SessionFilter) {
  let q = db.selectFrom('trading_sessions as s');
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.mode) q = q.where('s.mode', '=', f.mode);
  if (f.year) q = q.where('s.delivery_month', 'like', `${f.year}-%`);
  if (f.q) q = q.where((eb) => eb.or([eb('s.title', 'ilike', `%${f.q!.replace(/[%_\\]/g, '\\$&')}%`), eb('s.resource_tag', 'ilike', `%${f.q!.replace(/[%_\\]/g, '\\$&')}%`)]));
  if (f.state === 'cleared' || f.state === 'cancelled') q = q.where('s.status', '=', f.state);
  if (f.state === 'upcoming') q = q.where('s.status', '=', 'open').where(sql<boolean>`s.opens_at > clock_timestamp()`);
  if (f.state === 'open') q = q.where('s.status', '=', 'open').where(sql<boolean>`s.opens_at <= clock_timestamp() AND s.closes_at > clock_timestamp()`);
  if (f.state === 'closed') q = q.where('s.status', '=', 'open').where(sql<boolean>`s.closes_at <= clock_timestamp()`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('s')
    .orderBy('s.opens_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}
