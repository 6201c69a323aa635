/** SQL of trading sessions: rows to views, listing, locks. */
import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { SessionView } from './trading.schema';
import type { SessionMode, SessionStatus, TradingBidsTable } from './trading.tables';
import type { ExchangeStatus } from '@common/customers';
import type { SessionUser } from '../../platform/auth/session-user';
import { customerBasics, inCustomerScope } from '../customers';
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

/**
 * A bid's locks, taken by the statement that reads the session's mode (one round trip): the
 * session's, exclusive for 挂牌 (first come first served) and shared for 竞价, then for 竞价 the
 * buyer's (`buyerKey`: customer id or −virtual account id, from the request; always in this order,
 * so two bids never wait for each other crosswise). Returns the mode, or null for no such session
 * (no lock then).
 */
export async function lockSessionForBid(trx: Tx, sessionId: number, buyerKey: number): Promise<SessionMode | null> {
  const { rows } = await sql<{ mode: SessionMode }>`
    SELECT mode, CASE WHEN mode = 'listing' THEN pg_advisory_xact_lock(1201, id::int) ELSE pg_advisory_xact_lock_shared(1201, id::int) END AS session_lock,
           CASE WHEN mode <> 'listing' THEN pg_advisory_xact_lock(1202, ${buyerKey}::int) END AS buyer_lock
      FROM trading_sessions WHERE id = ${sessionId}`.execute(trx);
  return rows[0]?.mode ?? null;
}

/**
 * What a new bid is checked against (a subquery of bidFacts): the quantity the buyer has bid (or
 * been granted) in the session so far, the quantity granted to everyone (挂牌 only, `allGranted`;
 * else '0' and only the buyer's rows are read) and the id of the buyer's bid with the same idempotency key.
 */
function buyerStateQuery(p: { sessionId: number; buyerKey: number; idempotencyKey: string; allGranted: boolean }) {
  const buyer = sql`COALESCE(customer_id, -virtual_account_id) = ${p.buyerKey}`;
  const prev = sql`(SELECT id FROM trading_bids WHERE session_id = ${p.sessionId} AND ${buyer} AND idempotency_key = ${p.idempotencyKey})`;
  return p.allGranted
    ? sql<{ mine: string; granted: string; prev_id: number | null }>`
      SELECT COALESCE(SUM(CASE WHEN ${buyer} THEN COALESCE(granted_quantity, quantity) END), 0)::numeric(16,3)::text AS mine,
             COALESCE(SUM(granted_quantity), 0)::numeric(16,3)::text AS granted, ${prev} AS prev_id
        FROM trading_bids WHERE session_id = ${p.sessionId}`
    : sql<{ mine: string; granted: string; prev_id: number | null }>`
      SELECT COALESCE(SUM(quantity), 0)::numeric(16,3)::text AS mine, '0' AS granted, ${prev} AS prev_id
        FROM trading_bids WHERE session_id = ${p.sessionId} AND ${buyer}`;
}

/** What a bid is decided on, read by ONE statement after the bid's locks are held (`bidFacts`). */
export interface BidFacts {
  session: NonNullable<SessionRow>;
  /** The database clock when the facts were read: the bid's submission time. */
  now: Date;
  /** The id the bid will have (drawn from the bids' sequence, so its audit row can carry its view). */
  nextId: number;
  mine: string;
  granted: string;
  prevId: number | null;
  /** The customer bidding (`customer` given): absent when there is no such customer. */
  customer?: { id: number; name: string; exchangeStatus: ExchangeStatus; visible: boolean; eligible: boolean };
}

/**
 * A bid's facts in ONE statement (after lockSessionForBid, so it reads what the locks protect):
 * the session row and the database clock, a new bid id, the buyer's bids so far and the bid with
 * the same idempotency key (buyerStateQuery), and — for a customer — whether the user may see
 * it (the customers module's scope rule as a fragment), its name and exchange status (its published
 * basics) and whether the session lets it bid (eligibility). No rule is applied here: bids.service
 * decides. Null when there is no such session.
 */
