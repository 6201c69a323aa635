/**
 * Emergencies (应急, DOMAIN.md §5): an event on supply nodes or a region; the customers downstream
 * with households, managers and contacts; per-customer checklist; upstream coordination log;
 * notices; timeline.
 */
import type { z } from 'zod';
import type { Msg } from '@common/lang';
import { dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { listManagers, visibleCustomerIds } from '../customers';
import { contactsOfCustomers } from '../interactions';
import { downstream } from './graph.calc';
import { customersIn, loadNetwork, type NetworkModel } from './network.model';
import { SE } from './supply.errors';
import * as repo from './supply.repo';
import type { AffectedView, ChecklistPatch, EmergencyBody, EmergencyView, LogBody, NoticeBody } from './supply.schema';

export const EMERGENCY_KIND_LABELS: Record<string, Msg> = {
  earthquake: { zh: '地震', en: 'Earthquake' },
  pipeline_failure: { zh: '管道故障', en: 'Pipeline failure' },
  source_failure: { zh: '气源故障', en: 'Source failure' },
  other: { zh: '其他', en: 'Other' },
};
export const SUPPLY_STATUS_LABELS: Record<string, Msg> = {
  unknown: { zh: '待核实', en: 'Unknown' },
  normal: { zh: '正常供气', en: 'Normal' },
  reduced: { zh: '减量供气', en: 'Reduced' },
  interrupted: { zh: '中断供气', en: 'Interrupted' },
  restored: { zh: '已恢复', en: 'Restored' },
};

/** Affected customers: downstream of the nodes, plus customers (and sources' downstream) in the region; with the nodes/region that reached each. */
export function affectedCustomers(model: NetworkModel, nodeRefs: string[], region: string | null): Map<number, string[]> {
  const via = new Map<number, string[]>();
  const add = (ids: number[], tag: string) => {
    for (const id of ids) {
      const list = via.get(id) ?? [];
      if (!list.includes(tag)) list.push(tag);
      via.set(id, list);
    }
  };
  for (const ref of nodeRefs) add(customersIn(model, downstream(model.graph, [ref])), ref);
  if (region) {
    const inRegion = [...model.customers.values()].filter((c) => `${c.province ?? ''}${c.city ?? ''}${c.county ?? ''}`.includes(region)).map((c) => c.id);
    const sources = [...model.nodes.values()].filter((n) => n.kind !== 'delivery_point' && n.region?.includes(region)).map((n) => n.ref);
    add([...inRegion, ...customersIn(model, downstream(model.graph, sources))], `region:${region}`);
  }
  return via;
}

type EventRow = NonNullable<Awaited<ReturnType<typeof repo.getEmergency>>>;
function eventView(model: NetworkModel | null, e: EventRow, counts: { customers: number; checked: number }): z.infer<typeof EmergencyView> {
  return {
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurred_at.toISOString(),
    title: e.title,
    description: e.description,
    nodes: e.node_refs.map((ref) => ({ ref, name: model?.nodes.get(ref)?.name ?? ref })),
    region: e.region,
    status: e.status,
    customers: Number(counts.customers ?? 0),
    checked: Number(counts.checked ?? 0),
    createdAt: e.created_at.toISOString(),
    closedAt: e.closed_at?.toISOString() ?? null,
  };
}

export async function listEmergencies(ctx: AppContext, q: { kind?: string; status?: string; page: number; pageSize: number }) {
  const model = await loadNetwork(ctx.db);
  const [rows, total] = await repo.listEmergencies(ctx.db, { kind: q.kind, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { total: Number(total.n), items: rows.map((r) => eventView(model, r, { customers: r.customers ?? 0, checked: r.checked ?? 0 })) };
}

/** Declare an event; the affected customers are found through the graph and kept as the event's list. */
export async function declareEmergency(ctx: AppContext, body: z.infer<typeof EmergencyBody>, actor: Actor, now = new Date()) {
  const region = body.region?.trim() || null;
  if (!body.nodeRefs.length && !region) throw new AppError(SE.SUPPLY_NO_TARGET);
  const at = new Date(body.occurredAt);
  if (at.getTime() > now.getTime() + 60_000) throw new AppError(SE.SUPPLY_EVENT_FUTURE);
  return inTx(ctx.db, async (trx) => {
    const model = await loadNetwork(trx);
    for (const ref of body.nodeRefs) if (!model.nodes.has(ref)) throw new AppError(SE.SUPPLY_NODE_UNKNOWN, { ref });
    const via = affectedCustomers(model, [...new Set(body.nodeRefs)], region);
    const e = await repo.insertEmergency(trx, {
      kind: body.kind,
      occurred_at: at,
      title: body.title,
      description: body.description,
      node_refs: [...new Set(body.nodeRefs)],
      region,
      created_by: actor.userId,
    });
    await repo.insertAffected(
      trx,
      [...via].map(([cid, v]) => ({ customer_id: cid, emergency_id: e.id, via_nodes: v, households: model.customers.get(cid)?.households ?? null })),
    );
    const names = body.nodeRefs.map((r) => model.nodes.get(r)!.name).join('、');
    await repo.insertLog(trx, {
      emergency_id: e.id,
      at,
      kind: 'declared',
      text: `${body.title}${names ? `（${names}）` : ''}${region ? `［${region}］` : ''}：受影响客户 ${via.size} 户`,
      actor_id: actor.userId,
      actor_name: actor.username,
    });
    await audit(trx, actor, {
      action: 'supply.emergency.declare',
      entity: 'supply_emergency',
      entityId: e.id,
      after: { kind: body.kind, title: body.title, nodeRefs: body.nodeRefs, region, customers: via.size },
    });
    return { id: e.id, customers: via.size };
  });
}

async function requireEvent(trx: Tx, id: number, lock = false) {
  const e = await repo.getEmergency(trx, id, lock);
  if (!e) throw new AppError('NOT_FOUND', { entity: { zh: '应急事件', en: 'Emergency' } });
  return e;
}

/** The event page: the event, the affected customers in the user's scope with managers and contacts, the timeline. */
export async function getEmergency(ctx: AppContext, user: SessionUser, id: number) {
  const e = await requireEvent(ctx.db, id);
  const model = await loadNetwork(ctx.db);
  const rows = await repo.affected(ctx.db, id, user);
  const ids = rows.map((r) => r.customer_id);
  const [managers, contacts, log, allRows] = await Promise.all([listManagers(ctx.db, ids), contactsOfCustomers(ctx.db, ids), repo.eventLog(ctx.db, id), repo.affected(ctx.db, id, null)]);
  const byC = <T extends { customerId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.customerId, [...(m.get(x.customerId) ?? []), x]);
    return m;
  };
  const mg = byC(managers);
  const ct = byC(contacts);
  const customers: z.infer<typeof AffectedView>[] = rows.map((r) => {
    const c = model.customers.get(r.customer_id);
    return {
      customerId: r.customer_id,
      code: c?.code ?? String(r.customer_id),
      name: c?.name ?? String(r.customer_id),
      type: c?.type ?? 'other',
      city: c?.city ?? null,
      county: c?.county ?? null,
      viaNodes: r.via_nodes.map((v) => (v.startsWith('region:') ? v.slice(7) : (model.nodes.get(v)?.name ?? v))),
      households: r.households,
      managers: (mg.get(r.customer_id) ?? []).map((m) => ({ kind: m.kind, name: m.displayName, phone: m.phone })),
      contacts: (ct.get(r.customer_id) ?? []).map((x) => ({ name: x.name, role: x.role, mobile: x.mobile, landline: x.landline })),
      contacted: r.contacted,
      siteChecked: r.site_checked,
      supplyStatus: r.supply_status,
      demandChangeM3: r.demand_change_m3,
      notes: r.notes,
      updatedAt: r.updated_at?.toISOString() ?? null,
      updatedBy: r.updated_by_name,
    };
  });
  return {
    event: eventView(model, e, { customers: allRows.length, checked: allRows.filter((r) => r.contacted && r.site_checked).length }),
    customers,
    log: log.map((l) => ({ id: Number(l.id), at: l.at.toISOString(), kind: l.kind, customerId: l.customer_id, text: l.text, actorName: l.actor_name })),
    totals: {
      customers: customers.length,
      households: customers.reduce((s, c) => s + (c.households ?? 0), 0),
      contacted: customers.filter((c) => c.contacted).length,
      siteChecked: customers.filter((c) => c.siteChecked).length,
    },
  };
}

/** A manager fills in the checklist of one affected customer from the field. */
export async function updateChecklist(ctx: AppContext, user: SessionUser, id: number, customerId: number, body: z.infer<typeof ChecklistPatch>, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const e = await requireEvent(trx, id, true);
    if (e.status !== 'open') throw new AppError(SE.SUPPLY_EVENT_CLOSED);
    const row = await repo.affectedOne(trx, id, customerId);
    if (!row) throw new AppError(SE.SUPPLY_NOT_AFFECTED, { id: customerId });
    if (!(await visibleCustomerIds(trx, user, [customerId])).has(customerId)) throw new AppError('OUT_OF_SCOPE');
    const set = {
      ...(body.contacted !== undefined ? { contacted: body.contacted } : {}),
      ...(body.siteChecked !== undefined ? { site_checked: body.siteChecked } : {}),
      ...(body.supplyStatus !== undefined ? { supply_status: body.supplyStatus } : {}),
      ...(body.demandChangeM3 !== undefined ? { demand_change_m3: body.demandChangeM3 === null ? null : dec(body.demandChangeM3).toFixed(3) } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    };
    await repo.updateAffected(trx, id, customerId, { ...set, updated_at: new Date(), updated_by: actor.userId, updated_by_name: actor.username });
    const model = await loadNetwork(trx);
    const parts: string[] = [];
    if (body.contacted !== undefined) parts.push(body.contacted ? '已联系' : '未联系');
    if (body.siteChecked !== undefined) parts.push(body.siteChecked ? '已现场检查' : '未现场检查');
    if (body.supplyStatus !== undefined) parts.push(`供气状态：${SUPPLY_STATUS_LABELS[body.supplyStatus].zh}`);
    if (body.demandChangeM3 != null) parts.push(`需求变化 ${dec(body.demandChangeM3).toFixed(3)} m³`);
    if (body.notes) parts.push(body.notes);
    await repo.insertLog(trx, {
      emergency_id: id,
      kind: 'check',
      customer_id: customerId,
      text: `${model.customers.get(customerId)?.name ?? customerId}：${parts.join('；') || '更新'}`,
      actor_id: actor.userId,
      actor_name: actor.username,
    });
    await audit(trx, actor, {
      action: 'supply.emergency.check',
      entity: 'supply_emergency',
      entityId: id,
      customerId,
      before: { contacted: row.contacted, siteChecked: row.site_checked, supplyStatus: row.supply_status, demandChangeM3: row.demand_change_m3, notes: row.notes },
      after: body,
    });
    return { ok: true };
  });
}

/** Upstream coordination (与上游/调度协调) entry in the event's timeline. */
export async function addCoordination(ctx: AppContext, id: number, body: z.infer<typeof LogBody>, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const e = await requireEvent(trx, id, true);
    if (e.status !== 'open') throw new AppError(SE.SUPPLY_EVENT_CLOSED);
    await repo.insertLog(trx, { emergency_id: id, kind: 'coordination', text: body.text, at: body.at ? new Date(body.at) : new Date(), actor_id: actor.userId, actor_name: actor.username });
    await audit(trx, actor, { action: 'supply.emergency.coordinate', entity: 'supply_emergency', entityId: id, after: body });
    return { ok: true };
  });
}

