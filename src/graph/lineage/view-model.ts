/**
 * What the year-layered lineage view draws: the selection, its ancestors and descendants (the most
 * cited ones when there are too many), and the walked edges among them — by default only those the
 * transitive reduction keeps. Pure; the view (src/ui/lineage-view.ts) only draws it.
 */
import type { EdgeKind } from '../../model';
import type { Lineage } from './lineage';
import { publicationTime } from './layout';
import { transitiveReduction } from './reduction';
import type { AtlasGraph } from '../types';

export type LineageRole = 'selected' | 'ancestor' | 'descendant';

export interface LineageViewNode {
  id: string;
  label: string;
  title: string;
  year: number | null;
  month: number | null;
  /**
   * Where the paper goes on the view's axis: its publication time in fractional years, or (axis
   * `generation`) steps from the selection, ancestors negative.
   */
  time: number;
  citations: number;
  role: LineageRole;
}

export interface LineageViewEdge {
  id: string;
  /** The citing paper. */
  source: string;
  /** The cited paper. */
  target: string;
  kind: EdgeKind;
}

export interface LineageViewModel {
  nodes: LineageViewNode[];
  edges: LineageViewEdge[];
  /** Edges among the shown papers before the reduction. */
  allEdges: number;
  /** Papers of the lineage left out (beyond `maxNodes`). */
  omitted: number;
  /** `time` when every paper shown has a year, else `generation` (a graph file without years). */
  axis: 'time' | 'generation';
}

export interface LineageViewOptions {
  /** Every walked edge instead of the transitive reduction (default false). */
  showAll?: boolean;
  /** At most this many papers, the selection and then the most cited (default 300). */
  maxNodes?: number;
}

export function lineageViewModel(
  graph: AtlasGraph,
  l: Lineage,
  options?: LineageViewOptions,
): LineageViewModel {
  const maxNodes = options?.maxNodes ?? 300;
  if (!Number.isInteger(maxNodes) || maxNodes < 1)
    throw new Error(`lineageViewModel: maxNodes must be a positive integer, got ${maxNodes}`);
  const roles = new Map<string, LineageRole>([[l.node, 'selected']]);
  for (const n of l.descendants.keys()) roles.set(n, 'descendant');
  for (const n of l.ancestors.keys()) roles.set(n, 'ancestor'); // on a cycle a paper is both: ancestor wins, as on the graph
  let ids = [...roles.keys()];
  let omitted = 0;
  let unique: string[];
  if (ids.length > maxNodes) {
    const cited = new Map<string, number>();
    for (const n of ids) cited.set(n, graph.getNodeAttribute(n, 'citations'));
    const others = ids.filter((n) => n !== l.node);
    others.sort((a, b) => cited.get(b)! - cited.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    ids = [l.node, ...others.slice(0, maxNodes - 1)];
    omitted = roles.size - ids.length;
    // the walked edges among the papers kept: look at their few out-edges rather than at every
    // walked edge (a whole-graph lineage walks ~10^5)
    const shown = new Set(ids);
    const walked = new Set([...l.ancestorEdges, ...l.descendantEdges]);
    unique = [];
    for (const n of ids) {
      graph.forEachOutEdge(n, (e, _a, _s, t) => {
        if (shown.has(t) && walked.has(e)) unique.push(e);
      });
    }
  } else {
    // every walked edge joins two papers of the lineage; an edge on a cycle can be walked both ways
    unique = [...new Set([...l.ancestorEdges, ...l.descendantEdges])];
  }
  const kept = options?.showAll ? new Set(unique) : transitiveReduction(graph, unique);
  const axis = ids.every((id) => graph.getNodeAttribute(id, 'year') !== null) ? 'time' : 'generation';
  const generation = (id: string) =>
    id === l.node ? 0 : l.ancestors.has(id) ? -l.ancestors.get(id)! : l.descendants.get(id)!;
  const nodes = ids.map((id): LineageViewNode => {
    const a = graph.getNodeAttributes(id);
    const time = axis === 'time' ? publicationTime(a.year!, a.month) : generation(id);
    return {
      id,
      label: a.label,
      title: a.title,
      year: a.year,
      month: a.month,
      time,
      citations: a.citations,
      role: roles.get(id)!,
    };
  });
  const edges = unique
    .filter((e) => kept.has(e))
    .map((id): LineageViewEdge => ({
      id,
      source: graph.source(id),
      target: graph.target(id),
      kind: graph.getEdgeAttribute(id, 'kind'),
    }));
  return { nodes, edges, allEdges: unique.length, omitted, axis };
}
