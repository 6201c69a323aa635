/** Display names of users and users by role, for modules that show who did something (published reads of identity). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

export async function userDisplayNames(db: Tx, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const list = [...new Set(ids.filter((x): x is number => typeof x === 'number' && Number.isSafeInteger(x)))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where(sql<boolean>`id = ANY(${sql.val(list)}::bigint[])`).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The same as userDisplayNames for a list of ids. */
export const userNames = (db: Tx, ids: readonly number[]) => userDisplayNames(db, [...ids]);

/** Active users holding any of the roles (id and display name), e.g. managers for a ranking. */
export async function usersWithRoles(db: Tx, roles: readonly string[]): Promise<{ id: number; displayName: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'roles']).where('disabled', '=', false).orderBy('id').execute();
  return rows.filter((r) => (r.roles as string[]).some((x) => roles.includes(x))).map((r) => ({ id: r.id, displayName: r.display_name }));
}
