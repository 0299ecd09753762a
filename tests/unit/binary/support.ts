/** Graphs for the compact form's tests: the bundled one, a synthetic one, and their files as bytes. */
import { readFileSync } from 'node:fs';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../../src/graph/build/build';
import { syntheticDataset } from '../../../src/graph/build/synthetic';
import { encodeGraphBinary } from '../../../src/graph/binary/encode';
import { parseGraphFile } from '../../../src/graph/load';
import { serializeGraphFile } from '../../../src/graph/serialize';
import type { LoadedGraph } from '../../../src/graph/types';

/** The bundled graph as the explorer loads it from public/graph.json (npm test builds it first). */
export function bundled(): LoadedGraph {
  return parseGraphFile(JSON.parse(readFileSync('public/graph.json', 'utf8')), 'graph.json');
}

/** A synthetic dataset built end to end, then read back through its JSON file as the explorer does. */
export function synthetic(papers: number, seed = 3): LoadedGraph {
  const data = readGraphData('graph-data');
  const dataset = syntheticDataset(data.taxonomy, { papers, edgesPerPaper: 4, seed });
  const { graph, meta } = buildGraph(dataset, { seed, inputsHash: 'ab'.repeat(32) });
  return parseGraphFile(JSON.parse(serializeGraphFile(graph, meta)), 'synthetic.json');
}

/** The compact form of a graph: the binary in an ArrayBuffer of its own, and the side table's text. */
export function encoded(loaded: LoadedGraph): { buffer: ArrayBuffer; side: string } {
  const enc = encodeGraphBinary(loaded.graph, loaded.meta);
  return { buffer: enc.binary.slice().buffer, side: [...enc.side()].join('') };
}

/** Every node and edge with its key, endpoints and attributes, in the graph's order. */
export function dump(loaded: LoadedGraph) {
  return {
    attributes: loaded.graph.getAttributes(),
    nodes: loaded.graph.mapNodes((key, a) => ({ key, keys: Object.keys(a), a })),
    edges: loaded.graph.mapEdges((key, a, source, target) => ({
      key,
      source,
      target,
      keys: Object.keys(a),
      a,
    })),
  };
}
