/**
 * Two papers' lineage relation: the shortest lineage path when one descends from the other, else
 * their lowest common ancestors (where the two lines of work diverged). Directed walks over the
 * followed edges (see lineage-options.ts); deterministic (graphology's neighbour order).
 */
import { checkNode, edgeFollower, type EdgeChoice } from './options';
import type { Neighbourhood } from '../neighbourhood';
import { stronglyConnected } from './scc';
import type { AtlasGraph } from '../types';

export interface LineagePath {
  /** `ancestor`: `b` is an ancestor of `a` (a cites … b); `descendant`: `b` descends from `a`. */
  relation: 'ancestor' | 'descendant';
  /** Papers from the citing end to the cited end (first cites second, …). */
  nodes: string[];
  /** Edge keys along `nodes`. */
  edges: string[];
}

/** Breadth-first path from `from` to `to` along out-edges; null when `to` is not an ancestor. */
function pathDown(graph: AtlasGraph, from: string, to: string, follow: ReturnType<typeof edgeFollower>) {
  const via = new Map<string, string>(); // node → edge that reached it
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const u of frontier) {
      graph.forEachOutEdge(u, (e, a, _s, t) => {
        if (seen.has(t) || !follow(e, a)) return;
        seen.add(t);
        via.set(t, e);
        next.push(t);
      });
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let n = to; n !== from;) {
    const e = via.get(n)!;
    edges.push(e);
    n = graph.source(e);
    nodes.push(n);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}

/**
 * The shortest lineage path between `a` and `b` in either direction (tried first with `b` as an
 * ancestor of `a`); null when neither descends from the other or a === b.
 */
export function lineagePath(
  graph: AtlasGraph,
  a: string,
  b: string,
  options?: EdgeChoice,
): LineagePath | null {
  checkNode('lineagePath', graph, a, 'paper a');
  checkNode('lineagePath', graph, b, 'paper b');
  const follow = edgeFollower('lineagePath', options);
  if (a === b) return null;
  const up = pathDown(graph, a, b, follow);
  if (up) return { relation: 'ancestor', ...up };
  const down = pathDown(graph, b, a, follow);
  if (down) return { relation: 'descendant', ...down };
  return null;
}

function ancestorsOf(graph: AtlasGraph, node: string, follow: ReturnType<typeof edgeFollower>): Set<string> {
  const seen = new Set<string>();
  const stack = [node];
  while (stack.length > 0) {
    const u = stack.pop()!;
    graph.forEachOutEdge(u, (e, a, _s, t) => {
      if (t === node || seen.has(t) || !follow(e, a)) return;
      seen.add(t);
      stack.push(t);
    });
  }
  return seen;
}

/**
 * Lowest common ancestors of `a` and `b`: common ancestors none of whose descendants is also a common
 * ancestor, in graph order. On cycles: a cycle of common ancestors with no common ancestor below it
 * is returned whole (its papers descend from each other, so none is "lower" than the rest).
 */
export function lowestCommonAncestors(
  graph: AtlasGraph,
  a: string,
  b: string,
  options?: EdgeChoice,
): string[] {
  checkNode('lowestCommonAncestors', graph, a, 'paper a');
  checkNode('lowestCommonAncestors', graph, b, 'paper b');
  const follow = edgeFollower('lowestCommonAncestors', options);
  const ofA = ancestorsOf(graph, a, follow);
  const ofB = a === b ? ofA : ancestorsOf(graph, b, follow);
  const common: string[] = [];
  graph.forEachNode((n) => {
    if (ofA.has(n) && ofB.has(n)) common.push(n);
  });
  const inCommon = new Set(common);
  // a descendant of a common ancestor that is itself common lies on a path made only of common
  // ancestors (every paper between them is an ancestor of it, hence of a and b), so looking at the
  // in-neighbours within the common set suffices; cycles are handled by contracting components
  const succ = (n: string): string[] => {
    const out: string[] = [];
    graph.forEachOutEdge(n, (e, attrs, _s, t) => {
      if (inCommon.has(t) && follow(e, attrs)) out.push(t);
    });
    return out;
  };
  const { component } = stronglyConnected(common, succ);
  return common.filter((c) => {
    let lower = false;
    graph.forEachInEdge(c, (e, attrs, s) => {
      if (!lower && inCommon.has(s) && component.get(s) !== component.get(c) && follow(e, attrs))
        lower = true;
    });
    return !lower;
  });
}

export interface Comparison {
  a: string;
  b: string;
  /** The shortest lineage path when one descends from the other; else null. */
  path: LineagePath | null;
  /** Without a path: where the two lines diverged. */
  lcas: string[];
  /** Without a path: the shortest paths from `a` and from `b` up to each of the first `maxLcaPaths` LCAs. */
  lcaPaths: LineagePath[];
}

export interface CompareOptions extends EdgeChoice {
  /** How many LCAs get their connecting paths (default 6). */
  maxLcaPaths?: number;
}

/** How `b` relates to `a`: a lineage path, else their lowest common ancestors and the paths up to them. */
export function compareLineage(
  graph: AtlasGraph,
  a: string,
  b: string,
  options?: CompareOptions,
): Comparison {
  const max = options?.maxLcaPaths ?? 6;
  if (!Number.isInteger(max) || max < 0)
    throw new Error(`compareLineage: maxLcaPaths must be a whole number, got ${String(max)}`);
  const path = lineagePath(graph, a, b, options);
  if (path || a === b) return { a, b, path, lcas: [], lcaPaths: [] };
  const lcas = lowestCommonAncestors(graph, a, b, options);
  const lcaPaths: LineagePath[] = [];
  for (const lca of lcas.slice(0, max)) {
    for (const from of [a, b]) {
      const p = lineagePath(graph, from, lca, options);
      if (p) lcaPaths.push(p);
    }
  }
  return { a, b, path, lcas, lcaPaths };
}

/**
 * A comparison as a `Neighbourhood` centred on `a`, for the graph highlight: the papers between the
 * two (or up to their common ancestors) as out-nodes when they are ancestors, in-nodes when they
 * descend from `a`; only the path edges. `b` and the LCAs are among the nodes (the reducer gives them
 * their own colours).
 */
export function comparisonAsNeighbourhood(c: Comparison): Neighbourhood {
  const hood: Neighbourhood = {
    node: c.a,
    outNodes: new Set(),
    inNodes: new Set(),
    nodes: new Set([c.a, c.b]),
    outEdges: new Set(),
    inEdges: new Set(),
  };
  const paths = c.path ? [c.path] : c.lcaPaths;
  for (const p of paths) {
    const down = c.path?.relation === 'descendant';
    for (const n of p.nodes) {
      hood.nodes.add(n);
      if (n !== c.a && n !== c.b) (down ? hood.inNodes : hood.outNodes).add(n);
    }
    for (const e of p.edges) (down ? hood.inEdges : hood.outEdges).add(e);
  }
  for (const n of c.lcas) {
    hood.nodes.add(n);
    hood.outNodes.add(n);
  }
  return hood;
}
