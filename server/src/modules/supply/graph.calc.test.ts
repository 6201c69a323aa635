import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downstream, edgeMakesCycle, findCycle, indexGraph, pathToSource, treeOrder, unreachable, type GraphNode, type NodeKind } from './graph.calc';

const n = (id: string, kind: NodeKind, ...parents: string[]): GraphNode => ({ id, kind, parents });
// 老翁场 → 老14 → 老长线 → 长宁阀室 → DP → customer; a second well station; a customer on two delivery points
const NET = [
  n('GF', 'gas_field'),
  n('WS14', 'well_station', 'GF'),
  n('WS8', 'well_station', 'GF'),
  n('PL', 'pipeline', 'WS14'),
  n('VR1', 'valve_room', 'PL'),
  n('VR2', 'valve_room', 'PL'),
  n('D1', 'delivery_point', 'VR1'),
  n('D2', 'delivery_point', 'VR2'),
  n('D3', 'delivery_point', 'WS8'),
  n('C1', 'customer', 'D1'),
  n('C2', 'customer', 'D2', 'D3'),
  n('DX', 'delivery_point'),
  n('CX', 'customer', 'DX'),
];

describe('graph queries (DOMAIN.md §5 Emergencies)', () => {
  const g = indexGraph(NET);
  it('downstream closure of a well station', () => {
    expect([...downstream(g, ['WS14'])].sort()).toEqual(['C1', 'C2', 'D1', 'D2', 'PL', 'VR1', 'VR2', 'WS14']);
    expect([...downstream(g, ['VR1'])].sort()).toEqual(['C1', 'D1', 'VR1']);
    expect([...downstream(g, ['WS8', 'VR1'])].sort()).toEqual(['C1', 'C2', 'D1', 'D3', 'VR1', 'WS8']);
    expect([...downstream(g, ['nope'])]).toEqual([]);
  });
  it('nodes without a path to a source', () => {
    expect(unreachable(g).sort()).toEqual(['CX', 'DX']);
  });
  it('path to the source', () => {
    expect(pathToSource(g, 'D1')).toEqual(['D1', 'VR1', 'PL', 'WS14', 'GF']);
    expect(pathToSource(g, 'DX')).toBeNull();
  });
  it('cycle detection', () => {
    expect(findCycle(g)).toBeNull();
    const cyc = indexGraph([n('A', 'pipeline', 'C'), n('B', 'pipeline', 'A'), n('C', 'pipeline', 'B'), n('GF', 'gas_field')]);
    expect(findCycle(cyc)?.sort()).toEqual(['A', 'B', 'C']);
    expect(edgeMakesCycle(g, 'VR1', 'PL')).toBe(true);
    expect(edgeMakesCycle(g, 'WS8', 'PL')).toBe(false);
    expect(edgeMakesCycle(g, 'PL', 'PL')).toBe(true);
  });
  it('indented tree visits every node once with its depth', () => {
    const t = treeOrder(g, (id) => id);
    expect(t.length).toBe(NET.length);
    expect(t.find((e) => e.id === 'D1')!.depth).toBe(4);
  });
  it('property: the closure of a node contains the closure of each of its children; acyclic random DAGs have no cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 40 }), (ps) => {
        const nodes = ps.map((p, i) => n(`N${i}`, i === 0 ? 'gas_field' : 'pipeline', ...(i === 0 ? [] : [...new Set(p.map((x) => `N${x % i}`))])));
        const gi = indexGraph(nodes);
        expect(findCycle(gi)).toBeNull();
        for (const x of nodes) {
          const d = downstream(gi, [x.id]);
          for (const k of gi.children.get(x.id) ?? []) for (const y of downstream(gi, [k])) expect(d.has(y)).toBe(true);
        }
        // every node with a parent reaches back to N0
        expect(unreachable(gi).filter((id) => nodes.find((m) => m.id === id)!.parents.length > 0)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
