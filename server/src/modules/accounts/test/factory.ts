/** Test fixtures for the accounts module: customers, delivery points, deliveries, prices (inserted directly). */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';

let seq = 0;

export async function makeCustomer(db: Db, o: { managerId?: number; partTimeId?: number; status?: string; name?: string; city?: string; price?: string; priceFrom?: string; points?: number } = {}) {
  seq++;
  const code = `AC${process.pid % 10000}${String(seq).padStart(4, '0')}`;
  const name = o.name ?? `账户测试客户${seq}`;
  const row = await db
    .insertInto('customers')
    .values({ code, name, type: 'industrial', price_category: '工业', province: '四川省', city: o.city ?? '泸州市', status: o.status ?? 'active', updated_at: new Date() } as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.managerId) await db.insertInto('customer_managers').values({ customer_id: row.id, user_id: o.managerId, kind: 'full_time' }).execute();
  if (o.partTimeId) await db.insertInto('customer_managers').values({ customer_id: row.id, user_id: o.partTimeId, kind: 'part_time' }).execute();
  const points: number[] = [];
  for (let i = 0; i < (o.points ?? 2); i++) {
    const p = await db
      .insertInto('delivery_points')
      .values({ customer_id: row.id, code: `${code}-P${i + 1}`, name: `${name}${i + 1}号站`, kind: 'distribution_station', meter_no: `${code}-M${i + 1}` } as any)
      .returning('id')
      .executeTakeFirstOrThrow();
    points.push(p.id);
  }
  if (o.price) await db.insertInto('customer_provisional_prices').values({ customer_id: row.id, effective_from: o.priceFrom ?? '2020-01-01', price: o.price }).execute();
  return { id: row.id, name, code, points };
}

/** Set (insert or replace) the delivery of a point on a gas day. */
export async function setDelivery(db: Db, customerId: number, pointId: number, day: string, volume: string) {
  await db
    .insertInto('daily_deliveries')
    .values({ customer_id: customerId, delivery_point_id: pointId, gas_day: day, volume_m3: volume, origin: 'scada' } as any)
    .onConflict((oc) => oc.columns(['customer_id', 'delivery_point_id', 'gas_day']).doUpdateSet({ volume_m3: volume }))
    .execute();
}

export async function userId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function balance(db: Db, customerId: number): Promise<number> {
  const r = await sql<{ b: number }>`SELECT COALESCE(SUM(amount_fen), 0)::bigint AS b FROM ledger_postings WHERE customer_id = ${customerId}`.execute(db);
  return Number(r.rows[0].b);
}

export async function notificationsOf(db: Db, userId: number, customerId: number) {
  return db.selectFrom('notifications').select(['id', 'kind', 'title', 'dedupe_key']).where('user_id', '=', userId).where('customer_id', '=', customerId).where('kind', '=', 'payment_level').orderBy('id').execute();
}

/** Every transaction has at least two postings and sums to zero (a scan of the whole ledger). */
export async function unbalancedTransactions(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
       GROUP BY t.id HAVING count(p.line) < 2 OR COALESCE(SUM(p.amount_fen), 0) <> 0) x`.execute(db);
  return Number(r.rows[0].n);
}
