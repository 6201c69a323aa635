import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideApproval,
  decideCancel,
  decideConfirm,
  decideStep,
  isEffective,
  isPending,
  levelAction,
  stepOptions,
  type CaseState,
  type Level,
  type StepKind,
  type StepState,
  type StepStatus,
} from './procedures.calc';

const st = (kind: StepKind, status: StepStatus): StepState => ({ kind, status });
const open = (steps: StepState[], level: Level | null = 'reduce'): CaseState => ({ status: 'open', steps, level });
const am = { servesResidents: false, canApproveStop: false };
const lead = { servesResidents: false, canApproveStop: true };

const W = st('warning', 'done');
const N = st('notice', 'done');
const Rx = st('reduce', 'executed');
const Rp = st('reduce', 'pending_execution');
const Sx = st('stop', 'executed');

describe('decideStep — allowed and refused transitions (DOMAIN.md §6)', () => {
  const cases: [string, CaseState, Parameters<typeof decideStep>[1], string][] = [
    ['warning first', open([]), { kind: 'warning', ...am }, 'done'],
    ['warning twice', open([W]), { kind: 'warning', ...am }, 'PROC_WARNING_FIRST'],
    ['notice without warning', open([]), { kind: 'notice', ...am }, 'PROC_NEEDS_WARNING'],
    ['notice after warning', open([W]), { kind: 'notice', ...am }, 'done'],
    ['notice again as a reminder', open([W, N, Rx]), { kind: 'notice', ...am }, 'done'],
    ['reduce without notice', open([W]), { kind: 'reduce', ...am }, 'PROC_NEEDS_NOTICE'],
    ['reduce after notice', open([W, N]), { kind: 'reduce', ...am }, 'pending_execution'],
    ['reduce while a reduce is pending', open([W, N, Rp]), { kind: 'reduce', ...am }, 'PROC_INSTRUCTION_PENDING'],
    ['further reduce after an executed one', open([W, N, Rx]), { kind: 'reduce', ...am }, 'pending_execution'],
    ['reduce after a stop', open([W, N, Rx, Sx]), { kind: 'reduce', ...am }, 'PROC_ALREADY_STOPPED'],
    ['stop without notice', open([W]), { kind: 'stop', ...lead, overrideReason: 'urgent' }, 'PROC_NEEDS_NOTICE'],
    ['stop without a reduce (manager)', open([W, N]), { kind: 'stop', ...am }, 'PROC_STOP_NEEDS_REDUCE'],
    ['stop with a pending (not executed) reduce', open([W, N, Rp]), { kind: 'stop', ...am }, 'PROC_INSTRUCTION_PENDING'],
    ['stop after an executed reduce', open([W, N, Rx]), { kind: 'stop', ...am }, 'pending_execution'],
    ['stop skipping reduce: manager may not override', open([W, N]), { kind: 'stop', ...am, overrideReason: 'x' }, 'PROC_OVERRIDE_NOT_ALLOWED'],
    ['stop skipping reduce: sales lead with reason', open([W, N]), { kind: 'stop', ...lead, overrideReason: '拒不缴费' }, 'pending_execution'],
    ['stop skipping reduce: sales lead without reason', open([W, N]), { kind: 'stop', ...lead, overrideReason: '  ' }, 'PROC_STOP_NEEDS_REDUCE'],
    ['保民用 stop by a manager waits for approval', open([W, N, Rx]), { kind: 'stop', servesResidents: true, canApproveStop: false }, 'pending_approval'],
    ['保民用 stop by the sales lead is approved by issuing', open([W, N, Rx]), { kind: 'stop', servesResidents: true, canApproveStop: true }, 'pending_execution'],
    ['stop while a stop waits for approval', open([W, N, Rx, st('stop', 'pending_approval')]), { kind: 'stop', ...lead }, 'PROC_INSTRUCTION_PENDING'],
    ['stop again after a rejected one', open([W, N, Rx, st('stop', 'rejected')]), { kind: 'stop', ...am }, 'pending_execution'],
    ['stop twice', open([W, N, Rx, Sx]), { kind: 'stop', ...lead }, 'PROC_ALREADY_STOPPED'],
    ['restore before payment', open([W, N, Rx], 'reduce'), { kind: 'restore', ...am }, 'PROC_RESTORE_NEEDS_PAYMENT'],
    ['restore when level unknown', open([W, N, Rx], null), { kind: 'restore', ...am }, 'PROC_RESTORE_NEEDS_PAYMENT'],
    ['restore once normal (after a reduce)', open([W, N, Rx], 'normal'), { kind: 'restore', ...am }, 'pending_execution'],
    ['restore after a stop once proposed', { status: 'restore_proposed', steps: [W, N, Rx, Sx], level: 'warning' }, { kind: 'restore', ...am }, 'pending_execution'],
    ['restore after only a warning closes at once', open([W], 'normal'), { kind: 'restore', ...am }, 'done'],
    ['restore override by sales lead', open([W, N, Rx], 'stop'), { kind: 'restore', ...lead, overrideReason: '领导批准' }, 'pending_execution'],
    ['nothing after restore', open([W, N, Rx, st('restore', 'pending_execution')], 'normal'), { kind: 'notice', ...am }, 'PROC_AFTER_RESTORE'],
    ['closed case', { status: 'closed', steps: [W], level: 'normal' }, { kind: 'notice', ...am }, 'PROC_CASE_NOT_OPEN'],
    ['cancelled case', { status: 'cancelled', steps: [], level: null }, { kind: 'warning', ...am }, 'PROC_CASE_NOT_OPEN'],
    ['cancelled steps do not count', open([st('warning', 'cancelled')]), { kind: 'warning', ...am }, 'done'],
  ];
  it.each(cases)('%s', (_name, c, req, expected) => {
    const d = decideStep(c, req);
    expect(d.ok ? d.status : d.code).toBe(expected);
  });

  it('marks overrides, approvals, cancellations and closing', () => {
    const s1 = decideStep(open([W, N]), { kind: 'stop', servesResidents: true, canApproveStop: true, overrideReason: 'r' });
    expect(s1).toEqual({ ok: true, status: 'pending_execution', instruction: true, autoApproved: true, override: true, cancels: [], closesCase: false });
    // a reason given where none is needed is not an override
    const s2 = decideStep(open([W, N, Rx]), { kind: 'stop', ...lead, overrideReason: 'r' });
    expect(s2.ok && s2.override).toBe(false);
    const r1 = decideStep({ status: 'restore_proposed', steps: [W, N, Rx, st('stop', 'pending_approval')], level: 'normal' }, { kind: 'restore', ...am });
    expect(r1).toEqual({ ok: true, status: 'pending_execution', instruction: true, autoApproved: false, override: false, cancels: [3], closesCase: false });
    const r2 = decideStep(open([W, N, Rp], 'normal'), { kind: 'restore', ...am });
    expect(r2).toEqual({ ok: true, status: 'done', instruction: false, autoApproved: false, override: false, cancels: [2], closesCase: true });
    expect(decideStep(open([W, N, Rp]), { kind: 'reduce', ...am })).toEqual({ ok: false, code: 'PROC_INSTRUCTION_PENDING', params: { kind: 'reduce' } });
  });
});

