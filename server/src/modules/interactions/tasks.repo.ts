/** SQL of follow-up tasks (待办). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, customerBasics } from '../customers';
import type { Scoped } from './interactions.shared';
import type { TaskQuery, TaskView } from './interactions.schema';
import { taskOverdue, type TaskStatus } from './interactions.calc';
import { userDirectory } from '../../platform/auth/users';

export interface NewTask {
  customer_id: number | null;
  title: string;
  notes: string | null;
  due_on: string;
  assignee_id: number;
  interaction_id: number | null;
  issue_id: number | null;
  created_by: number | null;
}

export async function insertTask(db: Tx, v: NewTask) {
  return db.insertInto('follow_up_tasks').values(v).returningAll().executeTakeFirstOrThrow();
}

function base(db: Tx) {
  return db
    .selectFrom('follow_up_tasks as t')
    .leftJoin(customerBasics().as('c'), 'c.id', 't.customer_id')
    .innerJoin(userDirectory().as('u'), 'u.id', 't.assignee_id')
    .select([
      't.id',
      't.customer_id',
      'c.name as customer_name',
      't.title',
      't.notes',
      't.due_on',
      't.assignee_id',
      'u.display_name as assignee_name',
      't.status',
      't.done_at',
      't.interaction_id',
      't.issue_id',
      't.created_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function toTaskView(r: Row, today: string): TaskView {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    title: r.title,
    notes: r.notes,
    dueOn: r.due_on,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status as TaskStatus,
    doneAt: r.done_at ? r.done_at.toISOString() : null,
    interactionId: r.interaction_id,
    issueId: r.issue_id,
    overdue: taskOverdue(r.status as TaskStatus, r.due_on, today),
    createdAt: r.created_at.toISOString(),
  };
}

export async function findTask(db: Tx, id: number) {
  return base(db).where('t.id', '=', id).executeTakeFirst();
}

/** Open tasks of one assignee, most urgent first (the home-page widget). */
export async function myOpenTasks(db: Tx, userId: number, limit: number) {
  const q = base(db).where('t.assignee_id', '=', userId).where('t.status', '=', 'open');
  const [{ n }] = await db
    .selectFrom('follow_up_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', '=', userId)
    .where('status', '=', 'open')
    .execute();
  const rows = await q.orderBy('t.due_on').orderBy('t.id').limit(limit).execute();
  return { total: Number(n), rows };
}

/**
 * Tasks visible to a user: their own, plus tasks on customers in their scope.
 */
export async function listTasks(db: Tx, user: Scoped, f: Omit<TaskQuery, 'page' | 'pageSize'>, today: string, limit: number, offset: number) {
  let q = base(db).where((eb) => eb.or([eb('t.assignee_id', '=', user.id), eb.and([eb('t.customer_id', 'is not', null), inCustomerScope(user, 't.customer_id')])]));
  if (f.assigneeId) q = q.where('t.assignee_id', '=', f.assigneeId);
  if (f.customerId) q = q.where('t.customer_id', '=', f.customerId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.overdue === 'true') q = q.where('t.status', '=', 'open').where('t.due_on', '<', today);
  if (f.overdue === 'false') q = q.where((eb) => eb.or([eb('t.status', '<>', 'open'), eb('t.due_on', '>=', today)]));
  if (f.dueTo) q = q.where('t.due_on', '<=', f.dueTo);
  const total = await q
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(sql`CASE WHEN t.status = 'open' THEN 0 ELSE 1 END`)
    .orderBy('t.due_on')
    .orderBy('t.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function updateTask(
  db: Tx,
  id: number,
  v: Partial<{ title: string; notes: string | null; due_on: string; assignee_id: number; status: string; done_at: Date | null; done_by: number | null }>,
) {
  await db
    .updateTable('follow_up_tasks')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
