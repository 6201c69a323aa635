import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec } from '@common/decimal';
import {
  allocate,
  afterShortage,
  cutOf,
  effectiveCapacity,
  splitDemand,
  splitResidential,
  PRIORITY_CLASSES,
  AllocationInputError,
  type CapacityNode,
  type DemandUnit,
  type PriorityClass,
} from './curtailment.calc';

const node = (id: string, parent: string | null, capacity: string | null = null): CapacityNode => ({ id, parent, capacity });
const unit = (key: string, cls: PriorityClass, demand: string, at: string): DemandUnit => ({ key, class: cls, demand, node: at });
const allowedOf = (a: ReturnType<typeof allocate>) => Object.fromEntries(a.units.map((u) => [u.key, u.allowed]));

describe('allocate — golden cases (DOMAIN.md §5 Winter supply guarantee)', () => {
  it('everything feasible: no cut', () => {
    const a = allocate([node('F', null, '1000'), node('V', 'F', '800'), node('D1', 'V'), node('D2', 'V')], [unit('a', 'other', '300', 'D1'), unit('b', 'key', '200', 'D2')]);
    expect(allowedOf(a)).toEqual({ a: '300.000', b: '200.000' });
    expect(a.units.every((u) => u.reason === 'full' && u.bindingNode === null)).toBe(true);
  });

  it('one node short: equal fractions within the class', () => {
    // F can give 600 for 400 + 400 + 200 = 1000 of one class: t = 0.6
    const a = allocate(
      [node('F', null, '600'), node('D1', 'F'), node('D2', 'F'), node('D3', 'F')],
      [unit('a', 'other', '400', 'D1'), unit('b', 'other', '400', 'D2'), unit('c', 'other', '200', 'D3')],
    );
    expect(allowedOf(a)).toEqual({ a: '240.000', b: '240.000', c: '120.000' });
    expect(a.units.map((u) => u.fraction)).toEqual(['0.600000', '0.600000', '0.600000']);
    expect(a.units.every((u) => u.bindingNode === 'F' && u.reason === 'capacity')).toBe(true);
  });

  it('two classes: the higher class is served first, the lower gets what is left', () => {
    const a = allocate([node('F', null, '500'), node('D1', 'F'), node('D2', 'F')], [unit('r', 'residential', '300', 'D1'), unit('k1', 'key', '300', 'D1'), unit('k2', 'key', '100', 'D2')]);
    // residential 300 in full; key users share 200 for 400: t = 0.5
    expect(allowedOf(a)).toEqual({ r: '300.000', k1: '150.000', k2: '50.000' });
  });

  it('a capacity inside the network binds: only the customers below it are cut, the rest rise further', () => {
    // F 1000; valve V (cap 100) feeds a (200); b (500) and c (500) on F directly.
    const a = allocate(
      [node('F', null, '1000'), node('V', 'F', '100'), node('D1', 'V'), node('D2', 'F'), node('D3', 'F')],
      [unit('a', 'other', '200', 'D1'), unit('b', 'other', '500', 'D2'), unit('c', 'other', '500', 'D3')],
    );
    // a freezes at t = 0.5 (100); b, c share 900: 450 each (t = 0.9)
    expect(allowedOf(a)).toEqual({ a: '100.000', b: '450.000', c: '450.000' });
    expect(a.units.find((u) => u.key === 'a')!.bindingNode).toBe('V');
    expect(a.units.find((u) => u.key === 'b')!.bindingNode).toBe('F');
  });

  it('interruptible customers are curtailed first (served last)', () => {
    const a = allocate([node('F', null, '700'), node('D1', 'F'), node('D2', 'F')], [unit('i', 'interruptible', '400', 'D1'), unit('o', 'other', '600', 'D2')]);
    expect(allowedOf(a)).toEqual({ i: '100.000', o: '600.000' });
    expect(a.units.find((u) => u.key === 'i')!.reason).toBe('capacity');
  });

  it('demand lower than the fair share: the small customer gets all it asks, the others share the rest', () => {
    // fairness is in fractions of demand: 900 for 100 + 1000 + 1000 gives everyone t = 900/2100
    const a = allocate([node('F', null, '900'), node('D', 'F')], [unit('s', 'public', '100', 'D'), unit('x', 'public', '1000', 'D'), unit('y', 'public', '1000', 'D')]);
    expect(allowedOf(a)).toEqual({ s: '42.857', x: '428.571', y: '428.571' });
    // x is held at t = 0.1 by V (100 of 1000); s (500, below the 450 m³ "equal share" of 900) then rises to t = 1
    const b = allocate([node('F', null, '900'), node('V', 'F', '100'), node('D1', 'V'), node('D2', 'F')], [unit('x', 'public', '1000', 'D1'), unit('s', 'public', '500', 'D2')]);
    expect(allowedOf(b)).toEqual({ x: '100.000', s: '500.000' });
    expect(b.units.find((u) => u.key === 's')!.reason).toBe('full');
  });

  it('a lower class is never served through a node a higher class filled', () => {
    // V filled by key users at t = 0.5; the other customer behind V gets 0, the one beside it its demand
    const a = allocate(
      [node('F', null, '10000'), node('V', 'F', '100'), node('D', 'V'), node('E', 'F')],
      [unit('k1', 'key', '80', 'D'), unit('k2', 'key', '120', 'D'), unit('o', 'other', '50', 'D'), unit('p', 'other', '50', 'E')],
    );
    expect(allowedOf(a)).toEqual({ k1: '40.000', k2: '60.000', o: '0.000', p: '50.000' });
    expect(a.units.find((u) => u.key === 'o')!.reason).toBe('higher_priority');
    expect(a.nodes.find((n) => n.id === 'V')!.fullFor).toEqual(['key']);
  });

  it('exact thirds round down to 0.001 m³ and never exceed the capacity', () => {
    const a = allocate([node('F', null, '100'), node('D', 'F')], [unit('a', 'other', '100', 'D'), unit('b', 'other', '100', 'D'), unit('c', 'other', '100', 'D')]);
    expect(allowedOf(a)).toEqual({ a: '33.333', b: '33.333', c: '33.333' });
    expect(a.nodes.find((n) => n.id === 'F')!.allocated).toBe('99.999');
  });

  it('zero capacity and zero demand', () => {
    const a = allocate([node('F', null, '0'), node('D', 'F')], [unit('a', 'residential', '10', 'D'), unit('z', 'other', '0', 'D')]);
    expect(allowedOf(a)).toEqual({ a: '0.000', z: '0.000' });
    expect(a.units.find((u) => u.key === 'z')!.reason).toBe('no_demand');
  });

  it('refuses negative capacities, negative demand, unknown nodes and cycles', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as AllocationInputError).code;
      }
      return null;
    };
    expect(err(() => allocate([node('F', null, '-1')], []))).toBe('NEGATIVE_CAPACITY');
    expect(err(() => allocate([node('F', null)], [unit('a', 'other', '-1', 'F')]))).toBe('NEGATIVE_DEMAND');
    expect(err(() => allocate([node('F', null)], [unit('a', 'other', '1', 'X')]))).toBe('UNKNOWN_NODE');
    expect(err(() => allocate([node('A', 'B'), node('B', 'A')], []))).toBe('CYCLE');
  });
});

