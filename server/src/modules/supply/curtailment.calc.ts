/**
 * Winter curtailment allocation (冬季保供, DOMAIN.md §5 "Winter supply guarantee"). Pure, exact decimals.
 *
 * Classes are served in order (residential share of city-gas distributors, public services, key
 * users, others, interruptible last). Within a class every unit's served fraction t of its demand
 * rises together from 0 (progressive filling); a unit freezes when a node on its path to the source
 * reaches its capacity (capacity minus what higher classes and already-frozen units use) or at t = 1.
 * A node that froze units of a class is full: lower classes get nothing through it.
 *
 * On a tree (each node one upstream) the filling is computed bottom-up: a node's saturation time
 * depends only on the units below it and the times at which deeper nodes froze them, and a unit's
 * freeze time is the minimum over the nodes of its path.
 */
import { Decimal, dec, type DecimalInput } from '@common/decimal';

export const PRIORITY_CLASSES = ['residential', 'public', 'key', 'other', 'interruptible'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

export interface CapacityNode {
  id: string;
  /** The single upstream node on the way to the source; null at a source. */
  parent: string | null;
  /** Daily capacity in m³ (decimal string), null when unknown = unlimited. */
  capacity: DecimalInput | null;
}

export interface DemandUnit {
  key: string;
  class: PriorityClass;
  /** m³ for the gas day, ≥ 0, 3 decimals. */
  demand: DecimalInput;
  /** The node it hangs on (its delivery point). */
  node: string;
}

export type UnitReason = 'full' | 'capacity' | 'higher_priority' | 'no_demand';

export interface UnitResult {
  key: string;
  class: PriorityClass;
  demand: string;
  allowed: string;
  /** Served fraction t (allowed ÷ demand before rounding to 0.001 m³), 6 places. */
  fraction: string;
  /** The node whose capacity froze the unit (null when it got its whole demand). */
  bindingNode: string | null;
  reason: UnitReason;
}

export interface NodeLoad {
  id: string;
  capacity: string | null;
  allocated: string;
  /** Classes (in order) that filled the node. */
  fullFor: PriorityClass[];
}

export interface Allocation {
  units: UnitResult[];
  nodes: NodeLoad[];
}

export class AllocationInputError extends Error {
  constructor(
    public code: 'NEGATIVE_CAPACITY' | 'NEGATIVE_DEMAND' | 'UNKNOWN_NODE' | 'CYCLE',
    public ref: string,
  ) {
    super(`${code}: ${ref}`);
  }
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);
const floor3 = (v: Decimal) => v.toDecimalPlaces(3, Decimal.ROUND_DOWN);

/** Depth-first order of the tree, children before parents; throws on unknown parents or cycles. */
function bottomUp(nodes: Map<string, CapacityNode>): string[] {
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const chain: string[] = [];
    let cur: string | null = id;
    while (cur !== null && !depth.has(cur)) {
      if (chain.includes(cur)) throw new AllocationInputError('CYCLE', cur);
      chain.push(cur);
      const n = nodes.get(cur);
      if (!n) throw new AllocationInputError('UNKNOWN_NODE', cur);
      cur = n.parent;
    }
    let d = cur === null ? -1 : depth.get(cur)!;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i], ++d);
    return depth.get(id)!;
  };
  for (const id of nodes.keys()) depthOf(id);
  return [...nodes.keys()].sort((a, b) => depth.get(b)! - depth.get(a)!);
}

