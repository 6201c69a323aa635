/** Winter curtailment plans (冬季保供, DOMAIN.md §5): compute, what-if, adjust by hand, approve, notify, compliance. */
import type { z } from 'zod';
import { Decimal, dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { seesAllCustomers } from '../../platform/auth/scope';
import { dailyVolumesByCustomer } from '../metering';
import { visibleCustomerIds } from '../customers';
import { cutOf, type PriorityClass } from './curtailment.calc';
import { loadNetwork, type NetworkModel } from './network.model';
import { capacityTree, computePlan, lastComplete, loadsFromLines, planDays, type Avail, type Computed, type LineResult } from './plans.compute';
import { SE } from './supply.errors';
import * as repo from './supply.repo';
import type { AdjustBody, NoticeBody, PlanBody, PlanLineView, PlanPreviewBody } from './supply.schema';

type LineView = z.infer<typeof PlanLineView>;

const nodeName = (model: NetworkModel, ref: string | null) => (ref ? { ref, name: model.nodes.get(ref)?.name ?? ref } : null);

function lineView(model: NetworkModel, l: LineResult & { computedAllowed?: string; adjustReason?: string | null }, actual: string | null): LineView {
  const c = model.customers.get(l.customerId);
  const { cut, cutPct } = cutOf(l.demand, l.allowed);
  return {
    customerId: l.customerId,
    code: c?.code ?? String(l.customerId),
    name: c?.name ?? String(l.customerId),
    type: c?.type ?? 'other',
    gasDay: l.gasDay,
    class: l.class,
    demandM3: l.demand,
    demandSource: l.demandSource,
    residentialDemandM3: l.residentialDemand,
    computedAllowedM3: l.computedAllowed ?? l.allowed,
    allowedM3: l.allowed,
    cutM3: cut,
    cutPct,
    reason: l.reason,
    bindingNode: nodeName(model, l.bindingNode),
    adjustReason: l.adjustReason ?? null,
    actualM3: actual,
    // compliance (DOMAIN.md §5 track compliance): took more than allowed
    overTaken: actual !== null && dec(actual).gt(dec(l.allowed)),
  };
}

function nodeViews(c: Computed, day: string) {
  return (c.nodesByDay.get(day) ?? [])
    .filter((n) => n.capacity !== null || n.fullFor.length)
    .map((n) => ({ ref: n.ref, name: c.model.nodes.get(n.ref)?.name ?? n.ref, kind: c.model.nodes.get(n.ref)?.kind ?? '', capacityM3: n.capacity, allocatedM3: n.allocated, fullFor: n.fullFor }));
}

/** What-if: the plan for the days and the available supply entered, without saving. */
export async function previewPlan(ctx: AppContext, user: SessionUser, body: z.infer<typeof PlanPreviewBody>) {
  const days = planDays(ctx, body.fromDay, body.toDay);
  const c = await computePlan(ctx, ctx.db, days, body.availability as Avail[]);
  const visible = await visibleFilter(ctx, user, c.model);
  return { lines: c.lines.filter((l) => visible(l.customerId)).map((l) => lineView(c.model, l, null)), nodes: nodeViews(c, days[0]) };
}

async function visibleFilter(ctx: AppContext, user: SessionUser, model: NetworkModel) {
  if (seesAllCustomers(user)) return () => true;
  const ids = await visibleCustomerIds(ctx.db, user, [...model.customers.keys()]);
  return (id: number) => ids.has(id);
}

const linesToRows = (planId: number, lines: LineResult[]) =>
  lines.map((l) => ({
    customer_id: l.customerId,
    plan_id: planId,
    gas_day: l.gasDay,
    class: l.class,
    demand_m3: l.demand,
    demand_source: l.demandSource,
    residential_demand_m3: l.residentialDemand,
    computed_allowed_m3: l.allowed,
    allowed_m3: l.allowed,
    reason: l.reason,
    binding_node: l.bindingNode,
  }));

/** Compute and save a proposed plan. */
export async function createPlan(ctx: AppContext, body: z.infer<typeof PlanBody>, actor: Actor) {
  const days = planDays(ctx, body.fromDay, body.toDay);
  return inTx(ctx.db, async (trx) => {
    const c = await computePlan(ctx, trx, days, body.availability as Avail[]);
    const plan = await repo.insertPlan(trx, {
      name: body.name,
      from_day: body.fromDay,
      to_day: body.toDay,
      availability: JSON.stringify(body.availability),
      inputs_hash: `${c.netHash}:${c.demandHash}`,
      computed_by: actor.userId,
      created_by: actor.userId,
    });
    await repo.insertPlanLines(trx, linesToRows(plan.id, c.lines));
    await audit(trx, actor, {
      action: 'supply.plan.create',
      entity: 'supply_plan',
      entityId: plan.id,
      after: { name: body.name, fromDay: body.fromDay, toDay: body.toDay, availability: body.availability, lines: c.lines.length },
    });
    return { id: plan.id };
  });
}

/** Recompute a proposed plan with today's inputs (manual adjustments are dropped). */
export async function recomputePlan(ctx: AppContext, id: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const plan = await requirePlan(trx, id, true);
    if (plan.status !== 'proposed') throw new AppError(SE.SUPPLY_PLAN_APPROVED);
    const days = planDays(ctx, plan.from_day, plan.to_day);
    const c = await computePlan(ctx, trx, days, plan.availability as Avail[]);
    await repo.deletePlanLines(trx, id);
    await repo.insertPlanLines(trx, linesToRows(id, c.lines));
    await repo.updatePlan(trx, id, { inputs_hash: `${c.netHash}:${c.demandHash}`, computed_at: new Date(), computed_by: actor.userId });
    await audit(trx, actor, { action: 'supply.plan.recompute', entity: 'supply_plan', entityId: id, before: { inputsHash: plan.inputs_hash }, after: { inputsHash: `${c.netHash}:${c.demandHash}` } });
    return { id };
  });
}

