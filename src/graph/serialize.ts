/**
 * The graph file's text: graphology's serialisation plus metadata, byte-identical for the same graph.
 * Fixed envelope key order, sorted metadata keys, attributes in the key order the build gives
 * them, one node or edge per line (readable diffs), and a chunked variant so a 10^6-edge graph
 * never has to live in one string.
 */
import { GRAPH_FILE_FORMAT, GRAPH_FILE_VERSION } from '../model/graph-file';
import type { GraphMeta, NodeAttributes } from '../model/graph-file';
import { stableStringify } from './stable-json';
import type { AtlasGraph } from './types';

const GRAPH_OPTIONS = { type: 'directed', multi: false, allowSelfLoops: false } as const;

function checkGraph(graph: AtlasGraph): void {
  if (graph.type !== 'directed' || graph.multi || graph.allowSelfLoops) {
    throw new Error('serializeGraphFile: expected a directed simple graph without self-loops');
  }
}

function checkNode(node: string, a: NodeAttributes): void {
  for (const v of [a.x, a.y, a.pagerank, a.size]) {
    if (!Number.isFinite(v))
      throw new Error(`serializeGraphFile: node ${node} has a non-finite x, y, pagerank or size`);
  }
}

/**
 * The file's text in pieces, in order. Concatenated they form the whole JSON document.
 * Nodes and edges come in the graph's insertion order (the build inserts them sorted by key).
 * Attributes are written by the native JSON.stringify (fast) in their own key order: the build
 * creates node and edge attributes with sorted keys, and provenance entries keep the fixed order
 * the edge-file reader gives them, so the same inputs always give the same text. The metadata,
 * small, is sorted here.
 */
export function* graphFileChunks(graph: AtlasGraph, meta: GraphMeta): Generator<string> {
  checkGraph(graph);
  yield `{"format":${JSON.stringify(GRAPH_FILE_FORMAT)},"version":${GRAPH_FILE_VERSION},\n`;
  yield `"meta":${stableStringify(meta)},\n`;
  yield `"graph":{"options":${stableStringify(GRAPH_OPTIONS)},"attributes":${stableStringify(graph.getAttributes())},\n"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    checkNode(node, attributes);
    yield `${first ? '\n' : ',\n'}{"key":${JSON.stringify(node)},"attributes":${JSON.stringify(attributes)}}`;
    first = false;
  }
  yield '\n],\n"edges":[';
  first = true;
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    yield `${first ? '\n' : ',\n'}{"key":${JSON.stringify(edge)},"source":${JSON.stringify(source)},"target":${JSON.stringify(target)},"attributes":${JSON.stringify(attributes)}}`;
    first = false;
  }
  yield '\n]}}\n';
}

/** The whole graph file as one string (fine up to a few hundred thousand edges). */
export function serializeGraphFile(graph: AtlasGraph, meta: GraphMeta): string {
  let out = '';
  for (const chunk of graphFileChunks(graph, meta)) out += chunk;
  return out;
}
