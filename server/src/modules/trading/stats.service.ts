/**
 * Statistics of real trading (DOMAIN.md §4; simulations never count) and the managers' competition
 * board (劳动竞赛): sessions organised, customers brought to trade, trades and volume per manager.
 */
import { sql } from 'kysely';
import { Decimal, dec, type DecimalInput } from '@common/decimal';
import type { Tx } from '../../platform/db/database';
import { customerBriefs } from '../customers';
import { userNames, usersWithRoles } from '../identity';

interface YearFigures {
  year: number;
  sessions: number;
  trades: number;
  customers: number;
  volume: string;
  amountFen: number;
  /** Volume-weighted average of (deal price − floor) over bidding awards, 元/unit; null without bidding awards. */
  avgPremium: string | null;
}

async function yearFigures(db: Tx, year: number): Promise<YearFigures & { months: { month: string; sessions: number; trades: number; volume: string }[] }> {
  const { rows } = await sql<{ month: string; sessions: number; trades: number; volume: string; amount: string; prem_num: string | null; prem_den: string | null }>`
    SELECT s.delivery_month AS month, count(DISTINCT s.id)::int AS sessions, count(a.id)::int AS trades,
           COALESCE(SUM(a.quantity), 0)::numeric(18,3)::text AS volume, COALESCE(SUM(a.amount_fen), 0)::text AS amount,
           SUM(CASE WHEN s.mode = 'bidding' THEN a.quantity * (a.price - s.floor_price) END)::text AS prem_num,
           SUM(CASE WHEN s.mode = 'bidding' THEN a.quantity END)::text AS prem_den
      FROM trading_sessions s LEFT JOIN trading_awards a ON a.session_id = s.id
     WHERE s.kind = 'real' AND s.status = 'cleared' AND s.delivery_month LIKE ${year + '-%'}
     GROUP BY s.delivery_month ORDER BY s.delivery_month`.execute(db);
  const c = await sql<{ n: number }>`
    SELECT count(DISTINCT a.customer_id)::int AS n FROM trading_awards a JOIN trading_sessions s ON s.id = a.session_id
     WHERE s.kind = 'real' AND s.status = 'cleared' AND s.delivery_month LIKE ${year + '-%'}`.execute(db);
  let num = new Decimal(0);
  let den = new Decimal(0);
  let vol = new Decimal(0);
  for (const r of rows) {
    if (r.prem_num) num = num.plus(r.prem_num);
    if (r.prem_den) den = den.plus(r.prem_den);
    vol = vol.plus(r.volume);
  }
  return {
    year,
    sessions: rows.reduce((t, r) => t + Number(r.sessions), 0),
    trades: rows.reduce((t, r) => t + Number(r.trades), 0),
    customers: Number(c.rows[0]?.n ?? 0),
    volume: vol.toFixed(3),
    amountFen: rows.reduce((t, r) => t + Number(r.amount), 0),
    // DOMAIN.md §4 (statistics): Σ q·(p − floor) / Σ q over bidding awards.
    avgPremium: den.isZero() ? null : num.div(den).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
    months: rows.map((r) => ({ month: r.month, sessions: Number(r.sessions), trades: Number(r.trades), volume: r.volume })),
  };
}

/** The year's figures, last year's, and the change in trades and volume (year over year). */
export async function tradingStats(db: Tx, year: number) {
  const [cur, prev] = await Promise.all([yearFigures(db, year), yearFigures(db, year - 1)]);
  const pct = (a: DecimalInput, b: DecimalInput) => (dec(b).isZero() ? null : dec(a).minus(dec(b)).div(dec(b)).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1));
  return {
    current: cur,
    previous: { ...prev, months: undefined },
    change: { tradesPct: pct(cur.trades, prev.trades), volumePct: pct(cur.volume, prev.volume), sessionsPct: pct(cur.sessions, prev.sessions) },
  };
}

