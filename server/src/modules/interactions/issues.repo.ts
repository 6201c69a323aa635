/** SQL of customer issues (客户问题). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, customerBasics } from '../customers';
import type { Scoped } from './interactions.shared';
import type { IssueQuery, IssueView } from './interactions.schema';
import { allowedIssueTransitions, issueTimes, type IssueStatus } from './interactions.calc';
import { userDirectory } from '../../platform/auth/users';

type Filter = Omit<IssueQuery, 'page' | 'pageSize'>;

function base(db: Tx) {
  return db
    .selectFrom('customer_issues as s')
    .innerJoin(customerBasics().as('c'), 'c.id', 's.customer_id')
    .innerJoin(userDirectory().as('u'), 'u.id', 's.owner_id')
    .leftJoin('customer_contacts as k', 'k.id', 's.contact_id')
    .select([
      's.id',
      's.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      's.title',
      's.description',
      's.topic',
      's.raised_at',
      's.owner_id',
      'u.display_name as owner_name',
      's.due_on',
      's.status',
      's.first_response_at',
      's.resolved_at',
      's.closed_at',
      's.resolution',
      's.contact_id',
      'k.name as contact_name',
      's.interaction_id',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function toIssueView(r: Row, now: Date, timeZone: string): IssueView {
  const status = r.status as IssueStatus;
  const raisedAt = new Date(r.raised_at);
  const t = issueTimes({ raisedAt, firstResponseAt: r.first_response_at, resolvedAt: r.resolved_at, status, dueOn: r.due_on }, now, timeZone);
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    title: r.title,
    description: r.description,
    topic: r.topic,
    raisedAt: raisedAt.toISOString(),
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status,
    firstResponseAt: r.first_response_at ? r.first_response_at.toISOString() : null,
    resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    resolution: r.resolution,
    contactId: r.contact_id,
    contactName: r.contact_name ?? null,
    interactionId: r.interaction_id,
    ...t,
    allowedTransitions: [...allowedIssueTransitions(status)],
  };
}

function filtered(db: Tx, user: Scoped, f: Filter, today: string, timeZone: string) {
  let q = base(db).where(inCustomerScope(user, 's.customer_id'));
  if (f.customerId) q = q.where('s.customer_id', '=', f.customerId);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.topic) q = q.where('s.topic', '=', f.topic);
  if (f.ownerId) q = q.where('s.owner_id', '=', f.ownerId);
  if (f.overdue === 'true') q = q.where('s.status', 'in', ['open', 'in_progress']).where('s.due_on', '<', today);
  if (f.overdue === 'false') q = q.where((eb) => eb.or([eb('s.status', 'not in', ['open', 'in_progress']), eb('s.due_on', '>=', today)]));
  // The period is on the local calendar day (seller's time zone) the issue was raised.
  const raisedDay = sql<string>`(timezone(${timeZone}, s.raised_at))::date`;
  if (f.from) q = q.where(raisedDay, '>=', f.from);
  if (f.to) q = q.where(raisedDay, '<=', f.to);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.code', 'ilike', like), eb('s.title', 'ilike', like)]));
  }
  return q;
}

export async function listIssues(db: Tx, user: Scoped, f: Filter, today: string, timeZone: string, limit: number, offset: number) {
  const q = filtered(db, user, f, today, timeZone);
  const total = await q
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(sql`CASE WHEN s.status IN ('open','in_progress') THEN 0 ELSE 1 END`)
    .orderBy('s.due_on')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function findIssue(db: Tx, id: number) {
  return base(db).where('s.id', '=', id).executeTakeFirst();
}

export async function rawIssue(db: Tx, id: number, forUpdate = false) {
  let q = db.selectFrom('customer_issues').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertIssue(
  db: Tx,
  v: {
    customer_id: number;
    title: string;
    description: string | null;
    topic: string;
    raised_at: Date;
    owner_id: number;
    due_on: string;
    contact_id: number | null;
    interaction_id: number | null;
    created_by: number | null;
  },
) {
  return db.insertInto('customer_issues').values(v).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateIssue(
  db: Tx,
  id: number,
  v: Partial<{
    title: string;
    description: string | null;
    topic: string;
    owner_id: number;
    due_on: string;
    contact_id: number | null;
    status: string;
    first_response_at: Date | null;
    resolved_at: Date | null;
    closed_at: Date | null;
    resolution: string | null;
  }>,
) {
  await db
    .updateTable('customer_issues')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function interactionOfCustomer(db: Tx, customerId: number, interactionId: number) {
  return db.selectFrom('interactions').select('id').where('customer_id', '=', customerId).where('id', '=', interactionId).executeTakeFirst();
}
