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
import { adjacencyInDictionaryModeSteps } from '../adjacency-mode';
import { forEachInSteps, runSteps, type Steps } from '../steps';
import { GraphBinaryError, isObject, type GraphBinary } from './decode';
import { parseSideTable } from './side-table';
import { EDGE_FLAG_HAS_SURVEY_ONLY, EDGE_FLAG_SURVEY_ONLY, NO_COLOR } from './format';

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
  yield* forEachInSteps(bin.nodeCount, (i) => {
    const a = nodeRecord(i);
    setNodeVisuals(a, bin, i);
    try {
      graph.addNode(bin.keys[i]!, a as unknown as NodeAttributes);
    } catch (e) {
      throw new GraphBinaryError(file, `node ${i} ("${bin.keys[i]}")`, why(e));
    }
  });
  yield* adjacencyInDictionaryModeSteps(graph);
  yield* forEachInSteps(bin.edgeCount, (e) => {
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
  });
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
