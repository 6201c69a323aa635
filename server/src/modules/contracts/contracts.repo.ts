/** SQL of contracts (Kysely), plain data in and out. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

export const contractCols = sql`c.id, c.customer_id, c.contract_no, c.year_label, to_char(c.start_month, 'YYYY-MM') AS start_month, to_char(c.end_month, 'YYYY-MM') AS end_month,
  c.basis, c.base_tag, c.price_category, c.base_price, c.theta, c.tau, c.k, c.prepayment_terms, c.status, c.terminated_reason, c.signed_file_name`;

export interface ContractRowDb {
  id: number;
  customer_id: number;
  contract_no: string;
  year_label: string;
  start_month: string;
  end_month: string;
  basis: 'm3' | 'GJ';
  base_tag: string;
  price_category: string;
  base_price: string | null;
  theta: string;
  tau: string;
  k: string;
  prepayment_terms: string | null;
  status: 'draft' | 'active' | 'terminated';
  terminated_reason: string | null;
  signed_file_name: string | null;
}

export async function findContract(db: Tx, id: number, forUpdate = false): Promise<ContractRowDb | undefined> {
  const r = await sql<ContractRowDb>`SELECT ${contractCols} FROM sales_contracts c WHERE c.id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
  return r.rows[0];
}

/** A non-terminated contract of the customer overlapping [from, to] (months 'YYYY-MM'). */
export async function overlapping(db: Tx, customerId: number, from: string, to: string, exceptId?: number) {
  const r = await sql<{ contract_no: string; start_month: string; end_month: string }>`
    SELECT c.contract_no, to_char(c.start_month, 'YYYY-MM') AS start_month, to_char(c.end_month, 'YYYY-MM') AS end_month FROM sales_contracts c
     WHERE c.customer_id = ${customerId} AND c.id <> ${exceptId ?? 0}
       AND c.start_month <= ${to + '-01'}::date AND c.end_month >= ${from + '-01'}::date LIMIT 1`.execute(db);
  return r.rows[0];
}

/** Effective monthly volumes of contracts: per month the latest version in force from that month. */
/** `eff`: each contract month's volume of the latest version in force from that month (only `month` when given; all contracts when `contractIds` is null). */
export function effectiveVolumesCte(contractIds: ReturnType<typeof sql> | null, month?: string) {
  return sql`eff AS (
    SELECT DISTINCT ON (v.contract_id, v.month) v.contract_id, v.month, v.quantity, v.version
      FROM contract_month_volumes v JOIN contract_versions cv ON cv.contract_id = v.contract_id AND cv.version = v.version
     WHERE cv.effective_month <= v.month ${contractIds ? sql`AND v.contract_id IN (${contractIds})` : sql``} ${month ? sql`AND v.month = ${month}::date` : sql``}
     ORDER BY v.contract_id, v.month, v.version DESC)`;
}

export async function effectiveMonths(db: Tx, contractId: number) {
  const r = await sql<{
    month: string;
    quantity: string;
    version: number;
  }>`WITH ${effectiveVolumesCte(sql`${contractId}`)} SELECT to_char(month, 'YYYY-MM') AS month, quantity, version FROM eff ORDER BY month`.execute(db);
  return r.rows.map((x) => ({ ...x, version: Number(x.version) }));
}

export async function versions(db: Tx, contractId: number) {
  const r = await sql<{
    version: number;
    effective_month: string;
    reason: string | null;
    created_at: Date;
  }>`SELECT version, to_char(effective_month, 'YYYY-MM') AS effective_month, reason, created_at FROM contract_versions WHERE contract_id = ${contractId} ORDER BY version`.execute(db);
  return r.rows;
}

export async function insertVolumes(db: Tx, contractId: number, version: number, effectiveMonth: string, reason: string | null, userId: number | null, months: { month: string; quantity: string }[]) {
  await db
    .insertInto('contract_versions')
    .values({ contract_id: contractId, version, effective_month: effectiveMonth + '-01', reason, created_by: userId })
    .execute();
  if (months.length)
    await db
      .insertInto('contract_month_volumes')
      .values(months.map((m) => ({ contract_id: contractId, version, month: m.month + '-01', quantity: m.quantity })))
      .execute();
}

/**
 * Contract terms and the effective contracted quantity of `month` for the customers' contracts
 * in force that month (active, or terminated after it). One statement. For all customers (the
 * month's settlement: 100,000 contracts) the month's volumes are read by one scan and hash-joined —
 * a probe of the volumes' key per contract (its month is the key's last column) cost ≈ 4 s of 7.6 s.
 */
export async function termsForMonth(db: Tx, month: string, customerIds: number[] | null) {
  const m = month + '-01';
  const r = await sql<ContractRowDb & { quantity: string | null }>`
    WITH cs AS MATERIALIZED (SELECT ${contractCols} FROM sales_contracts c WHERE c.status IN ('active', 'terminated') AND c.start_month <= ${m}::date AND c.end_month >= ${m}::date
                ${customerIds ? sql`AND c.customer_id = ANY(${customerIds}::bigint[])` : sql``}),
         ${effectiveVolumesCte(customerIds ? sql`SELECT id FROM cs` : null, m)}
    SELECT cs.*, eff.quantity FROM cs LEFT JOIN eff ON eff.contract_id = cs.id`.execute(db);
  return r.rows;
}
