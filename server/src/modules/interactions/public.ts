/**
 * Figures other modules may read (dashboard headline contacts/visits, DOMAIN.md §7; grading's
 * communication dimension and manager assessment's process indicators, §3 and §6).
 * Not scoped: callers apply their own scope.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { averageMinutes } from './interactions.calc';

/** Contacts (all logged interactions) and visits with a date in from..to (inclusive). */
export async function contactCounts(db: Tx, from: string, to: string): Promise<{ contacts: number; visits: number }> {
  const r = await db
    .selectFrom('interactions')
    .select([sql<number>`count(*)`.as('contacts'), sql<number>`count(*) FILTER (WHERE kind = 'visit')`.as('visits')])
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .executeTakeFirstOrThrow();
  return { contacts: Number(r.contacts), visits: Number(r.visits) };
}

export interface CustomerIssueFigures {
  customerId: number;
  raised: number;
  responded: number;
  avgResponseMinutes: number | null;
  resolved: number;
  resolvedLate: number;
  /** Unresolved issues whose due day is before `today`. */
  overdueOpen: number;
}

/** Issue figures per customer for issues raised on local days from..to; `today` decides overdue. */
export async function customerIssueFigures(db: Tx, f: { from: string; to: string; today: string; timeZone: string; customerIds?: number[] }): Promise<CustomerIssueFigures[]> {
  const day = (col: string) => sql<string>`(timezone(${f.timeZone}, ${sql.ref(col)}))::date`;
  let q = db
    .selectFrom('customer_issues as s')
    .select([
      's.customer_id',
      sql<number>`count(*)`.as('raised'),
      sql<number>`count(s.first_response_at)`.as('responded'),
      sql<number>`coalesce(sum(floor(extract(epoch FROM s.first_response_at - s.raised_at) / 60)), 0)::bigint`.as('response_sum'),
      sql<number>`count(s.resolved_at)`.as('resolved'),
      sql<number>`count(*) FILTER (WHERE s.resolved_at IS NOT NULL AND ${day('s.resolved_at')} > s.due_on)`.as('late'),
      sql<number>`count(*) FILTER (WHERE s.status IN ('open', 'in_progress') AND s.due_on < ${f.today})`.as('overdue'),
    ])
    .where(day('s.raised_at'), '>=', f.from)
    .where(day('s.raised_at'), '<=', f.to)
    .groupBy('s.customer_id');
  if (f.customerIds) q = q.where('s.customer_id', 'in', f.customerIds.length ? f.customerIds : [0]);
  const rows = await q.orderBy('s.customer_id').execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    raised: Number(r.raised),
    responded: Number(r.responded),
    avgResponseMinutes: averageMinutes(Number(r.response_sum), Number(r.responded)),
    resolved: Number(r.resolved),
    resolvedLate: Number(r.late),
    overdueOpen: Number(r.overdue),
  }));
}
