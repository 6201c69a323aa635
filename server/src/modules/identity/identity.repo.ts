import type { Tx } from '../../platform/db/database';
import type { UserView } from './identity.schema';

const USER_COLS = ['id', 'username', 'display_name', 'roles', 'department', 'phone', 'email', 'disabled', 'created_at'] as const;

export function toUserView(r: { id: number; username: string; display_name: string; roles: string[]; department: string | null; phone: string | null; email: string | null; disabled: boolean; created_at: Date }): UserView {
  return { id: r.id, username: r.username, displayName: r.display_name, roles: r.roles as any, department: r.department, phone: r.phone, email: r.email, disabled: r.disabled, createdAt: r.created_at.toISOString() };
}

export async function findUserByUsername(db: Tx, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Tx, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Tx, f: { q?: string; role?: string; disabled?: boolean; page: number; pageSize: number }) {
  let q = db.selectFrom('users');
  if (f.q) q = q.where((eb) => eb.or([eb('username', 'ilike', `%${f.q}%`), eb('display_name', 'ilike', `%${f.q}%`)]));
  if (f.role) q = q.where((eb) => eb(eb.val(f.role!), '=', eb.fn.any('roles')));
  if (f.disabled !== undefined) q = q.where('disabled', '=', f.disabled);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select([...USER_COLS])
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total), items: rows.map(toUserView) };
}

export async function insertUser(db: Tx, v: { username: string; display_name: string; password_hash: string; roles: string[]; department: string | null; phone: string | null; email: string | null; must_change_password: boolean }) {
  return db.insertInto('users').values(v).returning([...USER_COLS]).executeTakeFirstOrThrow();
}

export async function updateUser(db: Tx, id: number, v: Partial<{ display_name: string; roles: string[]; department: string | null; phone: string | null; email: string | null; disabled: boolean; password_hash: string; must_change_password: boolean; password_changed_at: Date; lang: string }>) {
  return db.updateTable('users').set(v).where('id', '=', id).returning([...USER_COLS]).executeTakeFirstOrThrow();
}

export async function listNotifications(db: Tx, userId: number, onlyUnread: boolean, limit: number, lang: string) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (onlyUnread) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
  const unread = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: lang === 'en' ? r.title_en : r.title, body: lang === 'en' ? (r.body_en ?? r.body) : r.body, link: r.link, customerId: r.customer_id, createdAt: r.created_at.toISOString(), readAt: r.read_at ? r.read_at.toISOString() : null })),
  };
}
