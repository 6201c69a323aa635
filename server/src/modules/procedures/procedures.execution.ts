/** Use cases after an instruction is issued: 保民用 approval of a stop, and execution confirmed by the operation area. */
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { decideApproval, decideConfirm, isEffective } from './procedures.calc';
import { notifyInstruction, notifyManagers, STEP_LABELS } from './procedures.messages';
import { loadCaseForUser, notFuture, refusalError } from './procedures.service';
import * as repo from './procedures.repo';
import { getPaymentStatus } from './procedures.payment';
import { applyTransition } from '../customers';

type User = Pick<SessionUser, 'id' | 'roles'>;

async function loadStep(trx: Tx, user: User, caseId: number, stepId: number) {
  const c = await loadCaseForUser(trx, user, caseId, true);
  const step = await repo.findStep(trx, stepId, true);
  if (!step || step.case_id !== c.id) throw new AppError('NOT_FOUND', { entity: { zh: '步骤', en: 'Step' } });
  const customer = (await repo.findCustomer(trx, c.customer_id))!;
  return { c, step, customer };
}

/** The sales lead approves a 保民用 stop: it then goes to the operation area. */
export async function approveStop(ctx: AppContext, user: User, caseId: number, stepId: number, note: string | undefined, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const { c, step, customer } = await loadStep(trx, user, caseId, stepId);
    const d = decideApproval(step);
    if (!d.ok) throw refusalError(d);
    if (c.status !== 'open' && c.status !== 'restore_proposed') throw new AppError('PROC_CASE_NOT_OPEN');
    await repo.updateStep(trx, step.id, { status: 'pending_execution', approved_by: user.id, approved_at: new Date(), approval_note: note ?? null });
    await notifyInstruction(trx, step.operator_ids, customer, step.id, step.kind);
    await notifyManagers(trx, customer, c.id, `proc-approved:${step.id}`, { zh: '停气已批准：{name}', en: 'Stop approved: {name}' }, undefined, step.actor_id ? [step.actor_id] : []);
    await audit(trx, actor, {
      action: 'procedure.stop.approve',
      entity: 'procedure_step',
      entityId: step.id,
      customerId: c.customer_id,
      before: { status: step.status },
      after: { status: 'pending_execution', note: note ?? null },
    });
  });
}

/** The sales lead rejects a 保民用 stop (with a reason); the case stays where it was. */
export async function rejectStop(ctx: AppContext, user: User, caseId: number, stepId: number, reason: string, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const { c, step, customer } = await loadStep(trx, user, caseId, stepId);
    const d = decideApproval(step);
    if (!d.ok) throw refusalError(d);
    await repo.updateStep(trx, step.id, { status: 'rejected', rejected_by: user.id, rejected_at: new Date(), reject_reason: reason });
    const steps = (await repo.listSteps(trx, [c.id])).filter((s) => isEffective(s.status));
    await repo.updateCase(trx, c.id, { current_step: steps.at(-1)?.kind ?? null });
    await notifyManagers(
      trx,
      customer,
      c.id,
      `proc-rejected:${step.id}`,
      { zh: '停气未获批准：{name}', en: 'Stop not approved: {name}' },
      { zh: `理由：${reason}`, en: `Reason: ${reason}` },
      step.actor_id ? [step.actor_id] : [],
    );
    await audit(trx, actor, {
      action: 'procedure.stop.reject',
      entity: 'procedure_step',
      entityId: step.id,
      customerId: c.customer_id,
      before: { status: step.status },
      after: { status: 'rejected', reason },
    });
  });
}

/**
 * The customer's lifecycle follows executed instructions (DOMAIN.md §3): a reduce or stop moves
 * 供气 → 减停气, a restore moves 减停气 → 供气. Other statuses are left alone.
 */
