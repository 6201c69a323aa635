/** Supply network use cases: the graph with capacities, what hangs below a node, capacity/upstream edits with history, customer profiles. */
import type { z } from 'zod';
import { dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import { inTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { audit, type Actor } from '../../platform/audit/audit';
import type { SessionUser } from '../../platform/auth/session-user';
import { seesAllCustomers } from '../../platform/auth/scope';
import { visibleCustomerIds } from '../customers';
import { downstream, edgeMakesCycle, findCycle, unreachable } from './graph.calc';
import { customersIn, loadNetwork, type NetworkModel } from './network.model';
import { SE } from './supply.errors';
import * as repo from './supply.repo';
import type { NodePatch, NodeView, ProfilePatch } from './supply.schema';

type Node = z.infer<typeof NodeView>;

async function visibleSet(ctx: AppContext, user: SessionUser, model: NetworkModel): Promise<(id: number) => boolean> {
  if (seesAllCustomers(user)) return () => true;
  const ids = await visibleCustomerIds(ctx.db, user, [...model.customers.keys()]);
  return (id) => ids.has(id);
}

function nodeViews(model: NetworkModel, sees: (id: number) => boolean): Node[] {
  const out: Node[] = [];
  for (const n of model.nodes.values()) {
    if (n.customerId !== null && !sees(n.customerId)) continue;
    out.push({
      id: n.ref,
      kind: n.kind,
      code: n.code,
      name: n.name,
      region: n.region,
      parents: n.upstream && model.nodes.has(n.upstream) ? [n.upstream] : [],
      capacityM3: n.capacity,
      linkCapacityM3: n.linkCapacity,
      note: n.note,
      customer: null,
    });
  }
  for (const c of model.customers.values()) {
    if (!sees(c.id)) continue;
    out.push({
      id: c.ref,
      kind: 'customer',
      code: c.code,
      name: c.name,
      region: [c.province, c.city, c.county].filter(Boolean).join(''),
      parents: c.dpRefs,
      capacityM3: null,
      linkCapacityM3: null,
      note: null,
      customer: {
        id: c.id,
        type: c.type,
        status: c.status,
        priorityClass: c.share ? 'residential' : c.cls,
        classOverride: c.classOverride,
        residentialShare: c.share,
        households: c.households,
        city: c.city,
        county: c.county,
      },
    });
  }
  return out;
}

/** The whole network as nodes (supply sources, delivery points, customers in the user's scope) and its problems. */
export async function getNetwork(ctx: AppContext, user: SessionUser) {
  const model = await loadNetwork(ctx.db);
  const sees = await visibleSet(ctx, user, model);
  const bad = unreachable(model.graph).filter((id) => !id.startsWith('C') || sees(Number(id.slice(1))));
  return { nodes: nodeViews(model, sees), problems: { unreachable: bad, cycle: findCycle(model.graph) } };
}

/** What hangs below a node: its downstream closure and the customers in it (in the user's scope). */
export async function downstreamOf(ctx: AppContext, user: SessionUser, ref: string) {
  const model = await loadNetwork(ctx.db);
  if (!model.nodes.has(ref)) throw new AppError(SE.SUPPLY_NODE_UNKNOWN, { ref });
  const sees = await visibleSet(ctx, user, model);
  const closure = downstream(model.graph, [ref]);
  const customers = customersIn(model, closure).filter(sees);
  return { nodes: [...closure].filter((id) => !id.startsWith('C') || customers.includes(Number(id.slice(1)))), customers };
}

const settingView = (n: { capacity: string | null; linkCapacity: string | null; upstream: string | null; note: string | null }) => ({
  capacityM3: n.capacity,
  linkCapacityM3: n.linkCapacity,
  upstreamRef: n.upstream,
  note: n.note,
});

/** Edit a node's daily capacity, the capacity of the link into it, its upstream (supply sources only) — refusing negatives and cycles — with history. */
export async function updateNode(ctx: AppContext, ref: string, body: z.infer<typeof NodePatch>, actor: Actor) {
  for (const [field, v] of [
    [{ zh: '日供气能力', en: 'Daily capacity' }, body.capacityM3],
    [{ zh: '进线能力', en: 'Inflow link capacity' }, body.linkCapacityM3],
  ] as const) {
    if (v != null && dec(v).isNeg()) throw new AppError(SE.SUPPLY_NEGATIVE_CAPACITY, { field, value: v });
  }
  return inTx(ctx.db, async (trx) => {
    const existing = await repo.nodeSetting(trx, ref); // locks the row when it exists
    const model = await loadNetwork(trx);
    const node = model.nodes.get(ref);
    if (!node) throw new AppError(SE.SUPPLY_NODE_UNKNOWN, { ref });
    const before = settingView(node);
    const after = { ...before };
    if (body.capacityM3 !== undefined) after.capacityM3 = body.capacityM3 === null ? null : dec(body.capacityM3).toFixed(3);
    if (body.linkCapacityM3 !== undefined) after.linkCapacityM3 = body.linkCapacityM3 === null ? null : dec(body.linkCapacityM3).toFixed(3);
    if (body.note !== undefined) after.note = body.note;
    if (body.upstreamRef !== undefined && body.upstreamRef !== before.upstreamRef) {
      if (node.kind === 'delivery_point')
        throw new AppError(SE.SUPPLY_NODE_KIND, {
          field: { zh: '上游节点', en: 'Upstream' },
          ref,
          what: { zh: '可改上游的节点（交接点的气源在客户档案中维护）', en: 'a node with an editable upstream (a delivery point’s source is kept in the customer archive)' },
        });
      if (node.kind === 'gas_field' && body.upstreamRef !== null)
        throw new AppError(SE.SUPPLY_NODE_KIND, {
          field: { zh: '上游节点', en: 'Upstream' },
          ref,
          what: { zh: '有上游的节点（气田是气源）', en: 'a node with an upstream (a gas field is a source)' },
        });
      if (body.upstreamRef !== null) {
        if (!model.nodes.has(body.upstreamRef)) throw new AppError(SE.SUPPLY_NODE_UNKNOWN, { ref: body.upstreamRef });
        if (edgeMakesCycle(model.graph, body.upstreamRef, ref)) {
          const up = model.nodes.get(body.upstreamRef)!.name;
          throw new AppError(SE.SUPPLY_CYCLE, { ref: node.name, upstream: up, cycle: `${node.name} → … → ${up} → ${node.name}` });
        }
      }
      after.upstreamRef = body.upstreamRef;
    }
    // the upstream stored is an override only when it differs from the archive's parent
    await repo.upsertNodeSetting(trx, {
      node_ref: ref,
      capacity_m3: after.capacityM3,
      link_capacity_m3: after.linkCapacityM3,
      upstream_ref: body.upstreamRef !== undefined ? after.upstreamRef : (existing?.upstream_ref ?? null),
      note: after.note,
      updated_by: actor.userId,
    });
    await repo.insertNodeHistory(trx, { node_ref: ref, actor_id: actor.userId, actor_name: actor.username, reason: body.reason, before: JSON.stringify(before), after: JSON.stringify(after) });
    await audit(trx, actor, { action: 'supply.node.update', entity: 'supply_node', entityId: ref, before, after: { ...after, reason: body.reason } });
    return { ref, ...after };
  });
}

export async function nodeHistory(ctx: AppContext, ref: string) {
  const rows = await repo.nodeHistory(ctx.db, ref);
  return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), actorName: r.actor_name, reason: r.reason, before: r.before, after: r.after }));
}

/** A customer's priority class override and households served (城市燃气 residential households). */
export async function updateProfile(ctx: AppContext, user: SessionUser, customerId: number, body: z.infer<typeof ProfilePatch>, actor: Actor) {
  return inTx(ctx.db, async (trx) => {
    const visible = await visibleCustomerIds(trx, user, [customerId]);
    const model = await loadNetwork(trx);
    const c = model.customers.get(customerId);
    if (!c) throw new AppError(SE.SUPPLY_CUSTOMER_UNKNOWN, { id: customerId });
    if (!visible.has(customerId)) throw new AppError('OUT_OF_SCOPE');
    const before = { priorityClass: c.classOverride, households: c.households };
    const after = { priorityClass: body.priorityClass !== undefined ? body.priorityClass : c.classOverride, households: body.households !== undefined ? body.households : c.households };
    await repo.upsertProfile(trx, { customer_id: customerId, priority_class: after.priorityClass, households: after.households, note: body.note ?? null, updated_by: actor.userId });
    await audit(trx, actor, { action: 'supply.profile.update', entity: 'supply_customer_profile', entityId: customerId, customerId, before, after });
    return after;
  });
}
