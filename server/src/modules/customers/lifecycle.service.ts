/** Lifecycle transitions (DOMAIN.md §3): state machine in customers.calc.ts, close checks from other modules. */
import { tr, type Lang, type Msg } from '@common/lang';
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@common/customers';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from './scope';
import type { SessionUser } from '../../platform/auth/session-user';
import * as repo from './customers.repo';
import { allowedTransitions, checkTransition } from './customers.calc';
import { track } from './customers.history';
import { CE } from './customers.errors';

const label = (s: CustomerStatus) => CUSTOMER_STATUS_LABELS[s];
const list = (ss: CustomerStatus[]): Msg => ({ zh: ss.map((s) => label(s).zh).join('、') || '无', en: ss.map((s) => label(s).en).join(', ') || 'none' });

export async function transition(ctx: AppContext, user: SessionUser, customerId: number, to: CustomerStatus, reason: string, actor: Actor, lang: Lang): Promise<void> {
  await assertCustomerAccess(ctx.db, user, customerId);
  await inTx(ctx.db, (trx) => applyTransition(ctx, trx, customerId, to, reason, actor, lang));
}

/**
 * One lifecycle transition inside the caller's transaction (other modules use it, e.g. the
 * reduce/stop procedure moves 供气 ⇄ 减停气). Checks the state machine and close checks.
 */
export async function applyTransition(ctx: Pick<AppContext, 'closeChecks'>, trx: Tx, customerId: number, to: CustomerStatus, reason: string, actor: Actor, lang: Lang = 'zh-CN'): Promise<void> {
  const row = (await repo.lockCustomer(trx, customerId))!;
  const from = row.status as CustomerStatus;
  const managers = await repo.activeManagers(trx, [customerId]);
  const problem = checkTransition({ from, to, reason, hasFullTimeManager: managers.some((m) => m.kind === 'full_time') });
  if (problem) {
    if (problem.code === 'TRANSITION_NOT_ALLOWED') throw new AppError(CE.CUSTOMER_TRANSITION_NOT_ALLOWED, { from: label(from), to: label(to), allowed: list(allowedTransitions(from)) });
    throw new AppError(CE[`CUSTOMER_${problem.code}`], { to: label(to) });
  }
  if (to === 'closed') {
    const reasons: Msg[] = [];
    for (const check of ctx.closeChecks) {
      const r = await check(trx, customerId);
      if (r) reasons.push(r);
    }
    if (reasons.length) {
      throw new AppError(CE.CUSTOMER_CLOSE_REFUSED, { reasons: { zh: reasons.map((r) => r.zh).join('；'), en: reasons.map((r) => r.en).join('; ') } }, { reasons: reasons.map((r) => tr(r, lang)) });
    }
  }
  await repo.updateCustomer(trx, customerId, { status: to, ...(to === 'closed' && { closed_at: new Date() }) });
  const t = await trx
    .insertInto('customer_transitions')
    .values({ customer_id: customerId, from_status: from, to_status: to, reason: reason.trim(), actor_id: actor.userId, actor_name: actor.username })
    .returning('id')
    .executeTakeFirstOrThrow();
  await track(trx, actor, { customerId, action: 'customer.transition', entity: 'status', entityId: t.id, before: { status: from }, after: { status: to, reason: reason.trim() } });
}

export async function timeline(ctx: AppContext, user: SessionUser, customerId: number) {
  await assertCustomerAccess(ctx.db, user, customerId);
  const rows = await repo.listTransitions(ctx.db, customerId);
  return rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason, actorId: r.actor_id, actorName: r.display_name ?? r.actor_name, at: r.at.toISOString() }));
}
