/** Use cases of a reduce/stop case: open it, add a step, track a notice's receipt, cancel it. */
import { can } from '@common/roles';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';
import { decideCancel, decideStep, isEffective, type Level, type Refusal, type StepKind } from './procedures.calc';
import { getPaymentStatus } from './procedures.payment';
import { levelLabel, notifyApprovalRequest, notifyInstruction, notifyWithdrawn, STEP_LABELS } from './procedures.messages';
import { pickOperators } from './procedures.operators';
import { recordPaymentNotice } from './procedures.notices';
import * as repo from './procedures.repo';
import './procedures.errors';
import type { z } from 'zod';
import type { AddStepBody, ReceiptBody } from './procedures.schema';

type User = Pick<SessionUser, 'id' | 'roles'>;
/** Clock skew tolerated for times entered by users ("not in the future"). */
const SKEW_MS = 5 * 60_000;

/** Turn a state-machine refusal into the API error, with bilingual parameters. */
export function refusalError(r: Refusal): AppError {
  const p = r.params ?? {};
  const params: Record<string, unknown> = {};
  if (p.kind) params.kind = STEP_LABELS[p.kind as StepKind];
  if ('level' in p) params.level = levelLabel(p.level as Level | null);
  return new AppError(r.code, params);
}

export function notFuture(field: string, iso: string | null | undefined): Date | null {
  if (iso == null) return null;
  const d = new Date(iso);
  if (d.getTime() > Date.now() + SKEW_MS) throw new AppError('PROC_FUTURE_TIME', { field });
  return d;
}

export async function loadCaseForUser(trx: Tx, user: User, caseId: number, forUpdate = false) {
  const c = await repo.findCase(trx, caseId, forUpdate);
  if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '减停气案件', en: 'Reduce/stop case' } });
  await assertCustomerAccess(trx, user, c.customer_id);
  return c;
}

async function currentLevel(trx: Tx, customerId: number, fallback: Level | null): Promise<Level | null> {
  return (await getPaymentStatus(trx, [customerId])).get(customerId)?.level ?? fallback;
}

export async function openCase(ctx: AppContext, user: User, input: { customerId: number; note?: string }, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    await assertCustomerAccess(trx, user, input.customerId);
    const customer = (await repo.findCustomer(trx, input.customerId))!;
    if (customer.status === 'closed') throw new AppError('PROC_CUSTOMER_CLOSED');
    const existing = await repo.findOpenCase(trx, input.customerId);
    if (existing) throw new AppError('PROC_CASE_ALREADY_OPEN', { caseId: existing.id });
    const level = await currentLevel(trx, input.customerId, null);
    const row = await repo.insertCase(trx, {
      customer_id: input.customerId,
      opened_via: 'manual',
      trigger_level: level,
      level,
      note: input.note ?? null,
      opened_by: user.id,
      opened_at: new Date(),
      updated_at: new Date(),
    });
    await audit(trx, actor, { action: 'procedure.case.open', entity: 'procedure_case', entityId: row.id, customerId: input.customerId, after: { openedVia: 'manual', level, note: row.note } });
    return row.id;
  });
}

type AddStep = z.infer<typeof AddStepBody>;

/** An instruction already sent to the operation area (a 待审批 stop was not). */
const wasSent = (steps: repo.StepRecord[], id: number) => steps.find((s) => s.id === id)?.status === 'pending_execution';

function checkFieldsForKind(b: AddStep) {
  const misplaced: [keyof AddStep, boolean][] = [
    ['noticeNo', b.kind !== 'notice'],
    ['sentAt', b.kind !== 'notice'],
    ['targetVolumeM3', b.kind !== 'reduce'],
    ['operatorUserIds', b.kind === 'warning' || b.kind === 'notice'],
  ];
  for (const [field, wrong] of misplaced) if (wrong && b[field] !== undefined) throw new AppError('PROC_FIELD_NOT_FOR_KIND', { field, kind: STEP_LABELS[b.kind] });
}

