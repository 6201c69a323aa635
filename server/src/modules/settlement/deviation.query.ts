/** Reads of deviation settlement: periods, cases with claims, the yearly summary. */
import { sql } from 'kysely';
import { Decimal, dec } from '@common/decimal';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import { AppError } from '../../platform/http/errors';
import { customerBasicsById } from '../customers';

type User = Pick<SessionUser, 'id' | 'roles'>;
const q = (v: string | null) => (v == null ? null : dec(v).toFixed());

export async function listPeriods(db: Tx, user: User) {
  const r = await sql<{ id: number; label: string; from_month: string; to_month: string; cases: number; fee_fen: number; posted: number }>`
    SELECT p.id, p.label, to_char(p.from_month, 'YYYY-MM') AS from_month, to_char(p.to_month, 'YYYY-MM') AS to_month,
           count(c.id) FILTER (WHERE ${inCustomerScope(user, 'c.customer_id')})::int AS cases,
           COALESCE(sum(c.fee_fen) FILTER (WHERE ${inCustomerScope(user, 'c.customer_id')}), 0)::bigint AS fee_fen,
           count(c.id) FILTER (WHERE c.status = 'posted' AND ${inCustomerScope(user, 'c.customer_id')})::int AS posted
      FROM deviation_periods p LEFT JOIN deviation_cases c ON c.period_id = p.id GROUP BY p.id ORDER BY p.from_month DESC`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), label: x.label, from: x.from_month, to: x.to_month, cases: Number(x.cases), feeFen: Number(x.fee_fen), posted: Number(x.posted) }));
}

const caseCols = sql`c.id, c.period_id, c.customer_id, c.contract_no, c.basis, c.theta, c.k, c.contract_price, c.contracted, c.actual, c.exempt, c.shortfall, c.fee_fen, c.status,
  c.review_held_on::text AS review_held_on, c.review_participants, c.review_decision, c.confirmed_at, c.signed_file_name, c.signed_at, c.ledger_tx_id, c.posted_at`;
interface CaseDb {
  id: number;
  period_id: number;
  customer_id: number;
  contract_no: string | null;
  basis: 'm3' | 'GJ';
  theta: string;
  k: string;
  contract_price: string;
  contracted: string;
  actual: string;
  exempt: string;
  shortfall: string;
  fee_fen: number;
  status: 'draft' | 'reviewed' | 'confirmed' | 'signed' | 'posted';
  review_held_on: string | null;
  review_participants: string | null;
  review_decision: string | null;
  confirmed_at: Date | null;
  signed_file_name: string | null;
  signed_at: Date | null;
  ledger_tx_id: number | null;
  posted_at: Date | null;
}
function presentCase(c: CaseDb, cust?: { code: string; name: string }) {
  return {
    id: Number(c.id),
    periodId: Number(c.period_id),
    customerId: Number(c.customer_id),
    customerCode: cust?.code ?? '',
    customerName: cust?.name ?? '',
    contractNo: c.contract_no,
    basis: c.basis,
    theta: dec(c.theta).toFixed(),
    k: dec(c.k).toFixed(),
    contractPrice: dec(c.contract_price).toFixed(4),
    contracted: q(c.contracted)!,
    actual: q(c.actual)!,
    exempt: q(c.exempt)!,
    shortfall: q(c.shortfall)!,
    feeFen: Number(c.fee_fen),
    status: c.status,
    reviewHeldOn: c.review_held_on,
    reviewParticipants: c.review_participants,
    reviewDecision: c.review_decision,
    confirmedAt: c.confirmed_at,
    signedFileName: c.signed_file_name,
    signedAt: c.signed_at,
    postedAt: c.posted_at,
  };
}
export type DeviationCase = ReturnType<typeof presentCase>;

