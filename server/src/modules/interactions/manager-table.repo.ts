/**
 * SQL of the manager big table (客户经理大表, DOMAIN.md §3) and the data of the manager letters:
 * active manager assignments, their customers and each customer's primary contact.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, customerBasics, activeManagerAssignments, customersManagedBy } from '../customers';
import type { Scoped } from './interactions.shared';
import type { LetterBatchQuery, ManagerTableQuery, ManagerTableRow } from './interactions.schema';
import { userDirectory } from '../../platform/auth/users';

type Filter = Omit<ManagerTableQuery, 'page' | 'pageSize'>;

function base(db: Tx, user: Scoped, f: Filter) {
  let q = db
    .selectFrom(activeManagerAssignments().as('cm'))
    .innerJoin(customerBasics().as('c'), 'c.id', 'cm.customer_id')
    .innerJoin(userDirectory().as('u'), 'u.id', 'cm.user_id')
    .leftJoin('customer_contacts as pc', (j) => j.onRef('pc.customer_id', '=', 'c.id').on('pc.is_primary', '=', true).on('pc.deleted_at', 'is', null))
    .where('c.status', '<>', 'closed')
    .where(inCustomerScope(user, 'c.id'));
  if (f.managerId) q = q.where('cm.user_id', '=', f.managerId);
  if (f.kind) q = q.where('cm.kind', '=', f.kind);
  if (f.type) q = q.where('c.type', '=', f.type);
  if (f.region) q = q.where((eb) => eb.or([eb('c.province', '=', f.region!), eb('c.city', '=', f.region!), eb('c.county', '=', f.region!)]));
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.code', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  return q;
}

export async function managerTable(db: Tx, user: Scoped, f: Filter, limit: number, offset: number): Promise<{ total: number; items: ManagerTableRow[] }> {
  const q = base(db, user, f);
  const total = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'cm.user_id',
      'u.display_name',
      'u.phone',
      'cm.kind',
      'c.id as customer_id',
      'c.code',
      'c.name',
      'c.type',
      'c.status',
      'c.city',
      'c.county',
      'pc.name as contact_name',
      'pc.title as contact_title',
      'pc.mobile',
      'pc.landline',
      'pc.email',
      sql<number>`(SELECT count(*) FROM customer_contacts o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND NOT o.is_primary)`.as('other_contacts'),
    ])
    .orderBy('cm.kind')
    .orderBy('u.display_name')
    .orderBy('cm.user_id')
    .orderBy('c.code')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      managerId: r.user_id,
      managerName: r.display_name,
      managerPhone: r.phone,
      managerKind: r.kind,
      customerId: r.customer_id,
      customerCode: r.code,
      customerName: r.name,
      customerType: r.type,
      customerStatus: r.status,
      city: r.city,
      county: r.county,
      contactName: r.contact_name ?? null,
      contactTitle: r.contact_title ?? null,
      contactMobile: r.mobile ?? null,
      contactLandline: r.landline ?? null,
      contactEmail: r.email ?? null,
      otherContacts: Number(r.other_contacts),
    })),
  };
}

export interface LetterData {
  customerId: number;
  code: string;
  name: string;
  contactName: string | null;
  managers: { kind: 'full_time' | 'part_time'; name: string; phone: string | null; email: string | null }[];
}

/** Customers (in scope, not closed) matching the filter that have at least one active manager. */
export async function letterCustomerIds(db: Tx, user: Scoped, f: LetterBatchQuery) {
  let q = db
    .selectFrom(customerBasics().as('c'))
    .select('c.id')
    .where('c.status', '<>', 'closed')
    .where(inCustomerScope(user, 'c.id'))
    .where((eb) => eb.exists(eb.selectFrom(activeManagerAssignments().as('m')).select('m.customer_id').whereRef('m.customer_id', '=', 'c.id')));
  if (f.managerId) q = q.where('c.id', 'in', customersManagedBy(f.managerId));
  if (f.type) q = q.where('c.type', '=', f.type);
  if (f.region) q = q.where((eb) => eb.or([eb('c.province', '=', f.region!), eb('c.city', '=', f.region!), eb('c.county', '=', f.region!)]));
  if (f.customerIds?.length) q = q.where('c.id', 'in', f.customerIds);
  return (await q.orderBy('c.code').execute()).map((r) => r.id);
}

export async function letterData(db: Tx, customerIds: number[]): Promise<LetterData[]> {
  if (!customerIds.length) return [];
  const [customers, managers] = await Promise.all([
    db
      .selectFrom(customerBasics().as('c'))
      .leftJoin('customer_contacts as pc', (j) => j.onRef('pc.customer_id', '=', 'c.id').on('pc.is_primary', '=', true).on('pc.deleted_at', 'is', null))
      .select(['c.id', 'c.code', 'c.name', 'pc.name as contact_name'])
      .where('c.id', 'in', customerIds)
      .orderBy('c.code')
      .execute(),
    db
      .selectFrom(activeManagerAssignments().as('m'))
      .innerJoin(userDirectory().as('u'), 'u.id', 'm.user_id')
      .select(['m.customer_id', 'm.kind', 'u.display_name', 'u.phone', 'u.email'])
      .where('m.customer_id', 'in', customerIds)
      .orderBy('m.kind')
      .orderBy('m.assigned_at')
      .execute(),
  ]);
  return customers.map((c) => ({
    customerId: c.id,
    code: c.code,
    name: c.name,
    contactName: c.contact_name ?? null,
    managers: managers.filter((m) => m.customer_id === c.id).map((m) => ({ kind: m.kind, name: m.display_name, phone: m.phone, email: m.email })),
  }));
}
