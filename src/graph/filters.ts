/**
 * Filters → visibility. Pure: computed once per filter change, then reducers only look things up.
 */
import type { Filters } from '../state/types';
import { paperCategories } from './categories';
import type { AtlasGraph } from './types';

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Whether an edge passes the edge filters alone (kind, survey mentions). */
export function edgePasses(graph: AtlasGraph, edge: string, filters: Filters): boolean {
  const a = graph.getEdgeAttributes(edge);
  if (!filters.edgeKinds.includes(a.kind)) return false;
  if (a.surveyOnly && !filters.showSurveyMentions) return false;
  return true;
}

/**
 * Nodes pass the year and category filters; edges pass their own filters and join two visible nodes;
 * then nodes with fewer visible edges than `minDegree` are dropped (once, not iterated to a fixpoint).
 */
export function computeVisibility(graph: AtlasGraph, filters: Filters): Visibility {
  const nodes = new Set<string>();
  const categories = Object.entries(filters.categories).map(([dim, list]) => [dim, new Set(list)] as const);
  const unlabelledHidden = filters.unlabelled ?? [];
  graph.forEachNode((node, a) => {
    // a year range hides the papers without a year
    if (filters.years && (a.year === null || a.year < filters.years[0] || a.year > filters.years[1])) return;
    // a paper without a label in a dimension shows unless that dimension's unlabelled are hidden
    for (const dim of unlabelledHidden) if (paperCategories(a, dim).length === 0) return;
    for (const [dim, shown] of categories) {
      const cats = paperCategories(a, dim);
      if (cats.length > 0 && !cats.some((c) => shown.has(c))) return;
    }
    nodes.add(node);
  });
  const edges = new Set<string>();
  graph.forEachEdge((edge, _a, source, target) => {
    if (nodes.has(source) && nodes.has(target) && edgePasses(graph, edge, filters)) edges.add(edge);
  });
  if (filters.minDegree > 0) {
    const degree = new Map<string, number>();
    for (const edge of edges) {
      const s = graph.source(edge);
      const t = graph.target(edge);
      degree.set(s, (degree.get(s) ?? 0) + 1);
      degree.set(t, (degree.get(t) ?? 0) + 1);
    }
    for (const node of [...nodes]) if ((degree.get(node) ?? 0) < filters.minDegree) nodes.delete(node);
    for (const edge of [...edges]) {
      if (!nodes.has(graph.source(edge)) || !nodes.has(graph.target(edge))) edges.delete(edge);
    }
  }
  return { nodes, edges };
}

/** Visibility for a filters object; see `visibilityMemo`. */
export type VisibilityOf = (filters: Filters) => Visibility;

/**
 * `computeVisibility` remembering its last answer: the renderer and every panel ask for the same
 * `state.filters` object after a change (producers make a new one per change), so the work is done
 * once per change, not once per asker. One memo per app, made where the graph is loaded.
 */
export function visibilityMemo(graph: AtlasGraph): VisibilityOf {
  let last: { filters: Filters; visibility: Visibility } | null = null;
  return (filters) => {
    if (last?.filters !== filters) last = { filters, visibility: computeVisibility(graph, filters) };
    return last.visibility;
  };
}
