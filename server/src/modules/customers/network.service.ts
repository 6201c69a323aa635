/** Supply network use cases: supply sources (list/create) and a customer's delivery points (CRUD). */
import { SUPPLY_SOURCE_KIND_LABELS, type SupplySourceKind } from '@common/customers';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import { assertCustomerAccess } from './scope';
import type { SessionUser } from '../../platform/auth/session-user';
import * as repo from './network.repo';
import { downstreamCounts } from './network.calc';
import { lockCustomer } from './customers.repo';
import { diff, track } from './customers.history';
import { CE } from './customers.errors';
import type { z } from 'zod';
import type { DeliveryPointBody, DeliveryPointPatch, SupplySourceBody } from './customers.schema';

/** Which kinds may feed which (gas field → well station → purification plant → pipeline → valve room, DOMAIN.md §5). */
export const PARENT_KINDS: Record<SupplySourceKind, SupplySourceKind[]> = {
  gas_field: [],
  well_station: ['gas_field'],
  purification_plant: ['gas_field', 'well_station'],
  pipeline: ['gas_field', 'well_station', 'purification_plant', 'pipeline'],
  valve_room: ['pipeline', 'purification_plant'],
};
const CODE_PREFIX: Record<SupplySourceKind, string> = { gas_field: 'GF', well_station: 'WS', purification_plant: 'PP', pipeline: 'PL', valve_room: 'VR' };

export async function listSupplySources(ctx: AppContext) {
  const rows = await repo.listSupplySources(ctx.db);
  const below = downstreamCounts(rows.map((r) => ({ id: r.id, parentId: r.parent_id, own: Number(r.dps ?? 0) })));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    region: r.region,
    deliveryPoints: Number(r.dps ?? 0),
    downstreamDeliveryPoints: below.get(r.id) ?? 0,
  }));
}

export async function createSupplySource(ctx: AppContext, body: z.infer<typeof SupplySourceBody>, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    if (body.parentId) {
      const parent = await repo.getSupplySource(trx, body.parentId);
      if (!parent) throw new AppError(CE.CUSTOMER_SUPPLY_SOURCE_NOT_FOUND, { id: body.parentId });
      if (!PARENT_KINDS[body.kind].includes(parent.kind))
        throw new AppError(CE.CUSTOMER_SUPPLY_PARENT_KIND, { kind: SUPPLY_SOURCE_KIND_LABELS[body.kind], parentKind: SUPPLY_SOURCE_KIND_LABELS[parent.kind] });
    }
    const code = body.code ?? (await repo.nextSupplyCode(trx, CODE_PREFIX[body.kind]));
    if (await repo.supplySourceByCode(trx, code)) throw new AppError(CE.CUSTOMER_SUPPLY_CODE_DUPLICATE, { code });
    const [row] = await repo.insertSupplySources(trx, [{ code, name: body.name, kind: body.kind, parent_id: body.parentId ?? null, region: body.region ?? null }]);
    await audit(trx, actor, { action: 'supply_source.create', entity: 'supply_source', entityId: row.id, after: row });
    return { id: row.id, code: row.code, name: row.name, kind: row.kind, parentId: row.parent_id, region: row.region, deliveryPoints: 0, downstreamDeliveryPoints: 0 };
  });
}

