/** Read side of the procedure: case list and detail, the operation area's inbox, the approval queue. */
import { sql, type SqlBool } from 'kysely';
import { can } from '@common/roles';
import { tr, type Lang } from '@common/lang';
import type { Tx } from '../../platform/db/database';
import { errorDef } from '../../platform/http/errors';
import { inCustomerScope, customerBasics, fullTimeManagers, customersManagedBy } from '../customers';
import type { SessionUser } from '../../platform/auth/session-user';
import { decideCancel, INSTRUCTION_KINDS, isOpenStatus, stepOptions, type StepKind, type StepStatus } from './procedures.calc';
import { getPaymentStatus } from './procedures.payment';
import { loadCaseForUser } from './procedures.service';
import { levelLabel, STEP_LABELS } from './procedures.messages';
import type { CaseListFilter, CaseRowT, StepViewT } from './procedures.schema';
import * as repo from './procedures.repo';

type User = Pick<SessionUser, 'id' | 'roles'>;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function caseQuery(db: Tx) {
  return db
    .selectFrom('procedure_cases as pc')
    .innerJoin(customerBasics().as('c'), 'c.id', 'pc.customer_id')
    .selectAll('pc')
    .select([
      'c.code as c_code',
      'c.name as c_name',
      'c.type as c_type',
      'c.serves_residents as c_serves_residents',
      'c.province as c_province',
      'c.city as c_city',
      'c.county as c_county',
      'c.address as c_address',
      'c.status as c_status',
    ])
    .select(sql<string | null>`(SELECT fm.display_name FROM ${fullTimeManagers()} fm WHERE fm.customer_id = pc.customer_id LIMIT 1)`.as('manager'))
    .select(
      sql<{ stepId: number; kind: StepKind; status: StepStatus } | null>`(SELECT json_build_object('stepId', s.id, 'kind', s.kind, 'status', s.status) FROM procedure_steps s
        WHERE s.case_id = pc.id AND s.status IN ('pending_approval', 'pending_execution') ORDER BY s.seq DESC LIMIT 1)`.as('pending'),
    );
}
type CaseQueryRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

const customerBrief = (
  r: {
    c_code: string;
    c_name: string;
    c_type: string;
    c_serves_residents: boolean;
    c_province: string | null;
    c_city: string | null;
    c_county: string | null;
    c_address: string | null;
    c_status: string;
  },
  id: number,
) => ({
  id,
  code: r.c_code,
  name: r.c_name,
  type: r.c_type,
  servesResidents: r.c_serves_residents,
  province: r.c_province,
  city: r.c_city,
  county: r.c_county,
  address: r.c_address,
  status: r.c_status,
});

function toCaseRow(r: CaseQueryRow): CaseRowT {
  const pending = typeof r.pending === 'string' ? JSON.parse(r.pending) : r.pending;
  return {
    id: r.id,
    customer: customerBrief(r, r.customer_id),
    status: r.status,
    currentStep: r.current_step,
    pending: pending ? { stepId: Number(pending.stepId), kind: pending.kind, status: pending.status } : null,
    openedVia: r.opened_via,
    triggerLevel: r.trigger_level,
    level: r.level,
    levelGasDay: r.level_gas_day,
    manager: r.manager,
    openedAt: r.opened_at.toISOString(),
    restoreProposedAt: iso(r.restore_proposed_at),
    closedAt: iso(r.closed_at),
    closeReason: r.close_reason,
  };
}

