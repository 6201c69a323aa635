/** All SQL of the notices module (its own tables only; customers are read through their module). */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import type { ListFilter } from './notices.schema';
import type { ReceiptStatus } from './notices.calc';
import { likePattern } from '../../platform/discovery/discovery';

type Scoped = Pick<SessionUser, 'id' | 'roles'>;

export function nextNoticeId(db: Tx) {
  return sql<{ id: string }>`SELECT nextval('notices_id_seq')::text AS id`.execute(db).then((r) => Number(r.rows[0].id));
}

export const listTemplates = (db: Tx) => db.selectFrom('notice_templates').selectAll().orderBy('builtin', 'desc').orderBy('id').execute();
export const findTemplate = (db: Tx, id: number) => db.selectFrom('notice_templates').selectAll().where('id', '=', id).executeTakeFirst();
export const findTemplateByCode = (db: Tx, code: string) => db.selectFrom('notice_templates').selectAll().where('code', '=', code).executeTakeFirst();

const dueToday = (today: string) => sql<number>`count(*) FILTER (WHERE r.receipt_status = 'pending' AND n.receipt_due_on < ${today}::date)`;

/** Notices with at least one recipient in the user's scope, with counts over those recipients. */
function listBase(db: Tx, user: Scoped, f: ListFilter, today: string) {
  let q = db
    .selectFrom('notices as n')
    .innerJoin('notice_recipients as r', 'r.notice_id', 'n.id')
    .where(inCustomerScope(user, 'r.customer_id'))
    .select([
      'n.id',
      'n.no',
      'n.kind',
      'n.title',
      'n.title_en',
      'n.field_values',
      'n.channels',
      'n.require_receipt',
      'n.receipt_due_on',
      'n.sent_on',
      'n.sent_at',
      'n.source_module',
      'n.source_entity',
      'n.source_id',
      'n.sent_by',
    ])
    .select((eb) => [
      eb.fn.countAll<number>().as('recipients'),
      sql<number>`count(*) FILTER (WHERE r.receipt_status <> 'not_required')`.as('required'),
      sql<number>`count(*) FILTER (WHERE r.receipt_status = 'returned')`.as('returned'),
      sql<number>`count(*) FILTER (WHERE r.receipt_status = 'pending')`.as('pending'),
      dueToday(today).as('overdue'),
    ])
    .groupBy('n.id');
  if (f.kind) q = q.where('n.kind', '=', f.kind);
  if (f.from) q = q.where('n.sent_on', '>=', f.from);
  if (f.to) q = q.where('n.sent_on', '<=', f.to);
  if (f.q) {
    const like = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('n.title', 'ilike', like), eb('n.title_en', 'ilike', like), eb('n.no', 'ilike', like)]));
  }
  if (f.status === 'complete') q = q.having(sql<boolean>`count(*) FILTER (WHERE r.receipt_status = 'pending') = 0`);
  if (f.status === 'incomplete') q = q.having(sql<boolean>`count(*) FILTER (WHERE r.receipt_status = 'pending') > 0`);
  if (f.status === 'overdue') q = q.having(sql<boolean>`${dueToday(today)} > 0`);
  return q;
}
export type NoticeListRow = Awaited<ReturnType<ReturnType<typeof listBase>['execute']>>[number];

export async function listNotices(db: Tx, user: Scoped, f: ListFilter, today: string, page: { limit: number; offset: number }) {
  const base = listBase(db, user, f, today);
  const [items, total] = await Promise.all([
    base.orderBy('n.sent_at', 'desc').orderBy('n.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom(base.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items };
}

export async function noticeForUser(db: Tx, user: Scoped, id: number, today: string) {
  return listBase(db, user, {}, today).where('n.id', '=', id).executeTakeFirst();
}
export const noticeRow = (db: Tx, id: number) => db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();

const RECIPIENT_COLS = [
  'r.notice_id',
  'r.customer_id',
  'r.customer_code',
  'r.customer_name',
  'r.manager_name',
  'r.manager_phone',
  'r.managers',
  'r.receipt_status',
  'r.returned_on',
  'r.signer',
  'r.receipt_note',
  'r.recorded_at',
  'r.recorded_by',
  'r.file_name',
  'r.file_mime',
  'r.file_size',
] as const;

export function recipientsQuery(db: Tx, user: Scoped | null) {
  let q = db.selectFrom('notice_recipients as r');
  if (user) q = q.where(inCustomerScope(user, 'r.customer_id'));
  return q;
}

export async function listRecipients(
  db: Tx,
  user: Scoped,
  noticeId: number,
  f: { status?: ReceiptStatus | 'overdue'; q?: string },
  dueOn: string | null,
  today: string,
  page: { limit: number; offset: number } | null,
) {
  let q = recipientsQuery(db, user).where('r.notice_id', '=', noticeId);
  if (f.status === 'overdue') q = q.where('r.receipt_status', '=', 'pending').where(sql<SqlBool>`${dueOn}::date < ${today}::date`);
  else if (f.status) q = q.where('r.receipt_status', '=', f.status);
  if (f.q) {
    const like = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('r.customer_name', 'ilike', like), eb('r.customer_code', 'ilike', like)]));
  }
  let rows = q.select([...RECIPIENT_COLS]).orderBy('r.customer_code');
  if (page) rows = rows.limit(page.limit).offset(page.offset);
  const [items, total] = await Promise.all([rows.execute(), q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { total: Number(total.n), items };
}
export type RecipientRow = Awaited<ReturnType<typeof listRecipients>>['items'][number];

export function findRecipient(db: Tx, noticeId: number, customerId: number, lock = false) {
  let q = recipientsQuery(db, null)
    .select([...RECIPIENT_COLS])
    .where('r.notice_id', '=', noticeId)
    .where('r.customer_id', '=', customerId);
  if (lock) q = q.forUpdate('r' as any);
  return q.executeTakeFirst();
}

export async function recipientsOf(db: Tx, noticeId: number, customerIds: number[] | null, scope: Expression<SqlBool> | null) {
  let q = recipientsQuery(db, null)
    .select([...RECIPIENT_COLS])
    .where('r.notice_id', '=', noticeId);
  if (customerIds) q = q.where(sql<boolean>`r.customer_id = ANY(${sql.val(customerIds)}::bigint[])`);
  if (scope) q = q.where(scope);
  return q.orderBy('r.customer_code').execute();
}

export function customerNotices(db: Tx, customerId: number) {
  return recipientsQuery(db, null)
    .innerJoin('notices as n', 'n.id', 'r.notice_id')
    .select([...RECIPIENT_COLS, 'n.no', 'n.kind', 'n.title', 'n.title_en', 'n.field_values', 'n.sent_on', 'n.receipt_due_on'])
    .where('r.customer_id', '=', customerId)
    .orderBy('n.sent_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(500)
    .execute();
}

/** Pending receipts whose due date is before `day`, with their notice. */
export function overdueRecipients(db: Tx, day: string) {
  return db
    .selectFrom('notice_recipients as r')
    .innerJoin('notices as n', 'n.id', 'r.notice_id')
    .select(['r.notice_id', 'r.customer_id', 'r.customer_name', 'n.no', 'n.title', 'n.title_en', 'n.receipt_due_on'])
    .where('r.receipt_status', '=', 'pending')
    .where('n.receipt_due_on', '<', day)
    .orderBy('r.notice_id')
    .orderBy('r.customer_code')
    .execute();
}
