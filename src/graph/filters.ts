/**
 * Filters → visibility. Pure: computed once per filter change, then reducers only look things up.
 */
import type { Filters } from '../state/types';
import { paperCategories } from './categories';
import { monthIndex, paperMonth, playbackOrder, visibilityAt, type PlaybackOrder } from './playback';
import { forEachOfInSteps, runSteps, type Steps } from './steps';
import type { AtlasGraph } from './types';
import type { EdgeAttributes, NodeAttributes } from '../model';

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Whether an edge passes the edge filters alone (kind, survey mentions). */
export function edgePasses(graph: AtlasGraph, edge: string, filters: Filters): boolean {
  return edgeAttributesPass(graph.getEdgeAttributes(edge), filters);
}

function edgeAttributesPass(a: EdgeAttributes, filters: Filters): boolean {
  if (!filters.edgeKinds.includes(a.kind)) return false;
  if (a.surveyOnly && !filters.showSurveyMentions) return false;
  return true;
}

/**
 * Nodes pass the year and category filters; edges pass their own filters and join two visible nodes;
 * then nodes with fewer visible edges than `minDegree` are dropped (once, not iterated to a fixpoint).
 */
export function computeVisibility(graph: AtlasGraph, filters: Filters): Visibility {
  return runSteps(visibilitySteps(graph, filters));
}

/**
 * `computeVisibility` in steps of STEP_ITEMS papers or links (graph/steps.ts): at 10⁵ papers and
 * 3×10⁵ links, the walk took 100-210 ms in one task (measured at the first frame).
 */
export function* visibilitySteps(graph: AtlasGraph, filters: Filters): Steps<Visibility> {
  const nodes = new Set<string>();
  const categories = Object.entries(filters.categories).map(([dim, list]) => [dim, new Set(list)] as const);
  const unlabelledHidden = filters.unlabelled ?? [];
  const until = filters.playhead ? monthIndex(filters.playhead) : null;
  const shown = (a: NodeAttributes): boolean => {
    // a year range hides the papers without a year
    if (filters.years && (a.year === null || a.year < filters.years[0] || a.year > filters.years[1]))
      return false;
    // playback shows the papers dated up to the playhead's month (see playback.ts)
    if (until !== null) {
      const month = paperMonth(a);
      if (month === null || month > until) return false;
    }
    // a paper without a label in a dimension shows unless that dimension's unlabelled are hidden
    for (const dim of unlabelledHidden) if (paperCategories(a, dim).length === 0) return false;
    for (const [dim, shown] of categories) {
      const cats = paperCategories(a, dim);
      if (cats.length > 0 && !cats.some((c) => shown.has(c))) return false;
    }
    return true;
  };
  yield* forEachOfInSteps(graph.nodeEntries(), ({ node, attributes }) => {
    if (shown(attributes)) nodes.add(node);
  });
  const edges = new Set<string>();
  yield* forEachOfInSteps(graph.edgeEntries(), ({ edge, attributes, source, target }) => {
    if (nodes.has(source) && nodes.has(target) && edgeAttributesPass(attributes, filters)) edges.add(edge);
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
 * once per change, not once per asker. One memo per app, made where the graph is loaded; `seed`,
 * a visibility already computed for a filters object (in slices, say), is its first answer.
 */
export function visibilityMemo(
  graph: AtlasGraph,
  seed: { filters: Filters; visibility: Visibility } | null = null,
): VisibilityOf {
  let last = seed;
  // playback: the other filters' visibility, kept while only the playhead moves, and the papers and
  // links sorted by date (once), so a tick of the playhead only walks the prefix before it
  let base: { filters: Filters; visibility: Visibility } | null = null;
  let order: PlaybackOrder | null = null;
  const compute = (filters: Filters): Visibility => {
    const playhead = filters.playhead;
    if (!playhead || filters.minDegree > 0) return computeVisibility(graph, filters);
    if (!base || !sameExceptPlayhead(base.filters, filters)) {
      const rest: Filters = { ...filters, playhead: null };
      base = { filters: rest, visibility: computeVisibility(graph, rest) };
    }
    order ??= playbackOrder(graph);
    return visibilityAt(base.visibility, order, playhead);
  };
  return (filters) => {
    if (last?.filters !== filters) last = { filters, visibility: compute(filters) };
    return last.visibility;
  };
}

/** Whether two filters differ at most in their playhead (lists compared by identity, as producers keep them). */
function sameExceptPlayhead(a: Filters, b: Filters): boolean {
  const years =
    a.years === b.years ||
    (a.years !== null && b.years !== null && a.years[0] === b.years[0] && a.years[1] === b.years[1]);
  return (
    years &&
    a.categories === b.categories &&
    a.unlabelled === b.unlabelled &&
    a.edgeKinds === b.edgeKinds &&
    a.showSurveyMentions === b.showSurveyMentions &&
    a.minDegree === b.minDegree
  );
}
