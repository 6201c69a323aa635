/**
 * Computing a winter curtailment plan (DOMAIN.md §5 "Winter supply guarantee") from the network,
 * the available supply entered for the period and each customer's demand for each gas day.
 */
import crypto from 'node:crypto';
import { Decimal, dec } from '@common/decimal';
import type { AppContext } from '../../platform/module';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { addDays, dailyVolumesByCustomer, gasDayConfigOf, lastCompleteGasDay } from '../metering';
import { findCycle, pathToSource } from './graph.calc';
import { afterShortage, allocate, effectiveCapacity, splitDemand, splitResidential, type CapacityNode, type DemandUnit, type PriorityClass, type UnitReason } from './curtailment.calc';
import { isSupplied, loadNetwork, type CustomerInfo, type NetworkModel } from './network.model';
import { SE } from './supply.errors';

export const MAX_PLAN_DAYS = 31;
export interface Avail {
  nodeRef: string;
  availableM3?: string;
  shortagePct?: string;
}
export type DemandSource = 'nomination' | 'contract' | 'average' | 'none';
export interface Demand {
  m3: string;
  source: DemandSource;
}

export interface LineResult {
  customerId: number;
  gasDay: string;
  class: PriorityClass;
  demand: string;
  demandSource: DemandSource;
  residentialDemand: string;
  allowed: string;
  reason: UnitReason;
  bindingNode: string | null;
}
export interface NodeLoad {
  ref: string;
  capacity: string | null;
  allocated: string;
  fullFor: PriorityClass[];
}
export interface Computed {
  days: string[];
  lines: LineResult[];
  nodesByDay: Map<string, NodeLoad[]>;
  netHash: string;
  demandHash: string;
  model: NetworkModel;
}

export function lastComplete(ctx: AppContext): string {
  return lastCompleteGasDay(new Date(), gasDayConfigOf(ctx.config));
}

/** Days from..to, refusing an inverted or too long period and closed gas days. */
export function planDays(ctx: AppContext, from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length <= MAX_PLAN_DAYS; d = addDays(d, 1)) days.push(d);
  if (to < from || days.length > MAX_PLAN_DAYS) throw new AppError(SE.SUPPLY_PLAN_DAYS, { from, to, max: MAX_PLAN_DAYS });
  const last = lastComplete(ctx);
  if (from <= last) throw new AppError(SE.SUPPLY_PLAN_CLOSED_DAY, { day: from, last });
  return days;
}

/** Demand per customer and gas day: nomination, else contracted daily volume, else the average of the last 7 gas days (DOMAIN.md §5). */
export async function demandsFor(ctx: AppContext, trx: Tx, ids: number[], days: string[], lastDay = lastComplete(ctx)): Promise<Map<string, Demand>> {
  const out = new Map<string, Demand>();
  if (!ids.length) return out;
  const noms = ctx.capabilities.nominations ? await ctx.capabilities.nominations.nominations(trx, ids, days[0], days[days.length - 1]) : [];
  const nom = new Map(noms.map((n) => [`${n.customerId}|${n.gasDay}`, n.volumeM3]));
  const contract = new Map<string, string>();
  if (ctx.capabilities.contracts) {
    for (const d of days) for (const r of await ctx.capabilities.contracts.contractedDaily(trx, ids, d)) if (r.volumeM3 != null) contract.set(`${r.customerId}|${d}`, r.volumeM3); // a GJ contract without a GCV: no m³ demand from it
  }
  // average of the 7 gas days before the day, or before today's gas day for days further ahead; days without gas count as zero
  const last = lastDay;
  const windows = new Map<string, Map<number, Decimal>>();
  for (const d of days) {
    const end = addDays(d, -1) < last ? addDays(d, -1) : last;
    if (windows.has(end)) continue;
    const vols = await dailyVolumesByCustomer(trx, ids, addDays(end, -6), end);
    const sums = new Map<number, Decimal>();
    for (const v of vols) sums.set(v.customerId, (sums.get(v.customerId) ?? new Decimal(0)).plus(v.volumeM3));
    windows.set(end, sums);
  }
  for (const d of days) {
    const end = addDays(d, -1) < last ? addDays(d, -1) : last;
    const sums = windows.get(end)!;
    for (const id of ids) {
      const k = `${id}|${d}`;
      const n = nom.get(k);
      const c = contract.get(k);
      const avg = sums.get(id);
      out.set(
        k,
        n !== undefined
          ? { m3: dec(n).toFixed(3), source: 'nomination' }
          : c !== undefined
            ? { m3: dec(c).toFixed(3), source: 'contract' }
            : avg
              ? { m3: avg.div(7).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(3), source: 'average' }
              : { m3: '0.000', source: 'none' },
      );
    }
  }
  return out;
}

