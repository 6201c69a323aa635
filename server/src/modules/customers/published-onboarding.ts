/**
 * Published reads for the onboarding and plans modules: short customer descriptions, set-based
 * (one statement for many customers).
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

export interface CustomerBrief {
  id: number;
  code: string;
  name: string;
  status: string;
  type: string;
  province: string | null;
  city: string | null;
  county: string | null;
  servesResidents: boolean;
}

/** Customers by id (all when `ids` is null), optionally only in the given lifecycle statuses. */
export async function customerBriefs(db: Tx, ids: number[] | null, statuses?: string[]): Promise<CustomerBrief[]> {
  if (ids && !ids.length) return [];
  let q = db.selectFrom('customers').select(['id', 'code', 'name', 'status', 'type', 'province', 'city', 'county', 'serves_residents']);
  // One array parameter, not one per id: sets of 10⁵ ids stay within PostgreSQL's bind limit.
  if (ids) q = q.where(sql<boolean>`id = ANY(${sql.val(ids)}::bigint[])`);
  if (statuses?.length) q = q.where('status', 'in', statuses);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, status: r.status, type: r.type, province: r.province, city: r.city, county: r.county, servesResidents: r.serves_residents }));
}

/** Customer ids by customer code (KH…), for imports keyed by code. */
export async function customerIdsByCode(db: Tx, codes: string[]): Promise<Map<string, { id: number; status: string }>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'code', 'status'])
    .where(sql<boolean>`code = ANY(${sql.val(codes)}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, status: r.status }]));
}
