/**
 * Use cases of follow-up tasks (待办): created from an interaction's next step, from an issue or
 * by hand; shown on the assignee's home page until done; overdue once the due day has passed.
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import { AppError } from '../../platform/http/errors';
import { FIELD, requireAssignable, requireUsers, todayOf, userSeesCustomer, type Scoped } from './interactions.shared';
import type { TaskBody, TaskPatch, TaskQuery } from './interactions.schema';
import * as repo from './tasks.repo';

const ENTITY = { zh: '待办', en: 'Task' };
const TODAY = { zh: '今天', en: 'today' };
const STATUS = { done: { zh: '完成', en: 'done' }, cancelled: { zh: '取消', en: 'cancelled' }, open: { zh: '打开', en: 'open' } } as const;

export async function myTasks(ctx: AppContext, user: Scoped, limit: number) {
  const today = todayOf(ctx);
  const { total, rows } = await repo.myOpenTasks(ctx.db, user.id, limit);
  const items = rows.map((r) => repo.toTaskView(r, today));
  return { total, today, items };
}

export async function listTasks(ctx: AppContext, user: Scoped, q: TaskQuery) {
  const { page, pageSize, ...f } = q;
  const today = todayOf(ctx);
  const { total, rows } = await repo.listTasks(ctx.db, user, f, today, pageSize, (page - 1) * pageSize);
  return { total, items: rows.map((r) => repo.toTaskView(r, today)) };
}

export async function createTask(ctx: AppContext, user: Scoped, body: TaskBody, actor: Actor) {
  const customerId = body.customerId ?? null;
  const assigneeId = body.assigneeId ?? user.id;
  if (customerId) {
    await assertCustomerAccess(ctx.db, user, customerId);
    await requireAssignable(ctx.db, assigneeId, customerId, FIELD.assignee);
  } else await requireUsers(ctx.db, [assigneeId], FIELD.assignee);
  if (body.dueOn < todayOf(ctx)) throw new AppError('DATE_ORDER', { field: FIELD.dueOn, other: TODAY });
  if (body.issueId != null) {
    const issue = await ctx.db.selectFrom('customer_issues').select('customer_id').where('id', '=', body.issueId).executeTakeFirst();
    if (!issue || issue.customer_id !== customerId) throw new AppError('NOT_FOUND', { entity: { zh: '客户问题', en: 'Customer issue' } });
  }
  const id = await inTx(ctx.db, async (trx) => {
    const t = await repo.insertTask(trx, {
      customer_id: customerId,
      title: body.title,
      notes: body.notes ?? null,
      due_on: body.dueOn,
      assignee_id: assigneeId,
      interaction_id: null,
      issue_id: body.issueId ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { action: 'task.create', entity: 'task', entityId: t.id, customerId, after: { ...body, assigneeId } });
    return t.id;
  });
  return repo.toTaskView((await repo.findTask(ctx.db, id))!, todayOf(ctx));
}

/** The assignee, the creator, or anyone responsible for the task's customer may handle it. */
async function loadForChange(ctx: AppContext, user: Scoped, id: number) {
  const t = await ctx.db.selectFrom('follow_up_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', { entity: ENTITY });
  const mine = t.assignee_id === user.id || t.created_by === user.id;
  if (!mine && !(t.customer_id && (await userSeesCustomer(ctx.db, user, t.customer_id)))) throw new AppError('TASK_NOT_YOURS');
  if (t.status !== 'open') throw new AppError('TASK_NOT_OPEN', { status: STATUS[t.status as keyof typeof STATUS] });
  return t;
}

export async function updateTask(ctx: AppContext, user: Scoped, id: number, patch: TaskPatch, actor: Actor) {
  const before = await loadForChange(ctx, user, id);
  if (patch.assigneeId && patch.assigneeId !== before.assignee_id) {
    if (before.customer_id) await requireAssignable(ctx.db, patch.assigneeId, before.customer_id, FIELD.assignee);
    else await requireUsers(ctx.db, [patch.assigneeId], FIELD.assignee);
  }
  if (patch.dueOn && patch.dueOn < todayOf(ctx) && patch.dueOn !== before.due_on) throw new AppError('DATE_ORDER', { field: FIELD.dueOn, other: TODAY });
  await inTx(ctx.db, async (trx) => {
    await repo.updateTask(trx, id, { title: patch.title, notes: patch.notes, due_on: patch.dueOn, assignee_id: patch.assigneeId });
    await audit(trx, actor, {
      action: 'task.update',
      entity: 'task',
      entityId: id,
      customerId: before.customer_id,
      before: { title: before.title, notes: before.notes, dueOn: before.due_on, assigneeId: before.assignee_id },
      after: patch,
    });
  });
  return repo.toTaskView((await repo.findTask(ctx.db, id))!, todayOf(ctx));
}

export async function finishTask(ctx: AppContext, user: Scoped, id: number, status: 'done' | 'cancelled', actor: Actor) {
  const before = await loadForChange(ctx, user, id);
  await inTx(ctx.db, async (trx) => {
    const upd = await trx
      .updateTable('follow_up_tasks')
      .set({ status, done_at: new Date(), done_by: actor.userId, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw new AppError('TASK_NOT_OPEN', { status: STATUS.done });
    await audit(trx, actor, { action: status === 'done' ? 'task.done' : 'task.cancel', entity: 'task', entityId: id, customerId: before.customer_id, before: { status: 'open' }, after: { status } });
  });
  return repo.toTaskView((await repo.findTask(ctx.db, id))!, todayOf(ctx));
}
