/**
 * CSV of papers or of edges → records (RFC 4180, read by csv-parse). The header row names the
 * columns; an unknown column is an error (a typo would otherwise drop a field silently). Pure.
 *
 * Papers: title (required), id, authors (separated by ";"), year, month, venue, venue_year, arxiv,
 * doi, url, pdf, project, code, demo, dataset, family, tasks (separated by ";").
 * Edges: source, target, kind (builds-on | cites | compares | mentions), by, note.
 */
import { parse } from 'csv-parse/sync';
import { RECORD_EDGE_KINDS } from '../model/edge';
import type { EdgeRecord, RecordEdgeKind } from '../model/edge';
import type { Diagnostic } from './diagnostics';
import { problemDiagnostics } from './bibtex';
import type { ImportDefaults } from './bibtex';
import type { ImportedPaper, InputProblem } from './paper-input';
import { readPaperInput } from './paper-input';

export const PAPER_COLUMNS = [
  'id',
  'title',
  'authors',
  'year',
  'month',
  'venue',
  'venue_year',
  'arxiv',
  'doi',
  'url',
  'pdf',
  'project',
  'code',
  'demo',
  'dataset',
  'family',
  'tasks',
] as const;
export const EDGE_COLUMNS = ['source', 'target', 'kind', 'by', 'note'] as const;

interface Row {
  line: number;
  cells: Record<string, string>;
}

function readRows(
  text: string,
  known: readonly string[],
  required: readonly string[],
  diags: Diagnostic[],
): Row[] | undefined {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    diags.push({
      level: 'error',
      ...(err.lines ? { line: err.lines } : {}),
      message: `malformed CSV: ${err.message}`,
    });
    return undefined;
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((h) => !known.includes(h));
  const missing = required.filter((r) => !header.includes(r));
  if (records.length === 0) diags.push({ level: 'warning', line: 1, message: 'no rows' });
  for (const u of unknown)
    diags.push({ level: 'error', line: 1, message: `column "${u}": unknown (columns: ${known.join(', ')})` });
  for (const m of missing) diags.push({ level: 'error', line: 1, message: `column "${m}": required` });
  if (unknown.length > 0 || missing.length > 0) return undefined;
  // info.lines is the line the record ends on; a record spanning lines starts earlier
  return records.map(({ record, info }) => ({
    line: info.lines - (Object.values(record).join('').match(/\n/g)?.length ?? 0),
    cells: record,
  }));
}

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x !== '');

export function parsePapersCsv(
  text: string,
  defaults: ImportDefaults = {},
): { papers: ImportedPaper[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows = readRows(text, PAPER_COLUMNS, ['title'], diagnostics);
  if (!rows) return { papers: [], diagnostics };
  const problems: InputProblem[] = [];
  const papers: ImportedPaper[] = [];
  for (const { line, cells: c } of rows) {
    const paper = readPaperInput(
      {
        line,
        label: `row ${line}`,
        id: c.id,
        title: c.title,
        authors: list(c.authors),
        year: c.year,
        month: c.month,
        venue: c.venue,
        venueYear: c.venue_year,
        arxiv: c.arxiv,
        doi: c.doi,
        url: c.url,
        links: { pdf: c.pdf, project: c.project, code: c.code, demo: c.demo, dataset: c.dataset },
        family: c.family || defaults.family,
        tasks: c.tasks ? list(c.tasks) : (defaults.tasks ?? []),
      },
      problems,
    );
    if (paper) papers.push(paper);
  }
  diagnostics.push(...problemDiagnostics(problems));
  return { papers, diagnostics };
}

export interface ImportedEdge {
  line: number;
  record: EdgeRecord;
}

export function parseEdgesCsv(text: string): { edges: ImportedEdge[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows = readRows(text, EDGE_COLUMNS, ['source', 'target', 'kind'], diagnostics);
  if (!rows) return { edges: [], diagnostics };
  const edges: ImportedEdge[] = [];
  for (const { line, cells: c } of rows) {
    const bad = (field: string, message: string): void => {
      diagnostics.push({ level: 'error', line, message: `row ${line}: field "${field}": ${message}` });
    };
    const source = c.source ?? '';
    const target = c.target ?? '';
    const kind = (c.kind ?? '').toLowerCase();
    if (source === '') bad('source', 'missing');
    else if (target === '') bad('target', 'missing');
    else if (source === target) bad('target', 'an edge from a paper to itself');
    else if (!(RECORD_EDGE_KINDS as readonly string[]).includes(kind))
      bad('kind', `"${c.kind ?? ''}" is not one of ${RECORD_EDGE_KINDS.join(', ')}`);
    else
      edges.push({
        line,
        record: {
          source,
          target,
          kind: kind as RecordEdgeKind,
          provenance: c.by ? { source: 'curated', by: c.by } : { source: 'curated' },
          ...(c.note ? { note: c.note } : {}),
        },
      });
  }
  return { edges, diagnostics };
}
