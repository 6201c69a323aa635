/** Identity reads: user accounts live in platform (platform/auth/users.ts); this maps them to the API's views. */
import type { Tx } from '../../platform/db/database';
import { listUserRows } from '../../platform/auth/users';
import type { UserView } from './identity.schema';

export { findUserByUsername, findUserById, insertUser, updateUser } from '../../platform/auth/users';
export { listNotifications } from '../../platform/notify';

export function toUserView(r: {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  department: string | null;
  phone: string | null;
  email: string | null;
  disabled: boolean;
  created_at: Date;
}): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles as any,
    department: r.department,
    phone: r.phone,
    email: r.email,
    disabled: r.disabled,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listUsers(db: Tx, f: { q?: string; role?: string; disabled?: boolean; page: number; pageSize: number }) {
  const { total, rows } = await listUserRows(db, f);
  return { total, items: rows.map(toUserView) };
}