export async function periodDetail(db: Tx, user: User, id: number) {
  const p = await sql<{
    id: number;
    label: string;
    from_month: string;
    to_month: string;
  }>`SELECT id, label, to_char(from_month, 'YYYY-MM') AS from_month, to_char(to_month, 'YYYY-MM') AS to_month FROM deviation_periods WHERE id = ${id}`.execute(db);
  if (!p.rows.length) throw new AppError('NOT_FOUND', { entity: { zh: '偏差结算期间', en: 'Deviation period' } });
  const r = await sql<CaseDb>`SELECT ${caseCols} FROM deviation_cases c WHERE c.period_id = ${id} AND ${inCustomerScope(user, 'c.customer_id')} ORDER BY c.fee_fen DESC, c.id`.execute(db);
  const custs = await customerBasicsById(
    db,
    r.rows.map((x) => Number(x.customer_id)),
  );
  const x = p.rows[0];
  return { id: Number(x.id), label: x.label, from: x.from_month, to: x.to_month, cases: r.rows.map((c) => presentCase(c, custs.get(Number(c.customer_id)))) };
}

export async function caseDetail(db: Tx, user: User, id: number) {
  const r = await sql<CaseDb>`SELECT ${caseCols} FROM deviation_cases c WHERE c.id = ${id}`.execute(db);
  if (!r.rows.length) throw new AppError('NOT_FOUND', { entity: { zh: '偏差结算案例', en: 'Deviation case' } });
  const c = r.rows[0];
  await assertCustomerAccess(db, user, Number(c.customer_id));
  const cust = (await customerBasicsById(db, [Number(c.customer_id)])).get(Number(c.customer_id));
  const period = await sql<{
    label: string;
    from_month: string;
    to_month: string;
  }>`SELECT label, to_char(from_month, 'YYYY-MM') AS from_month, to_char(to_month, 'YYYY-MM') AS to_month FROM deviation_periods WHERE id = ${c.period_id}`.execute(db);
  const claims = await db
    .selectFrom('deviation_claims')
    .select(['id', 'cause', 'claimed', 'description', 'received_on', 'evidence_name', 'approved', 'created_at'])
    .where('case_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...presentCase(c, cust),
    period: { label: period.rows[0].label, from: period.rows[0].from_month, to: period.rows[0].to_month },
    claims: claims.map((x) => ({
      id: Number(x.id),
      cause: x.cause,
      claimed: q(x.claimed)!,
      description: x.description,
      receivedOn: String(x.received_on),
      evidenceName: x.evidence_name,
      approved: q(x.approved),
      createdAt: x.created_at,
    })),
  };
}
export type DeviationCaseDetail = Awaited<ReturnType<typeof caseDetail>>;

/** Yearly figures (DOMAIN.md §4/§7): customer-times, shortfall volume, fees, exemptions — of periods ending in the year. */
export async function yearlySummary(db: Tx, user: User, year: number) {
  const r = await sql<{ basis: 'm3' | 'GJ'; times: number; shortfall: string; exempt: string; fee_fen: number; posted_fen: number; claims: number }>`
    SELECT c.basis, count(*) FILTER (WHERE c.shortfall > 0)::int AS times, sum(c.shortfall)::text AS shortfall, sum(c.exempt)::text AS exempt,
           sum(c.fee_fen)::bigint AS fee_fen, COALESCE(sum(c.fee_fen) FILTER (WHERE c.status = 'posted'), 0)::bigint AS posted_fen,
           (SELECT count(*) FROM deviation_claims cl JOIN deviation_cases c2 ON c2.id = cl.case_id JOIN deviation_periods p2 ON p2.id = c2.period_id WHERE extract(year FROM p2.to_month) = ${year} AND c2.basis = c.basis)::int AS claims
      FROM deviation_cases c JOIN deviation_periods p ON p.id = c.period_id
     WHERE extract(year FROM p.to_month) = ${year} AND ${inCustomerScope(user, 'c.customer_id')} GROUP BY c.basis ORDER BY c.basis DESC`.execute(db);
  const byBasis = r.rows.map((x) => ({
    basis: x.basis,
    customerTimes: Number(x.times),
    shortfall: dec(x.shortfall ?? '0')
      .toDecimalPlaces(3, Decimal.ROUND_HALF_UP)
      .toFixed(3),
    exempt: dec(x.exempt ?? '0')
      .toDecimalPlaces(3, Decimal.ROUND_HALF_UP)
      .toFixed(3),
    feeFen: Number(x.fee_fen),
    postedFen: Number(x.posted_fen),
    claims: Number(x.claims),
  }));
  return { year, byBasis, customerTimes: byBasis.reduce((s, b) => s + b.customerTimes, 0), feeFen: byBasis.reduce((s, b) => s + b.feeFen, 0) };
}
