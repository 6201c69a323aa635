/**
 * Sales plan use cases (DOMAIN.md §5 "Sales plans"): a year's plan version (初版 / 调整) with the
 * annual target and monthly plans, allocation to operation areas and customers, approval that
 * locks the version, and managers' proposals (销售建议计划) rolling up for the sales lead.
 */
import type { z } from 'zod';
import { dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import { assertCustomerAccess, inCustomerScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { onboardingCustomerBriefs } from '../customers';
import { activeUsersWithRoles } from '../identity';
import { allocationGaps, areaForCustomer, monthsVsTarget } from './plans.calc';
import * as repo from './plans.repo';
import type * as s from './plans.schema';
import './plans.errors';

type User = Pick<SessionUser, 'id' | 'roles'>;
const STATUS = { draft: { zh: '草稿', en: 'draft' }, approved: { zh: '批准', en: 'approved' }, superseded: { zh: '被替代', en: 'superseded' } };
export const UNASSIGNED_AREA = '未划分';

/** Operation areas (采气作业区): the departments of the active operation-area users. */
export async function listAreas(db: Tx): Promise<string[]> {
  const users = await activeUsersWithRoles(db, ['operation_area']);
  return [...new Set(users.map((u) => u.department).filter((d): d is string => !!d))].sort();
}

async function loadVersion(trx: Tx, id: number, forUpdate = false) {
  const v = await repo.findVersion(trx, id, forUpdate);
  if (!v) throw new AppError('NOT_FOUND', { entity: { zh: '计划版本', en: 'Plan version' } });
  return v;
}
function assertDraft(v: repo.VersionRowDb) {
  if (v.status !== 'draft') throw new AppError('PLAN_VERSION_LOCKED', { year: v.year, seq: v.seq, status: STATUS[v.status] });
}

/** Monthly plans must sum to the target, or the deviation is explicitly accepted with a note (flagged). */
function checkMonths(input: z.infer<typeof s.VersionUpdate>) {
  const ms = new Set(input.months.map((m) => m.month));
  if (ms.size !== 12) throw new AppError('PLAN_MONTHS_INCOMPLETE');
  const r = monthsVsTarget(
    input.targetVolumeM3,
    input.months.map((m) => m.volumeM3),
  );
  if (!r.matches && !(input.acceptDeviation && input.deviationNote)) throw new AppError('PLAN_MONTHS_NOT_SUM', { sumM3: r.sumM3, targetM3: dec(input.targetVolumeM3).toFixed(3), diffM3: r.diffM3 });
  return { deviation_flag: !r.matches, deviation_note: r.matches ? null : input.deviationNote! };
}

export async function createVersion(ctx: AppContext, user: User, input: z.infer<typeof s.VersionBody>, actor: Actor): Promise<number> {
  return inTx(ctx.db, async (trx) => {
    const existing = await repo.listVersions(trx, input.year);
    if (input.kind === 'initial' && existing.some((v) => v.kind === 'initial')) throw new AppError('PLAN_INITIAL_EXISTS', { year: input.year });
    if (input.kind === 'adjusted' && !existing.some((v) => v.status === 'approved')) throw new AppError('PLAN_NO_APPROVED', { year: input.year });
    const dev = checkMonths(input);
    const id = await repo.insertVersion(trx, {
      year: input.year,
      kind: input.kind,
      seq: await repo.nextSeq(trx, input.year),
      target_volume_m3: input.targetVolumeM3,
      target_revenue_fen: input.targetRevenueFen,
      ...dev,
      note: input.note ?? null,
      created_by: user.id,
      updated_at: new Date(),
    });
    await repo.replaceMonths(trx, id, input.months);
    // An adjusted version starts from the approved one's allocations (then edited).
    if (input.kind === 'adjusted') {
      const base = existing.find((v) => v.status === 'approved')!;
      await repo.replaceAreas(
        trx,
        id,
        (await repo.areas(trx, base.id)).map((a) => ({ month: a.month, area: a.area, volumeM3: a.volume_m3 })),
      );
      await repo.replaceCustomers(
        trx,
        id,
        (await repo.customerPlans(trx, base.id)).map((c) => ({ customerId: c.customer_id, month: c.month, area: c.area, volumeM3: c.volume_m3 })),
      );
    }
    await audit(trx, actor, { action: 'plan.version.create', entity: 'plan_version', entityId: id, after: input });
    return id;
  });
}

export async function updateVersion(ctx: AppContext, user: User, id: number, input: z.infer<typeof s.VersionUpdate>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const v = await loadVersion(trx, id, true);
    assertDraft(v);
    const dev = checkMonths(input);
    await repo.updateVersion(trx, id, { target_volume_m3: input.targetVolumeM3, target_revenue_fen: input.targetRevenueFen, ...dev, note: input.note ?? v.note });
    await repo.replaceMonths(trx, id, input.months);
    await audit(trx, actor, { action: 'plan.version.update', entity: 'plan_version', entityId: id, before: { target: v.target_volume_m3 }, after: input });
  });
}