/** Add the next step to a case (rules in procedures.calc.ts); returns the new step's id. */
export async function addStep(ctx: AppContext, user: User, caseId: number, b: AddStep, actor: Actor) {
  checkFieldsForKind(b);
  const sentAt = b.kind === 'notice' ? (notFuture('sentAt', b.sentAt) ?? new Date()) : null;
  return inTx(ctx.db, async (trx) => {
    const c = await loadCaseForUser(trx, user, caseId, true);
    const customer = (await repo.findCustomer(trx, c.customer_id))!;
    const steps = await repo.listSteps(trx, [c.id]);
    const level = await currentLevel(trx, c.customer_id, c.level);
    const canApproveStop = can(user.roles, 'procedures:approve_stop');
    const d = decideStep({ status: c.status, steps, level }, { kind: b.kind, servesResidents: customer.serves_residents, canApproveStop, overrideReason: b.overrideReason });
    if (!d.ok) throw refusalError(d);
    const now = new Date();

    const withdrawn = await repo.updateSteps(
      trx,
      d.cancels.map((i) => steps[i].id),
      { status: 'cancelled', cancelled_at: now, cancel_reason: '客户已缴费，恢复供气 / restored after payment' },
    );
    const operatorIds = d.instruction ? await pickOperators(trx, customer, b.operatorUserIds) : [];
    const seqOfCase = steps.length + 1;
    const step = await repo.insertStep(trx, {
      case_id: c.id,
      customer_id: c.customer_id,
      kind: b.kind,
      status: d.status,
      actor_id: user.id,
      acted_at: now,
      note: b.note ?? null,
      level_at: level,
      override_reason: d.override ? b.overrideReason!.trim() : null,
      notice_no: b.kind === 'notice' ? (b.noticeNo ?? `CK-${c.id}-${seqOfCase}`) : null,
      notice_sent_at: sentAt,
      operator_ids: operatorIds,
      target_volume_m3: b.targetVolumeM3 ?? null,
      approved_by: d.autoApproved ? user.id : null,
      approved_at: d.autoApproved ? now : null,
      approval_note: d.autoApproved ? '由审批人直接下达 / issued by the approver' : null,
    });
    const updated = await repo.updateCase(trx, c.id, {
      current_step: b.kind,
      level,
      ...(d.closesCase ? { status: 'closed' as const, closed_at: now, closed_by: user.id, close_reason: 'restored' } : {}),
    });

    if (b.kind === 'notice') await recordPaymentNotice(ctx, trx, user, c, step.id, actor);
    if (d.status === 'pending_execution') await notifyInstruction(trx, operatorIds, customer, step.id, b.kind);
    if (d.status === 'pending_approval') await notifyApprovalRequest(trx, customer, c.id, step.id);
    for (const w of withdrawn) if (wasSent(steps, w.id)) await notifyWithdrawn(trx, w.operator_ids, customer, w.id, w.kind);

    await audit(trx, actor, [
      {
        action: `procedure.step.${b.kind}`,
        entity: 'procedure_step',
        entityId: step.id,
        customerId: c.customer_id,
        after: { caseId: c.id, seq: step.seq, status: step.status, note: step.note, override: step.override_reason, operators: operatorIds, levelAt: level, noticeNo: step.notice_no },
      },
      ...withdrawn.map((w) => ({
        action: 'procedure.step.withdraw',
        entity: 'procedure_step',
        entityId: w.id,
        customerId: c.customer_id,
        before: { status: steps.find((s) => s.id === w.id)!.status },
        after: { status: 'cancelled' },
      })),
      ...(d.closesCase
        ? [{ action: 'procedure.case.close', entity: 'procedure_case', entityId: c.id, customerId: c.customer_id, before: { status: c.status }, after: { status: updated.status, reason: 'restored' } }]
        : []),
    ]);
    return step.id;
  });
}

/** Track the receipt of a payment notice (送达、签收、签收人). null clears a field; absent keeps it. */
export async function updateReceipt(ctx: AppContext, user: User, caseId: number, stepId: number, b: z.infer<typeof ReceiptBody>, actor: Actor) {
  const deliveredAt = b.deliveredAt === undefined ? undefined : notFuture('deliveredAt', b.deliveredAt);
  const signedAt = b.signedAt === undefined ? undefined : notFuture('signedAt', b.signedAt);
  return inTx(ctx.db, async (trx) => {
    const c = await loadCaseForUser(trx, user, caseId);
    const step = await repo.findStep(trx, stepId, true);
    if (!step || step.case_id !== c.id) throw new AppError('NOT_FOUND', { entity: { zh: '步骤', en: 'Step' } });
    if (step.kind !== 'notice') throw new AppError('PROC_NOT_NOTICE');
    const sent = step.notice_sent_at!.getTime();
    if (signedAt && signedAt.getTime() < sent) throw new AppError('PROC_RECEIPT_ORDER');
    if (deliveredAt && deliveredAt.getTime() < sent) throw new AppError('PROC_RECEIPT_ORDER');
    const patch = { receipt_delivered_at: deliveredAt, receipt_signed_at: signedAt, receipt_signer: b.signer === undefined ? undefined : b.signer };
    const after = await repo.updateStep(trx, stepId, patch);
    const view = (s: typeof step) => ({ deliveredAt: s.receipt_delivered_at, signedAt: s.receipt_signed_at, signer: s.receipt_signer });
    await audit(trx, actor, { action: 'procedure.notice.receipt', entity: 'procedure_step', entityId: stepId, customerId: c.customer_id, before: view(step), after: view(after) });
  });
}

/** Cancel a case opened by mistake (only while gas was never reduced or stopped). */
export async function cancelCase(ctx: AppContext, user: User, caseId: number, reason: string, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const c = await loadCaseForUser(trx, user, caseId, true);
    const steps = await repo.listSteps(trx, [c.id]);
    const d = decideCancel({ status: c.status, steps, level: c.level });
    if (!d.ok) throw refusalError(d);
    const now = new Date();
    const withdrawn = await repo.updateSteps(
      trx,
      d.cancels.map((i) => steps[i].id),
      { status: 'cancelled', cancelled_at: now, cancel_reason: reason },
    );
    const customer = (await repo.findCustomer(trx, c.customer_id))!;
    for (const w of withdrawn) if (wasSent(steps, w.id)) await notifyWithdrawn(trx, w.operator_ids, customer, w.id, w.kind);
    const remaining = steps.filter((s) => !d.cancels.includes(steps.indexOf(s)) && isEffective(s.status));
    await repo.updateCase(trx, c.id, { status: 'cancelled', closed_at: now, closed_by: user.id, close_reason: reason, current_step: remaining.at(-1)?.kind ?? null });
    await audit(trx, actor, [
      { action: 'procedure.case.cancel', entity: 'procedure_case', entityId: c.id, customerId: c.customer_id, before: { status: c.status }, after: { status: 'cancelled', reason } },
      ...withdrawn.map((w) => ({ action: 'procedure.step.withdraw', entity: 'procedure_step', entityId: w.id, customerId: c.customer_id, after: { status: 'cancelled' } })),
    ]);
  });
}
