/**
 * Use cases of a new-customer onboarding case (DOMAIN.md §5): open it for a prospect, schedule
 * the joint site survey, each department completes its section, combined opinion, submission to
 * the sales lead, approval or return; contract, construction milestones, commissioning (投产).
 * The customer moves through its lifecycle (潜在 → 调研 → 审查 → 签约 → 供气) only through the
 * customers module's `applyTransition`, in the same transaction.
 */
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@common/customers';
import { can, DEPARTMENT_LABELS, type Department } from '@common/roles';
import { CASE_STATUS_LABELS, MILESTONE_LABELS, OPINION_LABELS, SECTION_DEPARTMENT, SECTION_LABELS, type MilestoneKind, type Opinion, type SectionKind } from '@common/onboarding';
import type { Msg } from '@common/lang';
import type { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { notify } from '../../platform/notify';
import { applyTransition, onboardingCustomerBriefs } from '../customers';
import { contractBriefs, createDraftContract, monthsBetween, yearLabel } from '../contracts';
import { activeUsersWithRoles } from '../identity';
import { contradictions, isEditable, mayComplete, missingSections, openMilestones } from './onboarding.calc';
import * as repo from './onboarding.repo';
import type * as s from './onboarding.schema';
import './onboarding.errors';

type User = Pick<SessionUser, 'id' | 'roles' | 'displayName' | 'department'>;
const PATH: CustomerStatus[] = ['prospect', 'survey', 'review', 'contracted', 'active'];
const joinLabels = (labels: Msg[]): Msg => ({ zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') });
const deptLabel = (d: string | null): Msg => DEPARTMENT_LABELS[d as Department] ?? { zh: d ?? '无', en: d ?? 'none' };

/** Move the customer forward along 潜在 → 调研 → 审查 → 签约 → 供气 up to `target` (no-op when already there). */
async function advanceCustomer(ctx: AppContext, trx: Tx, customerId: number, target: CustomerStatus, reason: string, actor: Actor) {
  const [c] = await onboardingCustomerBriefs(trx, [customerId]);
  let at = PATH.indexOf(c.status as CustomerStatus);
  const goal = PATH.indexOf(target);
  // A customer outside the path (减停气, 销户) is passed to applyTransition, which refuses with its own message.
  if (at < 0) return applyTransition(ctx, trx, customerId, target, reason, actor);
  while (at < goal) {
    at++;
    await applyTransition(ctx, trx, customerId, PATH[at], reason, actor);
  }
}

export async function loadCase(trx: Tx, user: Pick<User, 'id' | 'roles'>, caseId: number, forUpdate = false) {
  const c = await repo.findCase(trx, caseId, forUpdate);
  if (!c) throw new AppError('NOT_FOUND', { entity: { zh: '新增客户案件', en: 'Onboarding case' } });
  await assertCustomerAccess(trx, user, c.customer_id);
  return c;
}

function assertEditable(c: repo.CaseRowDb) {
  if (!isEditable(c.status)) throw new AppError('ONB_CASE_LOCKED', { status: CASE_STATUS_LABELS[c.status] });
}

async function record(trx: Tx, user: User, actor: Actor, c: { id: number; customer_id: number }, action: string, note: string | null, before: unknown, after: unknown) {
  await repo.addEvent(trx, c.id, action, note, user.id, user.displayName);
  await audit(trx, actor, { action: `onboarding.${action}`, entity: 'onboarding_case', entityId: c.id, customerId: c.customer_id, before, after });
}

export async function openCase(ctx: AppContext, user: User, input: z.infer<typeof s.OpenCaseBody>, actor: Actor): Promise<number> {
  return inTx(ctx.db, async (trx) => {
    await assertCustomerAccess(trx, user, input.customerId);
    const [customer] = await onboardingCustomerBriefs(trx, [input.customerId]);
    if (customer.status !== 'prospect' && customer.status !== 'survey') throw new AppError('ONB_NOT_PROSPECT', { status: CUSTOMER_STATUS_LABELS[customer.status as CustomerStatus] });
    const existing = await repo.findCaseByCustomer(trx, input.customerId);
    if (existing) throw new AppError('ONB_CASE_EXISTS', { caseId: existing.id });
    const id = await repo.insertCase(trx, {
      customer_id: input.customerId,
      project_name: input.projectName,
      expected_daily_m3: input.expectedDailyM3 ?? null,
      expected_annual_m3: input.expectedAnnualM3 ?? null,
      opened_by: user.id,
      updated_at: new Date(),
    });
    await record(trx, user, actor, { id, customer_id: input.customerId }, 'open', null, null, input);
    return id;
  });
}

export async function scheduleSurvey(ctx: AppContext, user: User, caseId: number, input: z.infer<typeof s.SurveyBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    assertEditable(c);
    await repo.updateCase(trx, c.id, { survey_date: input.surveyDate, survey_place: input.surveyPlace, survey_participants: JSON.stringify(input.participants) });
    await advanceCustomer(ctx, trx, c.customer_id, 'survey', `联合现场调研 ${input.surveyDate} ${input.surveyPlace}`, actor);
    await record(trx, user, actor, c, 'survey', `${input.surveyDate} ${input.surveyPlace}`, { surveyDate: c.survey_date, surveyPlace: c.survey_place }, input);
    // Each participating department's reviewers see their sections in their to-do list; tell them too.
    const depts = [...new Set(Object.values(SECTION_DEPARTMENT))];
    for (const d of depts) {
      const reviewers = await activeUsersWithRoles(trx, ['reviewer'], d);
      await notify(
        trx,
        reviewers.map((r) => r.id),
        {
          kind: 'onboarding.survey',
          title: { zh: `联合现场调研：${c.project_name}（${input.surveyDate}）`, en: `Joint site survey: ${c.project_name} (${input.surveyDate})` },
          body: { zh: `地点：${input.surveyPlace}。请完成本科室负责的调研部分。`, en: `Place: ${input.surveyPlace}. Please complete your department's sections.` },
          link: `/onboarding/cases/${c.id}`,
          customerId: c.customer_id,
          dedupeKey: `onboarding.survey.${c.id}.${input.surveyDate}`,
        },
      );
    }
  });
}

export async function completeSection(ctx: AppContext, user: User, caseId: number, section: SectionKind, input: z.infer<typeof s.SectionBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    assertEditable(c);
    if (!mayComplete(section, user.department))
      throw new AppError('ONB_WRONG_DEPARTMENT', { section: SECTION_LABELS[section], department: deptLabel(SECTION_DEPARTMENT[section]), yours: deptLabel(user.department) });
    if (!c.survey_date) throw new AppError('ONB_SURVEY_NOT_SCHEDULED');
    if (input.opinion !== 'agree' && !input.conditions) throw new AppError('ONB_CONDITIONS_REQUIRED');
    const [before] = (await repo.listSections(trx, [c.id])).filter((x) => x.section === section);
    await repo.updateSection(trx, c.id, section, {
      findings: input.findings,
      data: JSON.stringify(input.data ?? {}),
      opinion: input.opinion,
      conditions: input.conditions ?? null,
      reviewer_id: user.id,
      reviewer_name: user.displayName,
      completed_at: new Date(),
    });
    // A changed section invalidates a combined opinion formed before it.
    if (c.combined_conclusion) await repo.updateCase(trx, c.id, { combined_conclusion: null, combined_opinion: null, combined_conditions: null, combined_at: null, combined_by: null });
    await record(trx, user, actor, c, 'section', `${SECTION_LABELS[section].zh}：${OPINION_LABELS[input.opinion].zh}`, { opinion: before?.opinion, findings: before?.findings }, { section, ...input });
  });
}

