/**
 * The flat, typed columns every tabular or XML export writes for papers and links, so GEXF,
 * GraphML and CSV say the same things under the same names:
 * - papers: bibliographic facts, links (`link_pdf`, …), taxonomy labels with their evidence
 *   flattened (`method`, `method_label`, `method_evidence`, `method_confidence`, `method_basis`,
 *   the same for `space`, `subspace`, `scheme`), secondary spaces/schemes, metrics;
 * - papers' categories in the taxonomy's further dimensions (those without columns of their own
 *   above): `dim_<id>` (category ids) and `dim_<id>_label`, e.g. `dim_modality`, `dim_modality_label`;
 * - links: `kind`, every kind, `survey_only`, the provenance sources and a readable provenance.
 * Lists are joined with `LIST_SEPARATOR`; absent values are `undefined` (the writers omit them).
 */
import { paperCategories } from '../graph/categories';
import type { EdgeAttributes, GraphMeta, NodeAttributes, Provenance, Taxonomy, TaxonomyField } from '../model';

/** An attribute of the file a graph was opened from. */
type FileAttribute = NonNullable<GraphMeta['file']>['attributes'][number];

export type ColumnType = 'string' | 'int' | 'double' | 'boolean';
export type CellValue = string | number | boolean | undefined;

export interface Column<A> {
  /** Attribute name in every format (GEXF attribute id/title, GraphML attr.name, CSV header). */
  name: string;
  type: ColumnType;
  get(attrs: A): CellValue;
}

/** What joins list values (authors, tasks, kinds, provenance sources) in one cell. */
export const LIST_SEPARATOR = '; ';

const joined = (list: readonly string[] | undefined): string | undefined =>
  list && list.length > 0 ? list.join(LIST_SEPARATOR) : undefined;
const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** The paper's taxonomy fields, flattened in this order. */
const LABELLED = ['space', 'subspace', 'method', 'scheme'] as const;
type Labelled = (typeof LABELLED)[number];

/** The taxonomy's label of a category id (a sub-space's within its space); undefined if unknown. */
export function categoryLabel(
  taxonomy: Taxonomy,
  dim: Labelled,
  id: string,
  spaceId?: string,
): string | undefined {
  const find = (d: string, cat: string) =>
    taxonomy.dimensions.find((x) => x.id === d)?.categories.find((c) => c.id === cat);
  if (dim !== 'subspace') return find(dim, id)?.label;
  return spaceId === undefined
    ? undefined
    : find('space', spaceId)?.children?.find((c) => c.id === id)?.label;
}

const FILE_TYPES: Record<FileAttribute['type'], ColumnType> = { string: 'string', integer: 'int', float: 'double', boolean: 'boolean' };

/**
 * The paper columns, in order; the taxonomy gives the human labels of category ids. A graph opened
 * from a file (`fileAttributes`, its meta's) gets its own attributes back at the end, under their
 * names (`attr_<name>` when the name is one of the columns above).
 */
