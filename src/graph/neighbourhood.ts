/**
 * A node's neighbourhood, split by direction. Edges point from the citing paper to the cited one, so
 * out-neighbours are what the paper cites or builds on (its references) and in-neighbours are what
 * cites or builds on it (its citations). Computed once per hover or selection, never per frame.
 */
import type { AtlasGraph } from './types';

export interface Neighbourhood {
  node: string;
  /** What `node` cites / builds on / compares with / mentions. */
  outNodes: Set<string>;
  /** What cites / builds on / compares with / mentions `node`. */
  inNodes: Set<string>;
  /** `node` and every neighbour. */
  nodes: Set<string>;
  outEdges: Set<string>;
  inEdges: Set<string>;
}

/**
 * The neighbourhood of `node` over the edges `edgeVisible` accepts (all edges by default).
 * Throws when the node is not in the graph.
 */
export function neighbourhood(
  graph: AtlasGraph,
  node: string,
  edgeVisible: (edge: string) => boolean = () => true,
): Neighbourhood {
  if (!graph.hasNode(node)) throw new Error(`neighbourhood: no node "${node}" in the graph`);
  const result: Neighbourhood = {
    node,
    outNodes: new Set(),
    inNodes: new Set(),
    nodes: new Set([node]),
    outEdges: new Set(),
    inEdges: new Set(),
  };
  graph.forEachOutEdge(node, (edge, _a, _source, target) => {
    if (!edgeVisible(edge)) return;
    result.outEdges.add(edge);
    result.outNodes.add(target);
    result.nodes.add(target);
  });
  graph.forEachInEdge(node, (edge, a, source) => {
    if (!edgeVisible(edge)) return;
    if (a.undirected) {
      // an undirected link (a graph file's) has no "in": its other end counts as an out-neighbour
      result.outEdges.add(edge);
      result.outNodes.add(source);
      result.nodes.add(source);
      return;
    }
    result.inEdges.add(edge);
    result.inNodes.add(source);
    result.nodes.add(source);
  });
  return result;
}
