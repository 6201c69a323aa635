/**
 * Use cases of logged interactions (客户对接/走访, DOMAIN.md §3): log, change, delete, list, and
 * turn a next step into a follow-up task for the owner (or another assignee).
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import { AppError } from '../../platform/http/errors';
import type { Tx } from '../../platform/db/database';
import { FIELD, requireAssignable, requireUsers, todayOf, type Scoped } from './interactions.shared';
import type { InteractionBody, InteractionPatch, InteractionQuery } from './interactions.schema';
import * as repo from './interactions.repo';
import * as tasks from './tasks.repo';
import { liveContactIds } from './contacts.repo';

const ENTITY = { zh: '对接记录', en: 'Interaction' };

/** Participants: our users (the owner always among them) and live contacts of this customer. */
async function checkParticipants(db: Tx, customerId: number, ownerId: number, userIds: number[], contactIds: number[]) {
  await requireUsers(db, userIds, FIELD.participants);
  const live = await liveContactIds(db, customerId, contactIds);
  contactIds.forEach((id, i) => {
    if (!live.has(id)) throw new AppError('CONTACT_NOT_OF_CUSTOMER', { index: i + 1, id });
  });
  return { user_ids: [ownerId, ...new Set(userIds.filter((u) => u !== ownerId))], contact_ids: [...new Set(contactIds)] };
}

function checkDate(ctx: AppContext, occurredOn: string) {
  const today = todayOf(ctx);
  if (occurredOn > today) throw new AppError('DATE_IN_FUTURE', { field: FIELD.occurredOn, today });
}

export async function listInteractions(ctx: AppContext, user: Scoped, q: InteractionQuery) {
  const { page, pageSize, ...f } = q;
  if (f.customerId) await assertCustomerAccess(ctx.db, user, f.customerId);
  const [total, items] = await Promise.all([repo.countInteractions(ctx.db, user, f), repo.listInteractions(ctx.db, user, f, pageSize, (page - 1) * pageSize)]);
  return { total, items };
}

export async function getInteraction(ctx: AppContext, user: Scoped, id: number) {
  const v = await repo.findInteraction(ctx.db, id);
  if (!v) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, v.customerId);
  return v;
}

export async function createInteraction(ctx: AppContext, user: Scoped, body: InteractionBody, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, body.customerId);
  checkDate(ctx, body.occurredOn);
  const ownerId = body.ownerId ?? user.id;
  await requireAssignable(ctx.db, ownerId, body.customerId, FIELD.owner);
  const parts = await checkParticipants(ctx.db, body.customerId, ownerId, body.userIds, body.contactIds);
  const fu = body.followUp;
  if (fu) {
    if (fu.dueOn < body.occurredOn) throw new AppError('DATE_ORDER', { field: FIELD.dueOn, other: FIELD.occurredOn });
    await requireAssignable(ctx.db, fu.assigneeId ?? ownerId, body.customerId, FIELD.assignee);
  }
  const id = await inTx(ctx.db, async (trx) => {
    const row = await repo.insertInteraction(trx, {
      customer_id: body.customerId,
      kind: body.kind,
      occurred_on: body.occurredOn,
      topic: body.topic,
      summary: body.summary,
      owner_id: ownerId,
      ...parts,
      other_participants: body.otherParticipants ?? null,
      next_step: body.nextStep ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { action: 'interaction.create', entity: 'interaction', entityId: row.id, customerId: body.customerId, after: { ...body, ownerId, userIds: parts.user_ids } });
    if (fu) {
      const t = await tasks.insertTask(trx, {
        customer_id: body.customerId,
        title: fu.title ?? body.nextStep ?? body.summary.slice(0, 200),
        notes: body.nextStep ?? null,
        due_on: fu.dueOn,
        assignee_id: fu.assigneeId ?? ownerId,
        interaction_id: row.id,
        issue_id: null,
        created_by: actor.userId,
      });
      await audit(trx, actor, {
        action: 'task.create',
        entity: 'task',
        entityId: t.id,
        customerId: body.customerId,
        after: { title: t.title, dueOn: t.due_on, assigneeId: t.assignee_id, interactionId: row.id },
      });
    }
    return row.id;
  });
  return (await repo.findInteraction(ctx.db, id))!;
}

export async function updateInteraction(ctx: AppContext, user: Scoped, id: number, patch: InteractionPatch, actor: Actor) {
  const before = await repo.rawInteraction(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, before.customer_id);
  if (patch.occurredOn) checkDate(ctx, patch.occurredOn);
  const ownerId = patch.ownerId ?? before.owner_id;
  if (patch.ownerId && patch.ownerId !== before.owner_id) await requireAssignable(ctx.db, ownerId, before.customer_id, FIELD.owner);
  const parts = await checkParticipants(ctx.db, before.customer_id, ownerId, patch.userIds ?? before.user_ids.map(Number), patch.contactIds ?? before.contact_ids.map(Number));
  await inTx(ctx.db, async (trx) => {
    await repo.updateInteraction(trx, id, {
      kind: patch.kind,
      occurred_on: patch.occurredOn,
      topic: patch.topic,
      summary: patch.summary,
      owner_id: ownerId,
      ...parts,
      other_participants: patch.otherParticipants,
      next_step: patch.nextStep,
    });
    const after = await repo.rawInteraction(trx, id);
    await audit(trx, actor, { action: 'interaction.update', entity: 'interaction', entityId: id, customerId: before.customer_id, before, after });
  });
  return (await repo.findInteraction(ctx.db, id))!;
}

export async function deleteInteraction(ctx: AppContext, user: Scoped, id: number, actor: Actor) {
  const before = await repo.rawInteraction(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await assertCustomerAccess(ctx.db, user, before.customer_id);
  await inTx(ctx.db, async (trx) => {
    await repo.deleteInteraction(trx, before.customer_id, id);
    await audit(trx, actor, { action: 'interaction.delete', entity: 'interaction', entityId: id, customerId: before.customer_id, before });
  });
}

/** All rows of a filter, for export (bounded). */
export async function exportInteractions(ctx: AppContext, user: Scoped, q: Omit<InteractionQuery, 'page' | 'pageSize'>, max = 50_000) {
  if (q.customerId) await assertCustomerAccess(ctx.db, user, q.customerId);
  const total = await repo.countInteractions(ctx.db, user, q);
  if (total > max) throw new AppError('EXPORT_TOO_LARGE', { count: total, max });
  return repo.listInteractions(ctx.db, user, q, max, 0);
}
