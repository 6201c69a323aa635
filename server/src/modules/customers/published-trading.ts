/**
 * Reads and one update the trading module needs (DOMAIN.md §4: exchange membership 会员注册 →
 * 账户绑定 → 培训, tracked on the archive's exchange status field).
 */
import { sql } from 'kysely';
import type { ExchangeStatus } from '@common/customers';
import type { Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import './customers.tables';

export interface CustomerBrief {
  id: number;
  code: string;
  name: string;
  status: string;
  exchangeStatus: ExchangeStatus;
  /** The active full-time manager (user id), if any. */
  fullTimeManagerId: number | null;
}

/** Code, name, status, exchange status and full-time manager of the customers given (one query). */
export async function customerBriefs(db: Tx, ids: readonly number[]): Promise<Map<number, CustomerBrief>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('customers as c')
    .select(['c.id', 'c.code', 'c.name', 'c.status', 'c.exchange_status'])
    .select(sql<number | null>`(SELECT cm.user_id FROM customer_managers cm WHERE cm.customer_id = c.id AND cm.kind = 'full_time' AND cm.unassigned_at IS NULL LIMIT 1)`.as('manager_id'))
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, code: r.code, name: r.name, status: r.status, exchangeStatus: r.exchange_status as ExchangeStatus, fullTimeManagerId: r.manager_id == null ? null : Number(r.manager_id) },
    ]),
  );
}

/** Customers (not closed) with their exchange status and full-time manager, optionally only those below a status. */
export async function customersByExchangeStatus(db: Tx, opts: { customerIds?: number[]; statuses?: ExchangeStatus[] } = {}): Promise<CustomerBrief[]> {
  let q = db
    .selectFrom('customers as c')
    .select(['c.id', 'c.code', 'c.name', 'c.status', 'c.exchange_status'])
    .select(sql<number | null>`(SELECT cm.user_id FROM customer_managers cm WHERE cm.customer_id = c.id AND cm.kind = 'full_time' AND cm.unassigned_at IS NULL LIMIT 1)`.as('manager_id'))
    .where('c.status', '<>', 'closed')
    .orderBy('c.code');
  if (opts.customerIds) q = q.where('c.id', 'in', opts.customerIds.length ? opts.customerIds : [-1]);
  if (opts.statuses) q = q.where('c.exchange_status', 'in', opts.statuses.length ? opts.statuses : ['-']);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    exchangeStatus: r.exchange_status as ExchangeStatus,
    fullTimeManagerId: r.manager_id == null ? null : Number(r.manager_id),
  }));
}

/** Set a customer's exchange membership status on the archive (audited in the caller's transaction). */
export async function setExchangeStatus(trx: Tx, customerId: number, status: ExchangeStatus, actor: Actor): Promise<void> {
  const before = await trx.selectFrom('customers').select('exchange_status').where('id', '=', customerId).executeTakeFirstOrThrow();
  if (before.exchange_status === status) return;
  await trx.updateTable('customers').set({ exchange_status: status, updated_at: new Date() }).where('id', '=', customerId).execute();
  await audit(trx, actor, {
    action: 'customer.exchangeStatus',
    entity: 'customer',
    entityId: customerId,
    customerId,
    before: { exchangeStatus: before.exchange_status },
    after: { exchangeStatus: status },
  });
}
