/** SQL of customer contacts. */
import type { Selectable } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { CustomerContactsTable } from './interactions.tables';
import type { ContactView } from './interactions.schema';
import { auditTrail } from '../../platform/audit/audit';

export type ContactRow = Selectable<CustomerContactsTable>;

export function toContactView(r: ContactRow): ContactView {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    title: r.title,
    mobile: r.mobile,
    landline: r.landline,
    email: r.email,
    role: r.role,
    isPrimary: r.is_primary,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
  };
}

export async function listContacts(db: Tx, customerId: number, includeDeleted: boolean) {
  let q = db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', customerId);
  if (!includeDeleted) q = q.where('deleted_at', 'is', null);
  return q.orderBy('is_primary', 'desc').orderBy('id').execute();
}

export async function findContact(db: Tx, id: number, forUpdate = false) {
  let q = db.selectFrom('customer_contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function countLive(db: Tx, customerId: number) {
  const r = await db
    .selectFrom('customer_contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Unset the current primary contact of a customer (if any) and return the rows changed. */
export async function unsetPrimary(db: Tx, customerId: number, exceptId?: number) {
  let q = db.updateTable('customer_contacts').set({ is_primary: false, updated_at: new Date() }).where('customer_id', '=', customerId).where('is_primary', '=', true).where('deleted_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.returning(['id', 'name']).execute();
}

export async function insertContact(db: Tx, v: Omit<ContactRow, 'id' | 'created_at' | 'updated_at' | 'deleted_at'>) {
  return db.insertInto('customer_contacts').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateContact(db: Tx, id: number, v: Partial<Omit<ContactRow, 'id' | 'customer_id' | 'created_at'>>) {
  return db
    .updateTable('customer_contacts')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The live contact that becomes primary when the primary one is deleted: the oldest. */
export async function oldestOther(db: Tx, customerId: number, exceptId: number) {
  return db
    .selectFrom('customer_contacts')
    .select(['id', 'name'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('id', '<>', exceptId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Live contacts of a customer among `ids` (participant validation). */
export async function liveContactIds(db: Tx, customerId: number, ids: number[]) {
  if (!ids.length) return new Set<number>();
  const rows = await db.selectFrom('customer_contacts').select('id').where('customer_id', '=', customerId).where('deleted_at', 'is', null).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function contactHistory(db: Tx, contactId: number) {
  const rows = await db
    .selectFrom(auditTrail().as('a'))
    .select(['id', 'at', 'username', 'action', 'before', 'after'])
    .where('entity', '=', 'contact')
    .where('entity_id', '=', String(contactId))
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), username: r.username, action: r.action, before: r.before, after: r.after }));
}
