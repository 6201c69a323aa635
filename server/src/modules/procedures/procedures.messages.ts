/** Bilingual labels of the procedure and the notifications it sends. */
import type { Msg } from '@common/lang';
import type { Tx } from '../../platform/db/database';
import { notify } from '../../platform/notify';
import type { Level, StepKind } from './procedures.calc';
import * as repo from './procedures.repo';

export const STEP_LABELS: Record<StepKind, Msg> = {
  warning: { zh: '预警通知', en: 'Warning' },
  notice: { zh: '催款函', en: 'Payment notice' },
  reduce: { zh: '减气指令', en: 'Reduce instruction' },
  stop: { zh: '停气指令', en: 'Stop instruction' },
  restore: { zh: '恢复供气', en: 'Restore supply' },
};
export const LEVEL_LABELS: Record<Level, Msg> = {
  normal: { zh: '正常', en: 'normal' },
  warning: { zh: '预警', en: 'warning' },
  reduce: { zh: '减气', en: 'reduce' },
  stop: { zh: '停气', en: 'stop' },
};
export const UNKNOWN_LEVEL: Msg = { zh: '未知', en: 'unknown' };
export const levelLabel = (l: Level | null | undefined): Msg => (l ? LEVEL_LABELS[l] : UNKNOWN_LEVEL);

const fill = (m: Msg, p: Record<string, Msg | string>): Msg => ({
  zh: m.zh.replace(/\{(\w+)\}/g, (_, k) => (typeof p[k] === 'string' ? (p[k] as string) : (p[k] as Msg).zh)),
  en: m.en.replace(/\{(\w+)\}/g, (_, k) => (typeof p[k] === 'string' ? (p[k] as string) : (p[k] as Msg).en)),
});

const caseLink = (caseId: number) => `/procedures/${caseId}`;

export async function managerIds(db: Tx, customerId: number): Promise<number[]> {
  return (await repo.customerManagers(db, [customerId])).filter((m) => !m.disabled).map((m) => m.user_id);
}

/** Users who approve 保民用 stops: the sales leads (administrators when there is none). */
export async function approverIds(db: Tx): Promise<number[]> {
  const leads = await repo.usersWithRole(db, ['sales_lead']);
  return (leads.length ? leads : await repo.usersWithRole(db, ['admin'])).map((u) => u.id);
}

type Cust = { id: number; name: string };

export function notifyInstruction(db: Tx, operatorIds: number[], c: Cust, stepId: number, kind: StepKind) {
  return notify(db, operatorIds, {
    kind: 'procedure.instruction',
    title: fill({ zh: '{kind}待执行：{name}', en: '{kind} to execute: {name}' }, { kind: STEP_LABELS[kind], name: c.name }),
    body: { zh: '请执行后在“待执行指令”中确认（时间、执行人、实际减量/关阀）。', en: 'Execute it, then confirm under "Instructions" (time, executor, actual volume / valve).' },
    link: '/procedures/inbox',
    customerId: c.id,
    dedupeKey: `proc-instruction:${stepId}`,
  });
}

export function notifyWithdrawn(db: Tx, operatorIds: number[], c: Cust, stepId: number, kind: StepKind) {
  return notify(db, operatorIds, {
    kind: 'procedure.instruction_withdrawn',
    title: fill({ zh: '{kind}已撤回：{name}', en: '{kind} withdrawn: {name}' }, { kind: STEP_LABELS[kind], name: c.name }),
    body: { zh: '客户已缴费或案件已撤销，该指令无需执行。', en: 'The customer paid or the case was cancelled; do not execute it.' },
    link: '/procedures/inbox',
    customerId: c.id,
    dedupeKey: `proc-withdrawn:${stepId}`,
  });
}

export async function notifyApprovalRequest(db: Tx, c: Cust, caseId: number, stepId: number) {
  return notify(db, await approverIds(db), {
    kind: 'procedure.approval',
    title: fill({ zh: '停气待审批（保民用）：{name}', en: 'Stop awaiting approval (residential supply): {name}' }, { name: c.name }),
    body: { zh: '该客户供应居民用气，停气须经销售部负责人批准。', en: 'This customer supplies residents; a stop needs the sales lead’s approval.' },
    link: caseLink(caseId),
    customerId: c.id,
    dedupeKey: `proc-approval:${stepId}`,
  });
}

export async function notifyManagers(db: Tx, c: Cust, caseId: number, key: string, title: Msg, body?: Msg, extraUserIds: number[] = []) {
  return notify(db, [...(await managerIds(db, c.id)), ...extraUserIds], {
    kind: 'procedure.case',
    title: fill(title, { name: c.name }),
    body,
    link: caseLink(caseId),
    customerId: c.id,
    dedupeKey: key,
  });
}
