/**
 * The model's vocabulary without its schemas: edge kinds, colourings, measures, dimension lookup and
 * the node noun. Code on the page's first frame (the boot path) imports these from here, so that the
 * schema library stays out of the first chunk; the schema modules re-export them unchanged.
 */
import type { GraphMeta } from './graph-file';
import type { Category, Dimension, Taxonomy, TaxonomyDimension } from './taxonomy';

/** The graph file's version. 2: papers carry `venueYear` beside `year`. */
export const GRAPH_FILE_VERSION = 2;

/**
 * Edge kinds, strongest first. `links`: a graph file opened in the explorer (GEXF, GraphML, JSON made
 * elsewhere) joins the two nodes without saying how.
 */
export const EDGE_KINDS = ['builds-on', 'cites', 'compares', 'mentions', 'links'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Rank of a kind: lower is stronger. */
export function kindRank(kind: EdgeKind): number {
  return EDGE_KINDS.indexOf(kind);
}

/** Colourings computed by the build for any dataset, after the taxonomy's dimensions. */
export const COMPUTED_COLOR_BY = ['year', 'community'] as const;
export type ComputedColorBy = (typeof COMPUTED_COLOR_BY)[number];

/** What a node can be coloured by: a dimension id of the graph's taxonomy, or a computed colouring. */
export type ColorBy = string;

/**
 * The colourings of a graph, in the order menus list them: the taxonomy's dimensions, then year
 * (unless no paper has one) and community.
 */
export function colorByChoices(meta: Pick<GraphMeta, 'taxonomy' | 'years'>): ColorBy[] {
  const computed = COMPUTED_COLOR_BY.filter((c) => c !== 'year' || meta.years !== null);
  return [...meta.taxonomy.dimensions.map((d) => d.id), ...computed];
}

/** Whether a colouring is computed (year, community) rather than a taxonomy dimension. */
export function isComputedColorBy(c: ColorBy): c is ComputedColorBy {
  return (COMPUTED_COLOR_BY as readonly string[]).includes(c);
}

/** Measures every graph can be sized by, computed by the build. */
export const SIZE_BY = ['citations', 'pagerank', 'uniform'] as const;
export type BuiltInSizeBy = (typeof SIZE_BY)[number];
/** What a node can be sized by: a built-in measure or one of the graph's own (`meta.measures`, e.g. a numeric attribute of a file). */
export type SizeBy = string;

/** The measures of a graph, in the order menus list them: the built-in ones, then the graph's own. */
export function sizeByChoices(meta: Pick<GraphMeta, 'measures'>): SizeBy[] {
  return [...SIZE_BY, ...(meta.measures ?? []).map((m) => m.id)];
}

/** What the graph's nodes are called: papers, or the nodes of a graph file. */
export function nodeNoun(meta: Pick<GraphMeta, 'file'>, n: number): string {
  if (meta.file) return n === 1 ? 'node' : 'nodes';
  return n === 1 ? 'paper' : 'papers';
}

/** Find a dimension by id. */
export function dimension(tax: Taxonomy, id: TaxonomyDimension): Dimension | undefined {
  return tax.dimensions.find((d) => d.id === id);
}

/** The dimension's parent dimension id: its `parent`, else `family` when its categories use the older `family` field. */
export function parentDimensionId(dim: Dimension): string | undefined {
  if (dim.parent !== undefined) return dim.parent;
  return dim.categories.some((c) => c.family !== undefined) ? 'family' : undefined;
}

/** The parent category id of a category (`parent`, else the older `family`). */
export function parentCategoryId(c: Category): string | undefined {
  return c.parent ?? c.family;
}