describe('helpers', () => {
  it('splits demand over delivery points and by residential share exactly', () => {
    expect(splitDemand('100', 3)).toEqual(['33.334', '33.333', '33.333']);
    expect(splitDemand('7.5', 1)).toEqual(['7.500']);
    expect(splitResidential('1000', '0.6543')).toEqual({ residential: '654.300', rest: '345.700' });
    expect(splitResidential('0.001', '0.5')).toEqual({ residential: '0.000', rest: '0.001' });
    expect(splitResidential('10', null)).toEqual({ residential: '0.000', rest: '10.000' });
  });
  it('cut, shortage and effective capacity', () => {
    expect(cutOf('300', '240')).toEqual({ cut: '60.000', cutPct: '20.00' });
    expect(cutOf('0', '0')).toEqual({ cut: '0.000', cutPct: null });
    expect(afterShortage('1000', '15')).toBe('850.000');
    expect(effectiveCapacity('800', '600')).toBe('600.000');
    expect(effectiveCapacity(null, '600')).toBe('600.000');
    expect(effectiveCapacity(null, null)).toBe(null);
  });
});

// ---- properties ----
const arbNetwork = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
    caps: fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), { minLength: 12, maxLength: 12 }),
    units: fc.array(fc.record({ at: fc.nat(), cls: fc.constantFrom(...PRIORITY_CLASSES), demand: fc.integer({ min: 0, max: 3_000_000 }) }), { maxLength: 30 }),
  })
  .map(({ parents, caps, units }) => {
    // node i's parent is one of 0..i-1: a tree rooted at N0
    const nodes: CapacityNode[] = parents.map((p, i) => ({ id: `N${i}`, parent: i === 0 ? null : `N${p % i}`, capacity: caps[i] === null ? null : String(caps[i]) }));
    const us: DemandUnit[] = units.map((u, k) => ({ key: `u${k}`, class: u.cls, demand: dec(u.demand).div(1000).toFixed(3), node: `N${u.at % nodes.length}` }));
    return { nodes, us };
  });

