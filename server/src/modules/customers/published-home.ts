/**
 * Published read for the home page (home module): licences and qualification documents of the
 * customers in the user's scope that have expired or expire within EXPIRY_SOON_DAYS — the same
 * rule as the expiring-documents list.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/module';
import type { SessionUser } from '../../platform/auth/session-user';
import { inCustomerScope } from './scope';
import { EXPIRY_SOON_DAYS, todayIn } from './customers.service';

export interface DocumentsHome {
  expired: number;
  expiringSoon: number;
  withinDays: number;
}

export async function documentsHome(ctx: AppContext, user: SessionUser): Promise<DocumentsHome> {
  const today = todayIn(ctx);
  const r = await ctx.db
    .selectFrom('customer_documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .where('d.deleted_at', 'is', null)
    .where(inCustomerScope(user, 'c.id'))
    .where('c.status', '<>', 'closed')
    .where('d.expires_on', 'is not', null)
    .where(sql<boolean>`d.expires_on <= ${today}::date + ${EXPIRY_SOON_DAYS}::int`)
    .select([sql<number>`count(*) FILTER (WHERE d.expires_on < ${today}::date)::int`.as('expired'), sql<number>`count(*) FILTER (WHERE d.expires_on >= ${today}::date)::int`.as('soon')])
    .executeTakeFirstOrThrow();
  return { expired: Number(r.expired), expiringSoon: Number(r.soon), withinDays: EXPIRY_SOON_DAYS };
}
