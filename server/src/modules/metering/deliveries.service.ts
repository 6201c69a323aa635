/** Use cases of single daily deliveries: enter or correct one value, list, history. */
import type { Lang } from '@common/lang';
import type { AppContext } from '../../platform/module';
import { publish } from '../../platform/events/events';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { assertCustomerAccess, inCustomerScope } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';
import { checkDayRange, parseDeliveryRow } from './ingest.calc';
import { chargedDaysOf, importableDays } from './ingest.service';
import { ME, rowMessage, type RowError } from './metering.errors';
import type { Origin } from './metering.tables';
import * as repo from './deliveries.repo';
import { getSettings } from './settings.repo';
import { energyGJ } from './metering.calc';
import type { ChargedDays } from '../../platform/ports';

type User = Pick<SessionUser, 'id' | 'roles'>;

export interface CorrectionInput {
  deliveryPointId: number;
  gasDay: string;
  volumeM3?: string;
  hourly?: string[] | null;
  origin: Origin;
  reason?: string | null;
}

/** Enter or correct one day of one delivery point; a change keeps the previous value in history. */
export async function saveDelivery(ctx: AppContext, user: User, input: CorrectionInput, lang: Lang, actor: Actor, now = new Date()) {
  const point = await repo.findPoint(ctx.db, input.deliveryPointId);
  if (!point) throw new AppError(ME.METERING_DELIVERY_POINT_NOT_FOUND);
  await assertCustomerAccess(ctx.db, user, point.customer_id);
  const errors: RowError[] = [];
  const row = parseDeliveryRow(
    { meterNo: point.meter_no, gasDay: input.gasDay, volumeM3: input.volumeM3, hourly: input.hourly ?? undefined, origin: input.origin, reason: input.reason },
    1,
    input.origin,
    errors,
  );
  if (row) {
    const { minDay, maxDay } = importableDays(now, ctx.config);
    checkDayRange([row], minDay, maxDay, errors);
  }
  if (errors.length || !row)
    throw new AppError(
      ME.METERING_DELIVERY_ROW_INVALID,
      { message: rowMessage(errors[0], lang).replace(/^(第 1 行|Row 1, )/, '') },
      { errors: errors.map((e) => ({ field: e.field, code: e.code, message: rowMessage(e, lang) })) },
    );

  return inTx(ctx.db, async (trx) => {
    const before = await repo.findDelivery(trx, point.id, row.gasDay);
    const hourlyJson = row.hourly ? JSON.stringify(row.hourly) : null;
    const changed = before && (before.volume_m3 !== row.volumeM3 || before.origin !== row.origin || JSON.stringify(before.hourly ?? null) !== (hourlyJson ?? 'null'));
    if (changed && !row.reason) throw new AppError(ME.METERING_REASON_REQUIRED);
    const r = await repo.upsertDeliveries(
      trx,
      { customerIds: [point.customer_id], pointIds: [point.id], days: [row.gasDay], volumes: [row.volumeM3], origins: [row.origin], hourly: [hourlyJson], reasons: [row.reason] },
      actor,
      'manual',
      row.reason ?? '',
    );
    if (r.blocked.length) {
      const e: RowError = { row: 1, field: 'origin', code: 'ESTIMATE_OVER_MEASURED', params: { origin: before?.origin } };
      throw new AppError(ME.METERING_DELIVERY_ROW_INVALID, { message: rowMessage(e, lang).replace(/^(第 1 行|Row 1, )/, '') });
    }
    let charges: ChargedDays = { follow: [], closed: [] };
    if (!before || changed) {
      await publish(ctx, trx, 'metering.deliveriesChanged', { customerIds: [point.customer_id], gasDays: [row.gasDay], channel: 'manual' });
      charges = await chargedDaysOf(ctx, trx, [row.gasDay]);
      await audit(trx, actor, {
        action: before ? 'metering.delivery.correct' : 'metering.delivery.create',
        entity: 'daily_delivery',
        entityId: `${point.id}:${row.gasDay}`,
        customerId: point.customer_id,
        before: before ? { volumeM3: before.volume_m3, origin: before.origin, hourly: before.hourly ?? null } : undefined,
        after: { volumeM3: row.volumeM3, origin: row.origin, hourly: row.hourly, reason: row.reason },
      });
    }
    return {
      deliveryPointId: point.id,
      gasDay: row.gasDay,
      volumeM3: row.volumeM3,
      origin: row.origin,
      hourly: row.hourly,
      status: !before ? ('created' as const) : changed ? ('corrected' as const) : ('unchanged' as const),
      charges,
    };
  });
}

export async function listDeliveries(ctx: AppContext, user: User, f: repo.DeliveryFilter, page: number, pageSize: number) {
  if (f.customerId) await assertCustomerAccess(ctx.db, user, f.customerId);
  const s = await getSettings(ctx.db);
  const { total, rows } = await repo.listDeliveries(ctx.db, inCustomerScope(user, 'c.id'), f, page, pageSize, s.gcvLookbackDays);
  return {
    total,
    items: rows.map((r: any) => ({
      customerId: Number(r.customer_id),
      customerName: r.customer_name as string,
      deliveryPointId: Number(r.delivery_point_id),
      pointCode: r.point_code as string,
      pointName: r.point_name as string,
      meterNo: r.meter_no as string,
      gasDay: r.day as string,
      volumeM3: r.volume_m3 as string,
      origin: r.origin as Origin,
      estimated: r.origin === 'estimate',
      hourly: (r.hourly ?? null) as string[] | null,
      gcvMJm3: (r.gcv ?? null) as string | null,
      // carried forward from an earlier day's quality data (gcv.repo.ts rule 2), shown as such
      gcvCarriedFrom: r.gcv != null && r.gcv_day && r.gcv_day < r.day ? (r.gcv_day as string) : null,
      energyGJ: r.gcv == null ? null : energyGJ(r.volume_m3, r.gcv).toDecimalPlaces(6).toFixed(),
      corrections: Number(r.corrections),
      updatedAt: new Date(r.updated_at).toISOString(),
      updatedBy: (r.updated_by_name ?? null) as string | null,
    })),
  };
}

export async function listHistory(ctx: AppContext, user: User, f: { customerId?: number; deliveryPointId?: number; gasDay?: string; from?: string; to?: string }, limit: number) {
  if (f.customerId) await assertCustomerAccess(ctx.db, user, f.customerId);
  const rows = await repo.listHistory(ctx.db, inCustomerScope(user, 'c.id'), f, limit);
  return rows.map((r: any) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerName: r.customer_name as string,
    deliveryPointId: Number(r.delivery_point_id),
    pointName: r.point_name as string,
    meterNo: r.meter_no as string,
    gasDay: r.day as string,
    oldVolumeM3: r.old_volume_m3 as string,
    oldOrigin: r.old_origin as Origin,
    newVolumeM3: r.new_volume_m3 as string,
    newOrigin: r.new_origin as Origin,
    reason: r.reason as string,
    channel: r.channel as string,
    changedBy: (r.changed_by_name ?? null) as string | null,
    changedAt: new Date(r.changed_at).toISOString(),
  }));
}