/** The customers of a plan: supplied, with an active delivery point; refuses a network the plan would get wrong. */
export function planCustomers(model: NetworkModel): CustomerInfo[] {
  const cycle = findCycle(model.graph);
  if (cycle)
    throw new AppError(SE.SUPPLY_NETWORK_BROKEN, {
      problem: { zh: `环路 ${cycle.map((r) => model.nodes.get(r)?.name ?? r).join(' → ')}`, en: `cycle ${cycle.map((r) => model.nodes.get(r)?.name ?? r).join(' → ')}` },
    });
  const list = [...model.customers.values()].filter((c) => isSupplied(c) && c.dpRefs.length > 0);
  for (const c of list) {
    for (const dp of c.dpRefs) if (!pathToSource(model.graph, dp)) throw new AppError(SE.SUPPLY_NO_PATH, { name: c.name, dp: model.nodes.get(dp)?.name ?? dp });
  }
  return list;
}

const hash = (v: unknown) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);

/** Units of one customer on one day: its demand split over its delivery points, each split into the residential share and the rest. */
function unitsOf(c: CustomerInfo, day: string, demand: Demand): DemandUnit[] {
  const parts = splitDemand(demand.m3, c.dpRefs.length);
  const out: DemandUnit[] = [];
  c.dpRefs.forEach((dp, i) => {
    const { residential, rest } = splitResidential(parts[i], c.share);
    if (c.share !== null) out.push({ key: `${c.id}|${dp}|r`, class: 'residential', demand: residential, node: dp });
    out.push({ key: `${c.id}|${dp}|m`, class: c.cls, demand: rest, node: dp });
  });
  return out;
}

/** The capacity tree of a day: every supply source and delivery point with min(capacity, link capacity, available supply). */
export function capacityTree(model: NetworkModel, availability: Avail[], units: DemandUnit[]): CapacityNode[] {
  const avail = new Map(availability.map((a) => [a.nodeRef, a]));
  for (const a of availability) if (!model.nodes.has(a.nodeRef)) throw new AppError(SE.SUPPLY_NODE_UNKNOWN, { ref: a.nodeRef });
  // demand through each node with a shortage in % and no capacity (the base of the shortage)
  const through = new Map<string, Decimal>();
  if (availability.some((a) => a.shortagePct !== undefined)) {
    for (const u of units) {
      for (let cur: string | null = u.node; cur; cur = model.nodes.get(cur)?.upstream ?? null) through.set(cur, (through.get(cur) ?? new Decimal(0)).plus(u.demand));
    }
  }
  const out: CapacityNode[] = [];
  for (const n of model.nodes.values()) {
    const own = effectiveCapacity(n.capacity, n.linkCapacity);
    const a = avail.get(n.ref);
    let available: string | null = null;
    if (a?.availableM3 !== undefined) available = a.availableM3;
    else if (a?.shortagePct !== undefined) available = afterShortage(own ?? (through.get(n.ref) ?? new Decimal(0)).toFixed(3), a.shortagePct);
    out.push({ id: n.ref, parent: n.upstream && model.nodes.has(n.upstream) ? n.upstream : null, capacity: effectiveCapacity(own, available) });
  }
  return out;
}

