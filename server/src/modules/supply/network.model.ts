/**
 * The supply network read model: supply sources and delivery points from the customers module,
 * capacities, upstream overrides and customer profiles from this module, as one graph.
 */
import type { Tx } from '../../platform/db/database';
import { networkSnapshot, type NetworkCustomer } from '../customers';
import { indexGraph, type GraphIndex, type GraphNode, type NodeKind } from './graph.calc';
import { customerClass, residentialShareOf } from './classes.calc';
import type { PriorityClass } from './curtailment.calc';
import * as repo from './supply.repo';

export interface NodeInfo {
  ref: string;
  kind: NodeKind;
  code: string;
  name: string;
  region: string | null;
  /** Upstream node ('S…') used for the plan, after this module's override. */
  upstream: string | null;
  capacity: string | null;
  linkCapacity: string | null;
  note: string | null;
  customerId: number | null;
  dpKind: string | null;
}

export interface CustomerInfo extends NetworkCustomer {
  ref: string;
  cls: Exclude<PriorityClass, 'residential'>;
  classOverride: 'public' | 'key' | 'other' | 'interruptible' | null;
  share: string | null;
  households: number | null;
  /** Active delivery points ('D…'). */
  dpRefs: string[];
}

export interface NetworkModel {
  nodes: Map<string, NodeInfo>;
  customers: Map<number, CustomerInfo>;
  graph: GraphIndex;
}

export const sRef = (id: number) => `S${id}`;
export const dRef = (id: number) => `D${id}`;
export const cRef = (id: number) => `C${id}`;

export async function loadNetwork(db: Tx): Promise<NetworkModel> {
  const [snap, settings, profiles] = await Promise.all([networkSnapshot(db), repo.nodeSettings(db), repo.profiles(db)]);
  const set = new Map(settings.map((s) => [s.node_ref, s]));
  const prof = new Map(profiles.map((p) => [p.customer_id, p]));
  const nodes = new Map<string, NodeInfo>();
  const num = (v: string | null | undefined) => (v == null ? null : v);
  for (const s of snap.sources) {
    const ref = sRef(s.id);
    const st = set.get(ref);
    nodes.set(ref, {
      ref,
      kind: s.kind,
      code: s.code,
      name: s.name,
      region: s.region,
      upstream: st?.upstream_ref ?? (s.parentId ? sRef(s.parentId) : null),
      capacity: num(st?.capacity_m3),
      linkCapacity: num(st?.link_capacity_m3),
      note: st?.note ?? null,
      customerId: null,
      dpKind: null,
    });
  }
  const customers = new Map<number, CustomerInfo>();
  for (const c of snap.customers) {
    const p = prof.get(c.id);
    customers.set(c.id, {
      ...c,
      ref: cRef(c.id),
      cls: customerClass({ name: c.name, type: c.type, tags: c.tags, override: p?.priority_class ?? null }),
      classOverride: p?.priority_class ?? null,
      share: residentialShareOf(c),
      households: p?.households ?? null,
      dpRefs: [],
    });
  }
  for (const d of snap.deliveryPoints) {
    const c = customers.get(d.customerId);
    if (!c) continue;
    const ref = dRef(d.id);
    const st = set.get(ref);
    nodes.set(ref, {
      ref,
      kind: 'delivery_point',
      code: d.code,
      name: d.name,
      region: null,
      upstream: d.supplySourceId ? sRef(d.supplySourceId) : null,
      capacity: num(st?.capacity_m3),
      linkCapacity: num(st?.link_capacity_m3),
      note: st?.note ?? null,
      customerId: d.customerId,
      dpKind: d.kind,
    });
    if (d.active) c.dpRefs.push(ref);
  }
  const gnodes: GraphNode[] = [];
  for (const n of nodes.values()) gnodes.push({ id: n.ref, kind: n.kind, parents: n.upstream && nodes.has(n.upstream) ? [n.upstream] : [] });
  for (const c of customers.values()) gnodes.push({ id: c.ref, kind: 'customer', parents: c.dpRefs });
  return { nodes, customers, graph: indexGraph(gnodes) };
}

/** Customers (ids) of a set of graph node ids. */
export function customersIn(model: NetworkModel, ids: Iterable<string>): number[] {
  const out: number[] = [];
  for (const id of ids) if (id.startsWith('C')) out.push(Number(id.slice(1)));
  return out.filter((id) => model.customers.has(id));
}

/** Customers that take gas (供气 or 减停气) are in curtailment plans. */
export const isSupplied = (c: CustomerInfo) => c.status === 'active' || c.status === 'restricted';
