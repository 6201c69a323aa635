/**
 * Users (table `users`, owned by platform): the reads and writes of user accounts. The identity
 * module administers users through these; other modules read names through `userDirectory`, a
 * joinable fragment (never the table itself), e.g.
 *   .leftJoin(userDirectory().as('u'), 'u.id', 't.created_by')   or   JOIN ${userDirectory()} u ON …
 */
import type { Tx } from '../db/database';
import { fragmentBuilder } from '../db/fragments';

/** Public columns of users (no password hash): id, username, display_name, roles, department, phone, email, disabled. */
export function userDirectory() {
  return fragmentBuilder.selectFrom('users').select(['id', 'username', 'display_name', 'roles', 'department', 'phone', 'email', 'disabled']);
}

/** Display names of the given users: id → display_name. */
export async function userDisplayNames(db: Tx, ids: number[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', uniq).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export const USER_COLS = ['id', 'username', 'display_name', 'roles', 'department', 'phone', 'email', 'disabled', 'created_at'] as const;

export async function findUserByUsername(db: Tx, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Tx, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUserRows(db: Tx, f: { q?: string; role?: string; disabled?: boolean; page: number; pageSize: number }) {
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
  return { total: Number(total), rows };
}

export async function insertUser(
  db: Tx,
  v: { username: string; display_name: string; password_hash: string; roles: string[]; department: string | null; phone: string | null; email: string | null; must_change_password: boolean },
) {
  return db
    .insertInto('users')
    .values(v)
    .returning([...USER_COLS])
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Tx,
  id: number,
  v: Partial<{
    display_name: string;
    roles: string[];
    department: string | null;
    phone: string | null;
    email: string | null;
    disabled: boolean;
    password_hash: string;
    must_change_password: boolean;
    password_changed_at: Date;
    lang: string;
    volume_unit: string | null;
  }>,
) {
  return db
    .updateTable('users')
    .set(v)
    .where('id', '=', id)
    .returning([...USER_COLS])
    .executeTakeFirstOrThrow();
}

/** Whether an enabled administrator exists. */
export async function hasActiveAdmin(db: Tx): Promise<boolean> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .where('disabled', '=', false)
    .limit(1)
    .executeTakeFirst();
  return !!admin;
}
