/**
 * A customer's account summary in one round trip (the customer 360's account card, read on every
 * visit): the scope check, the customer, its balance (kept with its postings, customer_balances), its stored
 * level, its own thresholds with the global ones, and its pending adjustments.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { settingValueSql } from '../../platform/settings';
import { customerBasics, inCustomerScope } from '../customers';
import { SETTING_THRESHOLDS } from './levels.repo';

export async function accountSummaryRow(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, customerId: number) {
  const { rows } = await sql<any>`
    SELECT c.id, c.code, c.name, c.status, ${inCustomerScope(user, 'c.id')} AS visible,
           COALESCE((SELECT b.balance_fen FROM customer_balances b WHERE b.customer_id = c.id), 0)::bigint AS balance,
           (SELECT count(*) FROM ledger_adjustments a WHERE a.customer_id = c.id AND a.status = 'pending')::int AS pending,
           ${settingValueSql(SETTING_THRESHOLDS)} AS global_thresholds,
           t.warn_days AS own_warn, t.reduce_days AS own_reduce, t.avg_days AS own_avg,
           l.customer_id AS lv_customer, l.level, l.since_day, l.as_of_day, l.balance_fen, l.window_charge_fen, l.window_days, l.avg_daily_charge_fen,
           l.available_days, l.day_volume_m3, l.day_charge_fen, l.warn_days, l.reduce_days
      FROM ${customerBasics()} c
      LEFT JOIN customer_payment_levels l ON l.customer_id = c.id
      LEFT JOIN customer_payment_thresholds t ON t.customer_id = c.id
     WHERE c.id = ${customerId}::bigint`.execute(db);
  return rows[0] as
    | {
        id: number;
        code: string;
        name: string;
        status: string;
        visible: boolean;
        balance: number;
        pending: number;
        global_thresholds: unknown;
        own_warn: string | null;
        own_reduce: string | null;
        own_avg: number | null;
        lv_customer: number | null;
        level: any;
        since_day: string;
        as_of_day: string;
        balance_fen: number;
        window_charge_fen: number | null;
        window_days: number;
        avg_daily_charge_fen: number | null;
        available_days: string | null;
        day_volume_m3: string | null;
        day_charge_fen: number | null;
        warn_days: string;
        reduce_days: string;
      }
    | undefined;
}
