import { describe, expect, it } from 'vitest';
import { downstreamCounts } from './network.calc';

describe('downstreamCounts', () => {
  it('sums delivery points over the subtree: field ← two stations ← a pipeline', () => {
    const m = downstreamCounts([
      { id: 1, parentId: null, own: 0 }, // gas field
      { id: 2, parentId: 1, own: 3 }, // well station
      { id: 3, parentId: 1, own: 0 }, // well station without points
      { id: 4, parentId: 2, own: 2 }, // pipeline below station 2
      { id: 5, parentId: null, own: 1 }, // separate source
    ]);
    expect(Object.fromEntries(m)).toEqual({ 1: 5, 2: 5, 3: 0, 4: 2, 5: 1 });
  });
  it('survives an unknown parent and a cycle', () => {
    const m = downstreamCounts([
      { id: 1, parentId: 99, own: 1 },
      { id: 2, parentId: 3, own: 1 },
      { id: 3, parentId: 2, own: 1 },
    ]);
    expect(m.get(1)).toBe(1);
    expect(m.get(2)).toBeGreaterThanOrEqual(1);
  });
});
