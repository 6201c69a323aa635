/**
 * Published reads of the customers module: set-based Kysely fragments other modules join or
 * filter with, so a cross-module read stays one SQL statement and never names a customers table.
 *   .innerJoin(customerBasics(db).as('c'), 'c.id', 'x.customer_id')          (Kysely)
 *   JOIN ${customerBasics(db)} c ON c.id = x.customer_id                      (sql`` text)
 *   .where('x.customer_id', 'in', customersManagedBy(db, userId))             (filter)
 * PostgreSQL inlines these simple subqueries, so plans are the same as joining the tables.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { userDirectory } from '../../platform/auth/users';
import type { SessionUser } from '../../platform/auth/session-user';
import { seesAllCustomers } from './scope';
import './customers.tables';

/** Basic customer columns: id, code, name, type, price category, region (province/city/county), status, search text. */
export function customerBasics(db: Tx) {
  return db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'uscc', 'type', 'price_category', 'province', 'city', 'county', 'status', 'serves_residents', 'exchange_status', 'tags', 'search_text', 'created_at', 'closed_at']);
}

/** Active manager assignments: customer_id, user_id, kind ('full_time' | 'part_time'), assigned_at. */
export function activeManagerAssignments(db: Tx) {
  return db.selectFrom('customer_managers').select(['customer_id', 'user_id', 'kind', 'assigned_at']).where('unassigned_at', 'is', null);
}

/** Customers a user actively manages (full- or part-time): a one-column subquery (customer_id). */
export function customersManagedBy(db: Tx, userId: number) {
  return db.selectFrom('customer_managers').select('customer_id').where('user_id', '=', userId).where('unassigned_at', 'is', null);
}

/** Each customer's active full-time manager with the name: customer_id, user_id, display_name. */
export function fullTimeManagers(db: Tx) {
  return db
    .selectFrom('customer_managers as m')
    .innerJoin(userDirectory(db).as('u'), 'u.id', 'm.user_id')
    .select(['m.customer_id', 'm.user_id', 'u.display_name'])
    .where('m.kind', '=', 'full_time')
    .where('m.unassigned_at', 'is', null);
}

/** Customers in the user's scope (scope.ts rule) as a one-column subquery (customer_id). */
export function customersInScope(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>) {
  if (seesAllCustomers(user)) return db.selectFrom('customers').select('id as customer_id');
  return db
    .selectFrom('customer_managers')
    .select('customer_id')
    .where('user_id', '=', user.id)
    .where('unassigned_at', 'is', null)
    .union(db.selectFrom('customer_grants').select('customer_id').where('user_id', '=', user.id));
}

/** Delivery points: id, customer_id, code, name, kind, meter_no, supply_source_id, active. */
export function deliveryPointBasics(db: Tx) {
  return db.selectFrom('delivery_points').select(['id', 'customer_id', 'code', 'name', 'kind', 'meter_no', 'pressure_level', 'supply_source_id', 'active']);
}

/** Supply sources (gas fields, stations, plants, pipelines): id, code, name, kind, parent_id, region. */
export function supplySourceBasics(db: Tx) {
  return db.selectFrom('supply_sources').select(['id', 'code', 'name', 'kind', 'parent_id', 'region']);
}

/** Whether the customer exists (any status). */
export async function customerExists(db: Tx, customerId: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT 1 AS n FROM customers WHERE id = ${customerId}`.execute(db);
  return rows.length > 0;
}