export async function setAreas(ctx: AppContext, user: User, id: number, input: z.infer<typeof s.AreasBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const v = await loadVersion(trx, id, true);
    assertDraft(v);
    const known = new Set([...(await listAreas(trx)), UNASSIGNED_AREA]);
    for (const a of input.allocations) if (!known.has(a.area)) throw new AppError('PLAN_UNKNOWN_AREA', { area: a.area });
    await repo.replaceAreas(trx, id, input.allocations);
    await audit(trx, actor, { action: 'plan.version.areas', entity: 'plan_version', entityId: id, after: { rows: input.allocations.length } });
  });
}

export async function setCustomers(ctx: AppContext, user: User, id: number, input: z.infer<typeof s.CustomersBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const v = await loadVersion(trx, id, true);
    assertDraft(v);
    const known = new Set([...(await listAreas(trx)), UNASSIGNED_AREA]);
    for (const a of input.allocations) if (!known.has(a.area)) throw new AppError('PLAN_UNKNOWN_AREA', { area: a.area });
    const ids = [...new Set(input.allocations.map((a) => a.customerId))];
    const found = await onboardingCustomerBriefs(trx, ids);
    if (found.length !== ids.length) throw new AppError('NOT_FOUND', { entity: { zh: '客户', en: 'Customer' } });
    await repo.replaceCustomers(trx, id, input.allocations);
    await audit(trx, actor, { action: 'plan.version.customers', entity: 'plan_version', entityId: id, after: { rows: input.allocations.length, customers: ids.length } });
  });
}

/** The sales lead adopts the managers' proposals of the year as the version's customer allocations. */
export async function adoptProposals(ctx: AppContext, user: User, id: number, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const v = await loadVersion(trx, id, true);
    assertDraft(v);
    const props = await repo.proposals(trx, inCustomerScope(user, 'p.customer_id'), v.year);
    if (!props.length) throw new AppError('PLAN_NO_PROPOSALS', { year: v.year });
    const areas = await listAreas(trx);
    const briefs = new Map((await onboardingCustomerBriefs(trx, [...new Set(props.map((p) => p.customer_id))])).map((b) => [b.id, b]));
    const rows = props.map((p) => ({ customerId: p.customer_id, month: Number(p.month.slice(5)), area: areaForCustomer(areas, briefs.get(p.customer_id)!) ?? UNASSIGNED_AREA, volumeM3: p.volume_m3 }));
    await repo.replaceCustomers(trx, id, rows);
    await audit(trx, actor, { action: 'plan.version.adoptProposals', entity: 'plan_version', entityId: id, after: { rows: rows.length } });
  });
}

/** Approval locks the version; the areas must add up to each month's plan; the previous approved version is superseded. */
export async function approveVersion(ctx: AppContext, user: User, id: number, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    const v = await loadVersion(trx, id, true);
    assertDraft(v);
    const ms = await repo.months(trx, id);
    const gaps = allocationGaps(
      ms.map((m) => ({ month: m.month, volumeM3: m.volume_m3 })),
      (await repo.areas(trx, id)).map((a) => ({ month: a.month, volumeM3: a.volume_m3 })),
    );
    if (gaps.length) throw new AppError('PLAN_AREAS_NOT_SUM', { months: gaps.map((g) => `${g.month}（${g.allocatedM3} ≠ ${g.planM3}）`).join('；') });
    const prev = await repo.approvedVersion(trx, v.year);
    if (prev) await repo.updateVersion(trx, prev.id, { status: 'superseded' });
    await repo.updateVersion(trx, id, { status: 'approved', approved_by: user.id, approved_at: new Date() });
    await audit(trx, actor, { action: 'plan.version.approve', entity: 'plan_version', entityId: id, before: { status: v.status, supersedes: prev?.id ?? null }, after: { status: 'approved' } });
  });
}

const presentVersion = (v: repo.VersionRowDb) => ({
  id: v.id,
  year: v.year,
  kind: v.kind,
  seq: v.seq,
  status: v.status,
  targetVolumeM3: v.target_volume_m3,
  targetRevenueFen: Number(v.target_revenue_fen),
  deviationFlag: v.deviation_flag,
  deviationNote: v.deviation_note,
  note: v.note,
  approvedAt: v.approved_at?.toISOString() ?? null,
});
export async function versions(db: Tx, year?: number) {
  return (await repo.listVersions(db, year)).map(presentVersion);
}