type DpRow = NonNullable<Awaited<ReturnType<typeof repo.getDeliveryPoint>>>;
export function dpView(r: DpRow) {
  return {
    id: r.id,
    customerId: r.customer_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    meterNo: r.meter_no,
    pressureLevel: r.pressure_level as any,
    supplySourceId: r.supply_source_id,
    supplySourceName: r.supply_source_name,
    active: r.active,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
const dpArchive = (r: DpRow) => ({ name: r.name, kind: r.kind, meterNo: r.meter_no, pressureLevel: r.pressure_level, supplySourceId: r.supply_source_id, active: r.active, notes: r.notes });

export async function listDeliveryPoints(ctx: AppContext, user: SessionUser, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  return (await repo.listDeliveryPoints(ctx.db, customerId)).map(dpView);
}

async function checkSourceAndMeter(trx: Tx, body: { supplySourceId?: number | null; meterNo?: string }, exceptId?: number) {
  if (body.supplySourceId && !(await repo.getSupplySource(trx, body.supplySourceId))) throw new AppError(CE.CUSTOMER_SUPPLY_SOURCE_NOT_FOUND, { id: body.supplySourceId });
  if (body.meterNo) {
    const hit = await repo.deliveryPointByMeter(trx, body.meterNo);
    if (hit && hit.id !== exceptId) throw new AppError(CE.CUSTOMER_METER_NO_DUPLICATE, { meterNo: body.meterNo, name: hit.name });
  }
}

async function openCustomer(trx: Tx, customerId: number) {
  const c = (await lockCustomer(trx, customerId))!;
  if (c.status === 'closed') throw new AppError(CE.CUSTOMER_CLOSED, { name: c.name });
  return c;
}

export async function createDeliveryPoint(ctx: AppContext, user: SessionUser, customerId: number, body: z.infer<typeof DeliveryPointBody>, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  return inTx(ctx.db, async (trx) => {
    const c = await openCustomer(trx, customerId);
    await checkSourceAndMeter(trx, body);
    const code = await repo.nextDeliveryPointCode(trx, c.code);
    const { id } = await repo.insertDeliveryPoint(trx, {
      customer_id: customerId,
      code,
      name: body.name,
      kind: body.kind,
      meter_no: body.meterNo,
      pressure_level: body.pressureLevel ?? null,
      supply_source_id: body.supplySourceId ?? null,
      notes: body.notes ?? null,
    });
    const row = (await repo.getDeliveryPoint(trx, id))!;
    await track(trx, actor, { customerId, action: 'delivery_point.create', entity: 'delivery_point', entityId: id, after: { code, ...dpArchive(row) } });
    return dpView(row);
  });
}

async function ownedPoint(trx: Tx, customerId: number, id: number) {
  const row = await repo.getDeliveryPoint(trx, id);
  if (!row || row.customer_id !== customerId) throw new AppError('NOT_FOUND', { entity: { zh: '交付点', en: 'Delivery point' } });
  return row;
}

export async function updateDeliveryPoint(ctx: AppContext, user: SessionUser, customerId: number, id: number, patch: z.infer<typeof DeliveryPointPatch>, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  return inTx(ctx.db, async (trx) => {
    await openCustomer(trx, customerId);
    const row = await ownedPoint(trx, customerId, id);
    await checkSourceAndMeter(trx, patch, id);
    const d = diff(dpArchive(row), patch);
    if (d) {
      const a = d.after as any;
      await repo.updateDeliveryPoint(trx, id, {
        ...(a.name !== undefined && { name: a.name }),
        ...(a.kind !== undefined && { kind: a.kind }),
        ...(a.meterNo !== undefined && { meter_no: a.meterNo }),
        ...('pressureLevel' in a && { pressure_level: a.pressureLevel }),
        ...('supplySourceId' in a && { supply_source_id: a.supplySourceId }),
        ...(a.active !== undefined && { active: a.active }),
        ...('notes' in a && { notes: a.notes }),
      });
      await track(trx, actor, { customerId, action: 'delivery_point.update', entity: 'delivery_point', entityId: id, before: d.before, after: d.after });
    }
    return dpView((await repo.getDeliveryPoint(trx, id))!);
  });
}

/** Deletes a delivery point that has no metering data yet; one with data can only be deactivated. */
export async function deleteDeliveryPoint(ctx: AppContext, user: SessionUser, customerId: number, id: number, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  try {
    await inTx(ctx.db, async (trx) => {
      await openCustomer(trx, customerId);
      const row = await ownedPoint(trx, customerId, id);
      await repo.deleteDeliveryPoint(trx, id);
      await track(trx, actor, { customerId, action: 'delivery_point.delete', entity: 'delivery_point', entityId: id, before: { code: row.code, ...dpArchive(row) } });
    });
  } catch (e: any) {
    if (e?.code === '23503') {
      const row = await repo.getDeliveryPoint(ctx.db, id);
      throw new AppError(CE.CUSTOMER_DELIVERY_POINT_IN_USE, { name: row?.name ?? id });
    }
    throw e;
  }
}