export function nodeColumns(taxonomy: Taxonomy, fileAttributes: readonly FileAttribute[] = []): Column<NodeAttributes>[] {
  const cols: Column<NodeAttributes>[] = [
    { name: 'title', type: 'string', get: (a) => a.title },
    { name: 'name', type: 'string', get: (a) => orUndefined(a.name) },
    { name: 'authors', type: 'string', get: (a) => joined(a.authors) },
    { name: 'year', type: 'int', get: (a) => orUndefined(a.year) },
    { name: 'month', type: 'int', get: (a) => orUndefined(a.month) },
    { name: 'venue', type: 'string', get: (a) => orUndefined(a.venue) },
    { name: 'arxiv', type: 'string', get: (a) => orUndefined(a.arxiv) },
    { name: 'family', type: 'string', get: (a) => a.family },
    { name: 'tasks', type: 'string', get: (a) => joined(a.tasks ?? []) },
  ];
  for (const link of ['pdf', 'project', 'code', 'demo', 'dataset'] as const) {
    cols.push({ name: `link_${link}`, type: 'string', get: (a) => a.links[link] });
  }
  for (const dim of LABELLED) {
    const field = (a: NodeAttributes): TaxonomyField | undefined => a.taxonomy[dim];
    cols.push(
      { name: dim, type: 'string', get: (a) => field(a)?.value },
      {
        name: `${dim}_label`,
        type: 'string',
        get: (a) => {
          const f = field(a);
          return f ? categoryLabel(taxonomy, dim, f.value, a.taxonomy.space?.value) : undefined;
        },
      },
      { name: `${dim}_evidence`, type: 'string', get: (a) => field(a)?.evidence },
      { name: `${dim}_confidence`, type: 'string', get: (a) => field(a)?.confidence },
      { name: `${dim}_basis`, type: 'string', get: (a) => field(a)?.basis },
    );
  }
  // dimensions with columns of their own above: family, tasks and the labelled ones
  const covered = new Set<string>(['family', 'task', ...LABELLED]);
  for (const dim of taxonomy.dimensions) {
    if (covered.has(dim.id)) continue;
    const labels = new Map(dim.categories.map((c) => [c.id, c.label]));
    cols.push(
      { name: `dim_${dim.id}`, type: 'string', get: (a) => joined(paperCategories(a, dim.id)) },
      { name: `dim_${dim.id}_label`, type: 'string', get: (a) => joined(paperCategories(a, dim.id).map((id) => labels.get(id) ?? id)) },
    );
  }
  cols.push(
    { name: 'secondary_spaces', type: 'string', get: (a) => joined(a.taxonomy.secondarySpaces) },
    { name: 'secondary_schemes', type: 'string', get: (a) => joined(a.taxonomy.secondarySchemes) },
    { name: 'citations', type: 'int', get: (a) => a.citations },
    { name: 'pagerank', type: 'double', get: (a) => a.pagerank },
    { name: 'community', type: 'int', get: (a) => a.community },
  );
  const names = new Set(cols.map((c) => c.name));
  for (const attr of fileAttributes) {
    const name = names.has(attr.name) ? `attr_${attr.name}` : attr.name;
    names.add(name);
    cols.push({ name, type: FILE_TYPES[attr.type], get: (a) => a.attributes?.[attr.name] });
  }
  return cols;
}

/** One provenance record in words, e.g. `code-readme junyanz/iGAN § Acknowledgement (arxiv-link)`. */
export function describeProvenance(p: Provenance): string {
  switch (p.source) {
    case 'fulltext-references':
      return `fulltext-references (matched by ${p.match})`;
    case 'code-readme':
      return `code-readme ${p.repo}${p.section !== null ? ` § ${p.section}` : ''} (${p.evidence}${p.surveyRepo ? ', survey repository' : ''})`;
    case 'curated':
      return `curated${p.by !== undefined ? ` by ${p.by}` : ''}`;
    case 'file':
      return `file ${p.file} (${p.format})`;
    case 'openalex-snapshot':
      return `openalex-snapshot${p.snapshot !== undefined ? ` (snapshot ${p.snapshot})` : ''}`;
    default:
      return `${p.source}${p.fetched !== undefined ? ` (fetched ${p.fetched})` : ''}`;
  }
}

/** The link columns, in order (source and target are written by each format its own way). */
export const EDGE_COLUMNS: Column<EdgeAttributes>[] = [
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'kinds', type: 'string', get: (a) => joined(a.kinds) },
  { name: 'survey_only', type: 'boolean', get: (a) => a.surveyOnly },
  {
    name: 'provenance',
    type: 'string',
    get: (a) => joined([...new Set(a.provenance.map((p) => p.source))]),
  },
  {
    name: 'provenance_detail',
    type: 'string',
    get: (a) => joined(a.provenance.map(describeProvenance)),
  },
  { name: 'note', type: 'string', get: (a) => a.note },
];
