/**
 * Node metrics of the built graph: in-set citations, PageRank and Louvain communities.
 * Citations count every edge but survey-only mentions (another survey's repository naming both
 * papers is no evidence that one paper uses the other). PageRank and communities describe the
 * structure the explorer draws, so they use every edge, unweighted. An undirected link of a graph file
 * counts at both ends, and a wholly undirected graph is ranked and clustered as undirected.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { compareIds } from '../join';
import type { Rng } from '../random';
import { createRng } from '../random';
import type { AtlasGraph } from '../types';

export interface MetricsOptions {
  /** Random source for Louvain's visiting order; defaults to a generator seeded with 1. */
  rng?: Rng;
  /** PageRank damping factor. */
  alpha?: number;
  /** Louvain resolution (higher: more, smaller communities). */
  resolution?: number;
}

interface ResolvedMetricsOptions {
  rng: Rng;
  alpha: number;
  resolution: number;
}

function resolveOptions(options: MetricsOptions | undefined): ResolvedMetricsOptions {
  const o = {
    rng: options?.rng ?? createRng(1),
    alpha: options?.alpha ?? 0.85,
    resolution: options?.resolution ?? 1,
  };
  if (typeof o.rng !== 'function') throw new Error('computeMetrics: rng must be a function');
  if (!(o.alpha > 0 && o.alpha < 1))
    throw new Error(`computeMetrics: alpha must be in (0, 1), got ${o.alpha}`);
  if (!(o.resolution > 0))
    throw new Error(`computeMetrics: resolution must be positive, got ${o.resolution}`);
  return o;
}

export interface NodeMetrics {
  citations: number;
  pagerank: number;
  /** 0 = largest community. */
  community: number;
}

export interface CommunitySummary {
  id: number;
  size: number;
}

export interface MetricsResult {
  nodes: Map<string, NodeMetrics>;
  communities: CommunitySummary[];
}

/** 6 significant digits: enough to rank by, stable in text. */
export function roundSignificant(x: number, digits = 6): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/**
 * Renumbers raw community labels: 0 = largest community, ties broken by the smallest member id,
 * so the numbering does not depend on the labels Louvain happened to pick.
 */
export function renumberCommunities(raw: Record<string, number>): {
  mapping: Map<string, number>;
  communities: CommunitySummary[];
} {
  const groups = new Map<number, { size: number; min: string }>();
  for (const [node, c] of Object.entries(raw)) {
    const g = groups.get(c);
    if (!g) groups.set(c, { size: 1, min: node });
    else {
      g.size++;
      if (node < g.min) g.min = node;
    }
  }
  const order = [...groups.entries()].sort((a, b) => b[1].size - a[1].size || compareIds(a[1].min, b[1].min));
  const newId = new Map<number, number>();
  order.forEach(([c], i) => newId.set(c, i));
  const mapping = new Map<string, number>();
  for (const [node, c] of Object.entries(raw)) mapping.set(node, newId.get(c) as number);
  return { mapping, communities: order.map(([, g], i) => ({ id: i, size: g.size })) };
}

/** The same nodes and edges as an undirected simple graph (no attributes). */
function undirectedCopy(graph: AtlasGraph): Graph {
  const copy = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.forEachNode((n) => copy.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => {
    copy.mergeEdge(s, t);
  });
  return copy;
}

/** Computes every node's metrics without touching the graph. */
export function computeMetrics(graph: AtlasGraph, options?: MetricsOptions): MetricsResult {
  const { rng, alpha, resolution } = resolveOptions(options);
  const nodes = new Map<string, NodeMetrics>();
  if (graph.order === 0) return { nodes, communities: [] };

  const citations = new Map<string, number>();
  let undirected = 0;
  graph.forEachEdge((_e, a, s, t) => {
    if (a.surveyOnly) return;
    citations.set(t, (citations.get(t) ?? 0) + 1);
    // an undirected link (a graph file's) counts at both ends
    if (a.undirected) {
      citations.set(s, (citations.get(s) ?? 0) + 1);
      undirected += 1;
    }
  });
  // a graph file's undirected graph: PageRank and Louvain on it as such, not in the stored direction
  const structure: Graph = undirected > 0 && undirected === graph.size ? undirectedCopy(graph) : graph;
  const ranks =
    graph.size === 0 ? null : pagerank(structure, { getEdgeWeight: null, alpha, maxIterations: 1000 });
  const raw = louvain(structure, { getEdgeWeight: null, rng, resolution });
  const { mapping, communities } = renumberCommunities(raw);
  graph.forEachNode((n) => {
    nodes.set(n, {
      citations: citations.get(n) ?? 0,
      pagerank: roundSignificant(ranks ? (ranks[n] ?? 0) : 1 / graph.order),
      community: mapping.get(n) ?? 0,
    });
  });
  return { nodes, communities };
}

/** Computes the metrics and writes them as node attributes `citations`, `pagerank`, `community`. */
export function assignMetrics(graph: AtlasGraph, options?: MetricsOptions): CommunitySummary[] {
  const { nodes, communities } = computeMetrics(graph, options);
  graph.updateEachNodeAttributes(
    (n, a) => {
      const m = nodes.get(n);
      if (m) {
        a.citations = m.citations;
        a.pagerank = m.pagerank;
        a.community = m.community;
      }
      return a;
    },
    { attributes: ['citations', 'pagerank', 'community'] },
  );
  return communities;
}
