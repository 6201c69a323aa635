/**
 * Customer reads published for the pricing, contracts and settlement modules (set-based; plain
 * data). Kept in its own file so those modules never name the customers table.
 */
import type { Tx } from '../../platform/db/database';

export interface CustomerBasics {
  id: number;
  code: string;
  name: string;
  type: string;
  priceCategory: string;
  status: string;
  province: string | null;
  city: string | null;
}

/** Code, name, type, price category, status and region of the given customers. */
export async function customerBasicsById(db: Tx, ids: number[]): Promise<Map<number, CustomerBasics>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'code', 'name', 'type', 'price_category', 'status', 'province', 'city']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, type: r.type, priceCategory: r.price_category, status: r.status, province: r.province, city: r.city }]));
}

/** Ids of customers of a price category that are contracted or supplied (recipients of a price change). */
export async function customerIdsByPriceCategory(db: Tx, category: string): Promise<number[]> {
  const rows = await db.selectFrom('customers').select('id').where('price_category', '=', category).where('status', 'in', ['contracted', 'active', 'restricted']).execute();
  return rows.map((r) => r.id);
}
