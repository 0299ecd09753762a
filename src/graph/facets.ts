/**
 * Facet counts for the filter panel: how many papers per year and per category of each taxonomy
 * dimension, how many edges per kind.
 * Pure and computed once per graph (the counts are totals, independent of the current filters), in
 * steps (`facetSteps`), so that the page can count 10⁵ papers and their links in slices.
 */
import { EDGE_KINDS, type EdgeKind, type Taxonomy } from '../model';
import { paperCategories, UNKNOWN_CATEGORY } from './categories';
import { runSteps, STEP_ITEMS, type Steps } from './steps';
import type { AtlasGraph } from './types';

export interface YearBin {
  year: number;
  count: number;
}

export interface Facets {
  /** One bin per year from the first to the last year of the graph, empty years included. */
  years: YearBin[];
  /** First and last year (equal for a one-year graph; [0, 0] for an empty graph). */
  yearBounds: [number, number];
  /** Papers per category, per taxonomy dimension (every category of the taxonomy, zeros included, then `unknown`: papers without one). */
  categories: Record<string, Record<string, number>>;
  /** Edges by their (strongest) kind, survey-only mentions included. */
  edgeKinds: Record<EdgeKind, number>;
  /** Edges that come only from other surveys' repositories. */
  surveyOnly: number;
  /** The highest degree of a paper (0 for an empty graph). */
  maxDegree: number;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * The edge kinds worth a checkbox or a legend key: a paper dataset's whole vocabulary (all but
 * `links`); for a graph opened from a file (or one with file links), only the kinds it has.
 */
export function shownEdgeKinds(byKind: Readonly<Record<string, number>>, fromFile = false): EdgeKind[] {
  if (fromFile || (byKind.links ?? 0) > 0) return EDGE_KINDS.filter((k) => (byKind[k] ?? 0) > 0);
  return EDGE_KINDS.filter((k) => k !== 'links');
}

export function computeFacets(graph: AtlasGraph, taxonomy: Taxonomy): Facets {
  return runSteps(facetSteps(graph, taxonomy));
}

/** `computeFacets` in steps of STEP_ITEMS papers or links. */
export function* facetSteps(graph: AtlasGraph, taxonomy: Taxonomy): Steps<Facets> {
  const categories: Record<string, Record<string, number>> = Object.fromEntries(
    taxonomy.dimensions.map((d) => [d.id, zeros([...d.categories.map((c) => c.id), UNKNOWN_CATEGORY])]),
  );
  const edgeKinds = zeros(EDGE_KINDS);
  const byYear = new Map<number, number>();
  let min = Infinity;
  let max = -Infinity;
  let maxDegree = 0;
  // per paper, no allocation for the usual paper of one category (a walk of every paper at 10⁵)
  const dimensions = Object.entries(categories);
  let done = 0;
  for (const { node, attributes: a } of graph.nodeEntries()) {
    if (++done % STEP_ITEMS === 0) yield;
    maxDegree = Math.max(maxDegree, graph.degree(node));
    for (const [dim, counts] of dimensions) {
      const cats = paperCategories(a, dim);
      if (cats.length === 0) counts[UNKNOWN_CATEGORY]! += 1;
      else if (cats.length === 1) {
        const c = cats[0]!;
        if (counts[c] !== undefined) counts[c] += 1;
      } else for (const c of new Set(cats)) if (counts[c] !== undefined) counts[c] += 1;
    }
    if (a.year === null) continue;
    byYear.set(a.year, (byYear.get(a.year) ?? 0) + 1);
    if (a.year < min) min = a.year;
    if (a.year > max) max = a.year;
  }
  let surveyOnly = 0;
  for (const { attributes: a } of graph.edgeEntries()) {
    if (++done % STEP_ITEMS === 0) yield;
    edgeKinds[a.kind] += 1;
    if (a.surveyOnly) surveyOnly += 1;
  }
  const yearBounds: [number, number] = min > max ? [0, 0] : [min, max];
  const years: YearBin[] = [];
  if (min <= max) for (let y = min; y <= max; y++) years.push({ year: y, count: byYear.get(y) ?? 0 });
  return { years, yearBounds, categories, edgeKinds, surveyOnly, maxDegree };
}
