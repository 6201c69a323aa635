/** Display names of users by id, for modules that show who did something (published read). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

export async function userDisplayNames(db: Tx, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const list = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where(sql<boolean>`id = ANY(${sql.val(list)}::bigint[])`).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
