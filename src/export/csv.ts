/**
 * CSV (RFC 4180): one file of papers, one of links, UTF-8 without BOM, CRLF line ends, a header
 * row, and a field quoted (with `"` doubled) when it holds `"`, `,`, CR or LF.
 *
 * - Papers: `id`, `label`, every column of ./fields (taxonomy labels with their evidence,
 *   flattened), then the drawing: `x`, `y`, `size` and `color` as drawn.
 * - Links: `id` (the app's key), `source`, `target`, then `kind` (the `relation` of the GEXF and
 *   GraphML; `kind` is the name the CSV importer reads), `kinds`, `survey_only`, `provenance`
 *   (the sources), `provenance_detail` and `note`.
 * - Lists (authors, tasks, categories, kinds, sources): the items joined with "; " in one cell.
 * - Both end with `dataset` and `inputs_hash` on every row: CSV has no place for file metadata,
 *   and a constant column keeps each file traceable to its build on its own.
 * - Text is kept as is (controls too), except unpaired surrogates, which UTF-8 cannot encode:
 *   they become U+FFFD.
 * - Spreadsheet safety, as OWASP's CSV Injection page advises
 *   (https://owasp.org/www-community/attacks/CSV_Injection): a text cell starting with `=`, `+`,
 *   `-`, `@`, tab or carriage return gets a leading `'`, and the cell is then always quoted (its `"`
 *   doubled), so a spreadsheet shows it as text instead of running it as a formula. Numbers are
 *   written as numbers, untouched.
 */
import { LIST_SEPARATOR } from '../foreign/lists';
import { EDGE_COLUMNS, graphNodeColumns, RELATION, type CellValue, type Column } from './fields';
import {
  drawnColor,
  drawnSize,
  hexColor,
  parseColor,
  scopedEdges,
  scopedNodes,
  type ScopedEdge,
  type ScopedNode,
} from './scope';
import type { ExportInput } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: numbers as JavaScript writes them, booleans as true/false, lists joined, text neutralised and quoted when needed. */
export function csvField(value: CellValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`export: cannot write the non-finite number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const joined = typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
  // UTF-8 cannot encode a lone surrogate: say so now rather than leave it to the encoder
  const safe = joined.replace(LONE_SURROGATE, '\uFFFD');
  const formula = FORMULA_START.test(safe);
  const text = formula ? `'${safe}` : safe;
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: the header, then one row per item. */
export function csvTable<A>(columns: Column<A>[], rows: Iterable<A>): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.get(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function provenanceColumns<A>(input: ExportInput): Column<A>[] {
  return [
    { name: 'dataset', type: 'string', get: () => input.meta.dataset.name },
    { name: 'inputs_hash', type: 'string', get: () => input.meta.inputsHash },
  ];
}

/** The papers in scope as CSV. */
export function nodesCsv(input: ExportInput): string {
  const paper = graphNodeColumns(input.graph, input.meta).map((c): Column<ScopedNode> => ({
    name: c.name,
    type: c.type,
    get: (n) => c.get(n.attributes),
  }));
  const columns: Column<ScopedNode>[] = [
    { name: 'id', type: 'string', get: (n) => n.key },
    { name: 'label', type: 'string', get: (n) => n.attributes.label },
    ...paper,
    { name: 'x', type: 'double', get: (n) => n.attributes.x },
    { name: 'y', type: 'double', get: (n) => n.attributes.y },
    { name: 'size', type: 'double', get: (n) => drawnSize(input, n) },
    { name: 'color', type: 'string', get: (n) => hexColor(parseColor(drawnColor(input, n))) },
    ...provenanceColumns<ScopedNode>(input),
  ];
  return csvTable(columns, scopedNodes(input));
}

/** The links in scope (both ends in scope) as CSV. */
export function edgesCsv(input: ExportInput): string {
  const link = EDGE_COLUMNS.map((c): Column<ScopedEdge> => ({
    name: c.name === RELATION ? 'kind' : c.name,
    type: c.type,
    get: (e) => c.get(e.attributes),
  }));
  const columns: Column<ScopedEdge>[] = [
    { name: 'id', type: 'string', get: (e) => e.key },
    { name: 'source', type: 'string', get: (e) => e.source },
    { name: 'target', type: 'string', get: (e) => e.target },
    ...link,
    ...provenanceColumns<ScopedEdge>(input),
  ];
  return csvTable(columns, scopedEdges(input));
}
