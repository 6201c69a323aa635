/**
 * Every mutation writes an audit row in the same transaction as the change (ENGINEERING.md habit 8).
 * Rows are append-only: a trigger in the database refuses UPDATE, DELETE and TRUNCATE.
 */
import { sql, type RawBuilder } from 'kysely';
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

/**
 * The audit INSERT as a SQL fragment for a module's data-modifying statement (a CTE): one audit
 * row per row of the CTE `fromCte`, its entity id taken from that CTE's column `idColumn`. The
 * row is written by the same statement as the change, so in the same transaction.
 */
export function auditInsertFrom(actor: Actor, e: Omit<AuditEntry, 'entityId'>, fromCte: string, idColumn: string): RawBuilder<unknown> {
  return sql`INSERT INTO audit_log (user_id, username, action, entity, entity_id, customer_id, before, after, request_id, ip)
    SELECT ${actor.userId}::bigint, ${actor.username}::text, ${e.action}::text, ${e.entity}::text, ${sql.ref(`${fromCte}.${idColumn}`)}::text, ${e.customerId ?? null}::bigint,
           ${e.before === undefined ? null : JSON.stringify(e.before)}::jsonb, ${e.after === undefined ? null : JSON.stringify(e.after)}::jsonb, ${actor.requestId ?? null}::text, ${actor.ip ?? null}::text
      FROM ${sql.table(fromCte)}`;
}
