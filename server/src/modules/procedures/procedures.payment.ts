/**
 * The one integration point with the accounts module (payment levels, DOMAIN.md §6).
 * Contract: accounts/index.ts exports getPaymentStatus(db, customerIds) and onLevelChange(listener).
 */
import type { Tx } from '../../platform/db/database';
import type { Level } from './procedures.calc';

export interface PaymentStatus {
  level: Level;
  balanceFen: number;
  availableDays: string | null;
  avgDailyChargeFen: number | null;
}
export interface LevelChangeEvent {
  customerId: number;
  from: string | null;
  to: string;
  gasDay: string;
}
export type LevelListener = (trx: Tx, e: LevelChangeEvent) => Promise<void>;

// TODO(accounts): replace these two with `export { getPaymentStatus, onLevelChange } from '../accounts'`
// once accounts/index.ts lands.
export async function getPaymentStatus(_db: Tx, _customerIds: number[]): Promise<Map<number, PaymentStatus>> {
  return new Map();
}
export function onLevelChange(_listener: LevelListener): void {}
