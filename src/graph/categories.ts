/**
 * Categories of the colour-by dimensions: which category a paper falls in, and the legend's entries
 * (label, colour, count) for a dimension. Pure; built once per colour-by or filter change.
 */
import { dimension, isComputedColorBy } from '../model/vocab';
import type { ColorBy, GraphMeta, NodeAttributes, TaxonomyDimension } from '../model';
import { forEachOfInSteps, runSteps, type Steps } from './steps';
import type { AtlasGraph } from './types';

/** The category id of papers without a label in a dimension. */
export const UNKNOWN_CATEGORY = 'unknown';
export const UNKNOWN_LABEL = 'Unknown / not labelled';

export interface LegendEntry {
  id: string;
  label: string;
  color: string;
  /** Papers of this category among the visible ones. */
  count: number;
}

/** Label fields (labels.yaml) that hold the primary category of the taxonomy dimension of the same id. */
const LABEL_FIELDS = ['space', 'method', 'scheme'] as const;

/**
 * Dimension ids whose categories a paper holds in fields of its own (`family`, `tasks`, the labels),
 * never in its `dimensions` lists.
 */
export const OWN_FIELD_DIMENSIONS: readonly string[] = ['family', 'task', ...LABEL_FIELDS];

/** What a paper's categories are read from: a paper (whose family and tasks are required) or a node. */
export type CategorySource = Pick<NodeAttributes, 'family' | 'tasks' | 'taxonomy' | 'dimensions'>;

/**
 * A paper's categories in a taxonomy dimension, primary first: its `family`, its `tasks`, its primary
 * `space` / `method` / `scheme` label, or for any other dimension its `dimensions[dim]` list. Empty
 * when it has none there. Which dimensions exist is the taxonomy's business, not this function's.
 */
export function paperCategories(a: CategorySource, dim: TaxonomyDimension): readonly string[] {
  if (dim === 'family') return a.family !== undefined ? [a.family] : [];
  if (dim === 'task') return a.tasks ?? [];
  if ((LABEL_FIELDS as readonly string[]).includes(dim)) {
    const label = a.taxonomy[dim as (typeof LABEL_FIELDS)[number]];
    return label ? [label.value] : [];
  }
  return a.dimensions?.[dim] ?? [];
}

/** The paper's category in a colouring (its first one in a many-valued dimension), or `UNKNOWN_CATEGORY`. */
export function nodeCategory(a: NodeAttributes, colorBy: ColorBy): string {
  if (colorBy === 'year') return a.year !== null ? String(a.year) : UNKNOWN_CATEGORY;
  if (colorBy === 'community') return String(a.community);
  return paperCategories(a, colorBy)[0] ?? UNKNOWN_CATEGORY;
}

/** Node → category for one dimension. */
export function categoryMap(graph: AtlasGraph, colorBy: ColorBy): Map<string, string> {
  return runSteps(categoryMapSteps(graph, colorBy));
}

/** `categoryMap` in steps of STEP_ITEMS papers (graph/steps.ts). */
export function* categoryMapSteps(graph: AtlasGraph, colorBy: ColorBy): Steps<Map<string, string>> {
  const map = new Map<string, string>();
  yield* forEachOfInSteps(graph.nodeEntries(), ({ node, attributes }) =>
    map.set(node, nodeCategory(attributes, colorBy)),
  );
  return map;
}

/**
 * `categoryMap` remembering its last answer: the renderer's caches, the legend and the exports ask
 * for the same colour-by's categories after a change of it, so the walk of every paper (20-40 ms at
 * 10⁵ papers) is done once per change, not once per asker. A graph's categories change only with its
 * colour-by (papers' labels are not edited in place); one memo per graph whose attributes are
 * complete (the first frame's graph, before its side table, needs one of its own).
 */
export interface CategoriesOf {
  (colorBy: ColorBy): Map<string, string>;
  /** The same in steps (graph/steps.ts); what they find is remembered when they end. */
  steps(colorBy: ColorBy): Steps<Map<string, string>>;
}

export function categoriesMemo(graph: AtlasGraph): CategoriesOf {
  let last: { colorBy: ColorBy; map: Map<string, string> } | null = null;
  function* steps(colorBy: ColorBy): Steps<Map<string, string>> {
    if (last?.colorBy === colorBy) return last.map;
    const map = yield* categoryMapSteps(graph, colorBy);
    // another asker may have walked them meanwhile (between the steps): one instance for all
    if (last?.colorBy !== colorBy) last = { colorBy, map };
    return last.map;
  }
  return Object.assign((colorBy: ColorBy) => runSteps(steps(colorBy)), { steps });
}

/**
 * The legend of a dimension: its categories in the taxonomy's order (years ascending, communities by
 * id), each with the number of visible papers in it; categories nobody in the graph has are left out
 * unless the taxonomy defines them; "Unknown" comes last, only when some paper is unlabelled.
 */
export function legendEntries(
  graph: AtlasGraph,
  meta: GraphMeta,
  colorBy: ColorBy,
  categories: Map<string, string>,
  visible: Set<string> | null,
): LegendEntry[] {
  const counts = new Map<string, number>();
  const present = new Map<string, string>(); // category → a node's colour for it
  graph.forEachNode((node, a) => {
    const cat = categories.get(node) ?? UNKNOWN_CATEGORY;
    if (!present.has(cat)) present.set(cat, a.colors[colorBy] ?? meta.taxonomy.unknownColor);
    if (!visible || visible.has(node)) counts.set(cat, (counts.get(cat) ?? 0) + 1);
  });
  const entries: LegendEntry[] = [];
  const seen = new Set<string>();
  const push = (id: string, label: string, color: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    entries.push({ id, label, color, count: counts.get(id) ?? 0 });
  };
  if (!isComputedColorBy(colorBy)) {
    const dim = dimension(meta.taxonomy, colorBy);
    for (const c of dim?.categories ?? []) push(c.id, c.label, c.color);
  } else if (colorBy === 'community') {
    for (const c of [...meta.communities].sort((a, b) => a.id - b.id)) {
      push(String(c.id), `Community ${c.id + 1}`, c.color);
    }
  }
  const rest = [...present.keys()].filter((id) => !seen.has(id) && id !== UNKNOWN_CATEGORY);
  rest.sort((a, b) =>
    colorBy === 'year' || colorBy === 'community' ? Number(a) - Number(b) : a.localeCompare(b),
  );
  for (const id of rest)
    push(
      id,
      colorBy === 'community' ? `Community ${Number(id) + 1}` : id,
      present.get(id) ?? meta.taxonomy.unknownColor,
    );
  if (present.has(UNKNOWN_CATEGORY)) push(UNKNOWN_CATEGORY, UNKNOWN_LABEL, meta.taxonomy.unknownColor);
  return entries;
}