describe('approval, confirmation and cancelling', () => {
  it('approves only pending approvals', () => {
    expect(decideApproval(st('stop', 'pending_approval')).ok).toBe(true);
    for (const s of ['pending_execution', 'executed', 'rejected', 'done'] as StepStatus[]) expect(decideApproval(st('stop', s))).toEqual({ ok: false, code: 'PROC_NOT_PENDING_APPROVAL' });
  });
  it('confirms only instructions awaiting execution; a restore closes the case', () => {
    expect(decideConfirm(st('reduce', 'pending_execution'))).toEqual({ ok: true, closesCase: false });
    expect(decideConfirm(st('restore', 'pending_execution'))).toEqual({ ok: true, closesCase: true });
    expect(decideConfirm(st('stop', 'pending_approval'))).toEqual({ ok: false, code: 'PROC_NOT_PENDING_EXECUTION' });
    expect(decideConfirm(st('reduce', 'executed')).ok).toBe(false);
    expect(decideConfirm(st('notice', 'done')).ok).toBe(false);
    expect(decideConfirm(st('warning', 'pending_execution')).ok).toBe(false);
  });
  it('cancels a case only while gas was never reduced or stopped', () => {
    expect(decideCancel(open([W, N, Rp]))).toEqual({ ok: true, cancels: [2] });
    expect(decideCancel(open([W, N, Rx]))).toEqual({ ok: false, code: 'PROC_CANCEL_RESTRICTED' });
    expect(decideCancel({ status: 'closed', steps: [], level: null })).toEqual({ ok: false, code: 'PROC_CASE_NOT_OPEN' });
  });
});

describe('levelAction', () => {
  it.each([
    [null, null, 'warning', 'open'],
    [null, 'normal', 'reduce', 'open'],
    [null, 'warning', 'stop', 'open'],
    [null, 'reduce', 'warning', 'none'], // getting better does not open a case
    [null, 'warning', 'normal', 'none'],
    [null, null, 'normal', 'none'],
    [{ status: 'open', hasRestoreStep: false }, 'reduce', 'normal', 'propose_restore'],
    [{ status: 'open', hasRestoreStep: false }, 'reduce', 'warning', 'update'],
    [{ status: 'open', hasRestoreStep: false }, 'reduce', 'stop', 'update'],
    [{ status: 'restore_proposed', hasRestoreStep: false }, 'normal', 'warning', 'withdraw_proposal'],
    [{ status: 'restore_proposed', hasRestoreStep: false }, 'normal', 'normal', 'update'],
    [{ status: 'open', hasRestoreStep: true }, 'normal', 'stop', 'update'],
  ] as const)('case %j, %s → %s: %s', (c, from, to, expected) => {
    expect(levelAction(c as any, from, to)).toBe(expected);
  });
});

