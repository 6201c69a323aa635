/**
 * Plans / nominations per customer (daily or monthly, m³) and the contract daily maximum, used by
 * the board until the contracts module provides them.
 */
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';
import * as repo from './plans.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;

export interface PlansInput {
  daily?: { gasDay: string; plannedM3: string | null }[];
  monthly?: { month: string; plannedM3: string | null }[];
}

export async function savePlans(ctx: AppContext, user: User, customerId: number, input: PlansInput, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  await inTx(ctx.db, async (trx) => {
    if (input.daily?.length) await repo.upsertDailyPlans(trx, customerId, input.daily, actor.userId);
    if (input.monthly?.length) await repo.upsertMonthlyPlans(trx, customerId, input.monthly, actor.userId);
    await audit(trx, actor, { action: 'metering.plans.save', entity: 'customer_plan', entityId: customerId, customerId, after: input });
  });
}

export async function setDailyMax(ctx: AppContext, user: User, customerId: number, dailyMaxM3: string | null, actor: Actor) {
  await assertCustomerAccess(ctx.db, user, customerId);
  await inTx(ctx.db, async (trx) => {
    const before = await repo.getPlans(trx, customerId, '9999-12-31', '9999-12-31');
    await repo.setDailyMax(trx, customerId, dailyMaxM3, actor.userId);
    await audit(trx, actor, { action: 'metering.daily_max.set', entity: 'customer_contract_limit', entityId: customerId, customerId, before: { dailyMaxM3: before.dailyMax }, after: { dailyMaxM3 } });
  });
}

export async function getPlans(ctx: AppContext, user: User, customerId: number, from: string, to: string) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const p = await repo.getPlans(ctx.db, customerId, from, to);
  return {
    daily: p.daily.map((d) => ({ gasDay: d.gas_day, plannedM3: d.planned_m3 })),
    monthly: p.monthly.map((m) => ({ month: m.month, plannedM3: m.planned_m3 })),
    dailyMaxM3: p.dailyMax,
  };
}
