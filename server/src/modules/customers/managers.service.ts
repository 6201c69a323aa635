/**
 * Manager responsibility (客户经理负责制, DOMAIN.md §3): exactly one full-time manager for
 * 签约/供气/减停气 customers (a partial unique index backs this up), any number of part-time
 * managers. Reassignment closes the old row (unassigned_at) and opens a new one: history is kept.
 */
import { ROLE_LABELS, type Role } from '@common/roles';
import { MANAGER_KIND_LABELS, CUSTOMER_STATUS_LABELS, type CustomerStatus, type ManagerKind } from '@common/customers';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from './scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { notify } from '../../platform/notify';
import * as repo from './customers.repo';
import { canRemoveFullTimeManager } from './customers.calc';
import { track } from './customers.history';
import { CE } from './customers.errors';

/** Roles that may hold each kind of responsibility. */
export const MANAGER_ROLES: Record<ManagerKind, Role[]> = {
  full_time: ['account_manager'],
  part_time: ['part_time_manager', 'account_manager'],
};

export async function eligibleUser(trx: Tx, userId: number, kind: ManagerKind) {
  const u = await repo.findUser(trx, userId);
  if (!u) throw new AppError(CE.CUSTOMER_MANAGER_NOT_FOUND, { userId });
  if (u.disabled) throw new AppError(CE.CUSTOMER_MANAGER_DISABLED, { name: u.display_name });
  const roles = MANAGER_ROLES[kind];
  if (!u.roles.some((r) => (roles as string[]).includes(r))) {
    throw new AppError(CE.CUSTOMER_MANAGER_ROLE, {
      name: u.display_name,
      kind: MANAGER_KIND_LABELS[kind],
      roles: { zh: roles.map((r) => ROLE_LABELS[r].zh).join('或'), en: roles.map((r) => ROLE_LABELS[r].en).join(' or ') },
    });
  }
  return u;
}

export async function endAssignments(trx: Tx, ids: number[], actor: Actor, reason: string, at = new Date()) {
  await trx.updateTable('customer_managers').set({ unassigned_at: at, unassigned_by: actor.userId, unassign_reason: reason }).where('id', 'in', ids).execute();
}

async function tellManager(trx: Tx, userId: number, customer: { id: number; name: string; code: string }, kind: ManagerKind) {
  await notify(trx, [userId], {
    kind: 'customer.manager_assigned',
    title: { zh: `您已被指定为客户“${customer.name}”的${MANAGER_KIND_LABELS[kind].zh}`, en: `You are now ${MANAGER_KIND_LABELS[kind].en.toLowerCase()} of "${customer.name}"` },
    link: `/customers/${customer.id}`,
    customerId: customer.id,
  });
}

