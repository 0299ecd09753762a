/**
 * The `ExportInput` of the current view: the papers and links in scope (what the filters show, or
 * everything), the colours and sizes drawn, the selection, the date and a summary of the filters.
 */
import type { Visibility } from '../graph/filters';
import type { AtlasGraph } from '../graph/types';
import type { GraphMeta } from '../model';
import type { ViewState } from '../state/types';
import { filtersSummary } from './summary';
import type { ExportInput, ExportScope } from './types';

export function buildExportInput(
  graph: AtlasGraph,
  meta: GraphMeta,
  state: ViewState,
  visibility: Visibility,
  scope: ExportScope,
  date: Date,
): ExportInput {
  const colors = new Map<string, string>();
  const sizes = new Map<string, number>();
  graph.forEachNode((node, a) => {
    colors.set(node, a.colors[state.colorBy] ?? meta.taxonomy.unknownColor);
    sizes.set(node, a.sizes[state.sizeBy] ?? a.size);
  });
  return {
    graph,
    meta,
    scope,
    nodes: scope === 'visible' ? visibility.nodes : new Set(graph.nodes()),
    edges: scope === 'visible' ? visibility.edges : new Set(graph.edges()),
    selected: state.selected,
    date,
    filtersSummary:
      scope === 'visible' ? filtersSummary(state.filters, meta) : 'no filters (the whole graph)',
    colors,
    sizes,
  };
}
