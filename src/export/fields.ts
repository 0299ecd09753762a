/**
 * The flat, typed columns every tabular or XML export writes for papers and links, so GEXF,
 * GraphML and CSV say the same things under the same names. The columns come from the graph's
 * meta, never from a fixed list:
 * - a built graph's papers: bibliographic facts, links (`link_pdf`, …), the taxonomy labels its
 *   taxonomy has dimensions for, with their evidence flattened (`method`, `method_label`,
 *   `method_evidence`, `method_confidence`, `method_basis`, the same for `space`, `subspace`,
 *   `scheme`), secondary spaces/schemes (with those dimensions), metrics, and for a work outside
 *   the list (`build:graph --expand`) `outside` and `outside_cited_by`;
 * - papers' categories in the taxonomy's further dimensions (those without columns of their own
 *   above): `dim_<id>` (category ids) and `dim_<id>_label`, e.g. `dim_modality`, `dim_modality_label`;
 * - a graph opened from a file (`fileAttributes`, its meta's): its own attributes under their
 *   names, the dimensions not read from one of them (the file's colours), and the metrics; no
 *   paper column it cannot fill;
 * - links: `relation` (the link's kind: GEXF reserves `kind` on an edge for itself, and Gephi
 *   moves an attribute of that name into the XML attribute), every kind, `survey_only`, the
 *   provenance sources and a readable provenance.
 * A list (authors, tasks, categories, kinds, sources) is a `list` column whose value is the items;
 * each format writes lists its own way (../foreign/lists). Absent values and empty lists are
 * `undefined` (the writers omit them).
 */
import { splitList } from '../foreign/lists';
import { paperCategories } from '../graph/categories';
import type { AtlasGraph } from '../graph/types';
import type {
  EdgeAttributes,
  GraphMeta,
  NodeAttributes,
  Provenance,
  Taxonomy,
  TaxonomyField,
} from '../model';

/** An attribute of the file a graph was opened from. */
type FileAttribute = NonNullable<GraphMeta['file']>['attributes'][number];

export type ColumnType = 'string' | 'int' | 'double' | 'boolean' | 'list';
export type CellValue = string | number | boolean | readonly string[] | undefined;

export interface Column<A> {
  /** Attribute name in every format (GEXF attribute id/title, GraphML attr.name, CSV header). */
  name: string;
  type: ColumnType;
  get(attrs: A): CellValue;
}

export { LIST_SEPARATOR } from '../foreign/lists';

/** The name of the link's kind in every export but CSV (whose `kind` is the CSV importer's column). */
export const RELATION = 'relation';

const listed = (list: readonly string[] | undefined): readonly string[] | undefined =>
  list && list.length > 0 ? list : undefined;
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

const FILE_TYPES: Record<FileAttribute['type'], ColumnType> = {
  string: 'string',
  integer: 'int',
  float: 'double',
  boolean: 'boolean',
};

/** The columns of papers' categories in the dimensions `dims`: ids and labels, as lists. */
function dimensionColumns(dims: Taxonomy['dimensions']): Column<NodeAttributes>[] {
  return dims.flatMap((dim): Column<NodeAttributes>[] => {
    const labels = new Map(dim.categories.map((c) => [c.id, c.label]));
    return [
      { name: `dim_${dim.id}`, type: 'list', get: (a) => listed(paperCategories(a, dim.id)) },
      {
        name: `dim_${dim.id}_label`,
        type: 'list',
        get: (a) => listed(paperCategories(a, dim.id).map((id) => labels.get(id) ?? id)),
      },
    ];
  });
}

const METRIC_COLUMNS: Column<NodeAttributes>[] = [
  { name: 'citations', type: 'int', get: (a) => a.citations },
  { name: 'pagerank', type: 'double', get: (a) => a.pagerank },
  { name: 'community', type: 'int', get: (a) => a.community },
];

