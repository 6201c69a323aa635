/**
 * Published reads of the customers module: set-based Kysely fragments other modules join or
 * filter with, so a cross-module read stays one SQL statement and never names a customers table.
 *   .innerJoin(customerBasics().as('c'), 'c.id', 'x.customer_id')          (Kysely)
 *   JOIN ${customerBasics()} c ON c.id = x.customer_id                      (sql`` text)
 *   .where('x.customer_id', 'in', customersManagedBy(userId))             (filter)
 * PostgreSQL inlines these simple subqueries, so plans are the same as joining the tables.
 */
import { fragmentBuilder } from '../../platform/db/fragments';
import { userDirectory } from '../../platform/auth/users';
import type { SessionUser } from '../../platform/auth/session-user';
import { seesAllCustomers } from './scope';
import './customers.tables';

/** Basic customer columns: id, code, name, type, price category, region (province/city/county, address), status, search text. */
export function customerBasics() {
  return fragmentBuilder
    .selectFrom('customers')
    .select([
      'id',
      'code',
      'name',
      'uscc',
      'type',
      'price_category',
      'province',
      'city',
      'county',
      'address',
      'status',
      'serves_residents',
      'exchange_status',
      'tags',
      'search_text',
      'created_at',
      'closed_at',
    ]);
}

/** Active manager assignments: id (assignment order), customer_id, user_id, kind ('full_time' | 'part_time'), assigned_at. */
export function activeManagerAssignments() {
  return fragmentBuilder.selectFrom('customer_managers').select(['id', 'customer_id', 'user_id', 'kind', 'assigned_at']).where('unassigned_at', 'is', null);
}

/** Customers a user actively manages (full- or part-time): a one-column subquery (customer_id). */
export function customersManagedBy(userId: number) {
  return fragmentBuilder.selectFrom('customer_managers').select('customer_id').where('user_id', '=', userId).where('unassigned_at', 'is', null);
}

/** Each customer's active full-time manager with the name: customer_id, user_id, display_name. */
export function fullTimeManagers() {
  return fragmentBuilder
    .selectFrom('customer_managers as m')
    .innerJoin(userDirectory().as('u'), 'u.id', 'm.user_id')
    .select(['m.customer_id', 'm.user_id', 'u.display_name'])
    .where('m.kind', '=', 'full_time')
    .where('m.unassigned_at', 'is', null);
}

/** Customers in the user's scope (scope.ts rule) as a one-column subquery (customer_id). */
export function customersInScope(user: Pick<SessionUser, 'id' | 'roles'>) {
  if (seesAllCustomers(user)) return fragmentBuilder.selectFrom('customers').select('id as customer_id');
  return fragmentBuilder
    .selectFrom('customer_managers')
    .select('customer_id')
    .where('user_id', '=', user.id)
    .where('unassigned_at', 'is', null)
    .union(fragmentBuilder.selectFrom('customer_grants').select('customer_id').where('user_id', '=', user.id));
}

/** Delivery points: id, customer_id, code, name, kind, meter_no, supply_source_id, active. */
export function deliveryPointBasics() {
  return fragmentBuilder.selectFrom('delivery_points').select(['id', 'customer_id', 'code', 'name', 'kind', 'meter_no', 'pressure_level', 'supply_source_id', 'active']);
}

/** Supply sources (gas fields, stations, plants, pipelines): id, code, name, kind, parent_id, region. */
export function supplySourceBasics() {
  return fragmentBuilder.selectFrom('supply_sources').select(['id', 'code', 'name', 'kind', 'parent_id', 'region']);
}