/** 劳动竞赛: managers ranked by trades, then volume, then customers brought, then sessions organised (period by session opening date). */
export async function competitionBoard(db: Tx, from: string, to: string) {
  const sessions = await sql<{ organiser_id: number; n: number }>`
    SELECT organiser_id, count(*)::int AS n FROM trading_sessions
     WHERE kind = 'real' AND status <> 'cancelled' AND organiser_id IS NOT NULL AND opens_at >= ${from}::date AND opens_at < ${to}::date + 1
     GROUP BY organiser_id`.execute(db);
  const trades = await sql<{ customer_id: number; trades: number; volume: string }>`
    SELECT a.customer_id, count(*)::int AS trades, SUM(a.quantity)::numeric(18,3)::text AS volume
      FROM trading_awards a JOIN trading_sessions s ON s.id = a.session_id
     WHERE s.kind = 'real' AND s.status = 'cleared' AND a.customer_id IS NOT NULL AND s.opens_at >= ${from}::date AND s.opens_at < ${to}::date + 1
     GROUP BY a.customer_id`.execute(db);
  const briefs = await customerBriefs(
    db,
    trades.rows.map((r) => Number(r.customer_id)),
  );
  const managers = await usersWithRoles(db, ['account_manager', 'part_time_manager', 'sales_lead']);
  const byId = new Map<number, { userId: number; name: string; sessions: number; customers: number; trades: number; volume: Decimal }>();
  const get = (id: number, name: string) => byId.get(id) ?? byId.set(id, { userId: id, name, sessions: 0, customers: 0, trades: 0, volume: new Decimal(0) }).get(id)!;
  const names = await userNames(db, [...sessions.rows.map((r) => Number(r.organiser_id)), ...[...briefs.values()].flatMap((b) => (b.fullTimeManagerId ? [b.fullTimeManagerId] : []))]);
  for (const m of managers) get(m.id, m.displayName);
  for (const r of sessions.rows) get(Number(r.organiser_id), names.get(Number(r.organiser_id)) ?? '').sessions += Number(r.n);
  for (const r of trades.rows) {
    const m = briefs.get(Number(r.customer_id))?.fullTimeManagerId;
    if (!m) continue;
    const e = get(m, names.get(m) ?? '');
    e.customers += 1;
    e.trades += Number(r.trades);
    e.volume = e.volume.plus(r.volume);
  }
  const rows = [...byId.values()].filter((e) => e.sessions || e.trades);
  rows.sort((a, b) => b.trades - a.trades || b.volume.comparedTo(a.volume) || b.customers - a.customers || b.sessions - a.sessions || a.userId - b.userId);
  return rows.map((e, i) => ({ rank: i + 1, userId: e.userId, name: e.name, sessions: e.sessions, customers: e.customers, trades: e.trades, volume: e.volume.toFixed(3) }));
}

/** Training record of a simulation: who took part (virtual accounts), their bids and results, and feedback. */
export async function trainingRecord(db: Tx, sessionId: number) {
  const accounts = await db.selectFrom('trading_virtual_accounts').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
  const bids = await db
    .selectFrom('trading_bids')
    .select(['virtual_account_id', sql<number>`count(*)::int`.as('bids'), sql<string>`COALESCE(SUM(filled_quantity), 0)::numeric(16,3)::text`.as('won')])
    .where('session_id', '=', sessionId)
    .groupBy('virtual_account_id')
    .execute();
  const fb = await db.selectFrom('trading_feedback').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
  const cust = await customerBriefs(
    db,
    accounts.flatMap((a) => (a.customer_id ? [a.customer_id] : [])),
  );
  const users = await userNames(db, [...accounts.flatMap((a) => (a.user_id ? [a.user_id] : [])), ...fb.flatMap((f) => (f.created_by ? [f.created_by] : []))]);
  return {
    participants: accounts.map((a) => {
      const b = bids.find((x) => x.virtual_account_id === a.id);
      return {
        virtualAccountId: a.id,
        name: a.name,
        customerName: a.customer_id ? (cust.get(a.customer_id)?.name ?? null) : null,
        userName: a.user_id ? (users.get(a.user_id) ?? null) : null,
        bids: Number(b?.bids ?? 0),
        wonQuantity: b?.won ?? '0.000',
      };
    }),
    feedback: fb.map((f) => ({
      id: f.id,
      sessionId: f.session_id,
      virtualAccountId: f.virtual_account_id,
      virtualAccountName: accounts.find((a) => a.id === f.virtual_account_id)?.name ?? null,
      topic: f.topic,
      rating: f.rating,
      comment: f.comment,
      createdByName: f.created_by ? (users.get(f.created_by) ?? null) : null,
      createdAt: new Date(f.created_at).toISOString(),
    })),
  };
}
