/**
 * The similarity graph (each paper linked to its k most similar, see `similarityEdges`) as a
 * graphology graph for a force layout, and its Louvain communities. Pure; no DOM.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { createRng } from '../random';
import type { AtlasGraph } from '../types';
import type { SimilarityEdge } from './index';

export interface SimilarityGraphNode {
  x: number;
  y: number;
  size: number;
}

/**
 * An undirected graph of every paper (at its current position and size, so a layout starts from
 * there) and the similarity edges (attribute `weight`).
 */
export function similarityGraph(
  graph: AtlasGraph,
  edges: readonly SimilarityEdge[],
): Graph<SimilarityGraphNode, { weight: number }> {
  const sim = new Graph<SimilarityGraphNode, { weight: number }>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  graph.forEachNode((n, a) => sim.addNode(n, { x: a.x, y: a.y, size: a.size }));
  for (const e of edges) sim.addUndirectedEdge(e.source, e.target, { weight: e.weight });
  return sim;
}

export interface SimilarityCommunity {
  /** 0 = largest. */
  id: number;
  /** Its papers, most cited first (ties by key). */
  nodes: string[];
}

/**
 * Louvain communities of the similarity graph (edge weights: the similarities; seeded, so the same
 * graph gives the same communities), largest first, papers without a similar paper left out.
 */
export function similarityCommunities(
  graph: AtlasGraph,
  sim: Graph<SimilarityGraphNode, { weight: number }>,
  seed = 1,
): SimilarityCommunity[] {
  if (sim.size === 0) return [];
  const raw = louvain(sim, { getEdgeWeight: 'weight', rng: createRng(seed) });
  const groups = new Map<number, string[]>();
  sim.forEachNode((n) => {
    if (sim.degree(n) === 0) return;
    const c = raw[n]!;
    const list = groups.get(c);
    if (list) list.push(n);
    else groups.set(c, [n]);
  });
  const cites = (n: string) => graph.getNodeAttribute(n, 'citations');
  return [...groups.values()]
    .map((nodes) => nodes.sort((a, b) => cites(b) - cites(a) || (a < b ? -1 : a > b ? 1 : 0)))
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1))
    .map((nodes, id) => ({ id, nodes }));
}
