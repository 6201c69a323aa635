/**
 * Every change to a customer keeps its history (customer_history, shown on the History tab) and
 * its audit row (audit_log), written together in the caller's transaction.
 */
import type { Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { insertHistory } from './customers.repo';

export interface Change {
  customerId: number;
  action: string; // e.g. 'customer.update', 'delivery_point.create'
  entity: string; // 'customer' | 'delivery_point' | 'document' | 'manager' | 'status'
  entityId?: number | string | null;
  before?: unknown;
  after?: unknown;
}

export async function track(trx: Tx, actor: Actor, changes: Change | Change[]): Promise<void> {
  const list = Array.isArray(changes) ? changes : [changes];
  if (!list.length) return;
  await insertHistory(
    trx,
    list.map((c) => ({
      customer_id: c.customerId,
      actor_id: actor.userId,
      actor_name: actor.username,
      action: c.action,
      entity: c.entity,
      entity_id: c.entityId == null ? null : String(c.entityId),
      before: c.before === undefined ? null : JSON.stringify(c.before),
      after: c.after === undefined ? null : JSON.stringify(c.after),
    })),
  );
  for (let i = 0; i < list.length; i += 1000) {
    await audit(
      trx,
      actor,
      list.slice(i, i + 1000).map((c) => ({ action: c.action, entity: c.entity, entityId: c.entityId ?? c.customerId, customerId: c.customerId, before: c.before, after: c.after })),
    );
  }
}

/** The fields that differ between two plain objects, as {before, after} with only those keys. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] === undefined) continue;
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
