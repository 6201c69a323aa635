/**
 * Bulk actions on selected customers (issue 9 item 10): reassign managers, add a tag. Each request
 * is all or nothing: every customer must exist, be in the user's scope and not be closed, or the
 * whole request is refused before anything is written. One transaction; customers locked in id
 * order (parallel requests queue instead of deadlocking); history + audit row per changed customer.
 */
import { MANAGER_KIND_LABELS, type ManagerKind } from '@common/customers';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { notify } from '../../platform/notify';
import { inCustomerScope } from './scope';
import * as repo from './customers.repo';
import { eligibleUser, endAssignments } from './managers.service';
import { track } from './customers.history';
import { CE } from './customers.errors';

/** The most customers one bulk request may change. */
export const BULK_MAX = 500;
/** The most tags one customer may carry (as the archive form). */
const MAX_TAGS = 20;

export interface BulkItem {
  customerId: number;
  code: string;
  name: string;
  outcome: 'changed' | 'unchanged';
}
export interface BulkResult {
  total: number;
  changed: number;
  unchanged: number;
  items: BulkItem[];
}

const names = (rows: { name: string }[]) =>
  rows
    .slice(0, 5)
    .map((r) => r.name)
    .join('、') + (rows.length > 5 ? ' …' : '');

/** Locks the customers (id order) after checking existence, scope and status for all of them. */
async function lockSelection(trx: Tx, user: Pick<SessionUser, 'id' | 'roles'>, ids: number[]) {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length > BULK_MAX) throw new AppError(CE.CUSTOMER_BULK_TOO_MANY, { max: BULK_MAX, count: unique.length });
  const { rows } = await sql<{ id: number; code: string; name: string; status: string; tags: string[]; visible: boolean }>`
    SELECT c.id, c.code, c.name, c.status, c.tags, ${inCustomerScope(user, 'c.id')} AS visible
    FROM customers c WHERE c.id = ANY(${unique}::bigint[]) ORDER BY c.id FOR UPDATE OF c`.execute(trx);
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw new AppError(CE.CUSTOMER_BULK_NOT_FOUND, { ids: missing.slice(0, 10).join(', ') + (missing.length > 10 ? ' …' : '') });
  const outside = rows.filter((r) => !r.visible);
  if (outside.length) throw new AppError(CE.CUSTOMER_BULK_OUT_OF_SCOPE, { count: outside.length, names: names(outside) });
  const closed = rows.filter((r) => r.status === 'closed');
  if (closed.length) throw new AppError(CE.CUSTOMER_BULK_CLOSED, { count: closed.length, names: names(closed) });
  return rows;
}

function summary(items: BulkItem[]): BulkResult {
  const changed = items.filter((i) => i.outcome === 'changed').length;
  return { total: items.length, changed, unchanged: items.length - changed, items };
}

async function tellAssignee(trx: Tx, userId: number, kind: ManagerKind, count: number) {
  if (!count) return;
  await notify(trx, [userId], {
    kind: 'customer.manager_assigned',
    title: { zh: `您已被指定为 ${count} 个客户的${MANAGER_KIND_LABELS[kind].zh}`, en: `You are now ${MANAGER_KIND_LABELS[kind].en.toLowerCase()} of ${count} customers` },
    link: `/customers?managerId=${userId}`,
  });
}

export interface BulkReassign {
  ids: number[];
  fullTimeUserId?: number;
  partTimeUserId?: number;
  reason: string;
}

/**
 * Full-time: the customer's full-time manager becomes the user (the old assignment ends, and the
 * user's part-time assignment of the same customer ends too; DOMAIN.md §3 one full-time manager).
 * Part-time: the user is added as a part-time manager unless already managing the customer.
 * A customer already in the requested state is reported as unchanged (a repeated request is harmless).
 */