export async function versionDetail(db: Tx, id: number) {
  const v = await loadVersion(db, id);
  const [ms, as, roll, n] = await Promise.all([repo.months(db, id), repo.areas(db, id), repo.customerRollup(db, id), repo.customerCount(db, id)]);
  const mv = monthsVsTarget(
    v.target_volume_m3,
    ms.map((m) => m.volume_m3),
  );
  const sum = (rows: { v: string }[]) => rows.reduce((a, r) => a.plus(dec(r.v)), dec(0)).toFixed(3);
  return {
    ...presentVersion(v),
    monthsSumM3: mv.sumM3,
    monthsDiffM3: mv.diffM3,
    months: ms.map((m) => ({
      month: m.month,
      volumeM3: m.volume_m3,
      revenueFen: Number(m.revenue_fen),
      areasM3: sum(as.filter((a) => a.month === m.month).map((a) => ({ v: a.volume_m3 }))),
      customersM3: sum(roll.filter((r) => r.month === m.month)),
    })),
    areas: as.map((a) => ({ month: a.month, area: a.area, volumeM3: a.volume_m3, customersM3: sum(roll.filter((r) => r.month === a.month && r.area === a.area)) })),
    areaGaps: allocationGaps(
      ms.map((m) => ({ month: m.month, volumeM3: m.volume_m3 })),
      as.map((a) => ({ month: a.month, volumeM3: a.volume_m3 })),
    ),
    customerCount: n,
  };
}

export async function propose(ctx: AppContext, user: User, input: z.infer<typeof s.ProposalBody>, actor: Actor) {
  await inTx(ctx.db, async (trx) => {
    await assertCustomerAccess(trx, user, input.customerId);
    const before = await repo.upsertProposal(trx, { customer_id: input.customerId, month: input.month, volume_m3: input.volumeM3, note: input.note ?? null, proposed_by: user.id });
    await audit(trx, actor, {
      action: 'plan.proposal',
      entity: 'plan_proposal',
      entityId: `${input.customerId}:${input.month}`,
      customerId: input.customerId,
      before: before ? { volumeM3: before.volume_m3 } : null,
      after: input,
    });
  });
}

/** Proposals of the year in the user's scope, rolled up by month and by operation area. */
export async function proposalRollup(db: Tx, user: User, year: number) {
  const props = await repo.proposals(db, inCustomerScope(user, 'p.customer_id'), year);
  const areas = await listAreas(db);
  const briefs = new Map((await onboardingCustomerBriefs(db, [...new Set(props.map((p) => p.customer_id))])).map((b) => [b.id, b]));
  const items = props.map((p) => {
    const b = briefs.get(p.customer_id)!;
    return {
      customerId: p.customer_id,
      customerName: b.name,
      area: areaForCustomer(areas, b) ?? UNASSIGNED_AREA,
      month: p.month,
      volumeM3: p.volume_m3,
      note: p.note,
      proposedAt: p.proposed_at.toISOString(),
    };
  });
  const group = <K extends string>(key: (i: (typeof items)[number]) => K) => {
    const m = new Map<K, { v: ReturnType<typeof dec>; c: Set<number> }>();
    for (const i of items) {
      const e = m.get(key(i)) ?? { v: dec(0), c: new Set<number>() };
      e.v = e.v.plus(dec(i.volumeM3));
      e.c.add(i.customerId);
      m.set(key(i), e);
    }
    return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  };
  return {
    items,
    byMonth: group((i) => i.month).map(([month, e]) => ({ month, volumeM3: e.v.toFixed(3), customers: e.c.size })),
    byArea: group((i) => i.area).map(([area, e]) => ({ area, volumeM3: e.v.toFixed(3) })),
  };
}

/** A version's customer allocations in the user's scope: one row per customer with its area and 12 monthly volumes ('0.000' where none). */
export async function customerAllocations(db: Tx, user: User, id: number) {
  await loadVersion(db, id);
  const rows = await repo.customerAllocations(db, id, inCustomerScope(user, 'a.customer_id'));
  const briefs = new Map((await onboardingCustomerBriefs(db, [...new Set(rows.map((r) => r.customer_id))])).map((b) => [b.id, b]));
  const by = new Map<number, { customerId: number; customerCode: string; customerName: string; area: string; months: string[] }>();
  for (const r of rows) {
    let e = by.get(r.customer_id);
    if (!e) {
      const b = briefs.get(r.customer_id);
      by.set(r.customer_id, (e = { customerId: r.customer_id, customerCode: b?.code ?? '', customerName: b?.name ?? '', area: r.area, months: Array.from({ length: 12 }, () => '0.000') }));
    }
    e.months[r.month - 1] = dec(e.months[r.month - 1])
      .plus(dec(r.volume_m3))
      .toFixed(3);
  }
  return [...by.values()];
}
