/**
 * JSON: graphology's own serialisation at the top level — `{options, attributes, nodes: [{key,
 * attributes}], edges: [{key, source, target, attributes}]}`, what `graph.export()` gives and
 * `Graph.from` / `graph.import` read — so graphology, sigma and Gephi Lite open it as it is. The
 * dataset travels in the graph attributes, where the explorer finds it again:
 *
 * - `format` ("lineage-atlas/graph") and `version`: the graph file's (src/model/graph-file.ts), so
 *   the explorer's loader (src/graph/load.ts) knows the file and restores the whole view;
 * - `name`: the dataset's name (the title other tools show);
 * - `meta`: the original's, with what depends on the scope recomputed: counts (papers, links, by
 *   kind, by family), the year range and each community's size in scope (every community is kept,
 *   so colour and legend lookups by id still work). Taxonomy, dimensions, colours, measures and
 *   build info (`inputsHash`, seed) stay the build's;
 * - `export`: the export's provenance (dataset, build hash, scope, date, filters, counts).
 *
 * Papers and links in scope keep every attribute as stored (positions, metrics, colours, sizes,
 * labels: what sigma draws). The build's own graph file (public/graph.json) keeps its envelope
 * (`{format, version, meta, graph}`); the loader reads both. Stable text: sorted graph attributes,
 * attributes in their stored key order, one node or link per line.
 */
import Graph from 'graphology';
import type { EdgeAttributes, GraphMeta, NodeAttributes } from '../model';
import { GRAPH_FILE_FORMAT, GRAPH_FILE_VERSION } from '../model';
import { graphCounts } from '../graph/meta';
import { stableStringify } from '../graph/stable-json';
import type { AtlasGraph } from '../graph/types';
import { exportProvenance, scopedEdges, scopedNodes } from './scope';
import type { ExportInput } from './types';

const GRAPH_OPTIONS = { type: 'directed', multi: false, allowSelfLoops: false } as const;

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

/** The papers and links in scope as graphology's serialisation, with the dataset in its attributes, as text. */
export function toJson(input: ExportInput): string {
  const nodes = scopedNodes(input);
  const edges = scopedEdges(input);
  const graph: AtlasGraph = new Graph<NodeAttributes, EdgeAttributes, Record<string, unknown>>(GRAPH_OPTIONS);
  for (const { key, attributes: a } of nodes) {
    // JSON has no NaN or Infinity: JSON.stringify would write null, which no reader takes for a number
    if (![a.x, a.y, a.size, a.pagerank].every(Number.isFinite))
      throw new Error(`export: node ${key} has a non-finite x, y, size or pagerank`);
    graph.addNode(key, a);
  }
  for (const { key, source, target, attributes } of edges)
    graph.addDirectedEdgeWithKey(key, source, target, attributes);
  const attributes = {
    format: GRAPH_FILE_FORMAT,
    version: GRAPH_FILE_VERSION,
    name: input.meta.dataset.name,
    meta: scopedMeta(input.meta, graph),
    export: exportProvenance(input, nodes.length, edges.length),
  };
  const out = [
    `{"options":${stableStringify(GRAPH_OPTIONS)},\n"attributes":${stableStringify(attributes)},\n"nodes":[`,
  ];
  out.push(
    nodes
      .map((n) => `{"key":${JSON.stringify(n.key)},"attributes":${JSON.stringify(n.attributes)}}`)
      .join(',\n'),
  );
  out.push('],\n"edges":[');
  out.push(
    edges
      .map(
        (e) =>
          `{"key":${JSON.stringify(e.key)},"source":${JSON.stringify(e.source)},"target":${JSON.stringify(e.target)},"attributes":${JSON.stringify(e.attributes)}}`,
      )
      .join(',\n'),
  );
  out.push(']}\n');
  return out.join('\n');
}
