/** Read side of onboarding: case list and detail, reviewers' to-do list, pipeline board, yearly counts. */
import { localParts } from '../../platform/time';
import { dec } from '@common/decimal';
import { can, DEPARTMENTS, type Department } from '@common/roles';
import { MILESTONE_KINDS, SECTION_KINDS, type SectionKind } from '@common/onboarding';
import type { Tx } from '../../platform/db/database';
import { inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { onboardingCustomerBriefs, type OnboardingCustomerBrief } from '../customers';
import { contractBriefs } from '../contracts';
import { BOARD_STAGES, boardStage, daysBetween, suggestedConclusion, yearlyCounts } from './onboarding.calc';
import { loadCase } from './onboarding.service';
import * as repo from './onboarding.repo';
import type { z } from 'zod';
import type * as s from './onboarding.schema';

type User = Pick<SessionUser, 'id' | 'roles' | 'department'>;
type Row = Awaited<ReturnType<typeof repo.listCases>>['items'][number];

/** Today in Asia/Shanghai as 'YYYY-MM-DD'. */
export function todayCn(now = new Date()): string {
  return localParts(now, 'Asia/Shanghai').date;
}
const dayOf = (d: Date) => todayCn(d);

async function briefsOf(db: Tx, rows: { customer_id: number }[]): Promise<Map<number, OnboardingCustomerBrief>> {
  const list = await onboardingCustomerBriefs(db, [...new Set(rows.map((r) => r.customer_id))]);
  return new Map(list.map((b) => [b.id, b]));
}

function present(r: Row, b: OnboardingCustomerBrief | undefined, today: string): z.infer<typeof s.CaseRow> {
  const end = r.commissioned_on ?? today;
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: b?.code ?? '',
    customerName: b?.name ?? '',
    customerStatus: b?.status ?? '',
    customerType: b?.type ?? '',
    projectName: r.project_name,
    status: r.status,
    expectedAnnualM3: r.expected_annual_m3,
    surveyDate: r.survey_date,
    sectionsDone: r.sections_done,
    openedAt: r.opened_at.toISOString(),
    ageDays: Math.max(0, daysBetween(dayOf(r.opened_at), end)),
  };
}