export async function bidFacts(
  trx: Tx,
  p: { sessionId: number; buyerKey: number; idempotencyKey: string; allGranted: boolean; customer?: { id: number; user: Pick<SessionUser, 'id' | 'roles'> } },
): Promise<BidFacts | null> {
  const c = p.customer;
  const customerCols = c
    ? sql`, cf.id AS cf_id, cf.name AS cf_name, cf.exchange_status AS cf_exchange_status, cf.visible AS cf_visible,
          (NOT EXISTS (SELECT 1 FROM trading_session_customers e WHERE e.session_id = s.id)
           OR EXISTS (SELECT 1 FROM trading_session_customers e WHERE e.session_id = s.id AND e.customer_id = cf.id)) AS cf_eligible`
    : sql``;
  const customerJoin = c
    ? sql`LEFT JOIN LATERAL (SELECT b.id, b.name, b.exchange_status, ${inCustomerScope(c.user, 'b.id')} AS visible FROM ${customerBasics()} b WHERE b.id = ${c.id}::bigint) cf ON true`
    : sql``;
  const { rows } = await sql<any>`
    SELECT s.*, clock_timestamp() AS facts_now, nextval(pg_get_serial_sequence('trading_bids', 'id')) AS next_id,
           st.mine, st.granted, st.prev_id ${customerCols}
      FROM trading_sessions s
      CROSS JOIN LATERAL (${buyerStateQuery(p)}) st
      ${customerJoin}
     WHERE s.id = ${p.sessionId}`.execute(trx);
  const r = rows[0];
  if (!r) return null;
  const { facts_now, next_id, mine, granted, prev_id, cf_id, cf_name, cf_exchange_status, cf_visible, cf_eligible, ...session } = r;
  return {
    session: session as NonNullable<SessionRow>,
    now: new Date(facts_now),
    nextId: Number(next_id),
    mine,
    granted,
    prevId: prev_id == null ? null : Number(prev_id),
    customer: cf_id == null ? undefined : { id: Number(cf_id), name: cf_name, exchangeStatus: cf_exchange_status, visible: cf_visible === true, eligible: cf_eligible === true },
  };
}

/**
 * Insert a bid (its id drawn by bidFacts) and its audit row in ONE statement: `audit` is the
 * platform's audit INSERT over the CTE `bid` (auditInsertFrom(…, 'bid', 'id')).
 */
export async function insertBidAudited(trx: Tx, b: Insertable<TradingBidsTable> & { id: number }, audit: RawBuilder<unknown>): Promise<void> {
  await sql`
    WITH bid AS (
      INSERT INTO trading_bids (id, session_id, customer_id, virtual_account_id, price, quantity, granted_quantity, submitted_at, idempotency_key, deposit_fen, placed_by)
      VALUES (${b.id}::bigint, ${b.session_id}::bigint, ${b.customer_id ?? null}::bigint, ${b.virtual_account_id ?? null}::bigint, ${b.price}::numeric, ${b.quantity}::numeric,
              ${b.granted_quantity ?? null}::numeric, ${b.submitted_at}::timestamptz, ${b.idempotency_key}::text, ${b.deposit_fen}::bigint, ${b.placed_by ?? null}::bigint)
      RETURNING id
    )
    ${audit}`.execute(trx);
}

/**
 * Bids per session, counted from the bids (placing a bid writes no counter row every bid of the
 * session would queue on); for cleared sessions and agreements, the count stored at clearing.
 */
export async function bidCounts(db: Tx, sessions: { id: number; status: SessionStatus; mode: SessionMode; bid_count: number }[]): Promise<Map<number, number>> {
  const m = new Map(sessions.map((s) => [s.id, s.bid_count]));
  const live = sessions.filter((s) => s.status !== 'cleared' && s.mode !== 'agreement').map((s) => s.id);
  if (!live.length) return m;
  const rows = await db
    .selectFrom('trading_bids')
    .select(['session_id', sql<number>`count(*)::int`.as('n')])
    .where('session_id', 'in', live)
    .groupBy('session_id')
    .execute();
  for (const id of live) m.set(id, 0);
  for (const r of rows) m.set(r.session_id, Number(r.n));
  return m;
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
    bidCount: number;
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
    bidCount: extra.bidCount,
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
