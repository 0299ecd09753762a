/**
 * The selection's lineage and comparison, computed once per change of the selection, the lineage
 * settings or the filters, and shared by the renderer and every panel (like `visibilityMemo`).
 * Walks follow the visible edges only. One memo per app, made where the graph is loaded.
 */
import type { Filters, LineageSettings } from '../../state/types';
import { visibilityMemo, type VisibilityOf } from '../filters';
import { lineage, type Lineage } from './lineage';
import { compareLineage, type Comparison } from './compare';
import { lineageIndex, type LineageIndex } from './adjacency';
import type { AtlasGraph } from '../types';

export interface LineageMemo {
  /** The graph's lineage index, built on first use. */
  index(): LineageIndex;
  /** Lineage of `node` under the settings over the visible edges; null when the node is not in the graph. */
  lineage(node: string, settings: LineageSettings, filters: Filters): Lineage | null;
  /** `b` compared with `a` over the visible edges and the settings' kinds (any depth). */
  compare(a: string, b: string, settings: LineageSettings, filters: Filters): Comparison | null;
}

export function lineageMemo(
  graph: AtlasGraph,
  visibility: VisibilityOf = visibilityMemo(graph),
): LineageMemo {
  let index: LineageIndex | null = null;
  const getIndex = () => (index ??= lineageIndex(graph));
  let last: { node: string; settings: LineageSettings; filters: Filters; result: Lineage } | null = null;
  let lastCompare: {
    a: string;
    b: string;
    settings: LineageSettings;
    filters: Filters;
    result: Comparison;
  } | null = null;
  return {
    index: getIndex,
    lineage(node, settings, filters) {
      if (!graph.hasNode(node)) return null;
      if (last?.node !== node || last.settings !== settings || last.filters !== filters) {
        const result = lineage(graph, node, {
          depth: settings.depth === 'all' ? Infinity : settings.depth,
          kinds: settings.kinds,
          edgeSet: visibility(filters).edges,
          index: getIndex(),
        });
        last = { node, settings, filters, result };
      }
      return last.result;
    },
    compare(a, b, settings, filters) {
      if (!graph.hasNode(a) || !graph.hasNode(b)) return null;
      const c = lastCompare;
      if (c?.a !== a || c.b !== b || c.settings !== settings || c.filters !== filters) {
        const visible = visibility(filters).edges;
        const result = compareLineage(graph, a, b, {
          kinds: settings.kinds,
          edgeFilter: (e) => visible.has(e),
        });
        lastCompare = { a, b, settings, filters, result };
      }
      return lastCompare!.result;
    },
  };
}
