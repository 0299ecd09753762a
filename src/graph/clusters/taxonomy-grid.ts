/**
 * The taxonomy grid: for each category of a grouping dimension (model family by default), a table of
 * one dimension's categories by another's (inversion method × personalization scheme), with the
 * number of papers and the first year in each cell. Empty cells are the taxonomy's gaps. Categories
 * that belong to a family (their `family` field) appear only in that family's table. Pure.
 */
import { dimension, parentDimensionId, type GraphMeta, type TaxonomyDimension } from '../../model';
import { checkDimension, dimensionCategories, paperCategory } from '../dimension-labels';
import { mergeOptions } from '../options';
import type { AtlasGraph } from '../types';

export interface TaxonomyGridOptions {
  group: TaxonomyDimension;
  rows: TaxonomyDimension;
  columns: TaxonomyDimension;
  /** Whether papers without a row / column label get a last row / column (`id: null`). */
  includeUnlabelled: boolean;
}

export interface GridAxisEntry {
  /** Category id; null for papers without a label in the dimension. */
  id: string | null;
  label: string;
}

export interface GridCell {
  count: number;
  /** The earliest year of the cell's papers; null for an empty cell. */
  firstYear: number | null;
  /** The cell's papers, by id (sorted). */
  nodes: string[];
}

export interface GridBlock {
  /** The group's category id (e.g. "gan"). */
  id: string;
  label: string;
  color: string;
  /** Papers of the group. */
  size: number;
  rows: GridAxisEntry[];
  columns: GridAxisEntry[];
  /** cells[row][column] */
  cells: GridCell[][];
}

export interface TaxonomyGrid {
  group: TaxonomyDimension;
  rows: TaxonomyDimension;
  columns: TaxonomyDimension;
  /** One block per group category that has papers, in the taxonomy's order. */
  blocks: GridBlock[];
}

export const UNLABELLED_LABEL = 'Not labelled';

export function taxonomyGrid(
  graph: AtlasGraph,
  meta: GraphMeta,
  options?: Partial<TaxonomyGridOptions>,
): TaxonomyGrid {
  const fn = 'taxonomyGrid';
  const o = mergeOptions<TaxonomyGridOptions>(
    fn,
    { group: 'family', rows: 'method', columns: 'scheme', includeUnlabelled: true },
    options,
  );
  checkDimension(fn, o.group, meta);
  checkDimension(fn, o.rows, meta);
  checkDimension(fn, o.columns, meta);
  if (new Set([o.group, o.rows, o.columns]).size < 3)
    throw new Error(
      `${fn}: group, rows and columns must be three different dimensions, got ${o.group}, ${o.rows}, ${o.columns}`,
    );

  const byGroup = new Map<string, string[]>();
  graph.forEachNode((node, a) => {
    const g = paperCategory(a, o.group);
    if (g === null) return;
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(node);
  });
  const groups = dimensionCategories(meta, o.group);
  const unknownGroups = [...byGroup.keys()].filter((g) => !groups.some((c) => c.id === g)).sort();
  const groupList = [
    ...groups,
    ...unknownGroups.map((id) => ({ id, label: id, fullLabel: id, color: meta.taxonomy.unknownColor })),
  ];

  const parentOf = (dim: TaxonomyDimension) => {
    const d = dimension(meta.taxonomy, dim);
    return d ? parentDimensionId(d) : undefined;
  };
  const axis = (dim: TaxonomyDimension, group: string, nodes: string[]): GridAxisEntry[] => {
    // a category tied to a parent belongs to that parent's table only (when grouping by its parent dimension)
    const byParent = parentOf(dim) === o.group;
    const own = dimensionCategories(meta, dim).filter(
      (c) => !byParent || c.parent === undefined || c.parent === group,
    );
    const entries: GridAxisEntry[] = own.map((c) => ({ id: c.id, label: c.label }));
    const seen = new Set(own.map((c) => c.id));
    const extra = new Set<string>();
    let unlabelled = false;
    for (const n of nodes) {
      const c = paperCategory(graph.getNodeAttributes(n), dim);
      if (c === null) unlabelled = true;
      else if (!seen.has(c)) extra.add(c);
    }
    const categories = dimensionCategories(meta, dim);
    for (const id of [...extra].sort())
      entries.push({ id, label: categories.find((c) => c.id === id)?.fullLabel ?? id });
    if (o.includeUnlabelled && unlabelled) entries.push({ id: null, label: UNLABELLED_LABEL });
    return entries;
  };

  const blocks: GridBlock[] = [];
  for (const g of groupList) {
    const nodes = (byGroup.get(g.id) ?? []).sort();
    if (nodes.length === 0) continue;
    const rows = axis(o.rows, g.id, nodes);
    const columns = axis(o.columns, g.id, nodes);
    const rowOf = new Map(rows.map((r, i) => [r.id, i]));
    const colOf = new Map(columns.map((c, j) => [c.id, j]));
    const cells: GridCell[][] = rows.map(() => columns.map(() => ({ count: 0, firstYear: null, nodes: [] })));
    for (const n of nodes) {
      const a = graph.getNodeAttributes(n);
      const i = rowOf.get(paperCategory(a, o.rows));
      const j = colOf.get(paperCategory(a, o.columns));
      if (i === undefined || j === undefined) continue; // unlabelled, without the unlabelled row / column
      const cell = cells[i]![j]!;
      cell.count += 1;
      cell.nodes.push(n);
      if (a.year !== null)
        cell.firstYear = cell.firstYear === null ? a.year : Math.min(cell.firstYear, a.year);
    }
    blocks.push({ id: g.id, label: g.fullLabel, color: g.color, size: nodes.length, rows, columns, cells });
  }
  return { group: o.group, rows: o.rows, columns: o.columns, blocks };
}