async function syncCustomerStatus(ctx: AppContext, trx: Tx, customer: { id: number; status: string }, kind: string, actor: Actor) {
  if ((kind === 'reduce' || kind === 'stop') && customer.status === 'active') {
    await applyTransition(ctx, trx, customer.id, 'restricted', kind === 'stop' ? '减停气程序：停气指令已执行' : '减停气程序：减气指令已执行', actor);
  } else if (kind === 'restore' && customer.status === 'restricted') {
    await applyTransition(ctx, trx, customer.id, 'active', '减停气程序：恢复供气已执行', actor);
  }
}

export interface ConfirmInput {
  executedAt: string;
  executorName: string;
  actualVolumeM3?: string;
  valveClosed?: boolean;
  note?: string;
  overrideReason?: string;
}

/** The operation area confirms it executed an instruction; confirming a restore closes the case. */
export async function confirmExecution(ctx: AppContext, user: User, caseId: number, stepId: number, b: ConfirmInput, actor: Actor) {
  const executedAt = notFuture('executedAt', b.executedAt)!;
  await inTx(ctx.db, async (trx) => {
    const { c, step, customer } = await loadStep(trx, user, caseId, stepId);
    const d = decideConfirm(step);
    if (!d.ok) throw refusalError(d);
    if (!user.roles.includes('admin') && !step.operator_ids.includes(user.id)) throw new AppError('PROC_NOT_ASSIGNED');
    const issuedAt = (step.approved_at ?? step.acted_at).getTime();
    if (executedAt.getTime() < issuedAt - 60_000) throw new AppError('PROC_EXEC_BEFORE_ISSUE');
    // a customer who has paid is not cut: confirming needs an explicit override with a reason
    const paidOverride = (step.kind === 'reduce' || step.kind === 'stop') && (await getPaymentStatus(trx, [c.customer_id])).get(c.customer_id)?.level === 'normal';
    if (paidOverride && !b.overrideReason?.trim()) throw new AppError('PROC_CUSTOMER_PAID', { kind: STEP_LABELS[step.kind] });
    const now = new Date();
    const valveClosed = b.valveClosed ?? (step.kind === 'stop' ? true : null);
    await repo.updateStep(trx, step.id, {
      status: 'executed',
      executed_at: executedAt,
      executor_name: b.executorName,
      confirmed_by: user.id,
      confirmed_at: now,
      actual_volume_m3: b.actualVolumeM3 ?? null,
      valve_closed: valveClosed,
      execution_note: paidOverride ? `${b.note ? b.note + '\n' : ''}[已缴费仍执行 / executed after payment] ${b.overrideReason!.trim()}` : (b.note ?? null),
    });
    if (d.closesCase) await repo.updateCase(trx, c.id, { status: 'closed', closed_at: now, closed_by: user.id, close_reason: 'restored' });
    await syncCustomerStatus(ctx, trx, customer, step.kind, actor);
    const title = { zh: `${STEP_LABELS[step.kind].zh}已执行：{name}`, en: `${STEP_LABELS[step.kind].en} executed: {name}` };
    await notifyManagers(trx, customer, c.id, `proc-executed:${step.id}`, title, { zh: `执行人：${b.executorName}`, en: `Executed by ${b.executorName}` });
    await audit(trx, actor, [
      {
        action: `procedure.${step.kind}.confirm`,
        entity: 'procedure_step',
        entityId: step.id,
        customerId: c.customer_id,
        before: { status: step.status },
        after: {
          status: 'executed',
          executedAt: executedAt.toISOString(),
          executor: b.executorName,
          actualVolumeM3: b.actualVolumeM3 ?? null,
          valveClosed,
          overrideAfterPayment: paidOverride ? b.overrideReason!.trim() : undefined,
        },
      },
      ...(d.closesCase
        ? [{ action: 'procedure.case.close', entity: 'procedure_case', entityId: c.id, customerId: c.customer_id, before: { status: c.status }, after: { status: 'closed', reason: 'restored' } }]
        : []),
    ]);
  });
}
