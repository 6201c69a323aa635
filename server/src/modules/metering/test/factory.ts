/** Test fixtures for metering: supply sources, customers with delivery points, managers (inserted directly). */
import type { Db } from '../../../platform/db/database';

let seq = 0;
const tag = () => `${process.pid % 10000}${String(++seq).padStart(4, '0')}`;

export async function makeSource(db: Db, o: { parentId?: number; kind?: 'gas_field' | 'well_station' | 'purification_plant'; name?: string } = {}) {
  const code = `SRC${tag()}`;
  const r = await db
    .insertInto('supply_sources')
    .values({ code, name: o.name ?? code, kind: o.kind ?? (o.parentId ? 'well_station' : 'gas_field'), parent_id: o.parentId ?? null, region: '四川省' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, code };
}

export async function makeCustomer(
  db: Db,
  o: { type?: string; city?: string; status?: string; managerId?: number; sources: (number | null)[]; name?: string },
): Promise<{ id: number; code: string; name: string; points: { id: number; meterNo: string }[] }> {
  const code = `MC${tag()}`;
  const name = o.name ?? `计量测试客户${code}`;
  const c = await db
    .insertInto('customers')
    .values({ code, name, type: o.type ?? 'industrial', price_category: '工业', province: '四川省', city: o.city ?? '泸州市', status: o.status ?? 'active', updated_at: new Date() } as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.managerId) await db.insertInto('customer_managers').values({ customer_id: c.id, user_id: o.managerId, kind: 'full_time' }).execute();
  const points: { id: number; meterNo: string }[] = [];
  for (let i = 0; i < o.sources.length; i++) {
    const meterNo = `${code}-M${i + 1}`;
    const p = await db
      .insertInto('delivery_points')
      .values({ customer_id: c.id, code: `${code}-P${i + 1}`, name: `${name}${i + 1}号站`, kind: 'distribution_station', meter_no: meterNo, supply_source_id: o.sources[i] })
      .returning('id')
      .executeTakeFirstOrThrow();
    points.push({ id: p.id, meterNo });
  }
  return { id: c.id, code, name, points };
}

export async function countDeliveries(db: Db, pointIds: number[]): Promise<number> {
  const r = await db.selectFrom('daily_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('delivery_point_id', 'in', pointIds).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function historyOf(db: Db, pointId: number, gasDay?: string) {
  let q = db.selectFrom('delivery_history').selectAll().where('delivery_point_id', '=', pointId);
  if (gasDay) q = q.where('gas_day', '=', gasDay);
  return q.orderBy('id').execute();
}

export async function setQuality(db: Db, sourceId: number, gasDay: string, gcv: string) {
  await db
    .insertInto('gas_quality')
    .values({ supply_source_id: sourceId, gas_day: gasDay, method: 'report', gcv_mj_m3: gcv, ncv_mj_m3: null, relative_density: null, wobbe_mj_m3: null, density_kg_m3: null, z: null, molar_mass: null, composition: null, updated_at: new Date(), updated_by: null })
    .onConflict((oc) => oc.columns(['supply_source_id', 'gas_day']).doUpdateSet({ gcv_mj_m3: gcv }))
    .execute();
}

/** A CSV body as multipart form data. */
export function csvForm(text: string, fields: Record<string, string> = {}, filename = 'deliveries.csv'): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([text], { type: 'text/csv' }), filename);
  return f;
}

export function fileForm(buf: Uint8Array, filename: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([new Uint8Array(buf)]), filename);
  return f;
}
