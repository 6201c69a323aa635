/** SQL of the supply network: supply sources and delivery points. */
import type { Insertable } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/database';

export function listSupplySources(db: Tx) {
  return db
    .selectFrom('supply_sources as s')
    .select(['s.id', 's.code', 's.name', 's.kind', 's.parent_id', 's.region'])
    .select((eb) =>
      eb
        .selectFrom('delivery_points as d')
        .whereRef('d.supply_source_id', '=', 's.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('dps'),
    )
    .orderBy('s.id')
    .execute();
}

export function getSupplySource(db: Tx, id: number) {
  return db.selectFrom('supply_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export function supplySourceByCode(db: Tx, code: string) {
  return db.selectFrom('supply_sources').select(['id']).where('code', '=', code).executeTakeFirst();
}

export async function nextSupplyCode(db: Tx, prefix: string): Promise<string> {
  const rows = await db.selectFrom('supply_sources').select('code').where('code', 'like', `${prefix}-%`).execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(/-(\d+)$/.exec(r.code)?.[1] ?? 0)), 0);
  return `${prefix}-${String(max + 1).padStart(3, '0')}`;
}

export function insertSupplySources(db: Tx, rows: Insertable<DB['supply_sources']>[]) {
  return db.insertInto('supply_sources').values(rows).returningAll().execute();
}

const DP_COLS = [
  'd.id',
  'd.customer_id',
  'd.code',
  'd.name',
  'd.kind',
  'd.meter_no',
  'd.pressure_level',
  'd.supply_source_id',
  's.name as supply_source_name',
  'd.active',
  'd.notes',
  'd.created_at',
  'd.updated_at',
] as const;

export function listDeliveryPoints(db: Tx, customerId: number) {
  return db
    .selectFrom('delivery_points as d')
    .leftJoin('supply_sources as s', 's.id', 'd.supply_source_id')
    .select([...DP_COLS])
    .where('d.customer_id', '=', customerId)
    .orderBy('d.code')
    .execute();
}

export function getDeliveryPoint(db: Tx, id: number) {
  return db
    .selectFrom('delivery_points as d')
    .leftJoin('supply_sources as s', 's.id', 'd.supply_source_id')
    .select([...DP_COLS])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export function deliveryPointByMeter(db: Tx, meterNo: string) {
  return db.selectFrom('delivery_points').select(['id', 'name']).where('meter_no', '=', meterNo).executeTakeFirst();
}

export async function nextDeliveryPointCode(db: Tx, customerCode: string): Promise<string> {
  const rows = await db.selectFrom('delivery_points').select('code').where('code', 'like', `${customerCode}-%`).execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(/-(\d+)$/.exec(r.code)?.[1] ?? 0)), 0);
  return `${customerCode}-${String(max + 1).padStart(2, '0')}`;
}

export function insertDeliveryPoint(db: Tx, row: Insertable<DB['delivery_points']>) {
  return db.insertInto('delivery_points').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateDeliveryPoint(db: Tx, id: number, set: Record<string, unknown>) {
  return db
    .updateTable('delivery_points')
    .set({ ...(set as any), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function deleteDeliveryPoint(db: Tx, id: number) {
  return db.deleteFrom('delivery_points').where('id', '=', id).execute();
}
