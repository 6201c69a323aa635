/** SQL of logged interactions (contacts, visits, meetings, online). */
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, customerBasics } from '../customers';
import type { Scoped } from './interactions.shared';
import type { InteractionQuery, InteractionView } from './interactions.schema';
import { userDirectory } from '../../platform/auth/users';

type Filter = Omit<InteractionQuery, 'page' | 'pageSize'>;

function base(db: Tx, user: Scoped, f: Filter) {
  let q = db
    .selectFrom('interactions as i')
    .innerJoin(customerBasics().as('c'), 'c.id', 'i.customer_id')
    .innerJoin(userDirectory().as('u'), 'u.id', 'i.owner_id')
    .where(inCustomerScope(user, 'i.customer_id'));
  if (f.customerId) q = q.where('i.customer_id', '=', f.customerId);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.topic) q = q.where('i.topic', '=', f.topic);
  if (f.ownerId) q = q.where('i.owner_id', '=', f.ownerId);
  if (f.from) q = q.where('i.occurred_on', '>=', f.from);
  if (f.to) q = q.where('i.occurred_on', '<=', f.to);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.code', 'ilike', like), eb('i.summary', 'ilike', like)]));
  }
  return q;
}

const COLS = [
  'i.id',
  'i.customer_id',
  'c.code as customer_code',
  'c.name as customer_name',
  'i.kind',
  'i.occurred_on',
  'i.topic',
  'i.summary',
  'i.owner_id',
  'u.display_name as owner_name',
  'i.user_ids',
  'i.contact_ids',
  'i.other_participants',
  'i.next_step',
  'i.created_at',
  'i.updated_at',
] as const;

export async function countInteractions(db: Tx, user: Scoped, f: Filter) {
  const r = await base(db, user, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listInteractions(db: Tx, user: Scoped, f: Filter, limit: number, offset: number) {
  const rows = await base(db, user, f)
    .select([...COLS])
    .orderBy('i.occurred_on', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return withNames(db, rows);
}

export async function findInteraction(db: Tx, id: number) {
  const rows = await db
    .selectFrom('interactions as i')
    .innerJoin(customerBasics().as('c'), 'c.id', 'i.customer_id')
    .innerJoin(userDirectory().as('u'), 'u.id', 'i.owner_id')
    .select([...COLS])
    .where('i.id', '=', id)
    .execute();
  return rows.length ? (await withNames(db, rows))[0] : undefined;
}

interface Row {
  id: number;
  customer_id: number;
  customer_code: string;
  customer_name: string;
  kind: string;
  occurred_on: string;
  topic: string;
  summary: string;
  owner_id: number;
  owner_name: string;
  user_ids: number[];
  contact_ids: number[];
  other_participants: string | null;
  next_step: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Resolve participant names and follow-up tasks for a page of rows in three queries. */
async function withNames(db: Tx, rows: Row[]): Promise<InteractionView[]> {
  const userIds = [...new Set(rows.flatMap((r) => r.user_ids.map(Number)))];
  const contactIds = [...new Set(rows.flatMap((r) => r.contact_ids.map(Number)))];
  const ids = rows.map((r) => r.id);
  const [users, contacts, tasks] = await Promise.all([
    userIds.length ? db.selectFrom(userDirectory().as('u')).select(['id', 'display_name']).where('id', 'in', userIds).execute() : [],
    contactIds.length ? db.selectFrom('customer_contacts').select(['id', 'name']).where('id', 'in', contactIds).execute() : [],
    ids.length ? db.selectFrom('follow_up_tasks').select(['id', 'interaction_id']).where('interaction_id', 'in', ids).orderBy('id').execute() : [],
  ]);
  const un = new Map(users.map((u) => [u.id, u.display_name]));
  const cn = new Map(contacts.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    kind: r.kind,
    occurredOn: r.occurred_on,
    topic: r.topic,
    summary: r.summary,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    users: r.user_ids.map(Number).map((id) => ({ id, name: un.get(id) ?? `#${id}` })),
    contacts: r.contact_ids.map(Number).map((id) => ({ id, name: cn.get(id) ?? `#${id}` })),
    otherParticipants: r.other_participants,
    nextStep: r.next_step,
    taskIds: tasks.filter((t) => t.interaction_id === r.id).map((t) => t.id),
    createdAt: r.created_at.toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function insertInteraction(
  db: Tx,
  v: {
    customer_id: number;
    kind: string;
    occurred_on: string;
    topic: string;
    summary: string;
    owner_id: number;
    user_ids: number[];
    contact_ids: number[];
    other_participants: string | null;
    next_step: string | null;
    created_by: number | null;
  },
) {
  return db.insertInto('interactions').values(v).returning(['id']).executeTakeFirstOrThrow();
}

export async function rawInteraction(db: Tx, id: number) {
  return db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateInteraction(
  db: Tx,
  id: number,
  v: Partial<{
    kind: string;
    occurred_on: string;
    topic: string;
    summary: string;
    owner_id: number;
    user_ids: number[];
    contact_ids: number[];
    other_participants: string | null;
    next_step: string | null;
  }>,
) {
  await db
    .updateTable('interactions')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Delete an interaction; issues and tasks that pointed to it keep existing without the link. */
export async function deleteInteraction(db: Tx, customerId: number, id: number) {
  await db.updateTable('customer_issues').set({ interaction_id: null }).where('customer_id', '=', customerId).where('interaction_id', '=', id).execute();
  await db.updateTable('follow_up_tasks').set({ interaction_id: null }).where('customer_id', '=', customerId).where('interaction_id', '=', id).execute();
  await db.deleteFrom('interactions').where('customer_id', '=', customerId).where('id', '=', id).execute();
}