export async function assignManager(ctx: AppContext, customerId: number, userId: number, kind: ManagerKind, reason: string | undefined, actor: Actor): Promise<void> {
  await inTx(ctx.db, async (trx) => {
    const c = await repo.lockCustomer(trx, customerId);
    if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
    if (c.status === 'closed') throw new AppError(CE.CUSTOMER_CLOSED, { name: c.name });
    const u = await eligibleUser(trx, userId, kind);
    const current = await repo.activeManagers(trx, [customerId]);
    const ft = current.find((m) => m.kind === 'full_time');
    if (kind === 'full_time' && ft) throw new AppError(CE.CUSTOMER_FULL_TIME_EXISTS, { name: ft.displayName });
    const same = current.find((m) => m.userId === userId);
    // A part-time manager may be promoted to full-time: the part-time assignment ends.
    if (same && !(same.kind === 'part_time' && kind === 'full_time')) throw new AppError(CE.CUSTOMER_MANAGER_ALREADY_ASSIGNED, { name: u.display_name });
    if (same) await endAssignments(trx, [same.assignmentId], actor, '转为专职客户经理');
    const m = await trx
      .insertInto('customer_managers')
      .values({ customer_id: customerId, user_id: userId, kind, assigned_by: actor.userId, reason: reason ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await track(trx, actor, {
      customerId,
      action: 'manager.assign',
      entity: 'manager',
      entityId: m.id,
      after: { userId, username: u.username, displayName: u.display_name, kind, reason: reason ?? null },
    });
    await tellManager(trx, userId, c, kind);
  });
}

/** Replaces the full-time manager: the old assignment is closed, a new one opened, in one transaction. */
export async function reassignFullTime(ctx: AppContext, customerId: number, toUserId: number, reason: string, actor: Actor): Promise<void> {
  await inTx(ctx.db, async (trx) => {
    const c = await repo.lockCustomer(trx, customerId);
    if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
    if (c.status === 'closed') throw new AppError(CE.CUSTOMER_CLOSED, { name: c.name });
    const u = await eligibleUser(trx, toUserId, 'full_time');
    const current = await repo.activeManagers(trx, [customerId]);
    const ft = current.find((m) => m.kind === 'full_time');
    if (!ft) throw new AppError(CE.CUSTOMER_NO_FULL_TIME_MANAGER);
    if (ft.userId === toUserId) throw new AppError(CE.CUSTOMER_MANAGER_ALREADY_ASSIGNED, { name: u.display_name });
    // The new manager may have been a part-time manager of the same customer: that role ends too.
    const pt = current.find((m) => m.userId === toUserId);
    const now = new Date();
    await endAssignments(trx, [ft.assignmentId, ...(pt ? [pt.assignmentId] : [])], actor, reason, now);
    const m = await trx
      .insertInto('customer_managers')
      .values({ customer_id: customerId, user_id: toUserId, kind: 'full_time', assigned_by: actor.userId, reason, assigned_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await track(trx, actor, {
      customerId,
      action: 'manager.reassign',
      entity: 'manager',
      entityId: m.id,
      before: { userId: ft.userId, username: ft.username, displayName: ft.displayName, kind: 'full_time' },
      after: { userId: toUserId, username: u.username, displayName: u.display_name, kind: 'full_time', reason },
    });
    await tellManager(trx, toUserId, c, 'full_time');
  });
}

export async function unassignManager(ctx: AppContext, customerId: number, assignmentId: number, reason: string, actor: Actor): Promise<void> {
  await inTx(ctx.db, async (trx) => {
    const c = await repo.lockCustomer(trx, customerId);
    if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
    const m = (await repo.activeManagers(trx, [customerId])).find((x) => x.assignmentId === assignmentId);
    if (!m) throw new AppError('NOT_FOUND', { entity: { zh: '客户经理指定记录', en: 'Manager assignment' } });
    if (m.kind === 'full_time' && !canRemoveFullTimeManager(c.status as CustomerStatus)) {
      throw new AppError(CE.CUSTOMER_FULL_TIME_MANAGER_STILL_NEEDED, { status: CUSTOMER_STATUS_LABELS[c.status as CustomerStatus] });
    }
    await endAssignments(trx, [assignmentId], actor, reason);
    await track(trx, actor, {
      customerId,
      action: 'manager.unassign',
      entity: 'manager',
      entityId: assignmentId,
      before: { userId: m.userId, username: m.username, displayName: m.displayName, kind: m.kind },
      after: { reason },
    });
  });
}

export async function managerAssignments(ctx: AppContext, user: SessionUser, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const rows = await repo.managerHistory(ctx.db, customerId);
  return rows.map((r) => ({
    assignmentId: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    phone: r.phone,
    email: r.email,
    kind: r.kind,
    assignedAt: r.assigned_at.toISOString(),
    unassignedAt: r.unassigned_at ? r.unassigned_at.toISOString() : null,
    assignedBy: r.assigned_by_name,
    reason: r.reason,
    unassignReason: r.unassign_reason,
  }));
}

/**
 * The active managers of the given customers (for other modules, e.g. to notify both managers).
 * One row per active assignment, full-time first.
 */
export async function listManagers(
  db: Tx,
  customerIds: number[],
): Promise<{ customerId: number; userId: number; kind: ManagerKind; username: string; displayName: string; phone: string | null; email: string | null }[]> {
  const rows = await repo.activeManagers(db, [...new Set(customerIds)]);
  return rows.map((r) => ({ customerId: r.customerId, userId: r.userId, kind: r.kind, username: r.username, displayName: r.displayName, phone: r.phone, email: r.email }));
}