describe('stepOptions', () => {
  it('offers override-with-reason only to approvers', () => {
    const c = open([W, N]);
    const byKind = (o: ReturnType<typeof stepOptions>) => Object.fromEntries(o.map((x) => [x.kind, x]));
    const m = byKind(stepOptions(c, { servesResidents: true, canApproveStop: false }));
    expect(m.stop).toEqual({ kind: 'stop', allowed: false, needsReason: false, needsApproval: false, code: 'PROC_STOP_NEEDS_REDUCE' });
    expect(m.reduce).toMatchObject({ allowed: true, needsReason: false });
    const l = byKind(stepOptions(c, { servesResidents: true, canApproveStop: true }));
    expect(l.stop).toMatchObject({ allowed: true, needsReason: true, needsApproval: false });
    expect(l.restore).toMatchObject({ allowed: true, needsReason: true });
    const m2 = byKind(stepOptions(open([W, N, Rx]), { servesResidents: true, canApproveStop: false }));
    expect(m2.stop).toMatchObject({ allowed: true, needsApproval: true });
  });
});

// Property: drive random sequences of actions through the machine; its invariants always hold.
type Action = { t: 'step'; kind: StepKind; approver: boolean; reason: boolean } | { t: 'approve' | 'reject' | 'confirm' } | { t: 'level'; level: Level };
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('step' as const), kind: fc.constantFrom(...(['warning', 'notice', 'reduce', 'stop', 'restore'] as StepKind[])), approver: fc.boolean(), reason: fc.boolean() }),
  fc.record({ t: fc.constantFrom('approve' as const, 'reject' as const, 'confirm' as const) }),
  fc.record({ t: fc.constant('level' as const), level: fc.constantFrom(...(['normal', 'warning', 'reduce', 'stop'] as Level[])) }),
);

describe('properties', () => {
  it('at most one pending instruction, warning first, nothing after restore, residential stops approved', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(actionArb, { maxLength: 40 }), (residents, actions) => {
        const c: CaseState = { status: 'open', steps: [], level: 'warning' };
        const approvedStops = new Set<number>();
        for (const a of actions) {
          if (a.t === 'level') {
            const act = levelAction({ status: c.status, hasRestoreStep: c.steps.some((s) => s.kind === 'restore' && isEffective(s.status)) }, c.level, a.level);
            if (act === 'propose_restore') c.status = 'restore_proposed';
            if (act === 'withdraw_proposal') c.status = 'open';
            c.level = a.level;
          } else if (a.t === 'step') {
            const d = decideStep(c, { kind: a.kind, servesResidents: residents, canApproveStop: a.approver, overrideReason: a.reason ? 'r' : null });
            if (!d.ok) continue;
            for (const i of d.cancels) c.steps[i].status = 'cancelled';
            c.steps.push(st(a.kind, d.status));
            if (d.autoApproved) approvedStops.add(c.steps.length - 1);
            if (d.closesCase) c.status = 'closed';
          } else {
            const i = c.steps.findIndex((s) => isPending(s.status));
            if (i < 0) continue;
            const s = c.steps[i];
            if (a.t === 'confirm' && decideConfirm(s).ok) {
              s.status = 'executed';
              if (s.kind === 'restore') c.status = 'closed';
            } else if (a.t !== 'confirm' && decideApproval(s).ok) {
              s.status = a.t === 'approve' ? 'pending_execution' : 'rejected';
              if (a.t === 'approve') approvedStops.add(i);
            }
          }
          const eff = c.steps.filter((s) => isEffective(s.status));
          expect(eff.filter((s) => isPending(s.status)).length).toBeLessThanOrEqual(1);
          if (eff.length) expect(['warning', 'restore']).toContain(eff[0].kind); // restore may end a case with no other step
          const r = eff.findIndex((s) => s.kind === 'restore');
          if (r >= 0) expect(r).toBe(eff.length - 1);
          c.steps.forEach((s, i) => {
            if (residents && s.kind === 'stop' && (s.status === 'pending_execution' || s.status === 'executed')) expect(approvedStops.has(i)).toBe(true);
          });
          if (c.status === 'closed') expect(eff.some((s) => s.kind === 'restore')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
