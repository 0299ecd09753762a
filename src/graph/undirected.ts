/**
 * Whether a graph's links are all undirected (a graph file that says so): it then has no ancestors
 * or descendants, and a selection shows its neighbours. An empty graph is not.
 */
import type { AtlasGraph } from './types';

export function isUndirected(graph: AtlasGraph): boolean {
  return graph.size > 0 && graph.everyEdge((_e, a) => a.undirected === true);
}
