/**
 * The one integration point with the accounts module (payment levels, DOMAIN.md §6):
 * getPaymentStatus(db, customerIds), and the 'accounts.levelChanged' event the module reacts to.
 */
import type { Tx } from '../../platform/db/database';
export { getPaymentStatus, type PaymentStatus } from '../accounts';

export interface LevelChangeEvent {
  customerId: number;
  from: string | null;
  to: string;
  gasDay: string;
}
export type LevelListener = (trx: Tx, e: LevelChangeEvent) => Promise<void>;