async function requirePlan(trx: Tx, id: number, lock = false) {
  const plan = await repo.getPlan(trx, id, lock);
  if (!plan) throw new AppError('NOT_FOUND', { entity: { zh: '保供方案', en: 'Curtailment plan' } });
  return plan;
}

const toLine = (r: Awaited<ReturnType<typeof repo.planLines>>[number]): LineResult & { computedAllowed: string; adjustReason: string | null } => ({
  customerId: r.customer_id,
  gasDay: r.gas_day,
  class: r.class as PriorityClass,
  demand: r.demand_m3,
  demandSource: r.demand_source,
  residentialDemand: r.residential_demand_m3,
  allowed: r.allowed_m3,
  computedAllowed: r.computed_allowed_m3,
  reason: r.reason as LineResult['reason'],
  bindingNode: r.binding_node,
  adjustReason: r.adjust_reason,
});

/** Whether the inputs changed since the plan was computed: 'network' (capacities, supply, classes), 'demand', or null. */
async function staleness(ctx: AppContext, trx: Tx, plan: { from_day: string; to_day: string; availability: unknown; inputs_hash: string }): Promise<'network' | 'demand' | 'closed' | null> {
  const days: string[] = [];
  const last = lastComplete(ctx);
  if (plan.from_day <= last) return 'closed';
  try {
    days.push(...planDays(ctx, plan.from_day, plan.to_day));
    const c = await computePlan(ctx, trx, days, plan.availability as Avail[]);
    const [net, dem] = plan.inputs_hash.split(':');
    return c.netHash !== net ? 'network' : c.demandHash !== dem ? 'demand' : null;
  } catch {
    return 'network';
  }
}

