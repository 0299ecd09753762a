/**
 * Categories of a taxonomy dimension as lists show them. Inversion spaces, methods and schemes are
 * defined per model family and their labels repeat ("Optimization-based" for diffusion, GAN and AR),
 * so a category that belongs to a family is shown with the family first: "GAN · Optimization-based".
 */
import {
  dimension,
  DIMENSION_ID,
  parentCategoryId,
  type GraphMeta,
  type NodeAttributes,
  type TaxonomyDimension,
} from '../model';
import { nodeCategory, UNKNOWN_CATEGORY } from './categories';
import { qualifiedCategoryLabel } from './category-groups';

export interface DimensionCategory {
  id: string;
  /** The taxonomy's label, e.g. "Optimization-based". */
  label: string;
  /** The label lists show: family-prefixed when the category belongs to a family. */
  fullLabel: string;
  color: string;
  /** The category of the parent dimension it belongs to (e.g. its model family), when it has one. */
  parent?: string;
}

/** Throws unless `dim` is one of the graph's taxonomy dimensions (without `meta`: unless it is a dimension id). */
export function checkDimension(fn: string, dim: unknown, meta?: GraphMeta): asserts dim is TaxonomyDimension {
  if (!meta) {
    if (typeof dim !== 'string' || !DIMENSION_ID.test(dim))
      throw new Error(`${fn}: dimension must be a dimension id, got ${JSON.stringify(dim)}`);
  } else if (typeof dim !== 'string' || !dimension(meta.taxonomy, dim)) {
    const ids = meta.taxonomy.dimensions.map((d) => d.id);
    throw new Error(
      `${fn}: dimension must be one of ${ids.join(', ') || '(none)'}, got ${JSON.stringify(dim)}`,
    );
  }
}

/** The categories of a dimension in the taxonomy's order, with their list labels. */
export function dimensionCategories(meta: GraphMeta, dim: TaxonomyDimension): DimensionCategory[] {
  return (dimension(meta.taxonomy, dim)?.categories ?? []).map((c) => {
    const out: DimensionCategory = {
      id: c.id,
      label: c.label,
      fullLabel: qualifiedCategoryLabel(meta.taxonomy, dim, c.id),
      color: c.color,
    };
    const parent = parentCategoryId(c);
    if (parent !== undefined) out.parent = parent;
    return out;
  });
}

/** The list label of one category ("GAN · Optimization-based"); the id when the taxonomy lacks it. */
export function categoryLabel(meta: GraphMeta, dim: TaxonomyDimension, id: string): string {
  return qualifiedCategoryLabel(meta.taxonomy, dim, id);
}

/**
 * A paper's category in a dimension (its first task for `task`, as the colour-by does), or null when
 * it has no label there.
 */
export function paperCategory(a: NodeAttributes, dim: TaxonomyDimension): string | null {
  const c = nodeCategory(a, dim);
  return c === UNKNOWN_CATEGORY ? null : c;
}
