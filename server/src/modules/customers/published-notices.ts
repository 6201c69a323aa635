/**
 * Reads of the customers module published for the notices module (告知函/回执): which customers a
 * letter goes to (by filter, within the user's scope) and what is printed on it (code, name,
 * active managers). Plain data in and out.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { activeManagers } from './customers.repo';

export { sniffFileType, MIME as SNIFFED_MIME } from './file-sniff';

export interface NoticeCustomerFilter {
  type?: string[];
  /** Province, city or county. */
  region?: string;
  managerId?: number;
  tag?: string[];
  customerIds?: number[];
}

/** Ids of the customers (not closed, in the user's scope; all customers when `user` is null) matching the filter, by code. */
export async function noticeCustomerIds(db: Tx, user: Pick<SessionUser, 'id' | 'roles'> | null, f: NoticeCustomerFilter): Promise<number[]> {
  let q = db.selectFrom('customers as c').select('c.id').where('c.status', '<>', 'closed');
  if (user) q = q.where(inCustomerScope(user, 'c.id'));
  if (f.type?.length) q = q.where('c.type', 'in', f.type);
  if (f.region) q = q.where((eb) => eb.or([eb('c.province', '=', f.region!), eb('c.city', '=', f.region!), eb('c.county', '=', f.region!)]));
  if (f.tag?.length) q = q.where(sql<boolean>`c.tags @> ${sql.val(f.tag)}::text[]`);
  if (f.managerId) q = q.where(sql<boolean>`c.id = ANY(ARRAY(SELECT m.customer_id FROM customer_managers m WHERE m.user_id = ${f.managerId} AND m.unassigned_at IS NULL))`);
  if (f.customerIds) q = q.where(sql<boolean>`c.id = ANY(${sql.val(f.customerIds)}::bigint[])`);
  return (await q.orderBy('c.id').execute()).map((r) => r.id);
}

export interface NoticeAddressee {
  id: number;
  code: string;
  name: string;
  /** Active managers, full-time first. */
  managers: { userId: number; displayName: string; phone: string | null; email: string | null; kind: 'full_time' | 'part_time' }[];
}

/** Code, name and active managers of the customers, in the order of `ids` (unknown ids are left out). */
export async function noticeAddressees(db: Tx, ids: number[]): Promise<NoticeAddressee[]> {
  if (!ids.length) return [];
  const [rows, mgrs] = await Promise.all([
    db
      .selectFrom('customers as c')
      .select(['c.id', 'c.code', 'c.name'])
      .where(sql<boolean>`c.id = ANY(${sql.val(ids)}::bigint[])`)
      .execute(),
    activeManagers(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const mgrOf = new Map<number, NoticeAddressee['managers']>();
  for (const m of mgrs) {
    const list = mgrOf.get(m.customerId) ?? [];
    list.push({ userId: m.userId, displayName: m.displayName, phone: m.phone, email: m.email, kind: m.kind });
    mgrOf.set(m.customerId, list);
  }
  const out: NoticeAddressee[] = [];
  for (const id of ids) {
    const c = byId.get(id);
    if (!c) continue;
    out.push({ id, code: c.code, name: c.name, managers: mgrOf.get(id) ?? [] });
  }
  return out;
}
