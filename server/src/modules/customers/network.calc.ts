/** Pure calculations on the supply network tree (gas field → well station → … → delivery point). */

/**
 * Delivery points at or below each supply source: its own plus those of every source downstream
 * (children by parent_id), so a gas field shows the points its well stations feed (issue 9 item 8).
 * A broken chain (unknown parent) ends at that node; a cycle is not followed twice.
 */
export function downstreamCounts(sources: readonly { id: number; parentId: number | null; own: number }[]): Map<number, number> {
  const children = new Map<number, number[]>();
  for (const s of sources) if (s.parentId != null) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id]);
  const own = new Map(sources.map((s) => [s.id, s.own]));
  const out = new Map<number, number>();
  const visit = (id: number, path: Set<number>): number => {
    const done = out.get(id);
    if (done !== undefined) return done;
    if (path.has(id)) return 0;
    path.add(id);
    let n = own.get(id) ?? 0;
    for (const c of children.get(id) ?? []) n += visit(c, path);
    path.delete(id);
    out.set(id, n);
    return n;
  };
  for (const s of sources) visit(s.id, new Set());
  return out;
}