export async function listCases(db: Tx, user: User, f: CaseListFilter) {
  let q = caseQuery(db).where(inCustomerScope(user, 'pc.customer_id'));
  if (f.status === 'active') q = q.where('pc.status', 'in', ['open', 'restore_proposed']);
  else if (f.status) q = q.where('pc.status', '=', f.status);
  if (f.step) q = q.where('pc.current_step', '=', f.step);
  if (f.customerId) q = q.where('pc.customer_id', '=', f.customerId);
  if (f.managerId) q = q.where('pc.customer_id', 'in', customersManagedBy(f.managerId));
  if (f.region) q = q.where((eb) => eb.or([eb('c.province', '=', f.region!), eb('c.city', '=', f.region!), eb('c.county', '=', f.region!)]));
  if (f.q) q = q.where((eb) => eb.or([eb('c.name', 'ilike', `%${f.q}%`), eb('c.code', 'ilike', `%${f.q}%`)]));
  const { total } = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(sql`CASE WHEN pc.status IN ('open', 'restore_proposed') THEN 0 ELSE 1 END`)
    .orderBy('pc.opened_at', 'desc')
    .orderBy('pc.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total), items: rows.map(toCaseRow) };
}

export async function stepViews(db: Tx, steps: repo.StepRecord[]): Promise<StepViewT[]> {
  const ids = steps.flatMap((s) => [s.actor_id, s.approved_by, s.rejected_by, s.confirmed_by, ...s.operator_ids]).filter((x): x is number => x != null);
  const names = await repo.userNames(db, ids);
  const named = (id: number | null) => (id == null ? null : { id, name: names.get(id) ?? `#${id}` });
  const atts = await repo.listAttachmentMeta(
    db,
    steps.map((s) => s.id),
  );
  return steps.map((s) => ({
    id: s.id,
    caseId: s.case_id,
    seq: s.seq,
    kind: s.kind,
    status: s.status,
    actor: named(s.actor_id),
    actedAt: s.acted_at.toISOString(),
    note: s.note,
    levelAt: s.level_at,
    overrideReason: s.override_reason,
    noticeNo: s.notice_no,
    noticeSentAt: iso(s.notice_sent_at),
    receiptDeliveredAt: iso(s.receipt_delivered_at),
    receiptSignedAt: iso(s.receipt_signed_at),
    receiptSigner: s.receipt_signer,
    operators: s.operator_ids.map((id) => named(Number(id))!),
    targetVolumeM3: s.target_volume_m3,
    approvedBy: named(s.approved_by),
    approvedAt: iso(s.approved_at),
    approvalNote: s.approval_note,
    rejectedBy: named(s.rejected_by),
    rejectedAt: iso(s.rejected_at),
    rejectReason: s.reject_reason,
    cancelledAt: iso(s.cancelled_at),
    cancelReason: s.cancel_reason,
    executedAt: iso(s.executed_at),
    executorName: s.executor_name,
    confirmedBy: named(s.confirmed_by),
    confirmedAt: iso(s.confirmed_at),
    actualVolumeM3: s.actual_volume_m3,
    valveClosed: s.valve_closed,
    executionNote: s.execution_note,
    attachments: atts
      .filter((a) => a.step_id === s.id)
      .map((a) => ({
        id: a.id,
        stepId: a.step_id,
        purpose: a.purpose,
        filename: a.filename,
        mime: a.mime,
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
        uploadedAt: a.uploaded_at.toISOString(),
        uploadedBy: a.uploaded_by_name,
      })),
  }));
}

export async function caseDetail(db: Tx, user: User, caseId: number, lang: Lang) {
  await loadCaseForUser(db, user, caseId);
  const r = await caseQuery(db).where('pc.id', '=', caseId).executeTakeFirstOrThrow();
  const row = toCaseRow(r);
  const steps = await repo.listSteps(db, [caseId]);
  const managers = await repo.customerManagers(db, [r.customer_id]);
  const payment = (await getPaymentStatus(db, [r.customer_id])).get(r.customer_id) ?? null;
  const names = await repo.userNames(
    db,
    [r.opened_by, r.closed_by].filter((x): x is number => x != null),
  );
  const writable = can(user.roles, 'procedures:write');
  const state = { status: r.status, steps, level: payment?.level ?? r.level };
  const options = stepOptions(state, { servesResidents: r.c_serves_residents, canApproveStop: can(user.roles, 'procedures:approve_stop') }).map((o) => {
    const allowed = writable && o.allowed;
    const code = !writable ? 'FORBIDDEN' : o.code;
    const params = { kind: row.pending ? STEP_LABELS[row.pending.kind] : '', level: levelLabel(state.level) };
    return { kind: o.kind, allowed, needsReason: allowed && o.needsReason, needsApproval: o.needsApproval, reason: !allowed && code ? tr(errorDef(code)!, lang, params) : null };
  });
  return {
    ...row,
    note: r.note,
    openedBy: r.opened_by ? { id: r.opened_by, name: names.get(r.opened_by) ?? '' } : null,
    closedBy: r.closed_by ? { id: r.closed_by, name: names.get(r.closed_by) ?? '' } : null,
    managers: managers.map((m) => ({ id: m.user_id, name: m.display_name, kind: m.kind, phone: m.phone })),
    payment,
    steps: await stepViews(db, steps),
    options,
    canCancel: writable && isOpenStatus(r.status) && decideCancel(state).ok,
  };
}

function instructionQuery(db: Tx, user: User) {
  return db
    .selectFrom('procedure_steps as s')
    .innerJoin('procedure_cases as pc', 'pc.id', 's.case_id')
    .innerJoin(customerBasics().as('c'), 'c.id', 's.customer_id')
    .selectAll('s')
    .select([
      'pc.status as case_status',
      'c.code as c_code',
      'c.name as c_name',
      'c.type as c_type',
      'c.serves_residents as c_serves_residents',
      'c.province as c_province',
      'c.city as c_city',
      'c.county as c_county',
      'c.address as c_address',
      'c.status as c_status',
    ])
    .where(inCustomerScope(user, 's.customer_id'));
}

async function pageOfInstructions(db: Tx, q: ReturnType<typeof instructionQuery>, page: number, pageSize: number) {
  const { total } = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('s.acted_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const views = await stepViews(db, rows);
  return { total: Number(total), items: rows.map((r, i) => ({ ...views[i], customer: customerBrief(r, r.customer_id), caseStatus: r.case_status })) };
}

/** 待执行指令: instructions sent to this operation-area user (administrators see all). */
export async function listInstructions(db: Tx, user: User, f: { status: 'pending' | 'done' | 'all'; page: number; pageSize: number }) {
  let q = instructionQuery(db, user).where('s.kind', 'in', [...INSTRUCTION_KINDS]);
  if (!user.roles.includes('admin')) q = q.where(sql<SqlBool>`${user.id} = ANY(s.operator_ids)`);
  const statuses: StepStatus[] = f.status === 'pending' ? ['pending_execution'] : f.status === 'done' ? ['executed'] : ['pending_execution', 'executed', 'cancelled'];
  q = q.where('s.status', 'in', statuses);
  return pageOfInstructions(db, q, f.page, f.pageSize);
}

/** 保民用 approval queue: stops of residential customers awaiting (or past) the sales lead's decision. */
export async function listApprovals(db: Tx, user: User, f: { status: 'pending' | 'decided' | 'all'; page: number; pageSize: number }) {
  let q = instructionQuery(db, user).where('s.kind', '=', 'stop').where('c.serves_residents', '=', true);
  if (f.status === 'pending') q = q.where('s.status', '=', 'pending_approval');
  else if (f.status === 'decided') q = q.where((eb) => eb.or([eb('s.rejected_at', 'is not', null), eb.and([eb('s.approved_at', 'is not', null), eb('s.approved_by', '!=', eb.ref('s.actor_id'))])]));
  return pageOfInstructions(db, q, f.page, f.pageSize);
}

/** Up to 20 supplied customers in scope matching `q` (code or name), with their open case if any. */
export async function pickCustomers(db: Tx, user: User, text?: string) {
  let q = db
    .selectFrom(customerBasics().as('c'))
    .leftJoin('procedure_cases as pc', (j) => j.onRef('pc.customer_id', '=', 'c.id').on('pc.status', 'in', ['open', 'restore_proposed']))
    .select(['c.id', 'c.code', 'c.name', 'c.city', 'c.serves_residents', 'pc.id as open_case_id'])
    .where('c.status', 'in', ['active', 'restricted'])
    .where(inCustomerScope(user, 'c.id'));
  if (text) q = q.where((eb) => eb.or([eb('c.name', 'ilike', `%${text}%`), eb('c.code', 'ilike', `%${text}%`)]));
  const rows = await q.orderBy('c.code').limit(20).execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, city: r.city, servesResidents: r.serves_residents, openCaseId: r.open_case_id }));
}
