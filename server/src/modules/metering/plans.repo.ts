/** SQL of customer plans (daily / monthly) and the contract daily maximum. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

export async function upsertDailyPlans(trx: Tx, customerId: number, rows: { gasDay: string; plannedM3: string | null }[], userId: number | null) {
  const set = rows.filter((r) => r.plannedM3 != null);
  const del = rows.filter((r) => r.plannedM3 == null).map((r) => r.gasDay);
  if (set.length)
    await sql`INSERT INTO customer_daily_plans (customer_id, gas_day, planned_m3, updated_at, updated_by)
      SELECT ${customerId}::bigint, d, p, now(), ${userId}::bigint FROM unnest(${set.map((r) => r.gasDay)}::date[], ${set.map((r) => r.plannedM3)}::numeric[]) AS t(d, p)
      ON CONFLICT (customer_id, gas_day) DO UPDATE SET planned_m3 = EXCLUDED.planned_m3, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`.execute(trx);
  if (del.length) await trx.deleteFrom('customer_daily_plans').where('customer_id', '=', customerId).where('gas_day', 'in', del).execute();
}

export async function upsertMonthlyPlans(trx: Tx, customerId: number, rows: { month: string; plannedM3: string | null }[], userId: number | null) {
  const set = rows.filter((r) => r.plannedM3 != null);
  const del = rows.filter((r) => r.plannedM3 == null).map((r) => r.month);
  if (set.length)
    await sql`INSERT INTO customer_monthly_plans (customer_id, month, planned_m3, updated_at, updated_by)
      SELECT ${customerId}::bigint, m, p, now(), ${userId}::bigint FROM unnest(${set.map((r) => r.month)}::text[], ${set.map((r) => r.plannedM3)}::numeric[]) AS t(m, p)
      ON CONFLICT (customer_id, month) DO UPDATE SET planned_m3 = EXCLUDED.planned_m3, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`.execute(trx);
  if (del.length) await trx.deleteFrom('customer_monthly_plans').where('customer_id', '=', customerId).where('month', 'in', del).execute();
}

export async function setDailyMax(trx: Tx, customerId: number, dailyMaxM3: string | null, userId: number | null) {
  if (dailyMaxM3 == null) {
    await trx.deleteFrom('customer_contract_limits').where('customer_id', '=', customerId).execute();
    return;
  }
  await trx
    .insertInto('customer_contract_limits')
    .values({ customer_id: customerId, daily_max_m3: dailyMaxM3, updated_by: userId, updated_at: new Date() })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet({ daily_max_m3: dailyMaxM3, updated_by: userId, updated_at: new Date() }))
    .execute();
}

export async function getPlans(db: Tx, customerId: number, from: string, to: string) {
  const daily = await db
    .selectFrom('customer_daily_plans')
    .select(['gas_day', 'planned_m3'])
    .where('customer_id', '=', customerId)
    .where('gas_day', '>=', from)
    .where('gas_day', '<=', to)
    .orderBy('gas_day')
    .execute();
  const monthly = await db
    .selectFrom('customer_monthly_plans')
    .select(['month', 'planned_m3'])
    .where('customer_id', '=', customerId)
    .where('month', '>=', from.slice(0, 7))
    .where('month', '<=', to.slice(0, 7))
    .orderBy('month')
    .execute();
  const limit = await db.selectFrom('customer_contract_limits').select('daily_max_m3').where('customer_id', '=', customerId).executeTakeFirst();
  return { daily, monthly, dailyMax: limit?.daily_max_m3 ?? null };
}
