/** Display names of users and users by role, for modules that show who did something (published reads; platform owns `users`). */
import type { Tx } from '../../platform/db/database';
import { userDirectory, userDisplayNames as platformDisplayNames } from '../../platform/auth/users';

export async function userDisplayNames(db: Tx, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  return platformDisplayNames(
    db,
    ids.filter((x): x is number => typeof x === 'number' && Number.isSafeInteger(x)),
  );
}

/** The same as userDisplayNames for a list of ids. */
export const userNames = (db: Tx, ids: readonly number[]) => userDisplayNames(db, [...ids]);

/** Active users holding any of the roles (id and display name), e.g. managers for a ranking. */
export async function usersWithRoles(db: Tx, roles: readonly string[]): Promise<{ id: number; displayName: string }[]> {
  const rows = await db.selectFrom(userDirectory().as('u')).select(['id', 'display_name', 'roles']).where('disabled', '=', false).orderBy('id').execute();
  return rows.filter((r) => (r.roles as string[]).some((x) => roles.includes(x))).map((r) => ({ id: r.id, displayName: r.display_name }));
}
