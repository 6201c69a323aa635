/** Closed periods, provisional prices and monitoring thresholds. */
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { decFixed, isDecimalString, dec } from '@common/decimal';
import { addDays, effectiveThresholds, thresholdsValid, type Thresholds } from './accounts.calc';
import { AE } from './accounts.errors';
import * as repo from './levels.repo';
import { monitoringDay, recomputeLevels } from './levels.service';
import { todayIn, yesterdayIn } from './payments.service';
import { userDirectory } from '../../platform/auth/users';

// ----- periods -----------------------------------------------------------------------------

export async function listPeriods(db: Tx) {
  const rows = await db
    .selectFrom('accounting_periods as p')
    .leftJoin(userDirectory().as('u'), 'u.id', 'p.closed_by')
    .select(['p.month', 'p.closed_at', 'u.display_name', 'p.note'])
    .orderBy('p.month', 'desc')
    .execute();
  return rows.map((r) => ({ period: r.month.slice(0, 7), closedAt: new Date(r.closed_at).toISOString(), closedBy: r.display_name ?? null, note: r.note }));
}

/** Close a month (YYYY-MM) that has ended: from then on nothing may be dated into it. */
export async function closePeriod(ctx: AppContext, period: string, note: string | null, actor: Actor) {
  const first = `${period}-01`;
  const nextMonth = addDays(`${period}-28`, 4).slice(0, 7) + '-01';
  if (nextMonth > todayIn(ctx.config.timeZone)) throw new AppError(AE.PERIOD_NOT_ENDED, { period });
  return inTx(ctx.db, async (trx) => {
    const exists = await trx.selectFrom('accounting_periods').select('month').where('month', '=', first).executeTakeFirst();
    if (exists) throw new AppError(AE.PERIOD_ALREADY_CLOSED, { period });
    await trx.insertInto('accounting_periods').values({ month: first, closed_by: actor.userId, note }).execute();
    await audit(trx, actor, { action: 'period.close', entity: 'accounting_period', entityId: period, after: { period, note } });
    return { period, closed: true };
  });
}

// ----- provisional prices --------------------------------------------------------------------

export async function listPrices(db: Tx, customerId: number) {
  const rows = await db.selectFrom('customer_provisional_prices').select(['effective_from', 'price', 'created_at']).where('customer_id', '=', customerId).orderBy('effective_from', 'desc').execute();
  return rows.map((r) => ({ effectiveFrom: r.effective_from, price: r.price }));
}

/** Set the provisional price from a date (replaces a price set for the same date). */
export async function setPrice(ctx: AppContext, customerId: number, input: { effectiveFrom: string; price: string }, actor: Actor) {
  if (!isDecimalString(input.price) || dec(input.price).lt(0) || dec(input.price).decimalPlaces() > 4) throw new AppError(AE.PRICE_INVALID, { price: input.price });
  const price = decFixed(input.price, 4);
  return inTx(ctx.db, async (trx) => {
    const before = await trx.selectFrom('customer_provisional_prices').select('price').where('customer_id', '=', customerId).where('effective_from', '=', input.effectiveFrom).executeTakeFirst();
    await trx
      .insertInto('customer_provisional_prices')
      .values({ customer_id: customerId, effective_from: input.effectiveFrom, price, created_by: actor.userId })
      .onConflict((oc) => oc.columns(['customer_id', 'effective_from']).doUpdateSet({ price, created_by: actor.userId }))
      .execute();
    await audit(trx, actor, { action: 'provisional_price.set', entity: 'customer', entityId: customerId, customerId, before: before ?? null, after: { effectiveFrom: input.effectiveFrom, price } });
    return listPrices(trx, customerId);
  });
}

// ----- thresholds -----------------------------------------------------------------------------

function assertValid(t: Thresholds) {
  if (!thresholdsValid(t)) throw new AppError(AE.THRESHOLDS_INVALID, t as any);
}

export async function setGlobalThresholds(ctx: AppContext, t: Thresholds, actor: Actor): Promise<Thresholds> {
  const next = { warnDays: decFixed(t.warnDays, 2), reduceDays: decFixed(t.reduceDays, 2), avgDays: t.avgDays };
  assertValid(next);
  return inTx(ctx.db, async (trx) => {
    const before = await repo.globalThresholds(trx);
    await repo.putSetting(trx, repo.SETTING_THRESHOLDS, next);
    await recomputeLevels(ctx, trx, { asOfDay: await monitoringDay(trx, yesterdayIn(ctx.config.timeZone)) });
    await audit(trx, actor, { action: 'thresholds.set_global', entity: 'settings', entityId: repo.SETTING_THRESHOLDS, before, after: next });
    return next;
  });
}

export interface CustomerThresholds {
  own: { warnDays: string | null; reduceDays: string | null; avgDays: number | null };
  effective: Thresholds;
}

export async function customerThresholds(db: Tx, customerId: number): Promise<CustomerThresholds> {
  const g = await repo.globalThresholds(db);
  const r = await db.selectFrom('customer_payment_thresholds').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  const own = { warnDays: r?.warn_days ?? null, reduceDays: r?.reduce_days ?? null, avgDays: r?.avg_days ?? null };
  return { own, effective: effectiveThresholds(g, own) };
}

/** Set (or clear with nulls) a customer's own thresholds; its level is recomputed at once. */
export async function setCustomerThresholds(ctx: AppContext, customerId: number, own: CustomerThresholds['own'], actor: Actor): Promise<CustomerThresholds> {
  const norm = { warnDays: own.warnDays == null ? null : decFixed(own.warnDays, 2), reduceDays: own.reduceDays == null ? null : decFixed(own.reduceDays, 2), avgDays: own.avgDays };
  return inTx(ctx.db, async (trx) => {
    const g = await repo.globalThresholds(trx);
    assertValid(effectiveThresholds(g, norm));
    const before = await customerThresholds(trx, customerId);
    await trx
      .insertInto('customer_payment_thresholds')
      .values({ customer_id: customerId, warn_days: norm.warnDays, reduce_days: norm.reduceDays, avg_days: norm.avgDays, updated_by: actor.userId })
      .onConflict((oc) => oc.column('customer_id').doUpdateSet({ warn_days: norm.warnDays, reduce_days: norm.reduceDays, avg_days: norm.avgDays, updated_by: actor.userId, updated_at: new Date() }))
      .execute();
    await recomputeLevels(ctx, trx, { asOfDay: await monitoringDay(trx, yesterdayIn(ctx.config.timeZone)), customerIds: [customerId] });
    const after = await customerThresholds(trx, customerId);
    await audit(trx, actor, { action: 'thresholds.set_customer', entity: 'customer', entityId: customerId, customerId, before: before.own, after: after.own });
    return after;
  });
}
