/** Helpers shared by the use cases of this module: users, scope of assignees, today's date. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { AppContext } from '../../platform/module';
import { inCustomerScope, customerBasics } from '../customers';
import type { Role } from '@common/roles';
import { AppError } from '../../platform/http/errors';
import { localDate } from './interactions.calc';
import { userDirectory } from '../../platform/auth/users';

export type Scoped = { id: number; roles: Role[] };

/** Today in the seller's time zone, 'YYYY-MM-DD'. */
export function todayOf(ctx: AppContext, now = new Date()): string {
  return localDate(now, ctx.config.timeZone);
}

/** Enabled users by id; throws USER_UNKNOWN naming the field for a missing or disabled one. */
export async function requireUsers(db: Tx, ids: number[], field: { zh: string; en: string }) {
  const unique = [...new Set(ids)];
  const map = new Map<number, { id: number; display_name: string; roles: Role[]; phone: string | null }>();
  if (!unique.length) return map;
  const rows = await db.selectFrom(userDirectory().as('u')).select(['id', 'display_name', 'roles', 'phone']).where('id', 'in', unique).where('disabled', '=', false).execute();
  for (const r of rows) map.set(r.id, { ...r, roles: r.roles as Role[] });
  const missing = unique.find((i) => !map.has(i));
  if (missing !== undefined) throw new AppError('USER_UNKNOWN', { field, id: missing });
  return map;
}

/** Whether `user` may see `customerId` under the customer scope rules. */
export async function userSeesCustomer(db: Tx, user: Scoped, customerId: number): Promise<boolean> {
  const { rows } = await sql<{ visible: boolean }>`SELECT ${inCustomerScope(user, 'c.id')} AS visible FROM ${customerBasics()} c WHERE c.id = ${customerId}`.execute(db);
  return rows.length > 0 && rows[0].visible;
}

/** An assignee or owner must be able to see the customer they are given work for. */
export async function requireAssignable(db: Tx, userId: number, customerId: number, field: { zh: string; en: string }) {
  const users = await requireUsers(db, [userId], field);
  const u = users.get(userId)!;
  if (!(await userSeesCustomer(db, { id: u.id, roles: u.roles }, customerId))) throw new AppError('ASSIGNEE_OUT_OF_SCOPE', { field, name: u.display_name });
  return u;
}

export const FIELD = {
  owner: { zh: '负责人', en: 'Owner' },
  assignee: { zh: '被指派人', en: 'Assignee' },
  participants: { zh: '参与人（我方）', en: 'Participants (our staff)' },
  occurredOn: { zh: '对接日期', en: 'Date' },
  raisedAt: { zh: '提出时间', en: 'Raised at' },
  eventAt: { zh: '处理时间', en: 'Time of the change' },
  dueOn: { zh: '到期日', en: 'Due date' },
} as const;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
