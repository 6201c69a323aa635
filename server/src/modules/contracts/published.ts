/** Reads of contracts other modules use (settlement, accounts, the contracts port). Set-based. */
import { dec } from '@common/decimal';
import type { Tx } from '../../platform/db/database';
import { dailyOf } from './contracts.calc';
import * as repo from './contracts.repo';

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

/** The contracts port (platform/ports.ts): contracted daily m³ per customer on a gas day (m³-basis contracts). */
export async function contractedDaily(db: Tx, customerIds: number[], gasDay: string): Promise<{ customerId: number; volumeM3: string }[]> {
  if (!customerIds.length) return [];
  const month = gasDay.slice(0, 7);
  const terms = await contractsForMonth(db, month, customerIds);
  return terms.filter((t) => t.basis === 'm3').map((t) => ({ customerId: t.customerId, volumeM3: dailyOf(t.contracted, month) }));
}
