/**
 * What the reducers look up, rebuilt only when the part of the state it depends on changes:
 * colours (colour-by), sizes (size-by), categories and the isolated set (colour-by, isolated),
 * visibility (filters), the focused neighbourhood (hover, selection) and the brushed papers (brush).
 * No DOM, no sigma: testable.
 */
import { categoriesMemo, type CategoriesOf } from '../graph/categories';
import { computeVisibility, type Visibility, type VisibilityOf } from '../graph/filters';
import { lineageAsNeighbourhood } from '../graph/lineage/lineage';
import { comparisonAsNeighbourhood } from '../graph/lineage/compare';
import { lineageMemo, type LineageMemo } from '../graph/lineage/memo';
import { neighbourhood, type Neighbourhood } from '../graph/neighbourhood';
import { forEachOfInSteps, runSteps, runStepsSliced, type SliceOptions, type Steps } from '../graph/steps';
import type { AtlasGraph } from '../graph/types';
import type { ColorBy, GraphMeta, NodeAttributes, SizeBy } from '../model';
import type { ViewState } from '../state/types';

export interface Focus {
  /**
   * Hover: the one-hop neighbourhood. Selection: the lineage at the chosen depth and kinds (ancestors
   * as out-nodes, descendants as in-nodes; depth 1 is the one-hop neighbourhood), or, while comparing,
   * the path between the two papers or the paths up to their lowest common ancestors.
   */
  hood: Neighbourhood;
  /** `selection`: the clicked paper (ancestors blue, descendants green); `hover`: a passing look. */
  mode: 'hover' | 'selection';
  /** While comparing: the other paper (neutral like the selection) and the lowest common ancestors. */
  compare: { other: string; lcas: Set<string> } | null;
}

export interface RenderCaches {
  colors: Map<string, string>;
  sizes: Map<string, number>;
  categories: Map<string, string>;
  visibility: Visibility;
  /** Papers of the isolated legend category; null when none is isolated. */
  isolated: Set<string> | null;
  focus: Focus | null;
  /** Brushed papers (vivid, labelled; the rest dimmed); null when nothing is brushed. */
  brush: Set<string> | null;
  /** Works outside the list (`build:graph --expand`), drawn as rings; fixed for the graph. */
  outside: ReadonlySet<string>;
  /** Papers of the reader's library (ringed; see library-rings.ts); null when none is open. */
  library: Set<string> | null;
}

/**
 * What a state change requires of the renderer: `full` re-indexes (visibility, sizes, labels),
 * `highlight` re-reduces every node and edge (colours), `focus` only the nodes of the old and new
 * neighbourhoods, `none` nothing.
 */
export type RefreshKind = 'none' | 'focus' | 'highlight' | 'full';

/** Node → `value(attributes)`, in steps of STEP_ITEMS nodes. */
function* nodeMapSteps<V>(graph: AtlasGraph, value: (a: NodeAttributes) => V): Steps<Map<string, V>> {
  const map = new Map<string, V>();
  yield* forEachOfInSteps(graph.nodeEntries(), ({ node, attributes }) => map.set(node, value(attributes)));
  return map;
}

const colorSteps = (graph: AtlasGraph, colorBy: ColorBy, unknownColor: string) =>
  nodeMapSteps(graph, (a) => a.colors[colorBy] ?? unknownColor);
const sizeSteps = (graph: AtlasGraph, sizeBy: SizeBy) =>
  nodeMapSteps(graph, (a) => a.sizes[sizeBy] ?? a.size);

export function buildColors(graph: AtlasGraph, colorBy: ColorBy, unknownColor: string): Map<string, string> {
  return runSteps(colorSteps(graph, colorBy, unknownColor));
}

export function buildSizes(graph: AtlasGraph, sizeBy: SizeBy): Map<string, number> {
  return runSteps(sizeSteps(graph, sizeBy));
}

export function buildIsolated(categories: Map<string, string>, isolated: string | null): Set<string> | null {
  if (isolated === null) return null;
  const set = new Set<string>();
  for (const [node, cat] of categories) if (cat === isolated) set.add(node);
  return set;
}

