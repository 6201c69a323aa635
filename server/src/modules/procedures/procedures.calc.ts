/**
 * The reduce/stop procedure (减停气程序, DOMAIN.md §6) as a pure state machine: which step may
 * follow which, and what a payment level change does to a case. No I/O.
 *
 * Steps, in order: 预警通知 warning → 催款函 notice → 减气指令 reduce → 停气指令 stop → 恢复供气 restore.
 * Rules (a step that was rejected or cancelled does not count — "effective" steps only):
 *  1. Steps are added only to an open case (status open or restore_proposed).
 *  2. warning is the first step of a case and happens once.
 *  3. notice needs a prior warning; it may be repeated later as a reminder (再次催款).
 *  4. reduce needs a prior notice and no instruction still pending (待审批/待执行); it may be
 *     repeated after an executed reduce (a further reduction), but not after an executed stop.
 *  5. stop needs a prior notice, no pending instruction, not already stopped, and an executed
 *     reduce — unless a user with procedures:approve_stop (sales lead) skips the reduce with a
 *     reason. 保民用: for a customer serving residents the stop is created 待审批 and goes to the
 *     operation area only after a procedures:approve_stop user approves it; when such a user
 *     issues it themselves, their issuing is the approval.
 *  6. restore may follow any step (or none) once the balance is back above the warning level
 *     (level normal, or the case was marked restore_proposed by a payment); before that only a
 *     procedures:approve_stop user with a reason may restore. Pending instructions are cancelled.
 *     When gas was actually reduced or stopped (an executed reduce/stop), restore is an
 *     instruction to the operation area and the case closes when it confirms; otherwise the
 *     restore is recorded as done and the case closes at once.
 *  7. Nothing follows a restore.
 * Only instructions (reduce/stop/restore) are confirmed by the operation area; a case without
 * executed reduce/stop may be cancelled (e.g. opened by mistake) with a reason.
 */

