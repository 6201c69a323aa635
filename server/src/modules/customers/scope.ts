/**
 * Customer scope (deny by default) — a customers business rule, published from customers/index.ts:
 * users whose roles grant `customers:all` see every customer; everyone else sees only customers
 * they manage (full- or part-time, active assignment) or were explicitly granted (customer_grants).
 * Feature modules filter lists with `inCustomerScope` (or join `customersInScope` as a subquery)
 * and check single customers with `assertCustomerAccess`.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { can } from '@common/roles';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { SessionUser } from '../../platform/auth/session-user';

export function seesAllCustomers(user: Pick<SessionUser, 'roles'>): boolean {
  return can(user.roles, 'customers:all');
}

/** SQL condition: `customerIdColumn` is a customer the user may see (a raw column reference such as 'c.id'). */
export function inCustomerScope(user: Pick<SessionUser, 'id' | 'roles'>, customerIdColumn: string): Expression<SqlBool> {
  const ids = customerIdsInScope(user);
  if (!ids) return sql<SqlBool>`true`;
  // One uncorrelated ARRAY(...) is evaluated once per query (an init plan), so a scoped list over
  // many rows is an index/hash lookup; `IN (...) OR IN (...)` made PostgreSQL re-check per row.
  return sql<SqlBool>`${sql.ref(customerIdColumn)} = ANY(${ids})`;
}

/**
 * The ids of the customers the user may see as one SQL array (bigint[]), or null when the user sees
 * every customer. For a company-wide read cached once and narrowed per user (versioned-cache.ts).
 */
export function customerIdsInScope(user: Pick<SessionUser, 'id' | 'roles'>): RawBuilder<number[]> | null {
  if (seesAllCustomers(user)) return null;
  return sql<number[]>`ARRAY(SELECT cm.customer_id FROM customer_managers cm WHERE cm.user_id = ${user.id} AND cm.unassigned_at IS NULL
    UNION SELECT cg.customer_id FROM customer_grants cg WHERE cg.user_id = ${user.id})`;
}

/** The rows of a company-wide list the user may see, given `customerIdsInScope` evaluated (null: all). */
export function keepInScope<T>(rows: T[], ids: (number | string)[] | null, idOf: (row: T) => number): T[] {
  if (!ids) return rows;
  const allowed = new Set(ids.map(Number));
  return rows.filter((r) => allowed.has(idOf(r)));
}

/** Throws NOT_FOUND when the customer does not exist and OUT_OF_SCOPE when the user may not see it. */
export async function assertCustomerAccess(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, customerId: number): Promise<void> {
  const { rows } = await sql<{ visible: boolean }>`SELECT ${inCustomerScope(user, 'c.id')} AS visible FROM customers c WHERE c.id = ${customerId}`.execute(db);
  assertCustomerVisible(rows[0]);
}

/**
 * The access rule on a customer row read with `inCustomerScope(...) AS visible` (by
 * assertCustomerAccess, or inside a caller's own statement to save a round trip): NOT_FOUND when
 * there is no row, OUT_OF_SCOPE when the user may not see it.
 */
export function assertCustomerVisible(row: { visible: boolean } | undefined): void {
  if (!row) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
  if (!row.visible) throw new AppError('OUT_OF_SCOPE');
}
