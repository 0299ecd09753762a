/** The small fixture graph with its initial view, and sigma's reducers over caches built for a state. */
import { readFileSync } from 'node:fs';
import { parseGraphFile } from '../../../src/graph/load';
import { buildCaches } from '../../../src/render/caches';
import { createEdgeReducer, createNodeReducer } from '../../../src/render/reducers';
import { themeFor } from '../../../src/render/theme';
import { initialViewState } from '../../../src/state/view';

export const { graph, meta } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
export const s0 = initialViewState(meta);
export const theme = themeFor(false);

/** What the node and edge reducers make of each node and edge in `state`. */
export function reduce(state = s0) {
  const caches = buildCaches(graph, meta, state);
  const node = createNodeReducer(
    () => caches,
    () => theme,
  );
  const edge = createEdgeReducer(
    graph,
    () => caches,
    () => theme,
  );
  return {
    node: (id: string) => node(id, { ...graph.getNodeAttributes(id) }) as Record<string, unknown>,
    edge: (id: string) => edge(id, { ...graph.getEdgeAttributes(id) }) as Record<string, unknown>,
  };
}