export const STEP_KINDS = ['warning', 'notice', 'reduce', 'stop', 'restore'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const LEVELS = ['normal', 'warning', 'reduce', 'stop'] as const;
export type Level = (typeof LEVELS)[number];
export const CASE_STATUSES = ['open', 'restore_proposed', 'closed', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const STEP_STATUSES = ['done', 'pending_approval', 'pending_execution', 'executed', 'rejected', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const INSTRUCTION_KINDS: readonly StepKind[] = ['reduce', 'stop', 'restore'];
export const OPEN_STATUSES: readonly CaseStatus[] = ['open', 'restore_proposed'];

export type RefusalCode =
  | 'PROC_CASE_NOT_OPEN'
  | 'PROC_WARNING_FIRST'
  | 'PROC_NEEDS_WARNING'
  | 'PROC_NEEDS_NOTICE'
  | 'PROC_INSTRUCTION_PENDING'
  | 'PROC_ALREADY_STOPPED'
  | 'PROC_STOP_NEEDS_REDUCE'
  | 'PROC_OVERRIDE_NOT_ALLOWED'
  | 'PROC_RESTORE_NEEDS_PAYMENT'
  | 'PROC_AFTER_RESTORE'
  | 'PROC_NOT_PENDING_APPROVAL'
  | 'PROC_NOT_PENDING_EXECUTION'
  | 'PROC_CANCEL_RESTRICTED';

export interface StepState {
  kind: StepKind;
  status: StepStatus;
}
export interface CaseState {
  status: CaseStatus;
  steps: StepState[];
  /** The customer's current payment level; null when unknown. */
  level: Level | null;
}
export interface StepRequest {
  kind: StepKind;
  servesResidents: boolean;
  /** The user holds procedures:approve_stop (sales lead, admin). */
  canApproveStop: boolean;
  overrideReason?: string | null;
}

export type Refusal = { ok: false; code: RefusalCode; params?: Record<string, unknown> };
export type StepDecision =
  | {
      ok: true;
      status: StepStatus;
      /** The step goes to the operation area (an instruction). */
      instruction: boolean;
      /** A 保民用 stop issued by an approver: approved at creation. */
      autoApproved: boolean;
      /** The override reason was needed and is recorded. */
      override: boolean;
      /** Indexes (into CaseState.steps) of pending instructions this step cancels. */
      cancels: number[];
      closesCase: boolean;
    }
  | Refusal;

export const isOpenStatus = (s: CaseStatus) => OPEN_STATUSES.includes(s);
export const isPending = (s: StepStatus) => s === 'pending_approval' || s === 'pending_execution';
export const isEffective = (s: StepStatus) => s !== 'rejected' && s !== 'cancelled';
const LEVEL_RANK: Record<Level, number> = { normal: 0, warning: 1, reduce: 2, stop: 3 };
/** True when `to` is a worse payment level than `from` (null = not known before = normal). */
export function isWorse(from: Level | null, to: Level): boolean {
  return LEVEL_RANK[to] > LEVEL_RANK[from ?? 'normal'];
}

function refuse(code: RefusalCode, params?: Record<string, unknown>): Refusal {
  return params ? { ok: false, code, params } : { ok: false, code };
}

/** Whether `req.kind` may be added to the case now, and how (rules 1–7 above). */
export function decideStep(c: CaseState, req: StepRequest): StepDecision {
  if (!isOpenStatus(c.status)) return refuse('PROC_CASE_NOT_OPEN');
  const eff = c.steps.filter((s) => isEffective(s.status));
  if (eff.some((s) => s.kind === 'restore')) return refuse('PROC_AFTER_RESTORE');
  const wantsOverride = !!req.overrideReason?.trim();
  if (wantsOverride && !req.canApproveStop) return refuse('PROC_OVERRIDE_NOT_ALLOWED');
  const has = (k: StepKind, st?: StepStatus) => eff.some((s) => s.kind === k && (!st || s.status === st));
  const pending = eff.find((s) => isPending(s.status));
  const ok = (status: StepStatus, extra: Partial<Extract<StepDecision, { ok: true }>> = {}): StepDecision => ({
    ok: true,
    status,
    instruction: INSTRUCTION_KINDS.includes(req.kind),
    autoApproved: false,
    override: false,
    cancels: [],
    closesCase: false,
    ...extra,
  });

  switch (req.kind) {
    case 'warning':
      return eff.length ? refuse('PROC_WARNING_FIRST') : ok('done');
    case 'notice':
      return has('warning') ? ok('done') : refuse('PROC_NEEDS_WARNING');
    case 'reduce':
      if (!has('notice')) return refuse('PROC_NEEDS_NOTICE');
      if (pending) return refuse('PROC_INSTRUCTION_PENDING', { kind: pending.kind });
      if (has('stop', 'executed')) return refuse('PROC_ALREADY_STOPPED');
      return ok('pending_execution');
    case 'stop': {
      if (!has('notice')) return refuse('PROC_NEEDS_NOTICE');
      if (pending) return refuse('PROC_INSTRUCTION_PENDING', { kind: pending.kind });
      if (has('stop', 'executed')) return refuse('PROC_ALREADY_STOPPED');
      const override = !has('reduce', 'executed');
      if (override && !wantsOverride) return refuse('PROC_STOP_NEEDS_REDUCE');
      if (!req.servesResidents) return ok('pending_execution', { override });
      return req.canApproveStop ? ok('pending_execution', { override, autoApproved: true }) : ok('pending_approval', { override });
    }
    case 'restore': {
      const paid = c.level === 'normal' || c.status === 'restore_proposed';
      if (!paid && !wantsOverride) return refuse('PROC_RESTORE_NEEDS_PAYMENT', { level: c.level });
      const cancels = c.steps.flatMap((s, i) => (isPending(s.status) ? [i] : []));
      const restricted = has('reduce', 'executed') || has('stop', 'executed');
      return restricted ? ok('pending_execution', { cancels, override: !paid }) : ok('done', { cancels, override: !paid, closesCase: true, instruction: false });
    }
  }
}

/** Approve or reject a 保民用 stop: only while it is 待审批. */
export function decideApproval(step: StepState): Refusal | { ok: true } {
  return step.status === 'pending_approval' ? { ok: true } : refuse('PROC_NOT_PENDING_APPROVAL');
}

/** The operation area confirms execution of an instruction that is 待执行; a restore closes the case. */
export function decideConfirm(step: StepState): Refusal | { ok: true; closesCase: boolean } {
  if (step.status !== 'pending_execution' || !INSTRUCTION_KINDS.includes(step.kind)) return refuse('PROC_NOT_PENDING_EXECUTION');
  return { ok: true, closesCase: step.kind === 'restore' };
}

/** Cancel a case: only while open and gas was never actually reduced or stopped; pending instructions are withdrawn. */
export function decideCancel(c: CaseState): Refusal | { ok: true; cancels: number[] } {
  if (!isOpenStatus(c.status)) return refuse('PROC_CASE_NOT_OPEN');
  if (c.steps.some((s) => (s.kind === 'reduce' || s.kind === 'stop') && s.status === 'executed')) return refuse('PROC_CANCEL_RESTRICTED');
  return { ok: true, cancels: c.steps.flatMap((s, i) => (isPending(s.status) ? [i] : [])) };
}

export type LevelAction = 'open' | 'propose_restore' | 'withdraw_proposal' | 'update' | 'none';

/**
 * What a payment level change (from the accounts module) does. No open case: a customer entering
 * a worse level at 预警/减气/停气 gets a case. Open case: back to 正常 (balance above the warning
 * level) proposes restoration; worsening again withdraws the proposal; otherwise the level is noted.
 */
export function levelAction(openCase: { status: CaseStatus; hasRestoreStep: boolean } | null, from: Level | null, to: Level): LevelAction {
  if (!openCase) return to !== 'normal' && isWorse(from, to) ? 'open' : 'none';
  if (openCase.hasRestoreStep) return 'update';
  if (to === 'normal') return openCase.status === 'open' ? 'propose_restore' : 'update';
  return openCase.status === 'restore_proposed' ? 'withdraw_proposal' : 'update';
}

export interface StepOption {
  kind: StepKind;
  allowed: boolean;
  /** Allowed only with an override reason (the user may give one). */
  needsReason: boolean;
  /** The step would be created 待审批 (保民用). */
  needsApproval: boolean;
  code?: RefusalCode;
}

/** Every step kind with whether this user may add it now — drives the action buttons. */
export function stepOptions(c: CaseState, who: { servesResidents: boolean; canApproveStop: boolean }): StepOption[] {
  return STEP_KINDS.map((kind) => {
    const d = decideStep(c, { kind, ...who });
    if (d.ok) return { kind, allowed: true, needsReason: false, needsApproval: d.status === 'pending_approval' };
    const withReason = decideStep(c, { kind, ...who, overrideReason: 'x' });
    if (withReason.ok) return { kind, allowed: true, needsReason: true, needsApproval: withReason.status === 'pending_approval' };
    return { kind, allowed: false, needsReason: false, needsApproval: false, code: d.code };
  });
}