export async function setCombined(ctx: AppContext, user: User, caseId: number, input: z.infer<typeof s.CombinedBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    assertEditable(c);
    const sections = await repo.listSections(trx, [c.id]);
    const missing = missingSections(sections);
    if (missing.length) throw new AppError('ONB_SECTIONS_MISSING', { sections: joinLabels(missing.map((m) => SECTION_LABELS[m])) });
    const bad = contradictions(input.conclusion, sections);
    if (bad.length) throw new AppError('ONB_COMBINED_CONTRADICTS', { sections: joinLabels(bad.map((m) => SECTION_LABELS[m])) });
    if (input.conclusion !== 'agree' && !input.conditions) throw new AppError('ONB_CONDITIONS_REQUIRED');
    await repo.updateCase(trx, c.id, {
      combined_conclusion: input.conclusion,
      combined_opinion: input.opinion,
      combined_conditions: input.conditions ?? null,
      combined_by: user.id,
      combined_at: new Date(),
    });
    await record(trx, user, actor, c, 'combine', OPINION_LABELS[input.conclusion].zh, { conclusion: c.combined_conclusion }, input);
  });
}

export async function submit(ctx: AppContext, user: User, caseId: number, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    assertEditable(c);
    const missing = missingSections(await repo.listSections(trx, [c.id]));
    if (missing.length) throw new AppError('ONB_SECTIONS_MISSING', { sections: joinLabels(missing.map((m) => SECTION_LABELS[m])) });
    if (!c.combined_conclusion) throw new AppError('ONB_COMBINED_MISSING');
    await repo.updateCase(trx, c.id, { status: 'submitted', submitted_at: new Date(), submitted_by: user.id });
    await advanceCustomer(ctx, trx, c.customer_id, 'review', `新增客户调查报告报公司审批（案件 ${c.id}）`, actor);
    await record(trx, user, actor, c, 'submit', null, { status: c.status }, { status: 'submitted' });
    const leads = await activeUsersWithRoles(trx, ['sales_lead']);
    await notify(
      trx,
      leads.map((l) => l.id),
      {
        kind: 'onboarding.submitted',
        title: { zh: `新增客户待审批：${c.project_name}`, en: `New customer awaiting approval: ${c.project_name}` },
        link: `/onboarding/cases/${c.id}`,
        customerId: c.customer_id,
        dedupeKey: `onboarding.submitted.${c.id}.${Date.now()}`,
      },
    );
  });
}

