/** SQL of the contact/visit/issue statistics, counted per manager and month. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope } from '../customers';
import type { Scoped } from './interactions.shared';
import type { MonthlyFigures } from './interactions.calc';
import { userDirectory } from '../../platform/auth/users';

export async function monthlyFigures(db: Tx, user: Scoped, f: { from: string; to: string; managerId?: number }, timeZone: string): Promise<MonthlyFigures[]> {
  let iq = db
    .selectFrom('interactions as i')
    .select([
      'i.owner_id as manager_id',
      sql<string>`to_char(i.occurred_on, 'YYYY-MM')`.as('month'),
      sql<number>`count(*)`.as('contacts'),
      sql<number>`count(*) FILTER (WHERE i.kind = 'visit')`.as('visits'),
      sql<number>`count(*) FILTER (WHERE i.kind = 'phone')`.as('phones'),
      sql<number>`count(*) FILTER (WHERE i.kind = 'meeting')`.as('meetings'),
      sql<number>`count(*) FILTER (WHERE i.kind = 'online')`.as('online'),
    ])
    .where('i.occurred_on', '>=', f.from)
    .where('i.occurred_on', '<=', f.to)
    .where(inCustomerScope(user, 'i.customer_id'));
  if (f.managerId) iq = iq.where('i.owner_id', '=', f.managerId);

  const raisedDay = sql<string>`(timezone(${timeZone}, s.raised_at))::date`;
  let oq = db
    .selectFrom('customer_issues as s')
    .select([
      's.owner_id as manager_id',
      sql<string>`to_char(timezone(${timeZone}, s.raised_at), 'YYYY-MM')`.as('month'),
      sql<number>`count(*)`.as('opened'),
      sql<number>`coalesce(sum(floor(extract(epoch FROM s.first_response_at - s.raised_at) / 60)), 0)::bigint`.as('response_sum'),
      sql<number>`count(s.first_response_at)`.as('response_count'),
    ])
    .where(raisedDay, '>=', f.from)
    .where(raisedDay, '<=', f.to)
    .where(inCustomerScope(user, 's.customer_id'));
  if (f.managerId) oq = oq.where('s.owner_id', '=', f.managerId);

  const resolvedDay = sql<string>`(timezone(${timeZone}, s.resolved_at))::date`;
  let rq = db
    .selectFrom('customer_issues as s')
    .select(['s.owner_id as manager_id', sql<string>`to_char(timezone(${timeZone}, s.resolved_at), 'YYYY-MM')`.as('month'), sql<number>`count(*)`.as('resolved')])
    .where('s.resolved_at', 'is not', null)
    .where(resolvedDay, '>=', f.from)
    .where(resolvedDay, '<=', f.to)
    .where(inCustomerScope(user, 's.customer_id'));
  if (f.managerId) rq = rq.where('s.owner_id', '=', f.managerId);

  const [ints, opened, resolved] = await Promise.all([iq.groupBy(['i.owner_id', sql`2`]).execute(), oq.groupBy(['s.owner_id', sql`2`]).execute(), rq.groupBy(['s.owner_id', sql`2`]).execute()]);
  const map = new Map<string, MonthlyFigures>();
  const at = (managerId: number, month: string) => {
    const k = `${managerId}|${month}`;
    let m = map.get(k);
    if (!m) {
      m = { managerId, month, contacts: 0, visits: 0, phones: 0, meetings: 0, online: 0, issuesOpened: 0, issuesResolved: 0, responseMinutesSum: 0, responseCount: 0 };
      map.set(k, m);
    }
    return m;
  };
  for (const r of ints)
    Object.assign(at(r.manager_id, r.month), { contacts: Number(r.contacts), visits: Number(r.visits), phones: Number(r.phones), meetings: Number(r.meetings), online: Number(r.online) });
  for (const r of opened) Object.assign(at(r.manager_id, r.month), { issuesOpened: Number(r.opened), responseMinutesSum: Number(r.response_sum), responseCount: Number(r.response_count) });
  for (const r of resolved) at(r.manager_id, r.month).issuesResolved = Number(r.resolved);
  return [...map.values()];
}

export async function userNames(db: Tx, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db.selectFrom(userDirectory().as('u')).select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
