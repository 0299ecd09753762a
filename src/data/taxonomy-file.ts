/**
 * graph-data/taxonomy.yaml: the Taxonomy (dimensions, categories, colours) as one YAML mapping.
 */
import { TaxonomySchema } from '../model/taxonomy';
import type { Category, Dimension, Taxonomy } from '../model/taxonomy';
import type { Located } from '../model/dataset';
import { DataErrors } from '../model/errors';
import { orderKeys, parseYamlText, stringifyYaml, validate } from './yaml-records';

export const TAXONOMY_FILE = 'taxonomy.yaml';

const TAXONOMY_KEYS = ['source', 'unknownColor', 'dimensions'];
const DIMENSION_KEYS = ['id', 'label', 'parent', 'palette', 'categories'];
const CATEGORY_KEYS = ['id', 'label', 'definition', 'color', 'parent', 'family', 'section', 'status', 'children'];
const CHILD_KEYS = ['id', 'label', 'definition'];

/** The file's header comment; `writtenBy` names the command that wrote it. */
const header = (writtenBy: string) =>
  [
    ' Taxonomy dimensions and their categories: labels, short definitions in our own words,',
    ` colours from colour-blind-safe palettes. Written by \`${writtenBy}\`.`,
  ].join('\n');

/** Parse taxonomy.yaml; throws DataErrors naming file, line, dimension/category and field. */
export function parseTaxonomyFile(text: string, file: string): Located<Taxonomy> {
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
  return { value: res.value, file, line: 1 };
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
