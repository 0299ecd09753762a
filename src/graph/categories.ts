/**
 * Categories of the colour-by dimensions: which category a paper falls in, and the legend's entries
 * (label, colour, count) for a dimension. Pure; built once per colour-by or filter change.
 */
import { dimension, type ColorBy, type GraphMeta, type NodeAttributes, type TaxonomyDimension } from '../model';
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

/** The paper's category in a dimension (its first task for `task`), or `UNKNOWN_CATEGORY`. */
export function nodeCategory(a: NodeAttributes, colorBy: ColorBy): string {
  switch (colorBy) {
    case 'family':
      return a.family;
    case 'task':
      return a.tasks[0] ?? UNKNOWN_CATEGORY;
    case 'space':
    case 'method':
    case 'scheme':
      return a.taxonomy[colorBy]?.value ?? UNKNOWN_CATEGORY;
    case 'year':
      return String(a.year);
    case 'community':
      return String(a.community);
  }
}

/** Node → category for one dimension. */
export function categoryMap(graph: AtlasGraph, colorBy: ColorBy): Map<string, string> {
  const map = new Map<string, string>();
  graph.forEachNode((node, a) => map.set(node, nodeCategory(a, colorBy)));
  return map;
}

function isTaxonomyDimension(c: ColorBy): c is TaxonomyDimension {
  return c !== 'year' && c !== 'community';
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
  if (isTaxonomyDimension(colorBy)) {
    const dim = dimension(meta.taxonomy, colorBy);
    for (const c of dim?.categories ?? []) push(c.id, c.label, c.color);
  } else if (colorBy === 'community') {
    for (const c of [...meta.communities].sort((a, b) => a.id - b.id)) {
      push(String(c.id), `Community ${c.id + 1}`, c.color);
    }
  }
  const rest = [...present.keys()].filter((id) => !seen.has(id) && id !== UNKNOWN_CATEGORY);
  rest.sort((a, b) => (colorBy === 'year' || colorBy === 'community' ? Number(a) - Number(b) : a.localeCompare(b)));
  for (const id of rest) push(id, colorBy === 'community' ? `Community ${Number(id) + 1}` : id, present.get(id) ?? meta.taxonomy.unknownColor);
  if (present.has(UNKNOWN_CATEGORY)) push(UNKNOWN_CATEGORY, UNKNOWN_LABEL, meta.taxonomy.unknownColor);
  return entries;
}
