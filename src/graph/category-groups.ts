/**
 * Categories that belong to a parent. A dimension may declare a `parent` dimension whose categories
 * group its own (the `method` dimension's parent is `family`: each method category names its model
 * family), so one label such as "Optimization-based" stands for several categories. These helpers
 * group such categories by their parent and name them with it ("GAN · Optimization-based"). The
 * dimensions and labels come from the taxonomy, never from code. Pure.
 */
import {
  dimension,
  isComputedColorBy,
  parentCategoryId,
  parentDimensionId,
  type Category,
  type ColorBy,
  type Taxonomy,
} from '../model';

/** The id of a parent dimension. */
export type ParentField = string;

/** Between a parent's label and its child's: "GAN · Optimization-based". */
export const PARENT_SEPARATOR = ' · ';

export interface CategoryParent {
  /** The parent dimension, e.g. `family`. */
  dimension: ParentField;
  /** The parent category's id, e.g. `gan`. */
  id: string;
  /** Its label in the parent dimension ("GAN"), else its id. */
  label: string;
}

export interface CategoryGroup<T> {
  /** The parent category; null for the items of a dimension without parents, or items without one. */
  parent: CategoryParent | null;
  items: T[];
}

function categoriesOf(tax: Taxonomy, dim: ColorBy): readonly Category[] {
  return isComputedColorBy(dim) ? [] : (dimension(tax, dim)?.categories ?? []);
}

/** The dimension whose categories group `dim`'s (its declared `parent`); null if none. */
export function parentDimension(tax: Taxonomy, dim: ColorBy): ParentField | null {
  const d = isComputedColorBy(dim) ? undefined : dimension(tax, dim);
  const parent = d ? parentDimensionId(d) : undefined;
  return parent !== undefined && parent !== dim ? parent : null;
}

function parentOf(tax: Taxonomy, field: ParentField, category: Category | undefined): CategoryParent | null {
  const id = category ? parentCategoryId(category) : undefined;
  if (id === undefined) return null;
  const label = dimension(tax, field)?.categories.find((c) => c.id === id)?.label ?? id;
  return { dimension: field, id, label };
}

/** The parent of one of `dim`'s categories, or null (no parent, or a category the taxonomy does not define). */
export function categoryParent(tax: Taxonomy, dim: ColorBy, id: string): CategoryParent | null {
  const field = parentDimension(tax, dim);
  if (!field) return null;
  return parentOf(
    tax,
    field,
    categoriesOf(tax, dim).find((c) => c.id === id),
  );
}

/** A category's label, after its parent's when it has one ("GAN · Optimization-based"); its id when unknown. */
export function qualifiedCategoryLabel(tax: Taxonomy, dim: ColorBy, id: string): string {
  const field = parentDimension(tax, dim);
  const category = categoriesOf(tax, dim).find((c) => c.id === id);
  const label = category?.label ?? id;
  const parent = field ? parentOf(tax, field, category) : null;
  return parent ? `${parent.label}${PARENT_SEPARATOR}${label}` : label;
}

/**
 * Items of a dimension (anything with a category `id`, e.g. legend entries) grouped by their
 * category's parent: groups in the parent dimension's order (parents it does not define after, as
 * met), items in their given order within a group, items without a parent in one last group with a
 * null parent. A dimension without parents gives that one group only (or none for no items).
 */
export function groupByParent<T extends { id: string }>(
  tax: Taxonomy,
  dim: ColorBy,
  items: readonly T[],
): CategoryGroup<T>[] {
  const field = parentDimension(tax, dim);
  if (!field) return items.length > 0 ? [{ parent: null, items: [...items] }] : [];
  const byId = new Map(categoriesOf(tax, dim).map((c) => [c.id, c]));
  const groups = new Map<string, CategoryGroup<T>>();
  const rest: T[] = [];
  for (const item of items) {
    const parent = parentOf(tax, field, byId.get(item.id));
    const group = parent ? groups.get(parent.id) : undefined;
    if (!parent) rest.push(item);
    else if (group) group.items.push(item);
    else groups.set(parent.id, { parent, items: [item] });
  }
  const order = new Map((dimension(tax, field)?.categories ?? []).map((c, i) => [c.id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  // stable sort: parents the taxonomy does not define stay in the order met
  const sorted = [...groups.keys()].sort((a, b) => rank(a) - rank(b)).map((id) => groups.get(id)!);
  return rest.length > 0 ? [...sorted, { parent: null, items: rest }] : sorted;
}
