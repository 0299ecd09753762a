/**
 * Community × category contingency table of a taxonomy dimension, for the heat map: how many papers
 * of each community fall in each category, with the papers themselves so a cell can be brushed.
 * Small communities can be pooled into one row. Pure.
 */
import type { GraphMeta, TaxonomyDimension } from '../../model';
import {
  checkDimension,
  dimensionCategories,
  paperCategory,
  type DimensionCategory,
} from '../dimension-labels';
import { checkInt, mergeOptions } from '../options';
import type { AtlasGraph } from '../types';

export interface ContingencyOptions {
  dimension: TaxonomyDimension;
  /** Communities with fewer papers are pooled into one row (`community: null`); 1 pools none. */
  minSize: number;
  /** Whether unlabelled papers get a last column (`id: null`). */
  includeUnlabelled: boolean;
  /** Whether categories no paper has are kept as (empty) columns. */
  keepEmptyColumns: boolean;
}

export interface ContingencyRow {
  /** The community id; null for the pooled small communities. */
  community: number | null;
  /** How many communities the row stands for (1, or the number pooled). */
  communities: number;
  size: number;
  color: string | null;
}

export interface ContingencyColumn extends Omit<DimensionCategory, 'id'> {
  /** The category id; null for the unlabelled papers. */
  id: string | null;
  total: number;
}

export interface ContingencyTable {
  dimension: TaxonomyDimension;
  rows: ContingencyRow[];
  columns: ContingencyColumn[];
  /** counts[row][column] */
  counts: number[][];
  /** nodes[row][column]: the papers of each cell, by id (sorted). */
  nodes: string[][][];
  /** The largest count of a cell (0 for an empty table). */
  max: number;
}

export const UNLABELLED_COLUMN_LABEL = 'Not labelled';

export function communityContingency(
  graph: AtlasGraph,
  meta: GraphMeta,
  options: Partial<ContingencyOptions> & Pick<ContingencyOptions, 'dimension'>,
): ContingencyTable {
  const fn = 'communityContingency';
  const o = mergeOptions<ContingencyOptions>(
    fn,
    { dimension: 'family', minSize: 1, includeUnlabelled: true, keepEmptyColumns: false },
    options,
  );
  checkDimension(fn, o.dimension, meta);
  checkInt(fn, 'minSize', o.minSize, 1);

  const sizes = new Map<number, number>();
  graph.forEachNode((_n, a) => sizes.set(a.community, (sizes.get(a.community) ?? 0) + 1));
  const big = [...sizes].filter(([, s]) => s >= o.minSize).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const small = [...sizes].filter(([, s]) => s < o.minSize);
  const colors = new Map(meta.communities.map((c) => [c.id, c.color]));
  const rows: ContingencyRow[] = big.map(([community, size]) => ({
    community,
    communities: 1,
    size,
    color: colors.get(community) ?? null,
  }));
  if (small.length > 0)
    rows.push({
      community: null,
      communities: small.length,
      size: small.reduce((n, [, s]) => n + s, 0),
      color: null,
    });
  const rowOf = new Map<number, number>(big.map(([c], i) => [c, i]));
  const pooledRow = big.length;

  const known = dimensionCategories(meta, o.dimension);
  const columnOf = new Map<string | null, number>();
  const columns: ContingencyColumn[] = [];
  const addColumn = (c: ContingencyColumn) => {
    columnOf.set(c.id, columns.length);
    columns.push(c);
  };
  for (const c of known) addColumn({ ...c, total: 0 });
  // categories papers have that the taxonomy does not list still get a column, after the known ones
  const extra = new Set<string>();
  graph.forEachNode((_n, a) => {
    const c = paperCategory(a, o.dimension);
    if (c !== null && !columnOf.has(c)) extra.add(c);
  });
  for (const id of [...extra].sort())
    addColumn({ id, label: id, fullLabel: id, color: meta.taxonomy.unknownColor, total: 0 });
  if (o.includeUnlabelled)
    addColumn({
      id: null,
      label: UNLABELLED_COLUMN_LABEL,
      fullLabel: UNLABELLED_COLUMN_LABEL,
      color: meta.taxonomy.unknownColor,
      total: 0,
    });

  const cells: string[][][] = rows.map(() => columns.map(() => []));
  graph.forEachNode((node, a) => {
    const col = columnOf.get(paperCategory(a, o.dimension));
    if (col === undefined) return; // unlabelled, without an unlabelled column
    cells[rowOf.get(a.community) ?? pooledRow]![col]!.push(node);
    columns[col]!.total += 1;
  });
  const keep = columns.map((c) => o.keepEmptyColumns || c.total > 0);
  const kept = columns.filter((_c, j) => keep[j]);
  const nodes = cells.map((row) => row.filter((_cell, j) => keep[j]).map((cell) => cell.sort()));
  const counts = nodes.map((row) => row.map((cell) => cell.length));
  const max = counts.reduce((m, row) => Math.max(m, ...row), 0);
  return { dimension: o.dimension, rows, columns: kept, counts, nodes, max };
}
