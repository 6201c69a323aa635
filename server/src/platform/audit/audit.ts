/**
 * Every mutation writes an audit row in the same transaction as the change (ENGINEERING.md habit 8).
 * Rows are append-only: a trigger in the database refuses UPDATE, DELETE and TRUNCATE.
 */
import type { Tx } from '../db/database';
import { fragmentBuilder } from '../db/fragments';

export interface Actor {
  userId: number | null;
  username: string | null;
  requestId?: string | null;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system' };

export interface AuditEntry {
  action: string; // e.g. 'customer.create', 'user.disable'
  entity: string; // e.g. 'customer'
  entityId?: string | number | null;
  customerId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function audit(trx: Tx, actor: Actor, e: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(e) ? e : [e];
  if (!list.length) return;
  await trx
    .insertInto('audit_log')
    .values(
      list.map((x) => ({
        user_id: actor.userId,
        username: actor.username,
        action: x.action,
        entity: x.entity,
        entity_id: x.entityId == null ? null : String(x.entityId),
        customer_id: x.customerId ?? null,
        before: x.before === undefined ? null : (JSON.stringify(x.before) as any),
        after: x.after === undefined ? null : (JSON.stringify(x.after) as any),
        request_id: actor.requestId ?? null,
        ip: actor.ip ?? null,
      })),
    )
    .execute();
}

/** The audit trail, read-only (append-only table owned by platform), as a fragment: `db.selectFrom(auditTrail().as('a'))…`. */
export function auditTrail() {
  return fragmentBuilder.selectFrom('audit_log').select(['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'customer_id', 'before', 'after', 'request_id', 'ip']);
}
