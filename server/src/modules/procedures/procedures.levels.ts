/**
 * Payment level changes from the accounts module drive cases (DOMAIN.md §6): entering 预警/减气/停气
 * opens a case automatically; a payment that lifts the balance above the warning level proposes
 * restoration to the case's managers. Runs inside the accounts transaction that changed the level.
 */
import type { Tx } from '../../platform/db/database';
import { audit, SYSTEM_ACTOR } from '../../platform/audit/audit';
import { isPending, LEVELS, levelAction, type Level } from './procedures.calc';
import { notifyManagers, notifyWithdrawn } from './procedures.messages';
import type { LevelChangeEvent } from './procedures.payment';
import * as repo from './procedures.repo';

const asLevel = (x: string | null): Level | null => ((LEVELS as readonly string[]).includes(x ?? '') ? (x as Level) : null);

export async function handleLevelChange(trx: Tx, e: LevelChangeEvent): Promise<void> {
  const to = asLevel(e.to);
  if (!to) return;
  const from = asLevel(e.from);
  // One read: the customer and its open case, if any (this runs for every change of a daily run).
  const r = await repo.customerWithOpenCase(trx, e.customerId);
  if (!r) return;
  const c = r.caseId == null ? null : { id: r.caseId, status: r.caseStatus!, level: r.caseLevel };
  const action = levelAction(c ? { status: c.status, hasRestoreStep: r.hasRestoreStep } : null, from, to);
  if (action === 'none') return;
  const customer = { id: e.customerId, name: r.name, status: r.status };
  const now = new Date();
  const base = { customerId: e.customerId, entity: 'procedure_case' };

  if (action === 'open') {
    if (customer.status === 'closed') return;
    const row = await trx
      .insertInto('procedure_cases')
      .values({ customer_id: e.customerId, opened_via: 'auto', trigger_level: to, level: to, level_gas_day: e.gasDay, opened_at: now, updated_at: now })
      .onConflict((oc) => oc.column('customer_id').where('status', 'in', ['open', 'restore_proposed']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return;
    // No notification here: the accounts module already alerts both managers of this crossing.
    await audit(trx, SYSTEM_ACTOR, { ...base, action: 'procedure.case.open', entityId: row.id, after: { openedVia: 'auto', level: to, gasDay: e.gasDay } });
    return;
  }
  const c0 = c!;
  if (action === 'propose_restore') {
    await withdrawPendingInstructions(trx, customer, c0.id, now);
    await repo.updateCase(trx, c0.id, { status: 'restore_proposed', restore_proposed_at: now, level: to, level_gas_day: e.gasDay });
    await notifyManagers(
      trx,
      customer,
      c0.id,
      `proc-restore-proposed:${c0.id}:${e.gasDay}`,
      { zh: '客户已缴费，建议恢复供气：{name}', en: 'Paid — restoring supply proposed: {name}' },
      { zh: '余额已回到预警线以上，请下达恢复供气。', en: 'The balance is back above the warning level; please issue the restore.' },
    );
    await audit(trx, SYSTEM_ACTOR, {
      ...base,
      action: 'procedure.case.restore_proposed',
      entityId: c0.id,
      before: { status: c0.status, level: c0.level },
      after: { status: 'restore_proposed', level: to, gasDay: e.gasDay },
    });
    return;
  }
  const status = action === 'withdraw_proposal' ? 'open' : c0.status;
  await repo.updateCase(trx, c0.id, { status, level: to, level_gas_day: e.gasDay, ...(action === 'withdraw_proposal' ? { restore_proposed_at: null } : {}) });
  await audit(trx, SYSTEM_ACTOR, {
    ...base,
    action: action === 'withdraw_proposal' ? 'procedure.case.restore_withdrawn' : 'procedure.case.level',
    entityId: c0.id,
    before: { status: c0.status, level: c0.level },
    after: { status, level: to, gasDay: e.gasDay },
  });
}

export const AUTO_WITHDRAW_REASON = '客户已缴费，气款等级恢复正常，指令自动撤回 / withdrawn automatically: the customer paid and the level is back to normal';

/**
 * A customer who has paid must not have gas reduced or stopped (issue 9): when its level recovers
 * to 正常, every reduce/stop instruction still awaiting approval or execution is withdrawn
 * (已撤回, with the reason), and the operation areas that had it to execute are told.
 */
async function withdrawPendingInstructions(trx: Tx, customer: { id: number; name: string }, caseId: number, now: Date) {
  const steps = await repo.listSteps(trx, [caseId]);
  const pending = steps.filter((s) => (s.kind === 'reduce' || s.kind === 'stop') && isPending(s.status));
  if (!pending.length) return;
  const withdrawn = await repo.updateSteps(
    trx,
    pending.map((s) => s.id),
    { status: 'cancelled', cancelled_at: now, cancel_reason: AUTO_WITHDRAW_REASON },
  );
  for (const w of withdrawn) if (pending.find((s) => s.id === w.id)?.status === 'pending_execution') await notifyWithdrawn(trx, w.operator_ids, customer, w.id, w.kind);
  const remaining = steps.filter((s) => !pending.includes(s) && s.status !== 'cancelled' && s.status !== 'rejected');
  await repo.updateCase(trx, caseId, { current_step: remaining.at(-1)?.kind ?? null });
  await audit(
    trx,
    SYSTEM_ACTOR,
    withdrawn.map((w) => ({
      action: 'procedure.step.withdraw',
      entity: 'procedure_step',
      entityId: w.id,
      customerId: customer.id,
      before: { status: pending.find((s) => s.id === w.id)!.status },
      after: { status: 'cancelled', reason: AUTO_WITHDRAW_REASON },
    })),
  );
}
