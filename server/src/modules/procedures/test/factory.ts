/** Test fixtures for the procedures module: customers (with managers) inserted directly with Kysely. */
import type { Db } from '../../../platform/db/database';

let seq = 0;

export async function makeCustomer(
  db: Db,
  o: { managerId?: number; partTimeId?: number; servesResidents?: boolean; type?: string; city?: string; county?: string; province?: string; status?: string; name?: string } = {},
): Promise<{ id: number; name: string; code: string }> {
  seq++;
  const code = `PT${process.pid % 10000}${String(seq).padStart(4, '0')}`;
  const name = o.name ?? `测试燃气客户${seq}`;
  const row = await db
    .insertInto('customers')
    .values({
      code,
      name,
      type: o.type ?? (o.servesResidents ? 'city_gas' : 'industrial'),
      price_category: o.servesResidents ? '居民' : '工业',
      province: o.province ?? '四川省',
      city: o.city ?? '宜宾市',
      county: o.county ?? null,
      status: o.status ?? 'active',
      serves_residents: o.servesResidents ?? false,
      updated_at: new Date(),
    } as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.managerId) await db.insertInto('customer_managers').values({ customer_id: row.id, user_id: o.managerId, kind: 'full_time' }).execute();
  if (o.partTimeId) await db.insertInto('customer_managers').values({ customer_id: row.id, user_id: o.partTimeId, kind: 'part_time' }).execute();
  return { id: row.id, name, code };
}

/** A 1×1 PNG and a minimal PDF, recognised by their magic bytes. */
export const PNG = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex'));
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export function form(file: Uint8Array, filename: string, type: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([file as Uint8Array<ArrayBuffer>], { type }), filename);
  return f;
}

/** A delivery point and a provisional price, so the accounts daily run charges the customer. */
export async function addPointAndPrice(db: Db, customerId: number, price: string): Promise<number> {
  const code = `PT-DP-${customerId}-${++seq}`;
  const p = await db
    .insertInto('delivery_points')
    .values({ customer_id: customerId, code, name: `${code}站`, kind: 'distribution_station', meter_no: `${code}-M` } as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('customer_provisional_prices').values({ customer_id: customerId, effective_from: '2020-01-01', price }).execute();
  return p.id;
}

export async function setDelivery(db: Db, customerId: number, pointId: number, day: string, volume: string) {
  await db.insertInto('daily_deliveries').values({ customer_id: customerId, delivery_point_id: pointId, gas_day: day, volume_m3: volume, origin: 'scada' } as any).execute();
}
