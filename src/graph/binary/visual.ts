/**
 * The graph in two steps, for a first frame before the side table is read: `visualGraph` builds it
 * from the binary alone (what a renderer draws: labels, positions, sizes, colours, edge kinds), and
 * `completeGraph` later puts the side table's attributes into the same node and edge objects, without
 * graph events (nothing drawn changes). The completed graph equals `assembleGraphBinary`'s, but for
 * the order of the attribute keys (the binary's first). Pure but for filling the graph it is given.
 */
import type { AtlasGraph } from '../types';
import { runSteps, STEP_ITEMS, type Steps } from '../steps';
import { binaryGraphSteps, edgeKey } from './assemble';
import { parseSideTable } from './side-table';
import { GraphBinaryError, isObject, type GraphBinary } from './decode';
import { BINARY_KEYS } from './format';

/**
 * The graph of the binary alone: nodes with the attributes the binary holds (see `setNodeVisuals`),
 * edges with their kind. Throws `GraphBinaryError` (duplicate keys, self-loops, parallel edges).
 */
export function visualGraph(bin: GraphBinary, file = 'graph.bin'): AtlasGraph {
  return runSteps(visualGraphSteps(bin, file));
}

/** `visualGraph` in steps (see graph/steps.ts). */
export function visualGraphSteps(bin: GraphBinary, file = 'graph.bin'): Steps<AtlasGraph> {
  return binaryGraphSteps(
    bin,
    file,
    () => ({}),
    () => ({}),
  );
}

/**
 * Puts the side table (`sideText`, checked against `bin` as `assembleGraphBinary` checks it) into the
 * attribute objects of `graph`, which `visualGraph(bin)` built. Throws `GraphBinaryError` naming
 * `sideFile`; the graph may then be partly completed.
 */
export function completeGraph(
  graph: AtlasGraph,
  bin: GraphBinary,
  sideText: string,
  sideFile = 'graph.side.json',
): void {
  runSteps(completeGraphSteps(graph, bin, sideText, sideFile));
}

/** `completeGraph` in steps (see graph/steps.ts); the side table is parsed in the first. */
export function* completeGraphSteps(
  graph: AtlasGraph,
  bin: GraphBinary,
  sideText: string,
  sideFile = 'graph.side.json',
): Steps<void> {
  const side = parseSideTable(sideText, bin, sideFile);
  yield;
  for (let i = 0; i < bin.nodeCount; i += STEP_ITEMS) {
    completeRecords(graph, bin, 'nodes', i, side.nodes.slice(i, i + STEP_ITEMS), sideFile);
    yield;
  }
  for (let e = 0; e < bin.edgeCount; e += STEP_ITEMS) {
    completeRecords(graph, bin, 'edges', e, side.edges.slice(e, e + STEP_ITEMS), sideFile);
    yield;
  }
}

/**
 * Puts the side table's records of nodes (or edges) `start`, `start + 1`, … into the graph's
 * attribute objects (all but the keys the binary holds). Throws `GraphBinaryError` naming `sideFile`
 * for a record that is not an object.
 */
export function completeRecords(
  graph: AtlasGraph,
  bin: GraphBinary,
  kind: 'nodes' | 'edges',
  start: number,
  records: readonly unknown[],
  sideFile = 'graph.side.json',
): void {
  const skip = BINARY_KEYS[kind];
  for (let j = 0; j < records.length; j++) {
    const i = start + j;
    const record = records[j];
    if (!isObject(record)) throw new GraphBinaryError(sideFile, `${kind}[${i}]`, 'expected an object');
    const live = (kind === 'nodes'
      ? graph.getNodeAttributes(bin.keys[i]!)
      : graph.getEdgeAttributes(edgeKey(bin, i))) as unknown as Record<string, unknown>;
    for (const k in record) if (!skip.has(k)) live[k] = record[k];
  }
}
