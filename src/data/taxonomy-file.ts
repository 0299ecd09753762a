/**
 * graph-data/taxonomy.yaml: the Taxonomy (dimensions, categories, colours) as one YAML mapping.
 */
import { TaxonomySchema } from '../model/taxonomy';
import type { Category, Dimension, Taxonomy } from '../model/taxonomy';
import type { Located, TaxonomyLines } from '../model/dataset';
import { DataErrors } from '../model/errors';
import { lineAt, orderKeys, parseYamlText, stringifyYaml, validate } from './yaml-records';

export const TAXONOMY_FILE = 'taxonomy.yaml';

const TAXONOMY_KEYS = ['source', 'unknownColor', 'dimensions'];
const DIMENSION_KEYS = ['id', 'label', 'parent', 'palette', 'categories'];
const CATEGORY_KEYS = [
  'id',
  'label',
  'definition',
  'color',
  'parent',
  'family',
  'section',
  'status',
  'children',
];
const CHILD_KEYS = ['id', 'label', 'definition'];

/** The file's header comment; `writtenBy` names the command that wrote it. */
const header = (writtenBy: string) =>
  [
    ' Taxonomy dimensions and their categories: labels, short definitions in our own words,',
    ` colours from colour-blind-safe palettes. Written by \`${writtenBy}\`.`,
  ].join('\n');

/** Parse taxonomy.yaml; throws DataErrors naming file, line, dimension/category and field. */
export function parseTaxonomyFile(text: string, file: string): Located<Taxonomy> & { lines: TaxonomyLines } {
  const parsed = parseYamlText(text, file);
  const raw: unknown = parsed.doc.toJS();
  const res = validate(TaxonomySchema, raw, {
    parsed,
    file,
    basePath: [],
    record: 'taxonomy',
    recordLine: 1,
  });
  if ('errors' in res) throw new DataErrors(res.errors);
  // where each dimension and category starts, for the build's checks across the taxonomy
  const lines: TaxonomyLines = {
    dimensions: res.value.dimensions.map((_d, i) => lineAt(parsed, ['dimensions', i]) ?? 1),
    categories: res.value.dimensions.map((d, i) =>
      d.categories.map((_c, j) => lineAt(parsed, ['dimensions', i, 'categories', j]) ?? 1),
    ),
  };
  return { value: res.value, file, line: 1, lines };
}

function canonicalCategory(c: Category): Category {
  const children = c.children?.map((ch) => orderKeys(ch, CHILD_KEYS));
  return orderKeys({ ...c, children }, CATEGORY_KEYS);
}

export function canonicalTaxonomy(t: Taxonomy): Taxonomy {
  const dimensions = t.dimensions.map((d): Dimension =>
    orderKeys({ ...d, categories: d.categories.map(canonicalCategory) }, DIMENSION_KEYS),
  );
  return orderKeys({ ...t, dimensions }, TAXONOMY_KEYS);
}

/**
 * Stringify the taxonomy; dimension and category order is kept as given (it is the legend order).
 * `writtenBy`: the command named in the header.
 */
export function stringifyTaxonomyFile(t: Taxonomy, writtenBy = 'npm run import:taxonomy'): string {
  return stringifyYaml(canonicalTaxonomy(t), { header: header(writtenBy) });
}