export async function approve(ctx: AppContext, user: User, caseId: number, note: string | undefined, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (c.status !== 'submitted') throw new AppError('ONB_NOT_SUBMITTED');
    if (c.combined_conclusion === 'disagree') throw new AppError('ONB_APPROVE_DISAGREE');
    await repo.updateCase(trx, c.id, { status: 'approved', decided_at: new Date(), decided_by: user.id, decision_note: note || null });
    await record(trx, user, actor, c, 'approve', note || null, { status: c.status }, { status: 'approved' });
    if (c.opened_by)
      await notify(trx, [c.opened_by], {
        kind: 'onboarding.approved',
        title: { zh: `新增客户已批准：${c.project_name}`, en: `New customer approved: ${c.project_name}` },
        link: `/onboarding/cases/${c.id}`,
        customerId: c.customer_id,
      });
  });
}

export async function returnCase(ctx: AppContext, user: User, caseId: number, reason: string, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (c.status !== 'submitted') throw new AppError('ONB_NOT_SUBMITTED');
    await repo.updateCase(trx, c.id, { status: 'returned', decided_at: new Date(), decided_by: user.id, decision_note: reason });
    await record(trx, user, actor, c, 'return', reason, { status: c.status }, { status: 'returned', reason });
    if (c.opened_by)
      await notify(trx, [c.opened_by], {
        kind: 'onboarding.returned',
        title: { zh: `新增客户被退回：${c.project_name}`, en: `New customer returned: ${c.project_name}` },
        body: { zh: reason, en: reason },
        link: `/onboarding/cases/${c.id}`,
        customerId: c.customer_id,
      });
  });
}

/**
 * The contract step after approval: link the case to a sales contract of the contracts module —
 * an existing one of the customer, or a draft created here (m³ basis, the same volume each month,
 * default θ/τ/k; the contracts page completes and activates it). Until 投产 the link may change.
 */
export async function linkContract(ctx: AppContext, user: User, caseId: number, input: z.infer<typeof s.ContractLinkBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (c.status !== 'approved' && c.status !== 'contracted') throw new AppError('ONB_NOT_APPROVED', { status: CASE_STATUS_LABELS[c.status] });
    let contractId: number;
    if (input.draft) {
      if (!can(user.roles, 'contracts:write')) throw new AppError('ONB_CONTRACT_FORBIDDEN');
      const months = monthsBetween(input.draft.startMonth, input.draft.endMonth).map((month) => ({ month, quantity: input.draft!.monthlyM3 }));
      contractId = (await createDraftContract(trx, { customerId: c.customer_id, contractNo: input.draft.contractNo, yearLabel: yearLabel(months.map((m) => m.month)), months }, actor)).id;
    } else {
      const [k] = await contractBriefs(trx, { ids: [input.contractId!] });
      if (!k) throw new AppError('NOT_FOUND', { entity: { zh: '合同', en: 'Contract' } });
      if (k.customerId !== c.customer_id) throw new AppError('ONB_CONTRACT_OTHER_CUSTOMER', { contractNo: k.contractNo });
      if (k.status === 'terminated') throw new AppError('ONB_CONTRACT_TERMINATED', { contractNo: k.contractNo });
      contractId = k.id;
    }
    const [linked] = await contractBriefs(trx, { ids: [contractId] });
    await repo.updateCase(trx, c.id, { contract_id: contractId });
    await record(trx, user, actor, c, 'contractLink', `${linked.contractNo}${input.draft ? '（草稿）' : ''}`, { contractId: c.contract_id }, { contractId, created: !!input.draft });
  });
}