export async function getPlan(ctx: AppContext, user: SessionUser, id: number, day?: string) {
  const plan = await requirePlan(ctx.db, id);
  const model = await loadNetwork(ctx.db);
  const all = (await repo.planLines(ctx.db, id, null)).map(toLine);
  const visible = await visibleFilter(ctx, user, model);
  const lines = all.filter((l) => visible(l.customerId));
  // compliance against metered actuals for days already over
  const last = lastComplete(ctx);
  const actual = new Map<string, string>();
  if (plan.status === 'approved' && plan.from_day <= last) {
    const vols = await dailyVolumesByCustomer(ctx.db, [...new Set(lines.map((l) => l.customerId))], plan.from_day, plan.to_day < last ? plan.to_day : last);
    for (const v of vols) actual.set(`${v.customerId}|${v.gasDay}`, v.volumeM3);
  }
  const shown = day ?? plan.from_day;
  const loads = loadsFromLines(
    model,
    all.filter((l) => l.gasDay === shown),
  );
  const avail = (plan.availability as Avail[]) ?? [];
  const dayUnits = all.filter((l) => l.gasDay === shown).map((l) => ({ key: String(l.customerId), class: l.class, demand: l.demand, node: model.customers.get(l.customerId)?.dpRefs[0] ?? '' }));
  const tree = capacityTree(
    model,
    avail,
    dayUnits.filter((u) => u.node),
  );
  const capOf = new Map(tree.map((n) => [n.id, n.capacity]));
  const nodes = [...model.nodes.values()]
    .filter((n) => capOf.get(n.ref) !== null && capOf.get(n.ref) !== undefined)
    .map((n) => ({ ref: n.ref, name: n.name, kind: n.kind, capacityM3: String(capOf.get(n.ref)!), allocatedM3: (loads.get(n.ref) ?? new Decimal(0)).toFixed(3), fullFor: [] as string[] }));
  const stale = plan.status === 'proposed' ? (await staleness(ctx, ctx.db, plan)) !== null : false;
  const sum = (f: (l: LineResult) => string) => lines.reduce((s, l) => s.plus(f(l)), new Decimal(0)).toFixed(3);
  return {
    plan: {
      ...summary(plan, { customers: new Set(lines.map((l) => l.customerId)).size, demand: sum((l) => l.demand), allowed: sum((l) => l.allowed) }),
      availability: avail.map((a) => ({ ...a, name: model.nodes.get(a.nodeRef)?.name ?? a.nodeRef })),
    },
    lines: lines.map((l) => lineView(model, l, plan.status === 'approved' && l.gasDay <= last ? (actual.get(`${l.customerId}|${l.gasDay}`) ?? null) : null)),
    nodes,
    stale,
  };
}

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.getPlan>>>;
function summary(p: PlanRow, agg: { customers: number; demand: string | null; allowed: string | null }) {
  return {
    id: p.id,
    name: p.name,
    fromDay: p.from_day,
    toDay: p.to_day,
    status: p.status,
    customers: Number(agg.customers ?? 0),
    demandM3: dec(agg.demand ?? 0).toFixed(3),
    allowedM3: dec(agg.allowed ?? 0).toFixed(3),
    computedAt: p.computed_at.toISOString(),
    approvedAt: p.approved_at?.toISOString() ?? null,
    approvedBy: p.approved_by_name,
    noticedAt: p.noticed_at?.toISOString() ?? null,
  };
}

export async function listPlans(ctx: AppContext, page: number, pageSize: number) {
  const [rows, total] = await repo.listPlans(ctx.db, pageSize, (page - 1) * pageSize);
  return { total: Number(total.n), items: rows.map((r) => summary(r, { customers: r.customers ?? 0, demand: r.demand, allowed: r.allowed })) };
}

/** Adjust one customer's allowed volume on a day by hand, with a reason; never above its demand or a node's capacity. */
export async function adjustLine(ctx: AppContext, user: SessionUser, id: number, body: z.infer<typeof AdjustBody>, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const plan = await requirePlan(trx, id, true);
    if (plan.status !== 'proposed') throw new AppError(SE.SUPPLY_PLAN_APPROVED);
    const visible = await visibleCustomerIds(trx, user, [body.customerId]);
    if (!visible.has(body.customerId)) throw new AppError('OUT_OF_SCOPE');
    const line = await repo.planLine(trx, id, body.customerId, body.gasDay);
    if (!line) throw new AppError(SE.SUPPLY_PLAN_LINE_UNKNOWN, { id: body.customerId, day: body.gasDay });
    const allowed = dec(body.allowedM3);
    if (allowed.isNeg()) throw new AppError(SE.SUPPLY_NEGATIVE_CAPACITY, { field: { zh: '允许气量', en: 'Allowed volume' }, value: body.allowedM3 });
    if (allowed.gt(dec(line.demand_m3))) throw new AppError(SE.SUPPLY_ADJUST_ABOVE_DEMAND, { allowed: allowed.toFixed(3), demand: line.demand_m3 });
    if (allowed.gt(dec(line.allowed_m3))) {
      // more gas for this customer must still fit every node on its paths
      const model = await loadNetwork(trx);
      const dayLines = (await repo.planLines(trx, id, null))
        .filter((l) => l.gas_day === body.gasDay)
        .map((l) => ({ customerId: l.customer_id, allowed: l.customer_id === body.customerId ? allowed.toFixed(3) : l.allowed_m3, class: l.class, demand: l.demand_m3 }));
      const loads = loadsFromLines(model, dayLines);
      const tree = capacityTree(
        model,
        plan.availability as Avail[],
        dayLines.map((l) => ({ key: String(l.customerId), class: l.class as PriorityClass, demand: l.demand, node: model.customers.get(l.customerId)?.dpRefs[0] ?? '' })).filter((u) => u.node),
      );
      const own = new Set<string>();
      for (const dp of model.customers.get(body.customerId)?.dpRefs ?? []) for (let cur: string | null = dp; cur && model.nodes.has(cur); cur = model.nodes.get(cur)!.upstream) own.add(cur);
      for (const n of tree) {
        if (!own.has(n.id) || n.capacity === null) continue;
        const total = loads.get(n.id) ?? new Decimal(0);
        if (total.gt(dec(n.capacity as string))) throw new AppError(SE.SUPPLY_ADJUST_OVER_CAPACITY, { node: model.nodes.get(n.id)?.name ?? n.id, total: total.toFixed(3), capacity: n.capacity });
      }
    }
    await repo.updatePlanLine(trx, id, body.customerId, body.gasDay, { allowed_m3: allowed.toFixed(3), adjust_reason: body.reason, adjusted_by: actor.userId, adjusted_at: new Date() });
    await audit(trx, actor, {
      action: 'supply.plan.adjust',
      entity: 'supply_plan',
      entityId: id,
      customerId: body.customerId,
      before: { gasDay: body.gasDay, allowedM3: line.allowed_m3 },
      after: { gasDay: body.gasDay, allowedM3: allowed.toFixed(3), reason: body.reason },
    });
    return { ok: true };
  });
}

