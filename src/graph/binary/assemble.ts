/**
 * The graphology graph of the compact form: the binary's arrays (decode.ts) put back into the side
 * table's records, which keep the JSON's attribute order. The result equals the graph the JSON file
 * loads to (same nodes, edges, keys and attributes). The side table is checked in proportion: its
 * format, that it belongs to this binary (the payload's CRC-32), its counts and that every record is
 * an object; graphology refuses duplicate keys, self-loops and parallel edges. Pure.
 */
import Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../../model/graph-file';
import type { AtlasGraph, LoadedGraph } from '../types';
import { adjacencyInDictionaryMode } from '../adjacency-mode';
import { runSteps, type Steps } from '../steps';
import { GraphBinaryError, isObject, type GraphBinary } from './decode';
import {
  EDGE_FLAG_HAS_SURVEY_ONLY,
  EDGE_FLAG_SURVEY_ONLY,
  NO_COLOR,
  SIDE_FORMAT,
  SIDE_FORMAT_VERSION,
} from './format';

/** The side table's records, checked against the binary; `text` is the side file's text. */
export function parseSideTable(
  text: string,
  bin: Pick<GraphBinary, 'nodeCount' | 'edgeCount' | 'payloadCrc'>,
  file = 'graph.side.json',
): { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
  const fail = (where: string | null, problem: string): never => {
    throw new GraphBinaryError(file, where, problem);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(
      null,
      `is not valid JSON (truncated or corrupted?): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!isObject(json) || json.format !== SIDE_FORMAT)
    return fail('field "format"', `expected "${SIDE_FORMAT}"`);
  if (json.version !== SIDE_FORMAT_VERSION)
    fail(
      'field "version"',
      `unsupported version ${JSON.stringify(json.version)}, expected ${SIDE_FORMAT_VERSION}`,
    );
  if (json.payloadCrc !== bin.payloadCrc)
    fail(
      'field "payloadCrc"',
      `${JSON.stringify(json.payloadCrc)} does not match the binary's (${bin.payloadCrc}): the two files come from different builds`,
    );
  const { nodes, edges } = json;
  if (!Array.isArray(nodes) || nodes.length !== bin.nodeCount)
    fail('field "nodes"', `expected ${bin.nodeCount} records, as the binary has`);
  if (!Array.isArray(edges) || edges.length !== bin.edgeCount)
    fail('field "edges"', `expected ${bin.edgeCount} records, as the binary has`);
  return { nodes: nodes as Record<string, unknown>[], edges: edges as Record<string, unknown>[] };
}

/**
 * Sets on `a` the node attributes the binary holds for node `i` (BINARY_NODE_KEYS): label, position,
 * size, default colour, colours per dimension and sizes per measure.
 */
export function setNodeVisuals(a: Record<string, unknown>, bin: GraphBinary, i: number): void {
  const n = bin.nodeCount;
  const dims = bin.colorDimensions;
  const measures = bin.measures;
  a.label = bin.labels[i];
  a.x = bin.x[i];
  a.y = bin.y[i];
  a.size = bin.size[i];
  a.color = bin.palettes[0]![bin.colors[i]!];
  const colors: Record<string, string> = {};
  for (let c = 0; c < dims.length; c++) {
    const v = bin.colors[(c + 1) * n + i]!;
    if (v !== NO_COLOR) colors[dims[c]!] = bin.palettes[c + 1]![v]!;
  }
  a.colors = colors;
  const sizes: Record<string, number> = {};
  for (let c = 0; c < measures.length; c++) {
    const v = bin.measureValues[c * n + i]!;
    if (!Number.isNaN(v)) sizes[measures[c]!] = v;
  }
  a.sizes = sizes;
}

/** Sets on `a` the edge attributes the binary holds for edge `e` (BINARY_EDGE_KEYS). */
export function setEdgeVisuals(a: Record<string, unknown>, bin: GraphBinary, e: number): void {
  a.kind = bin.kinds[bin.kind[e]!];
  const flags = bin.edgeFlags[e]!;
  if (flags & EDGE_FLAG_HAS_SURVEY_ONLY) a.surveyOnly = (flags & EDGE_FLAG_SURVEY_ONLY) !== 0;
}

/** The key of edge `e`: the binary's table, else `source->target`. */
export function edgeKey(bin: GraphBinary, e: number): string {
  return bin.edgeKeys ? bin.edgeKeys[e]! : `${bin.keys[bin.source[e]!]!}->${bin.keys[bin.target[e]!]!}`;
}

/** Nodes or edges added between two steps of `binaryGraphSteps`. */
const STEP_ITEMS = 2048;

/**
 * The graph of a binary: node `i` and edge `e` get the records `nodeRecord(i)` and `edgeRecord(e)`
 * with the binary's attributes set on them (`setNodeVisuals`, `setEdgeVisuals`). Throws
 * `GraphBinaryError` naming `file` when graphology refuses a node or an edge (a duplicate key, a
 * self-loop, a parallel edge).
 */
export function binaryGraph(
  bin: GraphBinary,
  file: string,
  nodeRecord: (i: number) => Record<string, unknown>,
  edgeRecord: (e: number) => Record<string, unknown>,
): AtlasGraph {
  return runSteps(binaryGraphSteps(bin, file, nodeRecord, edgeRecord));
}

/** `binaryGraph` in steps of STEP_ITEMS nodes or edges (see graph/steps.ts). */
export function* binaryGraphSteps(
  bin: GraphBinary,
  file: string,
  nodeRecord: (i: number) => Record<string, unknown>,
  edgeRecord: (e: number) => Record<string, unknown>,
): Steps<AtlasGraph> {
  const graph: AtlasGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  graph.replaceAttributes(bin.graphAttributes);
  const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
  for (let i = 0; i < bin.nodeCount; i++) {
    const a = nodeRecord(i);
    setNodeVisuals(a, bin, i);
    try {
      graph.addNode(bin.keys[i]!, a as unknown as NodeAttributes);
    } catch (e) {
      throw new GraphBinaryError(file, `node ${i} ("${bin.keys[i]}")`, why(e));
    }
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  adjacencyInDictionaryMode(graph);
  for (let e = 0; e < bin.edgeCount; e++) {
    const a = edgeRecord(e);
    setEdgeVisuals(a, bin, e);
    const key = edgeKey(bin, e);
    try {
      graph.addDirectedEdgeWithKey(
        key,
        bin.keys[bin.source[e]!]!,
        bin.keys[bin.target[e]!]!,
        a as unknown as EdgeAttributes,
      );
    } catch (err) {
      throw new GraphBinaryError(file, `edge ${e} ("${key}")`, why(err));
    }
    if (e % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  return graph;
}

/** The graph and metadata of a decoded binary and its side table's text. Throws `GraphBinaryError`. */
export function assembleGraphBinary(
  bin: GraphBinary,
  sideText: string,
  sideFile = 'graph.side.json',
): LoadedGraph {
  const side = parseSideTable(sideText, bin, sideFile);
  const graph = binaryGraph(
    bin,
    sideFile,
    (i) => {
      const a = side.nodes[i];
      if (!isObject(a)) throw new GraphBinaryError(sideFile, `nodes[${i}]`, 'expected an object');
      return a;
    },
    (e) => {
      const a = side.edges[e];
      if (!isObject(a)) throw new GraphBinaryError(sideFile, `edges[${e}]`, 'expected an object');
      return a;
    },
  );
  return { graph, meta: bin.meta };
}