/** A built graph's paper columns: see the module comment. */
function paperColumns(taxonomy: Taxonomy): Column<NodeAttributes>[] {
  const has = new Set(taxonomy.dimensions.map((d) => d.id));
  const cols: Column<NodeAttributes>[] = [
    { name: 'title', type: 'string', get: (a) => a.title },
    { name: 'name', type: 'string', get: (a) => orUndefined(a.name) },
    { name: 'authors', type: 'list', get: (a) => listed(a.authors) },
    { name: 'year', type: 'int', get: (a) => orUndefined(a.year) },
    { name: 'month', type: 'int', get: (a) => orUndefined(a.month) },
    { name: 'venue', type: 'string', get: (a) => orUndefined(a.venue) },
    { name: 'arxiv', type: 'string', get: (a) => orUndefined(a.arxiv) },
    { name: 'family', type: 'string', get: (a) => a.family },
    { name: 'tasks', type: 'list', get: (a) => listed(a.tasks) },
  ];
  for (const link of ['pdf', 'project', 'code', 'demo', 'dataset'] as const) {
    cols.push({ name: `link_${link}`, type: 'string', get: (a) => a.links[link] });
  }
  // a sub-space is a category within a space: its columns come with the space dimension
  const labelled = LABELLED.filter((dim) => has.has(dim === 'subspace' ? 'space' : dim));
  for (const dim of labelled) {
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
  cols.push(...dimensionColumns(taxonomy.dimensions.filter((d) => !covered.has(d.id))));
  if (has.has('space'))
    cols.push({ name: 'secondary_spaces', type: 'list', get: (a) => listed(a.taxonomy.secondarySpaces) });
  if (has.has('scheme'))
    cols.push({ name: 'secondary_schemes', type: 'list', get: (a) => listed(a.taxonomy.secondarySchemes) });
  cols.push(
    ...METRIC_COLUMNS,
    // a work outside the list (build:graph --expand) and how many papers of the list cite it
    { name: 'outside', type: 'boolean', get: (a) => a.outside },
    { name: 'outside_cited_by', type: 'int', get: (a) => a.expandedBecause?.citedBy },
  );
  return cols;
}

/**
 * The node columns, in order; the taxonomy gives the human labels of category ids. A graph opened
 * from a file (`fileAttributes`, its meta's, given) has its own columns: the dimensions not read
 * from one of its attributes (the file's colours), the metrics, then its attributes under their
 * names (`attr_<name>` when the name is one of the columns before).
 */
export function nodeColumns(
  taxonomy: Taxonomy,
  fileAttributes?: readonly FileAttribute[],
  fileLists: ReadonlySet<string> = new Set(),
): Column<NodeAttributes>[] {
  if (fileAttributes === undefined) return paperColumns(taxonomy);
  // the conversion names a dimension read from an attribute after it (src/foreign/convert.ts)
  const attributeNames = new Set(fileAttributes.map((a) => a.name));
  const cols = [
    ...dimensionColumns(taxonomy.dimensions.filter((d) => !attributeNames.has(d.label))),
    ...METRIC_COLUMNS,
  ];
  const names = new Set(cols.map((c) => c.name));
  for (const attr of fileAttributes) {
    const name = names.has(attr.name) ? `attr_${attr.name}` : attr.name;
    names.add(name);
    if (fileLists.has(attr.name)) {
      cols.push({
        name,
        type: 'list',
        get: (a) => listed(splitList(String(a.attributes?.[attr.name] ?? ''))),
      });
    } else cols.push({ name, type: FILE_TYPES[attr.type], get: (a) => a.attributes?.[attr.name] });
  }
  return cols;
}

/**
 * The attributes of a graph opened from a file that held lists: those whose dimension puts a node
 * in more than one category (the conversion keeps a list's items joined by "; " on the node, and
 * each item a category). A list attribute whose nodes all have one item, or too many distinct items
 * to be a dimension, is not told from a text one, and is written as text.
 */
export function fileListAttributes(
  graph: AtlasGraph,
  meta: Pick<GraphMeta, 'file' | 'taxonomy'>,
): Set<string> {
  const lists = new Set<string>();
  if (meta.file === undefined) return lists;
  const names = new Set(meta.file.attributes.filter((a) => a.type === 'string').map((a) => a.name));
  for (const dim of meta.taxonomy.dimensions) {
    if (!names.has(dim.label)) continue;
    if (graph.someNode((_n, a) => (a.dimensions?.[dim.id]?.length ?? 0) > 1)) lists.add(dim.label);
  }
  return lists;
}

/** The node columns of a graph: `nodeColumns` with its meta, and the lists of a file it was opened from. */
export function graphNodeColumns(graph: AtlasGraph, meta: GraphMeta): Column<NodeAttributes>[] {
  return nodeColumns(meta.taxonomy, meta.file?.attributes, fileListAttributes(graph, meta));
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
  { name: RELATION, type: 'string', get: (a) => a.kind },
  { name: 'kinds', type: 'list', get: (a) => listed(a.kinds) },
  { name: 'survey_only', type: 'boolean', get: (a) => a.surveyOnly },
  {
    name: 'provenance',
    type: 'list',
    get: (a) => listed([...new Set(a.provenance.map((p) => p.source))]),
  },
  {
    name: 'provenance_detail',
    type: 'list',
    get: (a) => listed(a.provenance.map(describeProvenance)),
  },
  { name: 'note', type: 'string', get: (a) => a.note },
];
