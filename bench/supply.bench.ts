/**
 * Supply security benchmarks (issue 14), pure calculations in-process:
 *  - downstream closure of a node in a 10,000-node network < 20 ms
 *  - a curtailment plan for 10,000 customers on a 1,000-node network < 1 s
 * Run: npx tsx bench/supply.bench.ts
 */
import { downstream, indexGraph, type GraphNode } from '../server/src/modules/supply/graph.calc';
import { allocate, PRIORITY_CLASSES, type CapacityNode, type DemandUnit } from '../server/src/modules/supply/curtailment.calc';
import { machine, report } from './lib';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A network shaped like the real one: fields → well stations → pipelines → valve rooms → delivery points (→ customers). */
function network(n: number, r: () => number): { nodes: { id: string; parent: string | null; kind: GraphNode['kind'] }[] } {
  const nodes: { id: string; parent: string | null; kind: GraphNode['kind'] }[] = [];
  const fields = Math.max(2, Math.round(n * 0.002));
  const wells = Math.round(n * 0.02);
  const pipes = Math.round(n * 0.05);
  const valves = Math.round(n * 0.15);
  for (let i = 0; i < fields; i++) nodes.push({ id: `F${i}`, parent: null, kind: 'gas_field' });
  for (let i = 0; i < wells; i++) nodes.push({ id: `W${i}`, parent: `F${Math.floor(r() * fields)}`, kind: 'well_station' });
  for (let i = 0; i < pipes; i++) nodes.push({ id: `P${i}`, parent: i < wells ? `W${i}` : `P${Math.floor(r() * i)}`, kind: 'pipeline' });
  for (let i = 0; i < valves; i++) nodes.push({ id: `V${i}`, parent: `P${Math.floor(r() * pipes)}`, kind: 'valve_room' });
  for (let i = nodes.length; i < n; i++) nodes.push({ id: `D${i}`, parent: `V${Math.floor(r() * valves)}`, kind: 'delivery_point' });
  return { nodes };
}

function time<T>(fn: () => T): { ms: number; out: T } {
  const t = performance.now();
  const out = fn();
  return { ms: performance.now() - t, out };
}

function main() {
  console.log(`machine: ${machine()}`);
  const r = rng(14);

  // 1. Closure in a 10,000-node graph (index built once, as the service does per request)
  const net = network(10_000, r);
  const g = indexGraph(net.nodes.map((n) => ({ id: n.id, kind: n.kind, parents: n.parent ? [n.parent] : [] })));
  const runs: number[] = [];
  let size = 0;
  // worst case: the closure of every source at once reaches the whole network
  const roots = net.nodes.filter((n) => n.kind === 'gas_field').map((n) => n.id);
  for (let i = 0; i < 30; i++) {
    const x = time(() => downstream(g, roots));
    runs.push(x.ms);
    size = x.out.size;
  }
  runs.sort((a, b) => a - b);
  const median = runs[15];
  report(`downstream closure from the sources (${size} of 10,000 nodes reached), median of 30`, `${median.toFixed(2)} ms (max ${runs[29].toFixed(2)} ms)`, '< 20 ms', median < 20);

  // 2. A plan for 10,000 customers on 1,000 nodes, capacities tight enough that many nodes bind
  const small = network(1_000, r);
  const dps = small.nodes.filter((n) => n.kind === 'delivery_point');
  const units: DemandUnit[] = [];
  for (let c = 0; c < 10_000; c++) {
    const cls = PRIORITY_CLASSES[Math.floor(r() * PRIORITY_CLASSES.length)];
    const demand = (Math.floor(r() * 50_000_000) / 1000).toFixed(3);
    const node = dps[Math.floor(r() * dps.length)].id;
    if (cls === 'residential') units.push({ key: `${c}|r`, class: 'residential', demand, node }, { key: `${c}|m`, class: 'other', demand: (Math.floor(r() * 10_000_000) / 1000).toFixed(3), node });
    else units.push({ key: `${c}|m`, class: cls, demand, node });
  }
  // capacity ≈ 70 % of what flows through each non-delivery node
  const through = new Map<string, number>();
  const parent = new Map(small.nodes.map((n) => [n.id, n.parent]));
  for (const u of units) for (let cur: string | null = u.node; cur; cur = parent.get(cur) ?? null) through.set(cur, (through.get(cur) ?? 0) + Number(u.demand));
  const capNodes: CapacityNode[] = small.nodes.map((n) => ({
    id: n.id,
    parent: n.parent,
    capacity: n.kind === 'delivery_point' ? null : String(Math.round((through.get(n.id) ?? 0) * (0.5 + r() * 0.4))),
  }));
  allocate(capNodes, units.slice(0, 500)); // warm-up
  const plan = time(() => allocate(capNodes, units));
  const cut = plan.out.units.filter((u) => u.allowed !== u.demand).length;
  report(`curtailment plan: 10,000 customers (${units.length} units), 1,000 nodes, ${cut} units cut`, `${plan.ms.toFixed(0)} ms`, '< 1 s', plan.ms < 1000);
}

main();
