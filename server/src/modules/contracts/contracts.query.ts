/** Reads of contracts: list, detail, the contract-year view (contracted vs actual with the τ flag). */
import { sql } from 'kysely';
import { Decimal, dec } from '@common/decimal';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import { AppError } from '../../platform/http/errors';
import { customerBasicsById } from '../customers';
import { dailyVolumesByCustomer } from '../metering';
import { daysInMonth, overTakeFlag } from './contracts.calc';
import * as repo from './contracts.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;

function present(c: repo.ContractRowDb & { total?: string | null }, cust?: { code: string; name: string }) {
  return {
    id: Number(c.id),
    customerId: Number(c.customer_id),
    customerCode: cust?.code ?? '',
    customerName: cust?.name ?? '',
    contractNo: c.contract_no,
    yearLabel: c.year_label,
    startMonth: c.start_month,
    endMonth: c.end_month,
    basis: c.basis,
    baseTag: c.base_tag,
    priceCategory: c.price_category,
    basePrice: c.base_price,
    theta: c.theta,
    tau: c.tau,
    k: c.k,
    prepaymentTerms: c.prepayment_terms,
    status: c.status,
    terminatedReason: c.terminated_reason,
    signedFileName: c.signed_file_name,
    totalQuantity: dec(c.total ?? '0').toFixed(3),
  };
}

export async function listContracts(db: Tx, user: User, q: { customerId?: number; status?: string; month?: string; q?: string; page: number; pageSize: number }) {
  const m = q.month ? q.month + '-01' : null;
  const where = sql`${inCustomerScope(user, 'c.customer_id')}
    ${q.customerId ? sql`AND c.customer_id = ${q.customerId}` : sql``}
    ${q.status ? sql`AND c.status = ${q.status}` : sql``}
    ${m ? sql`AND c.start_month <= ${m}::date AND c.end_month >= ${m}::date` : sql``}
    ${q.q ? sql`AND (c.contract_no ILIKE ${'%' + q.q + '%'} OR c.year_label ILIKE ${'%' + q.q + '%'})` : sql``}`;
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sales_contracts c WHERE ${where}`.execute(db);
  const rows = await sql<repo.ContractRowDb & { total: string | null }>`
    WITH page AS (SELECT c.id FROM sales_contracts c WHERE ${where} ORDER BY c.start_month DESC, c.contract_no LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}),
         ${repo.effectiveVolumesCte(sql`SELECT id FROM page`)}
    SELECT ${repo.contractCols}, (SELECT sum(quantity) FROM eff WHERE eff.contract_id = c.id) AS total
      FROM sales_contracts c JOIN page ON page.id = c.id ORDER BY c.start_month DESC, c.contract_no`.execute(db);
  const custs = await customerBasicsById(db, [...new Set(rows.rows.map((r) => Number(r.customer_id)))]);
  return { total: Number(total.rows[0].n), items: rows.rows.map((r) => present(r, custs.get(Number(r.customer_id)))) };
}

export async function contractDetail(db: Tx, user: User, id: number) {
  const c = await repo.findContract(db, id);
  if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '合同', en: 'Contract' } });
  await assertCustomerAccess(db, user, Number(c.customer_id));
  const months = await repo.effectiveMonths(db, id);
  const cust = (await customerBasicsById(db, [Number(c.customer_id)])).get(Number(c.customer_id));
  const total = months.reduce((s, m) => s.plus(m.quantity), new Decimal(0)).toFixed();
  return {
    ...present({ ...c, total }, cust),
    versions: (await repo.versions(db, id)).map((v) => ({ version: Number(v.version), effectiveMonth: v.effective_month, reason: v.reason, createdAt: new Date(v.created_at) })),
    months,
  };
}

/** Contracted vs actual per month of the contract, with τ over-take flag (DOMAIN.md §4). */
export async function yearView(db: Tx, user: User, id: number) {
  const d = await contractDetail(db, user, id);
  const last = d.endMonth;
  const days = await dailyVolumesByCustomer(db, [d.customerId], d.startMonth + '-01', `${last}-${String(daysInMonth(last)).padStart(2, '0')}`);
  const byMonth = new Map<string, { v: Decimal; ok: boolean }>();
  for (const x of days) {
    const k = x.gasDay.slice(0, 7);
    const a = byMonth.get(k) ?? { v: new Decimal(0), ok: true };
    const q = d.basis === 'GJ' ? x.energyGJ : x.volumeM3;
    if (q == null) a.ok = false;
    else a.v = a.v.plus(q);
    byMonth.set(k, a);
  }
  let tc = new Decimal(0);
  let ta: Decimal | null = new Decimal(0);
  const months = d.months.map((m) => {
    const a = byMonth.get(m.month);
    const actual = a ? (a.ok ? a.v.toFixed(3) : null) : null;
    tc = tc.plus(m.quantity);
    if (ta && actual != null) ta = ta.plus(actual);
    else if (a && !a.ok) ta = null;
    return {
      month: m.month,
      contracted: dec(m.quantity).toFixed(3),
      actual,
      ratio: actual != null && dec(m.quantity).gt(0) ? dec(actual).div(m.quantity).toDecimalPlaces(4).toFixed(4) : null,
      overTake: actual != null && overTakeFlag(actual, m.quantity, d.tau),
    };
  });
  return { contractId: d.id, basis: d.basis, tau: d.tau, months, total: { contracted: tc.toFixed(3), actual: ta ? ta.toFixed(3) : null } };
}
