import type Graph from 'graphology';
import type { EdgeAttributes, GraphMeta, NodeAttributes } from '../model';

/** The explorer's graph: a directed simple graph of papers. */
export type AtlasGraph = Graph<NodeAttributes, EdgeAttributes, Record<string, unknown>>;

export interface LoadedGraph {
  graph: AtlasGraph;
  meta: GraphMeta;
}