export async function listCases(db: Tx, user: User, q: z.infer<typeof s.CaseListQuery>) {
  const { total, items } = await repo.listCases(db, inCustomerScope(user, 'oc.customer_id'), { status: q.status, q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const briefs = await briefsOf(db, items);
  const today = todayCn();
  return { total, items: items.map((r) => present(r, briefs.get(r.customer_id), today)) };
}

export async function caseDetail(db: Tx, user: User, caseId: number): Promise<z.infer<typeof s.CaseDetail>> {
  const c = await loadCase(db, user, caseId);
  const [sections, milestones, files, events, briefs] = await Promise.all([
    repo.listSections(db, [c.id]),
    repo.listMilestones(db, [c.id]),
    repo.listFileMeta(db, c.id),
    repo.listEvents(db, c.id),
    briefsOf(db, [c]),
  ]);
  const fileView = (f: (typeof files)[number]) => ({
    id: f.id,
    section: f.section,
    milestone: f.milestone,
    filename: f.filename,
    mime: f.mime,
    sizeBytes: f.size_bytes,
    uploadedAt: f.uploaded_at.toISOString(),
  });
  const secs = SECTION_KINDS.map((k) => sections.find((x) => x.section === k)!).filter(Boolean);
  const done = secs.filter((x) => x.opinion);
  const row: Row = { ...c, sections_done: done.length };
  return {
    ...present(row, briefs.get(c.customer_id), todayCn()),
    expectedDailyM3: c.expected_daily_m3,
    surveyPlace: c.survey_place,
    participants: c.survey_participants ?? [],
    sections: secs.map((x) => ({
      section: x.section,
      department: x.department,
      findings: x.findings,
      data: x.data ?? {},
      opinion: x.opinion,
      conditions: x.conditions,
      reviewerName: x.reviewer_name,
      completedAt: x.completed_at?.toISOString() ?? null,
      files: files.filter((f) => f.section === x.section).map(fileView),
    })),
    suggestedConclusion: done.length === SECTION_KINDS.length ? suggestedConclusion(done.map((x) => x.opinion!)) : null,
    combined: c.combined_conclusion ? { conclusion: c.combined_conclusion, opinion: c.combined_opinion ?? '', conditions: c.combined_conditions, at: c.combined_at?.toISOString() ?? null } : null,
    submittedAt: c.submitted_at?.toISOString() ?? null,
    decidedAt: c.decided_at?.toISOString() ?? null,
    decisionNote: c.decision_note,
    contract: c.contract_no ? { contractNo: c.contract_no, signedOn: c.contract_signed_on!, contractedAnnualM3: c.contracted_annual_m3 } : null,
    linkedContract: c.contract_id != null ? ((await contractBriefs(db, { ids: [c.contract_id] })).map(({ customerId: _, ...k }) => k)[0] ?? null) : null,
    milestones: MILESTONE_KINDS.map((k) => {
      const m = milestones.find((x) => x.kind === k);
      return { kind: k, plannedOn: m?.planned_on ?? null, doneOn: m?.done_on ?? null, note: m?.note ?? null, files: files.filter((f) => f.milestone === k).map(fileView) };
    }),
    commissionedOn: c.commissioned_on,
    events: events.map((e) => ({ action: e.action, note: e.note, actorName: e.actor_name, at: e.at.toISOString() })),
  };
}

/**
 * To-do list: a reviewer sees the open sections of their department; managers the cases whose
 * sections are all in and need the combined opinion, and the cases under construction; the
 * sales lead the cases awaiting approval.
 */
export async function todo(db: Tx, user: User): Promise<z.infer<typeof s.TodoItem>[]> {
  const out: z.infer<typeof s.TodoItem>[] = [];
  const scope = inCustomerScope(user, 'oc.customer_id');
  const collect: { caseId: number; customer_id: number; projectName: string; kind: z.infer<typeof s.TodoItem>['kind']; section: SectionKind | null; surveyDate: string | null }[] = [];
  // A user's department is free text; only the four departments own sections (others had none to match).
  if (can(user.roles, 'onboarding:review') && (DEPARTMENTS as readonly (string | null)[]).includes(user.department)) {
    for (const r of await repo.openSectionsFor(db, user.department as Department))
      collect.push({ caseId: r.case_id, customer_id: r.customer_id, projectName: r.project_name, kind: 'section', section: r.section, surveyDate: r.survey_date });
  }
  if (can(user.roles, 'onboarding:write')) {
    for (const r of await repo.casesInStatus(db, scope, ['draft', 'returned', 'contracted'])) {
      if (r.status === 'contracted') collect.push({ caseId: r.id, customer_id: r.customer_id, projectName: r.project_name, kind: 'construction', section: null, surveyDate: r.survey_date });
      else if (r.sections_done === SECTION_KINDS.length)
        collect.push({ caseId: r.id, customer_id: r.customer_id, projectName: r.project_name, kind: 'combine', section: null, surveyDate: r.survey_date });
    }
  }
  if (can(user.roles, 'onboarding:approve')) {
    for (const r of await repo.casesInStatus(db, scope, ['submitted']))
      collect.push({ caseId: r.id, customer_id: r.customer_id, projectName: r.project_name, kind: 'approve', section: null, surveyDate: r.survey_date });
  }
  const briefs = await briefsOf(db, collect);
  for (const c of collect) out.push({ caseId: c.caseId, customerName: briefs.get(c.customer_id)?.name ?? '', projectName: c.projectName, kind: c.kind, section: c.section, surveyDate: c.surveyDate });
  return out;
}

/** Pipeline board: cases by stage with their expected annual volume and age (days since opened). */
export async function board(db: Tx, user: User): Promise<z.infer<typeof s.BoardView>> {
  const rows = await repo.allCases(db, inCustomerScope(user, 'oc.customer_id'));
  const briefs = await briefsOf(db, rows);
  const today = todayCn();
  return {
    stages: BOARD_STAGES.map((stage) => {
      const cases = rows.filter((r) => boardStage(r.status) === stage).map((r) => present(r, briefs.get(r.customer_id), today));
      const volume = cases.reduce((a, c) => a.plus(dec(c.expectedAnnualM3 ?? '0')), dec(0));
      const avgAge = cases.length ? Math.round(cases.reduce((a, c) => a + c.ageDays, 0) / cases.length) : null;
      return { stage, count: cases.length, expectedAnnualM3: volume.toFixed(3), avgAgeDays: avgAge, cases };
    }),
  };
}

export async function yearly(db: Tx, user: User, from?: number, to?: number) {
  const rows = await repo.allCases(db, inCustomerScope(user, 'oc.customer_id'));
  const counts = yearlyCounts(rows.map((r) => ({ status: r.status, contractSignedOn: r.contract_signed_on, contractedAnnualM3: r.contracted_annual_m3, commissionedOn: r.commissioned_on })));
  return counts.filter((c) => (from == null || c.year >= from) && (to == null || c.year <= to));
}

/** The customer's contracts the case's contract step can link (contracts module's published read). */
export async function caseContracts(db: Tx, user: User, caseId: number) {
  const c = await loadCase(db, user, caseId);
  return (await contractBriefs(db, { customerIds: [c.customer_id] })).map(({ customerId: _, ...k }) => k);
}