/**
 * The hovered paper's neighbourhood, else the selected one's lineage (or comparison), over visible
 * edges; null when neither is visible. Without `lineages` the selection shows its one-hop neighbourhood.
 */
export function buildFocus(
  graph: AtlasGraph,
  state: ViewState,
  visibility: Visibility,
  lineages?: LineageMemo | null,
): Focus | null {
  const node = state.hovered ?? state.selected;
  if (node === null || !graph.hasNode(node) || !visibility.nodes.has(node)) return null;
  if (node !== state.selected || !lineages) {
    const hood = neighbourhood(graph, node, (edge) => visibility.edges.has(edge));
    return { hood, mode: node === state.selected ? 'selection' : 'hover', compare: null };
  }
  const other = state.compareWith;
  if (other !== null && other !== node && graph.hasNode(other) && visibility.nodes.has(other)) {
    const c = lineages.compare(node, other, state.lineage, state.filters);
    if (c)
      return {
        hood: comparisonAsNeighbourhood(c),
        mode: 'selection',
        compare: { other, lcas: new Set(c.lcas) },
      };
  }
  const l = lineages.lineage(node, state.lineage, state.filters)!;
  return { hood: lineageAsNeighbourhood(l), mode: 'selection', compare: null };
}

/** The nodes marked outside the list. */
export function buildOutside(graph: AtlasGraph): Set<string> {
  return runSteps(outsideSteps(graph));
}

function* outsideSteps(graph: AtlasGraph): Steps<Set<string>> {
  const set = new Set<string>();
  yield* forEachOfInSteps(graph.nodeEntries(), ({ node, attributes }) => {
    if (attributes.outside) set.add(node);
  });
  return set;
}

export function buildBrush(graph: AtlasGraph, state: ViewState): Set<string> | null {
  if (state.brush === null) return null;
  const set = new Set<string>();
  for (const node of state.brush.nodes) if (graph.hasNode(node)) set.add(node);
  return set;
}

export function buildLibrary(graph: AtlasGraph, state: ViewState): Set<string> | null {
  if (state.library === null) return null;
  return new Set(state.library.nodes.filter((n) => graph.hasNode(n)));
}

export function buildCaches(
  graph: AtlasGraph,
  meta: GraphMeta,
  state: ViewState,
  visibilityOf: VisibilityOf = (f) => computeVisibility(graph, f),
  lineages: LineageMemo | null = lineageMemo(graph, visibilityOf),
  categoriesOf: CategoriesOf = categoriesMemo(graph),
): RenderCaches {
  return runSteps(cacheSteps(graph, meta, state, visibilityOf, lineages, categoriesOf));
}

/**
 * `buildCaches` in steps of STEP_ITEMS papers (graph/steps.ts): at 10⁵ papers, the colours, sizes
 * and categories are each a walk of every paper of 15-75 ms, together 100-200 ms in one task
 * (measured when the app takes over the first frame's renderer).
 */
export function* cacheSteps(
  graph: AtlasGraph,
  meta: GraphMeta,
  state: ViewState,
  visibilityOf: VisibilityOf,
  lineages: LineageMemo | null,
  categoriesOf: CategoriesOf = categoriesMemo(graph),
): Steps<RenderCaches> {
  const categories = yield* categoriesOf.steps(state.colorBy);
  const visibility = visibilityOf(state.filters);
  const colors = yield* colorSteps(graph, state.colorBy, meta.taxonomy.unknownColor);
  const sizes = yield* sizeSteps(graph, state.sizeBy);
  const outside = yield* outsideSteps(graph);
  return {
    colors,
    sizes,
    categories,
    visibility,
    isolated: buildIsolated(categories, state.isolated),
    focus: buildFocus(graph, state, visibility, lineages),
    brush: buildBrush(graph, state),
    outside,
    library: buildLibrary(graph, state),
  };
}

/**
 * The caches built in slices (`cacheSteps`), for the view as it is once they are built:
 * `state` is read when they start, and again at the end, where what changed meanwhile (a hover, a
 * filter) is applied over them as `updateCaches` applies it.
 */
