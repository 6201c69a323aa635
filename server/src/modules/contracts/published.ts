/** Reads of contracts other modules use (settlement, accounts, the contracts port). Set-based. */
import { sql, type RawBuilder } from 'kysely';
import { Decimal, dec } from '@common/decimal';
import { priceBookDays } from '../pricing';
import type { ContractedDaily } from '../../platform/ports';
import { customerGcv } from '../metering';
import type { Tx } from '../../platform/db/database';
import { dailyOf } from './contracts.calc';
import * as repo from './contracts.repo';
import type { Actor } from '../../platform/audit/audit';
import { ContractInput } from './contracts.schema';
import { createContractIn } from './contracts.service';

export interface ContractTerms {
  contractId: number;
  customerId: number;
  contractNo: string;
  basis: 'm3' | 'GJ';
  baseTag: string;
  priceCategory: string;
  /** Fixed contract price of the base tag, or null (the price book's price applies). */
  basePrice: string | null;
  theta: string;
  tau: string;
  k: string;
  /** Q_c of the month in the contract's basis (the effective version's volume). */
  contracted: string;
}

/** Contracts in force in `month` ('YYYY-MM') for the customers (all when null), with the month's Q_c. */
export async function contractsForMonth(db: Tx, month: string, customerIds: number[] | null = null): Promise<ContractTerms[]> {
  const rows = await repo.termsForMonth(db, month, customerIds);
  return rows.map((r) => ({
    contractId: Number(r.id),
    customerId: Number(r.customer_id),
    contractNo: r.contract_no,
    basis: r.basis,
    baseTag: r.base_tag,
    priceCategory: r.price_category,
    basePrice: r.base_price,
    theta: r.theta,
    tau: r.tau,
    k: r.k,
    contracted: dec(r.quantity ?? '0').toFixed(),
  }));
}

/**
 * The contracts port (platform/ports.ts): contracted daily quantity per customer on a gas day, in the
 * contract's basis and in m³. GJ contracts are converted with metering's GCV of the customer and day
 * (V[m³] = E[GJ] × 1000 / GCV, DOMAIN.md §2); without a GCV the m³ figure is null, never a guess.
 */
export async function contractedDaily(db: Tx, customerIds: number[], gasDay: string): Promise<ContractedDaily[]> {
  if (!customerIds.length) return [];
  const month = gasDay.slice(0, 7);
  const terms = await contractsForMonth(db, month, customerIds);
  const out: ContractedDaily[] = [];
  for (const t of terms) {
    const quantity = dailyOf(t.contracted, month);
    if (t.basis === 'm3') {
      out.push({ customerId: t.customerId, basis: 'm3', quantity, volumeM3: quantity, gcvMJm3: null });
      continue;
    }
    const gcv = await customerGcv(db, t.customerId, gasDay); // GJ contracts are few: one read each
    out.push({ customerId: t.customerId, basis: 'GJ', quantity, volumeM3: gcv && dec(gcv).gt(0) ? gjToM3(quantity, gcv) : null, gcvMJm3: gcv });
  }
  return out;
}

/** E[GJ] → V[m³] = E × 1000 / GCV, 3 places half-up (DOMAIN.md §2). */
function gjToM3(energyGJ: string, gcv: string): string {
  return dec(energyGJ).times(1000).div(gcv).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3);
}

/**
 * Published fragment: the contract price of the base tag per customer and gas day in [from, to]
 * (DOMAIN.md §4: the daily charge prices the day's volume at the contract price of the base tag in
 * force that day) — rows (customer_id, gas_day, basis 'm3' | 'GJ', price NUMERIC | NULL) for the
 * customers with a contract in force that day (the rule of contractsForMonth: active or terminated,
 * start_month ≤ month ≤ end_month). Price = the contract's fixed base price, else the price book's
 * price of (base tag, price category, basis) in force that day (null when the book has none). One
 * row per customer-day (contracts of one customer never overlap); set-based, no loop.
 */
export function contractDayPrices(from: string, to: string): RawBuilder<{ customer_id: number; gas_day: string; basis: 'm3' | 'GJ'; price: string | null }> {
  return sql`SELECT c.customer_id, d.day::date AS gas_day, c.basis, COALESCE(c.base_price, pb.price) AS price
      FROM sales_contracts c
      CROSS JOIN LATERAL generate_series(GREATEST(c.start_month, ${from}::date), LEAST((c.end_month + interval '1 month - 1 day')::date, ${to}::date), interval '1 day') d(day)
      LEFT JOIN (${priceBookDays(from, to)}) pb ON pb.tag = c.base_tag AND pb.category = c.price_category AND pb.basis = c.basis AND pb.gas_day = d.day::date
     WHERE c.status IN ('active', 'terminated') AND c.start_month <= ${to}::date AND c.end_month >= date_trunc('month', ${from}::date)::date`;
}

/** A contract as other modules show it (onboarding's contract step): number, period, status, Σ effective monthly volumes. */
export interface ContractBrief {
  id: number;
  customerId: number;
  contractNo: string;
  yearLabel: string;
  startMonth: string;
  endMonth: string;
  basis: 'm3' | 'GJ';
  status: 'draft' | 'active' | 'terminated';
  totalQuantity: string;
}

/** Contracts by id or of customers, newest first (one statement). */
export async function contractBriefs(db: Tx, by: { ids?: number[]; customerIds?: number[] }): Promise<ContractBrief[]> {
  if ((by.ids && !by.ids.length) || (by.customerIds && !by.customerIds.length) || (!by.ids && !by.customerIds)) return [];
  const where = by.ids ? sql`c.id = ANY(${by.ids}::bigint[])` : sql`c.customer_id = ANY(${by.customerIds}::bigint[])`;
  const { rows } = await sql<repo.ContractRowDb & { total: string | null }>`
    WITH ${repo.effectiveVolumesCte(sql`SELECT c.id FROM sales_contracts c WHERE ${where}`)}
    SELECT ${repo.contractCols}, (SELECT sum(quantity) FROM eff WHERE eff.contract_id = c.id) AS total
      FROM sales_contracts c WHERE ${where} ORDER BY c.start_month DESC, c.id DESC`.execute(db);
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    contractNo: r.contract_no,
    yearLabel: r.year_label,
    startMonth: r.start_month,
    endMonth: r.end_month,
    basis: r.basis,
    status: r.status,
    totalQuantity: dec(r.total ?? '0').toFixed(3),
  }));
}

/**
 * A draft contract (草稿, m³ basis, default θ/τ/k) created in the caller's transaction — used by
 * onboarding's contract step; the same checks as the contracts API (period, overlap, number).
 */
export async function createDraftContract(trx: Tx, input: { customerId: number; contractNo: string; yearLabel: string; months: { month: string; quantity: string }[] }, actor: Actor) {
  const months = [...input.months].sort((a, b) => a.month.localeCompare(b.month));
  const parsed = ContractInput.parse({ ...input, startMonth: months[0]?.month, endMonth: months.at(-1)?.month, months });
  return createContractIn(trx, parsed, actor);
}