const REASON_RANK: Record<UnitReason, number> = { no_demand: 0, full: 1, capacity: 2, higher_priority: 3 };

/** Compute a plan for the days (no writes). */
/** `lastDay`: the last complete gas day (the real clock's by default; demo data passes its own). */
export async function computePlan(ctx: AppContext, trx: Tx, days: string[], availability: Avail[], lastDay?: string): Promise<Computed> {
  const model = await loadNetwork(trx);
  const customers = planCustomers(model);
  if (!customers.length) throw new AppError(SE.SUPPLY_NO_CUSTOMERS);
  const demands = await demandsFor(
    ctx,
    trx,
    customers.map((c) => c.id),
    days,
    lastDay,
  );
  const lines: LineResult[] = [];
  const nodesByDay = new Map<string, NodeLoad[]>();
  const netInputs: unknown[] = [];
  for (const day of days) {
    const units: DemandUnit[] = [];
    for (const c of customers) units.push(...unitsOf(c, day, demands.get(`${c.id}|${day}`)!));
    const tree = capacityTree(model, availability, units);
    netInputs.push(
      tree.map((n) => [n.id, n.parent, n.capacity]),
      customers.map((c) => [c.id, c.cls, c.share, c.dpRefs]),
    );
    const alloc = allocate(tree, units);
    nodesByDay.set(
      day,
      alloc.nodes.map((n) => ({ ref: n.id, capacity: n.capacity, allocated: n.allocated, fullFor: n.fullFor })),
    );
    const byCustomer = new Map<number, { allowed: Decimal; residential: Decimal; reason: UnitReason; binding: string | null }>();
    for (const u of alloc.units) {
      const cid = Number(u.key.slice(0, u.key.indexOf('|')));
      const agg = byCustomer.get(cid) ?? { allowed: new Decimal(0), residential: new Decimal(0), reason: 'no_demand' as UnitReason, binding: null };
      agg.allowed = agg.allowed.plus(u.allowed);
      if (u.class === 'residential') agg.residential = agg.residential.plus(u.demand);
      if (REASON_RANK[u.reason] > REASON_RANK[agg.reason]) agg.reason = u.reason;
      if (!agg.binding && u.bindingNode) agg.binding = u.bindingNode;
      byCustomer.set(cid, agg);
    }
    for (const c of customers) {
      const d = demands.get(`${c.id}|${day}`)!;
      const agg = byCustomer.get(c.id)!;
      lines.push({
        customerId: c.id,
        gasDay: day,
        class: c.share !== null ? 'residential' : c.cls,
        demand: d.m3,
        demandSource: d.source,
        residentialDemand: agg.residential.toFixed(3),
        allowed: agg.allowed.toFixed(3),
        reason: agg.reason,
        bindingNode: agg.binding,
      });
    }
  }
  return { days, lines, nodesByDay, netHash: hash([availability, netInputs]), demandHash: hash(lines.map((l) => [l.customerId, l.gasDay, l.demand])), model };
}

/** Loads of the nodes on a day from plan lines (adjusted volumes included): each customer's allowed split over its delivery points. */
export function loadsFromLines(model: NetworkModel, lines: { customerId: number; allowed: string }[]): Map<string, Decimal> {
  const load = new Map<string, Decimal>();
  for (const l of lines) {
    const c = model.customers.get(l.customerId);
    if (!c || !c.dpRefs.length) continue;
    const parts = splitDemand(l.allowed, c.dpRefs.length);
    c.dpRefs.forEach((dp, i) => {
      for (let cur: string | null = dp; cur && model.nodes.has(cur); cur = model.nodes.get(cur)!.upstream) load.set(cur, (load.get(cur) ?? new Decimal(0)).plus(parts[i]));
    });
  }
  return load;
}

export { dec };