export async function buildCachesInSlices(
  graph: AtlasGraph,
  meta: GraphMeta,
  state: () => ViewState,
  visibilityOf: VisibilityOf,
  lineages: LineageMemo | null,
  slices: SliceOptions,
  categoriesOf: CategoriesOf = categoriesMemo(graph),
): Promise<RenderCaches> {
  const from = state();
  const steps = cacheSteps(graph, meta, from, visibilityOf, lineages, categoriesOf);
  const built = await runStepsSliced(steps, slices);
  const now = state();
  if (now === from) return built;
  return updateCaches(built, graph, meta, from, now, visibilityOf, lineages, categoriesOf).caches;
}

/**
 * Updates the caches for a state change, rebuilding only what depends on what changed, and says
 * how much the renderer must redo: `full` when visibility or sizes change (sigma re-indexes labels),
 * `highlight` when only colours/highlights change, `none` otherwise.
 */
export function updateCaches(
  caches: RenderCaches,
  graph: AtlasGraph,
  meta: GraphMeta,
  prev: ViewState,
  next: ViewState,
  visibilityOf: VisibilityOf = (f) => computeVisibility(graph, f),
  lineages: LineageMemo | null = lineageMemo(graph, visibilityOf),
  categoriesOf: CategoriesOf = categoriesMemo(graph),
): { caches: RenderCaches; refresh: RefreshKind; nodes: string[] } {
  let refresh: RefreshKind = 'none';
  let nodes: string[] = [];
  const c = { ...caches };
  if (prev.filters !== next.filters) {
    c.visibility = visibilityOf(next.filters);
    refresh = 'full';
  }
  if (prev.sizeBy !== next.sizeBy) {
    c.sizes = buildSizes(graph, next.sizeBy);
    refresh = 'full';
  }
  if (prev.labelDensity !== next.labelDensity) refresh = 'full';
  if (prev.colorBy !== next.colorBy) {
    c.colors = buildColors(graph, next.colorBy, meta.taxonomy.unknownColor);
    c.categories = categoriesOf(next.colorBy);
    if (refresh === 'none') refresh = 'highlight';
  }
  if (prev.colorBy !== next.colorBy || prev.isolated !== next.isolated) {
    c.isolated = buildIsolated(c.categories, next.isolated);
    if (refresh === 'none') refresh = 'highlight';
  }
  if (prev.brush !== next.brush) {
    c.brush = buildBrush(graph, next);
    if (refresh === 'none') refresh = 'highlight';
  }
  if (prev.library !== next.library) {
    c.library = buildLibrary(graph, next);
    if (refresh === 'none') refresh = 'highlight';
  }
  const lineageChanged = prev.lineage !== next.lineage || prev.compareWith !== next.compareWith;
  if (
    prev.filters !== next.filters ||
    prev.hovered !== next.hovered ||
    prev.selected !== next.selected ||
    lineageChanged
  ) {
    const focus = buildFocus(graph, next, c.visibility, lineages);
    const same = focus?.hood.node === caches.focus?.hood.node && focus?.mode === caches.focus?.mode;
    if (!same || prev.filters !== next.filters || (lineageChanged && focus?.mode === 'selection')) {
      c.focus = focus;
      if (refresh === 'none') {
        refresh = 'focus';
        const changed = new Set(caches.focus?.hood.nodes);
        for (const n of focus?.hood.nodes ?? []) changed.add(n);
        // brushed papers step back under the veil while a neighbourhood is in focus, and return after
        if (c.brush && (focus === null) !== (caches.focus === null)) for (const n of c.brush) changed.add(n);
        nodes = [...changed];
      }
    }
  }
  return refresh === 'none' ? { caches, refresh, nodes } : { caches: c, refresh, nodes };
}

function sameSet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Whether two caches draw the same picture (colours, sizes, what is shown, rings, highlights). */
export function sameDrawing(a: RenderCaches, b: RenderCaches): boolean {
  return (
    sameMap(a.colors, b.colors) &&
    sameMap(a.sizes, b.sizes) &&
    sameSet(a.visibility.nodes, b.visibility.nodes) &&
    sameSet(a.visibility.edges, b.visibility.edges) &&
    sameSet(a.isolated, b.isolated) &&
    sameSet(a.brush, b.brush) &&
    sameSet(a.outside, b.outside) &&
    sameSet(a.library, b.library) &&
    a.focus === null &&
    b.focus === null
  );
}
