/**
 * JSON: the app's own graph file (src/model/graph-file.ts), restricted to the scope, so the
 * explorer (or any graphology tool: `graph` is graphology's serialisation) loads it back.
 *
 * - Papers and links in scope keep every attribute as stored (positions, metrics, colours).
 * - `meta` is the original's with what depends on the scope recomputed: counts (papers, links,
 *   by kind, by family), the year range and each community's size in scope (every community is
 *   kept, so colour and legend lookups by id still work). `meta.inputsHash` stays the build's.
 * - The export's provenance (dataset, build hash, scope, date, filters, counts) goes in the graph
 *   attributes under `export`: the loader reads `meta` strictly, and ignores graph attributes.
 * The text comes from the build's own serialiser: stable key order, one node or link per line.
 */
import Graph from 'graphology';
import type { EdgeAttributes, GraphMeta, NodeAttributes } from '../model';
import { graphCounts } from '../graph/meta';
import { serializeGraphFile } from '../graph/serialize';
import type { AtlasGraph } from '../graph/types';
import { exportProvenance, scopedEdges, scopedNodes } from './scope';
import type { ExportInput } from './types';

/** `meta` updated for the papers and links of `graph` (a scoped copy). */
export function scopedMeta(meta: GraphMeta, graph: AtlasGraph): GraphMeta {
  const community = new Map<number, number>();
  graph.forEachNode((_n, a) => {
    community.set(a.community, (community.get(a.community) ?? 0) + 1);
  });
  const { counts, years } = graphCounts(graph, meta.taxonomy);
  return {
    ...meta,
    counts,
    communities: meta.communities.map((c) => ({ ...c, size: community.get(c.id) ?? 0 })),
    years: graph.order > 0 ? years : meta.years,
  };
}

/** The graph file of the papers and links in scope, as text. */
export function toJson(input: ExportInput): string {
  const nodes = scopedNodes(input);
  const edges = scopedEdges(input);
  const graph: AtlasGraph = new Graph<NodeAttributes, EdgeAttributes, Record<string, unknown>>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  for (const { key, attributes } of nodes) graph.addNode(key, attributes);
  for (const { key, source, target, attributes } of edges)
    graph.addDirectedEdgeWithKey(key, source, target, attributes);
  graph.setAttribute('export', exportProvenance(input, nodes.length, edges.length));
  return serializeGraphFile(graph, scopedMeta(input.meta, graph));
}