export async function bulkReassign(ctx: AppContext, user: SessionUser, b: BulkReassign, actor: Actor): Promise<BulkResult> {
  if (!b.fullTimeUserId && !b.partTimeUserId) throw new AppError(CE.CUSTOMER_BULK_NO_MANAGER);
  if (b.fullTimeUserId && b.fullTimeUserId === b.partTimeUserId) throw new AppError(CE.CUSTOMER_BULK_SAME_MANAGER);
  return inTx(ctx.db, async (trx) => {
    const customers = await lockSelection(trx, user, b.ids);
    const ft = b.fullTimeUserId ? await eligibleUser(trx, b.fullTimeUserId, 'full_time') : null;
    const pt = b.partTimeUserId ? await eligibleUser(trx, b.partTimeUserId, 'part_time') : null;
    const current = await repo.activeManagers(
      trx,
      customers.map((c) => c.id),
    );
    const now = new Date();
    const items: BulkItem[] = [];
    let ftCount = 0;
    let ptCount = 0;
    for (const c of customers) {
      const mine = current.filter((m) => m.customerId === c.id);
      let changed = false;
      const ended = new Set<number>();
      if (ft) {
        const old = mine.find((m) => m.kind === 'full_time');
        if (old?.userId !== ft.id) {
          const wasPart = mine.find((m) => m.userId === ft.id);
          const ending = [old?.assignmentId, wasPart?.assignmentId].filter((x): x is number => x != null);
          if (ending.length) await endAssignments(trx, ending, actor, b.reason, now);
          ending.forEach((id) => ended.add(id));
          const m = await trx
            .insertInto('customer_managers')
            .values({ customer_id: c.id, user_id: ft.id, kind: 'full_time', assigned_by: actor.userId, reason: b.reason, assigned_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          await track(trx, actor, {
            customerId: c.id,
            action: old ? 'manager.reassign' : 'manager.assign',
            entity: 'manager',
            entityId: m.id,
            before: old ? { userId: old.userId, username: old.username, displayName: old.displayName, kind: 'full_time' } : undefined,
            after: { userId: ft.id, username: ft.username, displayName: ft.display_name, kind: 'full_time', reason: b.reason, bulk: true },
          });
          changed = true;
          ftCount++;
        }
      }
      // the part-time user may have been the full-time manager just replaced: then it stays as part-time
      if (pt && !mine.some((m) => m.userId === pt.id && !ended.has(m.assignmentId))) {
        const m = await trx
          .insertInto('customer_managers')
          .values({ customer_id: c.id, user_id: pt.id, kind: 'part_time', assigned_by: actor.userId, reason: b.reason, assigned_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await track(trx, actor, {
          customerId: c.id,
          action: 'manager.assign',
          entity: 'manager',
          entityId: m.id,
          after: { userId: pt.id, username: pt.username, displayName: pt.display_name, kind: 'part_time', reason: b.reason, bulk: true },
        });
        changed = true;
        ptCount++;
      }
      items.push({ customerId: c.id, code: c.code, name: c.name, outcome: changed ? 'changed' : 'unchanged' });
    }
    if (ft) await tellAssignee(trx, ft.id, 'full_time', ftCount);
    if (pt) await tellAssignee(trx, pt.id, 'part_time', ptCount);
    return summary(items);
  });
}

/** Adds one tag to every selected customer that lacks it (a customer holds at most 20 tags). */
export async function bulkAddTag(ctx: AppContext, user: SessionUser, ids: number[], tag: string, actor: Actor): Promise<BulkResult> {
  const t = tag.trim();
  return inTx(ctx.db, async (trx) => {
    const customers = await lockSelection(trx, user, ids);
    const toChange = customers.filter((c) => !c.tags.includes(t));
    const full = toChange.find((c) => c.tags.length >= MAX_TAGS);
    if (full) throw new AppError(CE.CUSTOMER_BULK_TAGS_FULL, { name: full.name, max: MAX_TAGS });
    if (toChange.length)
      await trx
        .updateTable('customers')
        .set({ tags: sql<string[]>`array_append(tags, ${t}::text)`, updated_at: new Date() })
        .where(
          'id',
          'in',
          toChange.map((c) => c.id),
        )
        .execute();
    await track(
      trx,
      actor,
      toChange.map((c) => ({ customerId: c.id, action: 'customer.update', entity: 'customer', entityId: c.id, before: { tags: c.tags }, after: { tags: [...c.tags, t], bulk: true } })),
    );
    const changing = new Set(toChange.map((c) => c.id));
    return summary(customers.map((c) => ({ customerId: c.id, code: c.code, name: c.name, outcome: changing.has(c.id) ? 'changed' : 'unchanged' })));
  });
}
