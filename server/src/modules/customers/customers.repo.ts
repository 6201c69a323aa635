/** SQL of the customers archive (Kysely): plain data in and out, no rules. */
import { sql, type ExpressionBuilder, type Insertable, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope, seesAllCustomers } from './scope';
import type { SessionUser } from '../../platform/auth/session-user';
import type { CustomerFilter } from './customers.schema';
import { userDirectory } from '../../platform/auth/users';
import { likePattern } from '../../platform/discovery/discovery';

export type CustomerRow = Awaited<ReturnType<typeof getCustomer>> & {};

export function getCustomer(db: Tx, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the customer row for the rest of the transaction (serialises changes to one customer). */
export function lockCustomer(db: Tx, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findByUscc(db: Tx, usccs: string[]) {
  if (!usccs.length) return Promise.resolve([]);
  return db.selectFrom('customers').select(['id', 'code', 'name', 'uscc']).where('uscc', 'in', usccs).execute();
}

export type CustomerInsert = Insertable<DB['customers']>;

/** Inserts in batches of 1000 rows; returns ids and generated codes in input order. */
export async function insertCustomers(db: Tx, rows: CustomerInsert[]): Promise<{ id: number; code: string; name: string }[]> {
  const out: { id: number; code: string; name: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const part = await db
      .insertInto('customers')
      .values(rows.slice(i, i + 1000))
      .returning(['id', 'code', 'name'])
      .execute();
    out.push(...part.sort((a, b) => a.id - b.id));
  }
  return out;
}

export function updateCustomer(db: Tx, id: number, set: Record<string, unknown>) {
  return db
    .updateTable('customers')
    .set({ ...(set as any), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Set-based insert of many customers (imports): one statement per 5,000 rows with one array
 * parameter per column (unnest), in input order; returns ids and generated codes in input order.
 */
export async function insertCustomersBulk(db: Tx, rows: CustomerInsert[]): Promise<{ id: number; code: string }[]> {
  const out: { id: number; code: string }[] = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    const col = <K extends keyof CustomerInsert>(k: K) => part.map((r) => (r[k] ?? null) as unknown);
    const res = await sql<{ id: number; code: string }>`
      INSERT INTO customers (name, uscc, type, price_category, province, city, county, address, serves_residents, residential_share,
                             use_structure_verified_on, exchange_status, tags, notes, pinyin, created_by)
      SELECT n, u, t, pc, p, c, co, a, sr, rs, vo, es, string_to_array(tg, chr(31)), nt, py, cb
        FROM unnest(${col('name')}::text[], ${col('uscc')}::text[], ${col('type')}::text[], ${col('price_category')}::text[], ${col('province')}::text[],
                    ${col('city')}::text[], ${col('county')}::text[], ${col('address')}::text[], ${col('serves_residents')}::boolean[], ${col('residential_share')}::numeric[],
                    ${col('use_structure_verified_on')}::date[], ${col('exchange_status')}::text[], ${part.map((r) => ((r.tags as string[] | undefined) ?? []).join('\u001f'))}::text[],
                    ${col('notes')}::text[], ${col('pinyin')}::text[], ${col('created_by')}::bigint[])
          WITH ORDINALITY AS x(n, u, t, pc, p, c, co, a, sr, rs, vo, es, tg, nt, py, cb, ord)
       ORDER BY ord
      RETURNING id, code`.execute(db);
    out.push(...res.rows.map((r) => ({ id: Number(r.id), code: r.code })).sort((a, b) => a.id - b.id));
  }
  return out;
}

/** The list/export filter, within the user's customer scope. */
/**
 * The user's customers for large lists: the same rule as the platform's inCustomerScope (managed
 * now, or granted), written as = ANY(ARRAY(… UNION …)): the user's few thousand ids are collected
 * first and looked up by primary key, instead of testing two hashed subplans on every customer.
 */
function scopeFilter(user: Pick<SessionUser, 'id' | 'roles'>) {
  if (seesAllCustomers(user)) return inCustomerScope(user, 'c.id');
  return sql<boolean>`c.id = ANY(ARRAY(SELECT cm.customer_id FROM customer_managers cm WHERE cm.user_id = ${user.id} AND cm.unassigned_at IS NULL
    UNION SELECT cg.customer_id FROM customer_grants cg WHERE cg.user_id = ${user.id}))`;
}

/**
 * Whether a search uses the 1–2 character index (migration 202612071601): one or two characters
 * (code points, as PostgreSQL counts them), except a single ASCII letter or digit — it is in most
 * codes, USCCs and pinyin initials, so scanning with the LIKE alone is cheaper. Three or more
 * characters are served by the trigram index.
 */
export function usesGrams(text: string): boolean {
  const n = [...text].length;
  return n === 2 || (n === 1 && text.charCodeAt(0) > 0x7f);
}

export function hasFilter(f: CustomerFilter): boolean {
  return !!(f.q || f.type?.length || f.status?.length || f.province || f.city || f.county || f.tag?.length || f.managerId);
}

export function filteredCustomers(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, f: CustomerFilter): SelectQueryBuilder<DB & { c: DB['customers'] }, 'c', {}> {
  let q = db.selectFrom('customers as c').where(scopeFilter(user)) as SelectQueryBuilder<DB & { c: DB['customers'] }, 'c', {}>;
  if (f.q) {
    const text = f.q.toLowerCase().replace(/\s+/g, '');
    q = q.where(sql<boolean>`c.search_text LIKE ${likePattern(text)}`);
    if (usesGrams(text)) q = q.where(sql<boolean>`customer_search_grams(c.search_text) @> ARRAY[${text}]::text[]`);
  }
  if (f.type?.length) q = q.where('c.type', 'in', f.type);
  if (f.status?.length) q = q.where('c.status', 'in', f.status);
  if (f.province) q = q.where('c.province', '=', f.province);
  if (f.city) q = q.where('c.city', '=', f.city);
  if (f.county) q = q.where('c.county', '=', f.county);
  if (f.tag?.length) q = q.where(sql<boolean>`c.tags @> ${sql.val(f.tag)}::text[]`);
  if (f.managerId) q = q.where(sql<boolean>`c.id = ANY(ARRAY(SELECT m.customer_id FROM customer_managers m WHERE m.user_id = ${f.managerId} AND m.unassigned_at IS NULL))`);
  return q;
}

const SORT_COLUMNS: Record<CustomerFilter['sort'], string[]> = {
  // Codes are issued from a sequence in id order, and id keeps KH99999 < KH100000.
  code: ['c.id'],
  name: ['c.name', 'c.id'],
  status: ['c.status', 'c.id'],
  type: ['c.type', 'c.id'],
  city: ['c.province', 'c.city', 'c.county', 'c.id'],
  updatedAt: ['c.updated_at', 'c.id'],
  createdAt: ['c.created_at', 'c.id'],
};

export const LIST_COLUMNS = [
  'c.id',
  'c.code',
  'c.name',
  'c.uscc',
  'c.type',
  'c.price_category',
  'c.province',
  'c.city',
  'c.county',
  'c.address',
  'c.status',
  'c.exchange_status',
  'c.serves_residents',
  'c.residential_share',
  'c.use_structure_verified_on',
  'c.tags',
  'c.notes',
  'c.updated_at',
  'c.created_at',
] as const;

/** The same order without the column's index (a no-op expression of the same type). */
function noIndex(col: string) {
  if (col === 'c.id') return sql`(c.id + 0)`;
  if (col.endsWith('_at')) return sql`(${sql.ref(col)} + interval '0 seconds')`;
  return sql`(${sql.ref(col)} || '')`;
}

/** The customer's active managers as a JSON array (kind, then assignment time), for list rows. */
function listManagers(eb: ExpressionBuilder<DB & { c: DB['customers'] }, 'c'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('customer_managers as m')
      .innerJoin(userDirectory().as('u'), 'u.id', 'm.user_id')
      .select(['m.user_id as userId', 'u.display_name as displayName', 'm.kind'])
      .whereRef('m.customer_id', '=', 'c.id')
      .where('m.unassigned_at', 'is', null)
      .orderBy('m.kind')
      .orderBy('m.assigned_at'),
  );
}

/**
 * A page of customers (each with its active managers) and the number matching. With a filter or a scope the matching rows are
 * found once (`oneScan`): one statement finds the page's ids and counts the matches (a window count
 * over the ids and sort keys only), a second reads the page's rows by id — a search over 100,000
 * customers scans them once instead of twice (list and count). `oneScan: false` keeps the two
 * statements (customers-list.int.test.ts compares both).
 */
export async function listCustomers(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, f: CustomerFilter, page: { page: number; pageSize: number } | null, opts: { oneScan?: boolean } = {}) {
  const base = filteredCustomers(db, user, f);
  // With a filter (or a scope) the matching rows are found first and then sorted: walking a sort
  // index and filtering can scan most of the table when the filter correlates with the order
  // (e.g. names that start with the city). Without one, the index gives the first page at once.
  const viaIndex = !hasFilter(f) && seesAllCustomers(user);
  const order = SORT_COLUMNS[f.sort].map((col) => (viaIndex ? sql.ref(col) : noIndex(col)));
  if (page && !viaIndex && opts.oneScan !== false) {
    let k = base.select(['c.id', sql<number>`count(*) OVER ()`.as('n')]);
    for (const o of order) k = k.orderBy(o, f.order);
    const keys = await k
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    if (!keys.length) {
      // past the last page (or nothing matches): the count alone
      const total = page.page > 1 ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
      return { total, items: [] };
    }
    const rows = await db
      .selectFrom('customers as c')
      .select([...LIST_COLUMNS])
      .select((eb) => listManagers(eb).as('managers'))
      .where(
        'c.id',
        'in',
        keys.map((r) => r.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { total: Number(keys[0].n), items: keys.map((r) => byId.get(r.id)!).filter(Boolean) };
  }
  let q = base.select([...LIST_COLUMNS]).select((eb) => listManagers(eb).as('managers'));
  for (const o of order) q = q.orderBy(o, f.order);
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [items, total] = await Promise.all([q.execute(), page ? base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() : null]);
  return { total: total ? Number(total.n) : items.length, items };
}

export interface ActiveManagerRow {
  assignmentId: number;
  customerId: number;
  userId: number;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  kind: 'full_time' | 'part_time';
  assignedAt: Date;
}

export async function activeManagers(db: Tx, customerIds: number[]): Promise<ActiveManagerRow[]> {
  if (!customerIds.length) return [];
  if (customerIds.length > 5000) {
    const out: ActiveManagerRow[] = [];
    for (let i = 0; i < customerIds.length; i += 5000) out.push(...(await activeManagers(db, customerIds.slice(i, i + 5000))));
    return out;
  }
  const rows = await db
    .selectFrom('customer_managers as m')
    .innerJoin(userDirectory().as('u'), 'u.id', 'm.user_id')
    .select([
      'm.id as assignmentId',
      'm.customer_id as customerId',
      'm.user_id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.phone',
      'u.email',
      'm.kind',
      'm.assigned_at as assignedAt',
    ])
    .where('m.customer_id', 'in', customerIds)
    .where('m.unassigned_at', 'is', null)
    .orderBy('m.customer_id')
    .orderBy('m.kind')
    .orderBy('m.assigned_at')
    .execute();
  return rows;
}

export function managerHistory(db: Tx, customerId: number) {
  return db
    .selectFrom('customer_managers as m')
    .innerJoin(userDirectory().as('u'), 'u.id', 'm.user_id')
    .leftJoin(userDirectory().as('b'), 'b.id', 'm.assigned_by')
    .select([
      'm.id',
      'm.user_id',
      'u.username',
      'u.display_name',
      'u.phone',
      'u.email',
      'm.kind',
      'm.assigned_at',
      'm.unassigned_at',
      'm.reason',
      'm.unassign_reason',
      'b.display_name as assigned_by_name',
    ])
    .where('m.customer_id', '=', customerId)
    .orderBy('m.assigned_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

/**
 * The customer page in one statement (issue 15 item 5: it was four — scope check, row, managers,
 * counts): the row, whether `user` may see it (the scope rule of scope.ts), the active managers as
 * a JSON array and the three counts. No row: the customer does not exist. The caller must refuse
 * the result when `visible` is false.
 */
export async function customerView(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, id: number, today: string, soonDays: number) {
  const row = await db
    .selectFrom('customers as c')
    .selectAll('c')
    .select((eb) => [
      sql<boolean>`${inCustomerScope(user, 'c.id')}`.as('visible'),
      jsonArrayFrom(
        eb
          .selectFrom('customer_managers as m')
          .innerJoin(userDirectory().as('u'), 'u.id', 'm.user_id')
          .select(['m.id as assignmentId', 'm.user_id as userId', 'u.username', 'u.display_name as displayName', 'u.phone', 'u.email', 'm.kind', 'm.assigned_at as assignedAt'])
          .whereRef('m.customer_id', '=', 'c.id')
          .where('m.unassigned_at', 'is', null)
          .orderBy('m.kind')
          .orderBy('m.assigned_at'),
      ).as('managers'),
      sql<number>`(SELECT count(*) FROM delivery_points WHERE customer_id = c.id AND active)::int`.as('dps'),
      sql<number>`(SELECT count(*) FROM customer_documents WHERE customer_id = c.id AND deleted_at IS NULL)::int`.as('docs'),
      sql<number>`(SELECT count(*) FROM customer_documents WHERE customer_id = c.id AND deleted_at IS NULL
        AND expires_on IS NOT NULL AND expires_on <= ${today}::date + ${soonDays}::int)::int`.as('expiring'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  // JSON carries the assignment time as text; the other reads give a Date.
  return row && { ...row, managers: row.managers.map((m) => ({ ...m, assignedAt: new Date(m.assignedAt as unknown as string) })) };
}

export interface HistoryInsert {
  customer_id: number;
  at?: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export async function insertHistory(db: Tx, rows: HistoryInsert[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('customer_history')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export function listHistory(db: Tx, customerId: number, page: { page: number; pageSize: number }, entity?: string) {
  let q = db.selectFrom('customer_history as h').leftJoin(userDirectory().as('u'), 'u.id', 'h.actor_id').where('h.customer_id', '=', customerId);
  if (entity) q = q.where('h.entity', '=', entity);
  return Promise.all([
    q
      .select(['h.id', 'h.at', 'h.actor_id', 'h.actor_name', 'u.display_name', 'h.action', 'h.entity', 'h.entity_id', 'h.before', 'h.after'])
      .orderBy('h.at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export function listTransitions(db: Tx, customerId: number) {
  return db
    .selectFrom('customer_transitions as t')
    .leftJoin(userDirectory().as('u'), 'u.id', 't.actor_id')
    .select(['t.id', 't.from_status', 't.to_status', 't.reason', 't.actor_id', 't.actor_name', 'u.display_name', 't.at'])
    .where('t.customer_id', '=', customerId)
    .orderBy('t.at')
    .orderBy('t.id')
    .execute();
}

export function findUser(db: Tx, id: number) {
  return db.selectFrom(userDirectory().as('u')).select(['id', 'username', 'display_name', 'roles', 'disabled']).where('id', '=', id).executeTakeFirst();
}

export async function tagCounts(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>) {
  const r = await sql<{
    tag: string;
    count: number;
  }>`SELECT t AS tag, count(*)::int AS count FROM customers c, unnest(c.tags) t WHERE ${inCustomerScope(user, 'c.id')} GROUP BY t ORDER BY count(*) DESC, t LIMIT 200`.execute(db);
  return r.rows;
}
