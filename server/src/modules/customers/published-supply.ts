/**
 * Set-based reads of the supply network and the archive for the supply module (issue 14):
 * supply sources, delivery points and the customers hanging on them, one statement each.
 * Not scoped: callers filter with `visibleCustomerIds`.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';

export interface NetworkSource {
  id: number;
  code: string;
  name: string;
  kind: 'gas_field' | 'well_station' | 'purification_plant' | 'pipeline' | 'valve_room';
  parentId: number | null;
  region: string | null;
}
export interface NetworkDeliveryPoint {
  id: number;
  customerId: number;
  code: string;
  name: string;
  kind: 'distribution_station' | 'gate_station';
  supplySourceId: number | null;
  active: boolean;
}
export interface NetworkCustomer {
  id: number;
  code: string;
  name: string;
  type: string;
  status: string;
  province: string | null;
  city: string | null;
  county: string | null;
  servesResidents: boolean;
  /** Verified residential share of a city-gas distributor (0..1, decimal string), or null. */
  residentialShare: string | null;
  tags: string[];
}

/** The whole supply network: sources, delivery points, and the customers that have a delivery point (closed customers excluded). */
export async function networkSnapshot(db: Tx): Promise<{ sources: NetworkSource[]; deliveryPoints: NetworkDeliveryPoint[]; customers: NetworkCustomer[] }> {
  const [sources, dps, customers] = await Promise.all([
    db.selectFrom('supply_sources').select(['id', 'code', 'name', 'kind', 'parent_id', 'region']).orderBy('id').execute(),
    db.selectFrom('delivery_points').select(['id', 'customer_id', 'code', 'name', 'kind', 'supply_source_id', 'active']).orderBy('id').execute(),
    db
      .selectFrom('customers as c')
      .select(['c.id', 'c.code', 'c.name', 'c.type', 'c.status', 'c.province', 'c.city', 'c.county', 'c.serves_residents', 'c.residential_share', 'c.tags'])
      .where('c.status', '<>', 'closed')
      .where(sql<boolean>`EXISTS (SELECT 1 FROM delivery_points d WHERE d.customer_id = c.id)`)
      .orderBy('c.id')
      .execute(),
  ]);
  return {
    sources: sources.map((s) => ({ id: s.id, code: s.code, name: s.name, kind: s.kind, parentId: s.parent_id, region: s.region })),
    deliveryPoints: dps.map((d) => ({ id: d.id, customerId: d.customer_id, code: d.code, name: d.name, kind: d.kind, supplySourceId: d.supply_source_id, active: d.active })),
    customers: customers.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      type: c.type,
      status: c.status,
      province: c.province,
      city: c.city,
      county: c.county,
      servesResidents: c.serves_residents,
      residentialShare: c.residential_share,
      tags: c.tags,
    })),
  };
}

/** Of `ids` (all customers when omitted), those the user may see under the customer scope rules. */
export async function visibleCustomerIds(db: Tx, user: Pick<SessionUser, 'id' | 'roles'>, ids?: number[]): Promise<Set<number>> {
  if (ids && !ids.length) return new Set();
  let q = db.selectFrom('customers as c').select('c.id').where(inCustomerScope(user, 'c.id'));
  if (ids) q = q.where('c.id', 'in', ids);
  return new Set((await q.execute()).map((r) => r.id));
}
