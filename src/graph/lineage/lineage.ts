/**
 * A paper's lineage. Edges point from the citing paper to the cited one, so its ANCESTORS are what it
 * transitively cites or builds on (out-edges) and its DESCENDANTS what transitively cites it (in-edges).
 *
 * Both are breadth-first walks, so each paper gets its shortest distance (depth). Citation data has
 * cycles (a revised preprint cites later work): a walk never revisits a paper, and the paper itself is
 * never its own ancestor or descendant, though a paper on a cycle may be both an ancestor and a
 * descendant of it. The walks run on a `LineageIndex` (typed arrays); pass one built once per graph
 * when calling repeatedly.
 */
import { checkNode, checkKinds, type EdgeChoice } from './options';
import { kindBits, lineageIndex, type LineageIndex } from './adjacency';
import type { Neighbourhood } from '../neighbourhood';
import type { AtlasGraph } from '../types';

export interface LineageOptions extends EdgeChoice {
  /** How many steps to walk each way: a positive integer or Infinity (default). */
  depth?: number;
  /** The graph's index (see lineage-index.ts); built on the fly when absent. */
  index?: LineageIndex;
  /**
   * Only edges of this set are followed (e.g. the visible ones). Same effect as an `edgeFilter`
   * testing membership, but turned into a mask once per set by the index, so repeated walks with the
   * same set cost no string lookups.
   */
  edgeSet?: ReadonlySet<string>;
}

export interface Lineage {
  node: string;
  /** Ancestor → breadth-first depth (1 = cited directly). */
  ancestors: Map<string, number>;
  /** Descendant → breadth-first depth (1 = cites it directly). */
  descendants: Map<string, number>;
  /** Edges walked towards the ancestors: u → v with u the paper or an ancestor short of the depth limit, v not the paper. */
  ancestorEdges: string[];
  /** Edges walked towards the descendants: w → u with u the paper or a descendant short of the depth limit, w not the paper. */
  descendantEdges: string[];
}

function checkDepth(fn: string, depth: unknown): number {
  if (depth === Infinity) return Infinity;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) {
    throw new Error(`${fn}: depth must be a positive integer or Infinity, got ${String(depth)}`);
  }
  return depth;
}

function walk(
  ix: LineageIndex,
  root: number,
  maxDepth: number,
  wanted: number,
  filter: ((edge: string) => boolean) | undefined,
  mask: Uint8Array | null,
  start: Int32Array,
  adjEdge: Int32Array,
  adjNode: Int32Array,
): { depths: Map<string, number>; edges: string[] } {
  const depth = new Int32Array(ix.nodes.length); // 0 = not reached
  const queue = new Int32Array(ix.nodes.length);
  const edges: string[] = [];
  const depths = new Map<string, number>();
  depth[root] = -1;
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  while (head < tail) {
    const u = queue[head++]!;
    const du = u === root ? 0 : depth[u]!;
    if (du >= maxDepth) break; // breadth-first: every later node is at least as deep
    for (let p = start[u]!, end = start[u + 1]!; p < end; p++) {
      const v = adjNode[p]!;
      if (v === root) continue;
      const e = adjEdge[p]!;
      if ((ix.kindMask[e]! & wanted) === 0 || (mask && mask[e] === 0)) continue;
      const key = ix.edges[e]!;
      if (filter && !filter(key)) continue;
      edges.push(key);
      if (depth[v] === 0) {
        depth[v] = du + 1;
        depths.set(ix.nodes[v]!, du + 1);
        queue[tail++] = v;
      }
    }
  }
  return { depths, edges };
}

/** Ancestors and descendants of `node` within `depth` steps over the followed edges. */
export function lineage(graph: AtlasGraph, node: string, options?: LineageOptions): Lineage {
  checkNode('lineage', graph, node);
  const depth = checkDepth('lineage', options?.depth ?? Infinity);
  const kinds = checkKinds('lineage', options);
  const ix = options?.index ?? lineageIndex(graph);
  if (ix.graph !== graph || ix.nodes.length !== graph.order || ix.edges.length !== graph.size) {
    throw new Error('lineage: the index was built for another graph, or the graph changed since');
  }
  const set = options?.edgeSet;
  if (set !== undefined && !(set instanceof Set))
    throw new Error('lineage: edgeSet must be a Set of edge keys');
  const mask = set ? ix.maskOf(set) : null;
  const root = ix.indexOf.get(node)!;
  const wanted = kindBits(kinds.kinds);
  const up = walk(ix, root, depth, wanted, kinds.edgeFilter, mask, ix.outStart, ix.outEdge, ix.outNode);
  const down = walk(ix, root, depth, wanted, kinds.edgeFilter, mask, ix.inStart, ix.inEdge, ix.inNode);
  return {
    node,
    ancestors: up.depths,
    descendants: down.depths,
    ancestorEdges: up.edges,
    descendantEdges: down.edges,
  };
}

/**
 * The lineage as a `Neighbourhood` (ancestors as out-nodes, descendants as in-nodes), so the graph
 * highlight draws it exactly like a one-hop selection; at depth 1 the two are identical.
 */
export function lineageAsNeighbourhood(l: Lineage): Neighbourhood {
  const nodes = new Set<string>([l.node]);
  for (const n of l.ancestors.keys()) nodes.add(n);
  for (const n of l.descendants.keys()) nodes.add(n);
  return {
    node: l.node,
    outNodes: new Set(l.ancestors.keys()),
    inNodes: new Set(l.descendants.keys()),
    nodes,
    outEdges: new Set(l.ancestorEdges),
    inEdges: new Set(l.descendantEdges),
  };
}
