/** Display names of users, for modules that show who organised or entered something. */
import type { Tx } from '../../platform/db/database';

export async function userNames(db: Tx, ids: readonly number[]): Promise<Map<number, string>> {
  const list = [...new Set(ids)].filter((x) => Number.isSafeInteger(x));
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Active users holding any of the roles (id and display name), e.g. managers for a ranking. */
export async function usersWithRoles(db: Tx, roles: readonly string[]): Promise<{ id: number; displayName: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'roles']).where('disabled', '=', false).orderBy('id').execute();
  return rows.filter((r) => (r.roles as string[]).some((x) => roles.includes(x))).map((r) => ({ id: r.id, displayName: r.display_name }));
}
