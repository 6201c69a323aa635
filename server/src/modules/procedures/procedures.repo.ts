/** All SQL of the reduce/stop procedure that changes or reads one case (Kysely; plain data). */
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import type { Insertable, Updateable } from 'kysely';
import type { ProcedureCasesTable, ProcedureStepsTable } from './procedures.tables';
import { OPEN_STATUSES } from './procedures.calc';
import { customerBasics, activeManagerAssignments } from '../customers';
import { userDirectory } from '../../platform/auth/users';

export async function findCustomer(db: Tx, id: number) {
  return db.selectFrom(customerBasics().as('c')).select(['id', 'code', 'name', 'type', 'serves_residents', 'province', 'city', 'county', 'address', 'status']).where('id', '=', id).executeTakeFirst();
}
export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

export async function findOpenCase(db: Tx, customerId: number) {
  return db
    .selectFrom('procedure_cases')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
}

/** A customer with its open case (if any) and whether that case already has an effective restore step. */
export async function customerWithOpenCase(db: Tx, customerId: number) {
  return db
    .selectFrom(customerBasics().as('c'))
    .leftJoin('procedure_cases as pc', (j) => j.onRef('pc.customer_id', '=', 'c.id').on('pc.status', 'in', [...OPEN_STATUSES]))
    .select(['c.name', 'c.status', 'pc.id as caseId', 'pc.status as caseStatus', 'pc.level as caseLevel'])
    .select(sql<boolean>`EXISTS (SELECT 1 FROM procedure_steps s WHERE s.case_id = pc.id AND s.kind = 'restore' AND s.status NOT IN ('rejected', 'cancelled'))`.as('hasRestoreStep'))
    .where('c.id', '=', customerId)
    .executeTakeFirst();
}

export async function findCase(db: Tx, id: number, forUpdate = false) {
  let q = db.selectFrom('procedure_cases').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function insertCase(trx: Tx, v: Insertable<ProcedureCasesTable>) {
  return trx.insertInto('procedure_cases').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateCase(trx: Tx, id: number, patch: Updateable<ProcedureCasesTable>) {
  return trx
    .updateTable('procedure_cases')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** bigint[] comes back as strings from node-postgres and as numbers from PGlite: make it numbers. */
function norm<T extends { operator_ids: unknown[] }>(s: T): T & { operator_ids: number[] } {
  return { ...s, operator_ids: s.operator_ids.map(Number) };
}

export async function listSteps(db: Tx, caseIds: number[]) {
  if (!caseIds.length) return [];
  return (await db.selectFrom('procedure_steps').selectAll().where('case_id', 'in', caseIds).orderBy('case_id').orderBy('seq').execute()).map(norm);
}
export type StepRecord = Awaited<ReturnType<typeof listSteps>>[number];

export async function findStep(db: Tx, id: number, forUpdate = false) {
  let q = db.selectFrom('procedure_steps').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && norm(row);
}

export async function insertStep(trx: Tx, v: Omit<Insertable<ProcedureStepsTable>, 'seq'>) {
  return trx
    .insertInto('procedure_steps')
    .values({ ...v, seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM procedure_steps WHERE case_id = ${v.case_id})` })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(norm);
}

export async function updateStep(trx: Tx, id: number, patch: Updateable<ProcedureStepsTable>) {
  return norm(await trx.updateTable('procedure_steps').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
}

export async function updateSteps(trx: Tx, ids: number[], patch: Updateable<ProcedureStepsTable>) {
  if (!ids.length) return [];
  return (await trx.updateTable('procedure_steps').set(patch).where('id', 'in', ids).returningAll().execute()).map(norm);
}

/** Active managers of a customer (full- and part-time). */
export async function customerManagers(db: Tx, customerIds: number[]) {
  if (!customerIds.length) return [];
  return db
    .selectFrom(activeManagerAssignments().as('cm'))
    .innerJoin(userDirectory().as('u'), 'u.id', 'cm.user_id')
    .select(['cm.customer_id', 'cm.user_id', 'cm.kind', 'u.display_name', 'u.phone', 'u.disabled'])
    .where('cm.customer_id', 'in', customerIds)
    .orderBy('cm.customer_id')
    .orderBy('cm.kind')
    .execute();
}

/** Active users with one of the roles. */
export async function usersWithRole(db: Tx, roles: string[]) {
  return db
    .selectFrom(userDirectory().as('u'))
    .select(['id', 'display_name', 'department', 'phone', 'roles'])
    .where('disabled', '=', false)
    .where(sql<boolean>`roles && ${sql.val(roles)}::text[]`)
    .orderBy('id')
    .execute();
}

export async function userNames(db: Tx, ids: number[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids.filter((x): x is number => x != null))];
  if (!uniq.length) return new Map();
  const rows = await db.selectFrom(userDirectory().as('u')).select(['id', 'display_name']).where('id', 'in', uniq).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function listAttachmentMeta(db: Tx, stepIds: number[]) {
  if (!stepIds.length) return [];
  return db
    .selectFrom('procedure_attachments as a')
    .leftJoin(userDirectory().as('u'), 'u.id', 'a.uploaded_by')
    .select(['a.id', 'a.step_id', 'a.purpose', 'a.filename', 'a.mime', 'a.size_bytes', 'a.sha256', 'a.uploaded_at', 'u.display_name as uploaded_by_name'])
    .where('a.step_id', 'in', stepIds)
    .orderBy('a.id')
    .execute();
}

export async function insertAttachment(
  trx: Tx,
  v: {
    case_id: number;
    step_id: number;
    customer_id: number;
    purpose: 'attachment' | 'receipt';
    filename: string;
    mime: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
    uploaded_by: number | null;
  },
) {
  return trx.insertInto('procedure_attachments').values(v).returning(['id', 'uploaded_at']).executeTakeFirstOrThrow();
}

export async function findAttachment(db: Tx, id: number) {
  return db.selectFrom('procedure_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}
