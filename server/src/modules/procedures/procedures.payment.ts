/**
 * The one integration point with the accounts module (payment levels, DOMAIN.md §6):
 * getPaymentStatus(db, customerIds) and onLevelChange(listener), from accounts/index.ts.
 */
import type { Tx } from '../../platform/db/database';
export { getPaymentStatus, onLevelChange, type PaymentStatus } from '../accounts';

export interface LevelChangeEvent {
  customerId: number;
  from: string | null;
  to: string;
  gasDay: string;
}
export type LevelListener = (trx: Tx, e: LevelChangeEvent) => Promise<void>;
