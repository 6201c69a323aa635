/** Published identity read for the onboarding and plans modules: active users by role (and department). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { userDirectory } from '../../platform/auth/users';

export interface UserRef {
  id: number;
  displayName: string;
  department: string | null;
  roles: string[];
}

export async function activeUsersWithRoles(db: Tx, roles: string[], department?: string): Promise<UserRef[]> {
  let q = db
    .selectFrom(userDirectory().as('u'))
    .select(['id', 'display_name', 'department', 'roles'])
    .where('disabled', '=', false)
    .where(sql<boolean>`roles && ${sql.val(roles)}::text[]`);
  if (department !== undefined) q = q.where('department', '=', department);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, department: r.department, roles: r.roles }));
}
