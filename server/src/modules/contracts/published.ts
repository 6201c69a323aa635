/** Reads of contracts other modules use (settlement, accounts, the contracts port). Set-based. */
import { Decimal, dec } from '@common/decimal';
import type { ContractedDaily } from '../../platform/ports';
import { customerGcv } from '../metering';
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