/** Approve (sales lead): refused when the inputs changed since the plan was computed (recompute first) or its first day is over. */
export async function approvePlan(ctx: AppContext, id: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const plan = await requirePlan(trx, id, true);
    if (plan.status !== 'proposed') throw new AppError(SE.SUPPLY_PLAN_APPROVED);
    const stale = await staleness(ctx, trx, plan);
    if (stale === 'closed') throw new AppError(SE.SUPPLY_PLAN_CLOSED_DAY, { day: plan.from_day, last: lastComplete(ctx) });
    if (stale)
      throw new AppError(SE.SUPPLY_PLAN_STALE, {
        what:
          stale === 'network'
            ? { zh: '供气网络能力、可供气量或客户优先级', en: 'network capacities, available supply or customer classes' }
            : { zh: '客户需求（日指定/合同/近 7 日均量）', en: 'customer demand (nominations, contracts, 7-day average)' },
      });
    await repo.updatePlan(trx, id, { status: 'approved', approved_at: new Date(), approved_by: actor.userId, approved_by_name: actor.username });
    await audit(trx, actor, { action: 'supply.plan.approve', entity: 'supply_plan', entityId: id, before: { status: 'proposed' }, after: { status: 'approved' } });
    return { id };
  });
}

/** Send the approved plan to the customers it cuts, through the notices port. */
export async function notifyPlan(ctx: AppContext, id: number, body: z.infer<typeof NoticeBody>, actor: Actor) {
  const notices = ctx.capabilities.notices;
  if (!notices) throw new AppError(SE.SUPPLY_NOTICES_UNAVAILABLE);
  return inTx(ctx.db, async (trx) => {
    const plan = await requirePlan(trx, id, true);
    if (plan.status !== 'approved') throw new AppError(SE.SUPPLY_PLAN_NOT_APPROVED);
    const lines = await repo.planLines(trx, id, null);
    const cut = [...new Set(lines.filter((l) => dec(l.allowed_m3).lt(dec(l.demand_m3))).map((l) => l.customer_id))];
    const period = plan.from_day === plan.to_day ? plan.from_day : `${plan.from_day} ~ ${plan.to_day}`;
    const r = await notices.send(
      ctx,
      trx,
      {
        kind: 'curtailment',
        title: body.title ? { zh: body.title, en: body.title } : { zh: `冬季保供压减用气通知（${period}）`, en: `Winter curtailment notice (${period})` },
        body: body.body
          ? { zh: body.body, en: body.body }
          : {
              zh: `{customerName}：因供气紧张，按“保民用、保公用、保重点”原则，贵单位在 ${period} 的用气量将按保供方案“${plan.name}”压减，请按核定气量用气并回执。`,
              en: `{customerName}: supply is short; following residential, public and key users first, your gas for ${period} is curtailed under plan "${plan.name}". Please keep to the allowed volume and return the receipt.`,
            },
        customerIds: cut,
        requireReceipt: true,
        receiptDueOn: body.receiptDueOn,
        source: { module: 'supply', entity: 'curtailment_plan', id },
      },
      actor,
    );
    await repo.updatePlan(trx, id, { notice_id: r.noticeId, noticed_at: new Date() });
    await audit(trx, actor, { action: 'supply.plan.notify', entity: 'supply_plan', entityId: id, after: { noticeId: r.noticeId, recipients: r.recipients } });
    return r;
  });
}
