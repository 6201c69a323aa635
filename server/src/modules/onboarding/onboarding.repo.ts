/** All SQL of the onboarding module (Kysely): plain data in and out, no rules. */
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { SectionKind, MilestoneKind, CaseStatus } from '@common/onboarding';
import type { Department } from '@common/roles';
import type { OnboardingCasesTable, OnboardingFilesTable, OnboardingSectionsTable } from './onboarding.tables';
import { SECTION_DEPARTMENT, SECTION_KINDS, MILESTONE_KINDS } from '@common/onboarding';
import { likePattern } from '../../platform/discovery/discovery';

export async function findCase(db: Tx, id: number, forUpdate = false) {
  let q = db.selectFrom('onboarding_cases').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type CaseRowDb = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function findCaseByCustomer(db: Tx, customerId: number) {
  return db.selectFrom('onboarding_cases').select(['id', 'status']).where('customer_id', '=', customerId).executeTakeFirst();
}

export async function insertCase(trx: Tx, v: Insertable<OnboardingCasesTable>) {
  const row = await trx.insertInto('onboarding_cases').values(v).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('onboarding_sections')
    .values(SECTION_KINDS.map((section) => ({ case_id: row.id, section, customer_id: v.customer_id, department: SECTION_DEPARTMENT[section] })))
    .execute();
  await trx
    .insertInto('onboarding_milestones')
    .values(MILESTONE_KINDS.map((kind) => ({ case_id: row.id, kind, customer_id: v.customer_id, updated_at: new Date() })))
    .execute();
  return row.id;
}

export async function updateCase(trx: Tx, id: number, v: Updateable<OnboardingCasesTable>) {
  await trx
    .updateTable('onboarding_cases')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function listSections(db: Tx, caseIds: number[]) {
  if (!caseIds.length) return [];
  return db.selectFrom('onboarding_sections').selectAll().where('case_id', 'in', caseIds).execute();
}

export async function updateSection(trx: Tx, caseId: number, section: SectionKind, v: Updateable<OnboardingSectionsTable>) {
  await trx.updateTable('onboarding_sections').set(v).where('case_id', '=', caseId).where('section', '=', section).execute();
}

export async function listMilestones(db: Tx, caseIds: number[]) {
  if (!caseIds.length) return [];
  return db.selectFrom('onboarding_milestones').selectAll().where('case_id', 'in', caseIds).execute();
}

export async function updateMilestone(trx: Tx, caseId: number, kind: MilestoneKind, v: { planned_on?: string | null; done_on?: string | null; note?: string | null; updated_by: number }) {
  await trx
    .updateTable('onboarding_milestones')
    .set({ ...v, updated_at: new Date() })
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .execute();
}

export async function insertFile(trx: Tx, v: Insertable<OnboardingFilesTable>) {
  return (await trx.insertInto('onboarding_files').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function listFileMeta(db: Tx, caseId: number) {
  return db.selectFrom('onboarding_files').select(['id', 'section', 'milestone', 'filename', 'mime', 'size_bytes', 'uploaded_at']).where('case_id', '=', caseId).orderBy('id').execute();
}
export async function findFile(db: Tx, id: number) {
  return db.selectFrom('onboarding_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `actorName`: the user's display name at the time (kept with the event). */
export async function addEvent(trx: Tx, caseId: number, action: string, note: string | null, actorId: number | null, actorName: string | null) {
  await trx.insertInto('onboarding_events').values({ case_id: caseId, action, note, actor_id: actorId, actor_name: actorName }).execute();
}
export async function listEvents(db: Tx, caseId: number) {
  return db.selectFrom('onboarding_events').select(['action', 'note', 'at', 'actor_name']).where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

export interface ListFilter {
  status?: CaseStatus;
  q?: string;
  limit: number;
  offset: number;
}
const sectionsDone = sql<number>`(SELECT count(*)::int FROM onboarding_sections s WHERE s.case_id = oc.id AND s.opinion IS NOT NULL)`;

export async function listCases(db: Tx, scope: Expression<SqlBool>, f: ListFilter) {
  let q = db.selectFrom('onboarding_cases as oc').where(scope);
  if (f.status) q = q.where('oc.status', '=', f.status);
  if (f.q) q = q.where('oc.project_name', 'ilike', likePattern(f.q));
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const items = await q.selectAll('oc').select(sectionsDone.as('sections_done')).orderBy('oc.opened_at', 'desc').orderBy('oc.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { total, items };
}

export async function allCases(db: Tx, scope: Expression<SqlBool>) {
  return db.selectFrom('onboarding_cases as oc').where(scope).selectAll('oc').select(sectionsDone.as('sections_done')).orderBy('oc.opened_at').execute();
}

/** Open sections of cases in survey for a department. */
export async function openSectionsFor(db: Tx, department: Department) {
  return db
    .selectFrom('onboarding_sections as s')
    .innerJoin('onboarding_cases as oc', 'oc.id', 's.case_id')
    .select(['oc.id as case_id', 'oc.customer_id', 'oc.project_name', 'oc.survey_date', 's.section'])
    .where('s.department', '=', department)
    .where('s.opinion', 'is', null)
    .where('oc.status', 'in', ['draft', 'returned'])
    .orderBy('oc.survey_date')
    .orderBy('oc.id')
    .execute();
}

export async function casesInStatus(db: Tx, scope: Expression<SqlBool>, statuses: CaseStatus[]) {
  return db.selectFrom('onboarding_cases as oc').where(scope).where('oc.status', 'in', statuses).selectAll('oc').select(sectionsDone.as('sections_done')).orderBy('oc.id').execute();
}
