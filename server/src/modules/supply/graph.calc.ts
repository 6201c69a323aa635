/**
 * The supply network as a directed graph (DOMAIN.md §5 "Emergencies": gas field → well station →
 * pipeline → valve room → delivery station → delivery point → customer). Pure: no I/O.
 * Node ids are strings ('S12' supply source, 'D34' delivery point, 'C56' customer).
 */

export type NodeKind = 'gas_field' | 'well_station' | 'purification_plant' | 'pipeline' | 'valve_room' | 'delivery_point' | 'customer';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** Upstream nodes (the nodes gas comes from). A source (gas field) has none. */
  parents: string[];
}

export interface GraphIndex {
  nodes: Map<string, GraphNode>;
  children: Map<string, string[]>;
}

/** Children lists for fast downstream walks (built once per network). */
export function indexGraph(nodes: Iterable<GraphNode>): GraphIndex {
  const map = new Map<string, GraphNode>();
  const children = new Map<string, string[]>();
  for (const n of nodes) map.set(n.id, n);
  for (const n of map.values()) {
    for (const p of n.parents) {
      const list = children.get(p);
      if (list) list.push(n.id);
      else children.set(p, [n.id]);
    }
  }
  return { nodes: map, children };
}

/** Downstream closure (DOMAIN.md §5 Emergencies): every node reachable from `start` along the flow, `start` included. */
export function downstream(g: GraphIndex, start: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const s of start) {
    if (g.nodes.has(s) && !seen.has(s)) {
      seen.add(s);
      stack.push(s);
    }
  }
  while (stack.length) {
    const id = stack.pop()!;
    const kids = g.children.get(id);
    if (!kids) continue;
    for (const k of kids) {
      if (!seen.has(k)) {
        seen.add(k);
        stack.push(k);
      }
    }
  }
  return seen;
}

/** One cycle in the graph as a list of node ids (first = last omitted), or null when the graph is acyclic. */
export function findCycle(g: GraphIndex): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  for (const root of g.nodes.keys()) {
    if (state.has(root)) continue;
    // iterative DFS keeping the path for reporting
    const path: string[] = [root];
    const iters: number[] = [0];
    state.set(root, 1);
    while (path.length) {
      const id = path[path.length - 1];
      const kids = g.children.get(id) ?? [];
      const i = iters[iters.length - 1];
      if (i >= kids.length) {
        state.set(id, 2);
        path.pop();
        iters.pop();
        continue;
      }
      iters[iters.length - 1] = i + 1;
      const k = kids[i];
      const s = state.get(k);
      if (s === 1) return path.slice(path.indexOf(k));
      if (s === undefined) {
        state.set(k, 1);
        path.push(k);
        iters.push(0);
      }
    }
  }
  return null;
}

/** Would adding the edge parent → child close a cycle? (true when child already reaches parent). */
export function edgeMakesCycle(g: GraphIndex, parent: string, child: string): boolean {
  if (parent === child) return true;
  return downstream(g, [child]).has(parent);
}

/** Nodes with no path from a source (a gas field) — they cannot be supplied (DOMAIN.md §5). */
export function unreachable(g: GraphIndex): string[] {
  const sources = [...g.nodes.values()].filter((n) => n.kind === 'gas_field').map((n) => n.id);
  const reach = downstream(g, sources);
  return [...g.nodes.keys()].filter((id) => !reach.has(id));
}

/**
 * The path of a node to its source, following the first parent: [node, parent, …, source].
 * Null when the walk ends somewhere that is not a gas field, or loops.
 */
export function pathToSource(g: GraphIndex, id: string): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  let cur: string | undefined = id;
  while (cur !== undefined) {
    if (seen.has(cur)) return null;
    seen.add(cur);
    const n = g.nodes.get(cur);
    if (!n) return null;
    path.push(cur);
    if (n.kind === 'gas_field') return path;
    cur = n.parents[0];
  }
  return null;
}

/** The network as an indented tree (for list views): depth-first from the sources, each node once. */
export function treeOrder(g: GraphIndex, label: (id: string) => string): { id: string; depth: number }[] {
  const out: { id: string; depth: number }[] = [];
  const seen = new Set<string>();
  const roots = [...g.nodes.values()].filter((n) => n.parents.length === 0 || n.parents.every((p) => !g.nodes.has(p))).map((n) => n.id);
  const byLabel = (a: string, b: string) => label(a).localeCompare(label(b), 'zh-CN');
  const stack: { id: string; depth: number }[] = roots
    .sort(byLabel)
    .reverse()
    .map((id) => ({ id, depth: 0 }));
  while (stack.length) {
    const e = stack.pop()!;
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
    const kids = [...(g.children.get(e.id) ?? [])].sort(byLabel).reverse();
    for (const k of kids) if (!seen.has(k)) stack.push({ id: k, depth: e.depth + 1 });
  }
  return out;
}
