/** Test fixtures for metering: deliveries, quality, history and upload forms (customers, points and sources: customers/testing/factory.ts). */
import type { Db } from '../../../platform/db/database';

/** Set (insert or replace) the delivery of a point on a gas day (origin 'scada'). */
export async function setDelivery(db: Db, customerId: number, pointId: number, day: string, volume: string) {
  await db
    .insertInto('daily_deliveries')
    .values({ customer_id: customerId, delivery_point_id: pointId, gas_day: day, volume_m3: volume, origin: 'scada' } as any)
    .onConflict((oc) => oc.columns(['customer_id', 'delivery_point_id', 'gas_day']).doUpdateSet({ volume_m3: volume }))
    .execute();
}

/** Many deliveries (origin 'scada') in statements of 2000 rows. */
export async function setDeliveries(db: Db, rows: { customerId: number; pointId: number; gasDay: string; volumeM3: string }[]) {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('daily_deliveries')
      .values(rows.slice(i, i + 2000).map((r) => ({ customer_id: r.customerId, delivery_point_id: r.pointId, gas_day: r.gasDay, volume_m3: r.volumeM3, origin: 'scada' }) as any))
      .execute();
}

export async function countDeliveries(db: Db, pointIds: number[]): Promise<number> {
  const r = await db
    .selectFrom('daily_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('delivery_point_id', 'in', pointIds)
    .executeTakeFirstOrThrow();
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
    .values({
      supply_source_id: sourceId,
      gas_day: gasDay,
      method: 'report',
      gcv_mj_m3: gcv,
      ncv_mj_m3: null,
      relative_density: null,
      wobbe_mj_m3: null,
      density_kg_m3: null,
      z: null,
      molar_mass: null,
      composition: null,
      updated_at: new Date(),
      updated_by: null,
    })
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