export async function recordContract(ctx: AppContext, user: User, caseId: number, input: z.infer<typeof s.ContractBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (c.status !== 'approved') throw new AppError('ONB_NOT_APPROVED', { status: CASE_STATUS_LABELS[c.status] });
    if (c.contract_id != null) {
      const [linked] = await contractBriefs(trx, { ids: [c.contract_id] });
      if (linked && linked.contractNo !== input.contractNo) throw new AppError('ONB_CONTRACT_NO_MISMATCH', { contractNo: input.contractNo, linked: linked.contractNo });
    }
    const approvedOn = c.decided_at ? c.decided_at.toISOString().slice(0, 10) : null;
    if (approvedOn && input.signedOn < approvedOn) throw new AppError('ONB_DATE_ORDER', { field: 'signedOn', after: approvedOn });
    await repo.updateCase(trx, c.id, { status: 'contracted', contract_no: input.contractNo, contract_signed_on: input.signedOn, contracted_annual_m3: input.contractedAnnualM3 });
    await advanceCustomer(ctx, trx, c.customer_id, 'contracted', `签订购销合同 ${input.contractNo}（${input.signedOn}）`, actor);
    await record(trx, user, actor, c, 'contract', `${input.contractNo} ${input.signedOn}`, { status: c.status }, input);
  });
}

export async function updateMilestone(ctx: AppContext, user: User, caseId: number, kind: MilestoneKind, input: z.infer<typeof s.MilestoneBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (c.status !== 'contracted') throw new AppError('ONB_NOT_CONTRACTED', { status: CASE_STATUS_LABELS[c.status] });
    if (input.doneOn && c.contract_signed_on && input.doneOn < c.contract_signed_on) throw new AppError('ONB_DATE_ORDER', { field: 'doneOn', after: c.contract_signed_on });
    const [before] = (await repo.listMilestones(trx, [c.id])).filter((m) => m.kind === kind);
    await repo.updateMilestone(trx, c.id, kind, {
      ...(input.plannedOn !== undefined && { planned_on: input.plannedOn }),
      ...(input.doneOn !== undefined && { done_on: input.doneOn }),
      ...(input.note !== undefined && { note: input.note }),
      updated_by: user.id,
    });
    await record(trx, user, actor, c, 'milestone', `${MILESTONE_LABELS[kind].zh}${input.doneOn ? ` ${input.doneOn}` : ''}`, before, { kind, ...input });
  });
}

export async function commission(ctx: AppContext, user: User, caseId: number, input: z.infer<typeof s.CommissionBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const c = await loadCase(trx, user, caseId, true);
    if (c.status !== 'contracted') throw new AppError('ONB_NOT_CONTRACTED', { status: CASE_STATUS_LABELS[c.status] });
    const ms = await repo.listMilestones(trx, [c.id]);
    const open = openMilestones(ms.map((m) => ({ kind: m.kind, doneOn: m.done_on })));
    if (open.length) throw new AppError('ONB_MILESTONES_OPEN', { milestones: joinLabels(open.map((k) => MILESTONE_LABELS[k])) });
    const lastDone = ms
      .map((m) => m.done_on!)
      .sort()
      .at(-1)!;
    if (input.commissionedOn < lastDone) throw new AppError('ONB_DATE_ORDER', { field: 'commissionedOn', after: lastDone });
    await repo.updateCase(trx, c.id, { status: 'commissioned', commissioned_on: input.commissionedOn });
    await advanceCustomer(ctx, trx, c.customer_id, 'active', `投产 ${input.commissionedOn}${input.note ? `：${input.note}` : ''}`, actor);
    await record(trx, user, actor, c, 'commission', input.commissionedOn, { status: c.status }, { status: 'commissioned', ...input });
  });
}

/** Opinion labels for messages. */
export const opinionLabel = (o: Opinion) => OPINION_LABELS[o];