/** m³ decimal (≤ 3 places) → integer litres (0.001 m³) as bigint; quantities stay exact integers inside the allocation. */
function toMilli(v: Decimal): bigint {
  return BigInt(v.times(1000).toFixed(0, Decimal.ROUND_DOWN));
}
function fromMilli(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? '-' : ''}${a / 1000n}.${String(a % 1000n).padStart(3, '0')}`;
}
interface Frac {
  n: bigint;
  d: bigint;
}
const FULL: Frac = { n: 1n, d: 1n };
const lessThan = (a: Frac, b: Frac) => a.n * b.d < b.n * a.d;

/**
 * Allocate the gas day's supply per DOMAIN.md §5 "Winter supply guarantee" (see module comment).
 * Exact: quantities are integers of 0.001 m³, served fractions are exact ratios; each unit gets
 * floor(demand × t) to 0.001 m³, so no capacity is ever exceeded.
 */
export function allocate(capacityNodes: CapacityNode[], units: DemandUnit[]): Allocation {
  const nodes = new Map(capacityNodes.map((n) => [n.id, n]));
  const order = bottomUp(nodes);
  const rem = new Map<string, bigint | null>();
  for (const n of capacityNodes) {
    if (n.capacity === null || n.capacity === undefined) rem.set(n.id, null);
    else {
      const c = dec(n.capacity);
      if (c.isNeg()) throw new AllocationInputError('NEGATIVE_CAPACITY', n.id);
      rem.set(n.id, toMilli(c));
    }
  }
  const allocated = new Map<string, bigint>(capacityNodes.map((n) => [n.id, 0n]));
  const fullFor = new Map<string, PriorityClass[]>();
  const results: UnitResult[] = new Array(units.length);
  const demands = units.map((u) => {
    const d = dec(u.demand);
    if (d.isNeg()) throw new AllocationInputError('NEGATIVE_DEMAND', u.key);
    if (!nodes.has(u.node)) throw new AllocationInputError('UNKNOWN_NODE', u.node);
    return toMilli(d);
  });
  const parentOf = new Map(capacityNodes.map((n) => [n.id, n.parent]));
  const byNode = new Map<string, number[]>();

  for (const cls of PRIORITY_CLASSES) {
    const idx: number[] = [];
    units.forEach((u, i) => {
      if (u.class !== cls) return;
      if (demands[i] === 0n) results[i] = { key: u.key, class: cls, demand: fromMilli(0n), allowed: '0.000', fraction: '1.000000', bindingNode: null, reason: 'no_demand' };
      else idx.push(i);
    });
    if (!idx.length) continue;
    const f = new Map<number, Frac>();
    const alloc = new Map<number, bigint>();
    for (const i of idx) {
      f.set(i, FULL);
      alloc.set(i, demands[i]);
    }
    const bind = new Map<number, string>();
    const startRem = new Map(rem);
    byNode.clear();
    for (const i of idx) {
      const list = byNode.get(units[i].node);
      if (list) list.push(i);
      else byNode.set(units[i].node, [i]);
    }
    for (const id of order) {
      const list = byNode.get(id);
      if (!list) continue;
      const parent = parentOf.get(id)!;
      if (parent !== null) {
        const pl = byNode.get(parent);
        if (pl) for (const i of list) pl.push(i);
        else byNode.set(parent, [...list]);
      }
      const cap = rem.get(id);
      if (cap === null || cap === undefined) continue;
      let load = 0n;
      for (const i of list) load += alloc.get(i)!;
      if (load <= cap) continue;
      // saturation ratio T = (cap − what units frozen below T take) ÷ (demand of the others);
      // units frozen by the same node share one ratio object, so the scan runs over the distinct ratios
      const groups = new Map<Frac, { demand: bigint; alloc: bigint }>();
      for (const i of list) {
        const g = groups.get(f.get(i)!);
        if (g) {
          g.demand += demands[i];
          g.alloc += alloc.get(i)!;
        } else groups.set(f.get(i)!, { demand: demands[i], alloc: alloc.get(i)! });
      }
      const sorted = [...groups.keys()].sort((x, y) => {
        const c = x.n * y.d - y.n * x.d;
        return c < 0n ? -1 : c > 0n ? 1 : 0;
      });
      let frozen = 0n;
      let active = 0n;
      for (const g of groups.values()) active += g.demand;
      let T: Frac = { n: 0n, d: 1n };
      for (const fr of sorted) {
        const cand: Frac = { n: cap - frozen, d: active };
        if (!lessThan(fr, cand)) {
          T = cand.n < 0n ? { n: 0n, d: 1n } : cand;
          break;
        }
        const g = groups.get(fr)!;
        frozen += g.alloc;
        active -= g.demand;
      }
      for (const i of list) {
        if (lessThan(T, f.get(i)!)) {
          f.set(i, T);
          alloc.set(i, (demands[i] * T.n) / T.d);
          bind.set(i, id);
        }
      }
    }
    const saturated = new Set<string>();
    for (const i of idx) {
      const u = units[i];
      const t = f.get(i)!;
      const allowed = alloc.get(i)!;
      const b = bind.get(i) ?? null;
      if (b) saturated.add(b);
      const startCap = b ? startRem.get(b) : null;
      const reason: UnitReason = !b ? 'full' : startCap === 0n ? 'higher_priority' : 'capacity';
      const micro = (t.n * 1_000_000n) / t.d;
      results[i] = {
        key: u.key,
        class: cls,
        demand: fromMilli(demands[i]),
        allowed: fromMilli(allowed),
        fraction: `${micro / 1_000_000n}.${String(micro % 1_000_000n).padStart(6, '0')}`,
        bindingNode: b,
        reason,
      };
      for (let cur: string | null = u.node; cur !== null; cur = parentOf.get(cur)!) {
        allocated.set(cur, allocated.get(cur)! + allowed);
        const r = rem.get(cur);
        if (r !== null && r !== undefined) rem.set(cur, r - allowed);
      }
    }
    // a node that froze units of this class is full for the classes below (never served through it)
    for (const id of saturated) {
      if (startRem.get(id) !== 0n) fullFor.set(id, [...(fullFor.get(id) ?? []), cls]);
      rem.set(id, 0n);
    }
  }
  return {
    units: results,
    nodes: capacityNodes.map((n) => ({
      id: n.id,
      capacity: n.capacity === null || n.capacity === undefined ? null : dec(n.capacity).toFixed(3),
      allocated: fromMilli(allocated.get(n.id)!),
      fullFor: fullFor.get(n.id) ?? [],
    })),
  };
}

/** Split a demand into k parts of 0.001 m³ (remainder to the first part), e.g. over a customer's delivery points. */
export function splitDemand(demand: DecimalInput, k: number): string[] {
  const d = dec(demand);
  if (k <= 1) return [d.toFixed(3)];
  const part = floor3(d.div(k));
  const first = d.minus(part.times(k - 1));
  return [first.toFixed(3), ...Array.from({ length: k - 1 }, () => part.toFixed(3))];
}

/**
 * A city-gas distributor's demand split by its verified residential share (DOMAIN.md §5: the
 * residential share is served first): [residential part, the rest], each to 0.001 m³.
 */
export function splitResidential(demand: DecimalInput, share: DecimalInput | null): { residential: string; rest: string } {
  const d = dec(demand);
  if (share === null) return { residential: '0.000', rest: d.toFixed(3) };
  const s = Decimal.min(Decimal.max(dec(share), ZERO), ONE);
  const r = floor3(d.times(s));
  return { residential: r.toFixed(3), rest: d.minus(r).toFixed(3) };
}

/** Cut in m³ and in % of demand (2 places, half-up); % is null when the demand is zero. */
export function cutOf(demand: DecimalInput, allowed: DecimalInput): { cut: string; cutPct: string | null } {
  const d = dec(demand);
  const cut = d.minus(dec(allowed));
  return { cut: cut.toFixed(3), cutPct: d.isZero() ? null : cut.div(d).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) };
}

/** The effective capacity of a node for a day: the lowest of its capacity and the available supply entered for it. */
export function effectiveCapacity(capacity: DecimalInput | null, available: DecimalInput | null): string | null {
  if (capacity === null && available === null) return null;
  if (capacity === null) return dec(available!).toFixed(3);
  if (available === null) return dec(capacity).toFixed(3);
  return Decimal.min(dec(capacity), dec(available!)).toFixed(3);
}

/** Supply after a shortage of `pct` % of a base (a source's capacity or what flows through it): base × (1 − pct/100), 0.001 m³ down. */
export function afterShortage(base: DecimalInput, pct: DecimalInput): string {
  return floor3(dec(base).times(ONE.minus(dec(pct).div(100)))).toFixed(3);
}