const pathOf = (nodes: CapacityNode[], id: string) => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (let cur: string | null = id; cur !== null; cur = byId.get(cur)!.parent) out.push(cur);
  return out;
};

describe('allocate — properties', () => {
  it('never more than demand, never more than any capacity', () => {
    fc.assert(
      fc.property(arbNetwork, ({ nodes, us }) => {
        const a = allocate(nodes, us);
        for (const u of a.units) expect(dec(u.allowed).lte(dec(u.demand)) && dec(u.allowed).gte(0)).toBe(true);
        for (const n of nodes) {
          if (n.capacity === null) continue;
          const through = a.units.filter((u) => pathOf(nodes, us.find((x) => x.key === u.key)!.node).includes(n.id)).reduce((s, u) => s.plus(u.allowed), dec(0));
          expect(through.lte(dec(n.capacity))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a lower class is never served through a node where a higher class behind it is cut by that node', () => {
    fc.assert(
      fc.property(arbNetwork, ({ nodes, us }) => {
        const a = allocate(nodes, us);
        const rank = (c: PriorityClass) => PRIORITY_CLASSES.indexOf(c);
        for (const hi of a.units) {
          if (!hi.bindingNode) continue;
          for (const lo of a.units) {
            if (rank(lo.class) <= rank(hi.class)) continue;
            const path = pathOf(nodes, us.find((x) => x.key === lo.key)!.node);
            if (path.includes(hi.bindingNode)) expect(lo.allowed).toBe('0.000');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equal fractions within a class unless a full node on the path of the lower one explains it', () => {
    fc.assert(
      fc.property(arbNetwork, ({ nodes, us }) => {
        const a = allocate(nodes, us);
        for (const x of a.units) {
          for (const y of a.units) {
            if (x.class !== y.class || x.reason === 'no_demand' || y.reason === 'no_demand') continue;
            if (dec(x.fraction).lt(dec(y.fraction))) {
              // x got less: it was frozen by a node on its path that is full
              expect(x.bindingNode).not.toBeNull();
              expect(pathOf(nodes, us.find((u) => u.key === x.key)!.node)).toContain(x.bindingNode);
              // …and y does not pass through that node (else it would have frozen at the same t)
              expect(pathOf(nodes, us.find((u) => u.key === y.key)!.node)).not.toContain(x.bindingNode);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a cut unit is cut only because its binding node is (nearly) full', () => {
    fc.assert(
      fc.property(arbNetwork, ({ nodes, us }) => {
        const a = allocate(nodes, us);
        for (const u of a.units) {
          if (!u.bindingNode) continue;
          const load = a.nodes.find((n) => n.id === u.bindingNode)!;
          const units = a.units.filter((v) => pathOf(nodes, us.find((x) => x.key === v.key)!.node).includes(load.id)).length;
          // rounding down to 0.001 m³ leaves at most 0.001 per unit unused
          expect(dec(load.capacity!).minus(load.allocated).lte(dec('0.001').times(units))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