export async function closeEmergency(ctx: AppContext, id: number, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const e = await requireEvent(trx, id, true);
    if (e.status !== 'open') throw new AppError(SE.SUPPLY_EVENT_CLOSED);
    await repo.updateEmergency(trx, id, { status: 'closed', closed_at: new Date() });
    await repo.insertLog(trx, { emergency_id: id, kind: 'closed', text: '应急事件关闭', actor_id: actor.userId, actor_name: actor.username });
    await audit(trx, actor, { action: 'supply.emergency.close', entity: 'supply_emergency', entityId: id, before: { status: 'open' }, after: { status: 'closed' } });
    return { ok: true };
  });
}

/** Notice to all affected customers through the notices port (absent: a clear 503, nothing written). */
export async function notifyAffected(ctx: AppContext, id: number, body: z.infer<typeof NoticeBody>, actor: Actor) {
  const notices = ctx.capabilities.notices;
  if (!notices) throw new AppError(SE.SUPPLY_NOTICES_UNAVAILABLE);
  return inTx(ctx.db, async (trx) => {
    const e = await requireEvent(trx, id, true);
    const ids = (await repo.affected(trx, id, null)).map((r) => r.customer_id);
    const r = await notices.send(
      ctx,
      trx,
      {
        kind: 'emergency',
        title: body.title ? { zh: body.title, en: body.title } : { zh: `应急供气告知：${e.title}`, en: `Emergency supply notice: ${e.title}` },
        body: body.body
          ? { zh: body.body, en: body.body }
          : {
              zh: `{customerName}：${e.title}。${e.description}。我方正在组织抢修与上游协调，请注意用气安全，并将现场情况反馈给客户经理。`,
              en: `{customerName}: ${e.title}. ${e.description}. We are organising repairs and coordinating upstream; please keep your site safe and report to your account manager.`,
            },
        customerIds: ids,
        requireReceipt: true,
        receiptDueOn: body.receiptDueOn,
        source: { module: 'supply', entity: 'emergency', id },
      },
      actor,
    );
    await repo.insertLog(trx, { emergency_id: id, kind: 'notice', text: `发送告知函（编号 ${r.noticeId}），${r.recipients} 户`, actor_id: actor.userId, actor_name: actor.username });
    await audit(trx, actor, { action: 'supply.emergency.notify', entity: 'supply_emergency', entityId: id, after: r });
    return r;
  });
}
