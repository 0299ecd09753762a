/**
 * graph-data/edges/<provenance>.tsv: one file per provenance source. Tab-separated with a header
 * row: source, target, kind, then that source's detail columns, then an optional note column.
 * Cells escape backslash, tab, CR and LF as \\, \t, \r, \n. Rows are sorted by (source, target).
 */
import { EdgeRecordSchema, PROVENANCE_SOURCES } from '../model/edge';
import type { EdgeRecord, Provenance, ProvenanceSource } from '../model/edge';
import type { Located } from '../model/dataset';
import { DataError, DataErrors } from '../model/errors';
import { compareStrings } from './yaml-records';

export const EDGES_DIR = 'edges';

/** A detail column: its header name, the provenance field it holds, and how it is encoded. */
interface Column {
  name: string;
  field: string;
  type: 'string' | 'nullable' | 'optional' | 'boolean';
}

/** Detail columns per provenance source, after source/target/kind. */
export const DETAIL_COLUMNS: Record<ProvenanceSource, readonly Column[]> = {
  'fulltext-references': [{ name: 'match', field: 'match', type: 'string' }],
  'code-readme': [
    { name: 'repo', field: 'repo', type: 'string' },
    { name: 'section', field: 'section', type: 'nullable' },
    { name: 'evidence', field: 'evidence', type: 'string' },
    { name: 'survey_repo', field: 'surveyRepo', type: 'boolean' },
  ],
  curated: [{ name: 'by', field: 'by', type: 'optional' }],
  file: [
    { name: 'file', field: 'file', type: 'string' },
    { name: 'format', field: 'format', type: 'string' },
  ],
  'semantic-scholar': [{ name: 'fetched', field: 'fetched', type: 'optional' }],
  openalex: [{ name: 'fetched', field: 'fetched', type: 'optional' }],
  'openalex-snapshot': [{ name: 'snapshot', field: 'snapshot', type: 'optional' }],
};

/** Sources whose files always carry a note column (curators write notes there). */
const NOTE_ALWAYS: ReadonlySet<ProvenanceSource> = new Set(['curated']);
const BASE_COLUMNS = ['source', 'target', 'kind'];

/** The provenance source a file is for, from its name ("edges/code-readme.tsv" → "code-readme"). */
export function provenanceOfFile(file: string): ProvenanceSource | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const name = base.endsWith('.tsv') ? base.slice(0, -4) : base;
  return (PROVENANCE_SOURCES as readonly string[]).includes(name) ? (name as ProvenanceSource) : undefined;
}

export function escapeCell(s: string): string {
  return s.replace(/[\\\t\r\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[c] ?? c);
}

export function unescapeCell(s: string): string {
  return s.replace(/\\([\\trn])/g, (_, c: string) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[c] ?? c);
}

function headerFor(prov: ProvenanceSource, withNote: boolean): string[] {
  const cols = [...BASE_COLUMNS, ...DETAIL_COLUMNS[prov].map((c) => c.name)];
  return withNote ? [...cols, 'note'] : cols;
}

/**
 * Parse an edges TSV. The provenance comes from `provenance` or else the file name.
 * Throws DataErrors naming the file, line, row (source → target) and column.
 */
export function parseEdgesTsv(
  text: string,
  file: string,
  provenance?: ProvenanceSource,
): Located<EdgeRecord>[] {
  const prov = provenance ?? provenanceOfFile(file);
  if (!prov) {
    const known = PROVENANCE_SOURCES.map((s) => `${s}.tsv`).join(', ');
    throw new DataErrors([new DataError({ file }, `unknown edge file name: expected one of ${known}`)]);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0]?.split('\t');
  const plain = headerFor(prov, false);
  const withNote = headerFor(prov, true);
  const hasNote = header !== undefined && header.join('\t') === withNote.join('\t');
  if (!header || (!hasNote && header.join('\t') !== plain.join('\t'))) {
    const want = NOTE_ALWAYS.has(prov) ? withNote : plain;
    throw new DataErrors([
      new DataError(
        { file, line: 1, record: 'header' },
        `must be the tab-separated columns: ${want.join(', ')}${NOTE_ALWAYS.has(prov) ? '' : ' (optionally followed by note)'}`,
      ),
    ]);
  }
  const errors: DataError[] = [];
  const out: Located<EdgeRecord>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const lineText = lines[i] ?? '';
    const line = i + 1;
    if (lineText.trim() === '') continue;
    const res = parseRow(lineText.split('\t'), header, prov, { file, line });
    if ('errors' in res) errors.push(...res.errors);
    else out.push({ value: res.value, file, line });
  }
  if (errors.length > 0) throw new DataErrors(errors);
  return out;
}

function parseRow(
  cells: string[],
  header: string[],
  prov: ProvenanceSource,
  at: { file: string; line: number },
): { value: EdgeRecord } | { errors: DataError[] } {
  const record = cells.length >= 2 ? `edge ${cells[0]} → ${cells[1]}` : `row ${at.line - 1}`;
  if (cells.length !== header.length) {
    const problem = `expected ${header.length} tab-separated cells (${header.join(', ')}), found ${cells.length}`;
    return { errors: [new DataError({ ...at, record }, problem)] };
  }
  const cell = (name: string): string => unescapeCell(cells[header.indexOf(name)] ?? '');
  const errors: DataError[] = [];
  const provenance: Record<string, unknown> = { source: prov };
  for (const col of DETAIL_COLUMNS[prov]) {
    const v = cell(col.name);
    if (col.type === 'boolean') {
      if (v === 'true' || v === 'false') provenance[col.field] = v === 'true';
      else
        errors.push(new DataError({ ...at, record, field: col.name }, `must be true or false, found "${v}"`));
    } else if (col.type === 'nullable') provenance[col.field] = v === '' ? null : v;
    else if (col.type === 'optional') {
      if (v !== '') provenance[col.field] = v;
    } else provenance[col.field] = v;
  }
  const raw: Record<string, unknown> = {
    source: cell('source'),
    target: cell('target'),
    kind: cell('kind'),
    provenance,
  };
  if (header.includes('note') && cell('note') !== '') raw.note = cell('note');
  if (raw.source !== '' && raw.source === raw.target) {
    errors.push(
      new DataError({ ...at, record, field: 'target' }, 'an edge cannot point from a paper to itself'),
    );
  }
  const res = EdgeRecordSchema.safeParse(raw);
  if (!res.success) {
    const reported = new Set(errors.map((e) => e.location.field));
    for (const issue of res.error.issues) {
      const field = columnOfPath(issue.path, prov);
      if (reported.has(field)) continue;
      errors.push(new DataError({ ...at, record, field }, issue.message));
    }
  }
  if (errors.length > 0 || !res.success) return { errors };
  return { value: res.data };
}

function columnOfPath(path: readonly PropertyKey[], prov: ProvenanceSource): string | undefined {
  if (path.length === 0) return undefined;
  if (path[0] !== 'provenance') return String(path[0]);
  const field = String(path[1] ?? '');
  return DETAIL_COLUMNS[prov].find((c) => c.field === field)?.name ?? field;
}

/** Stringify records of one provenance source; sorted by (source, target, kind, rest), byte-stable. */
export function stringifyEdgesTsv(prov: ProvenanceSource, records: readonly EdgeRecord[]): string {
  const withNote = NOTE_ALWAYS.has(prov) || records.some((r) => r.note !== undefined);
  const header = headerFor(prov, withNote);
  const rows = records.map((r) => {
    if (r.provenance.source !== prov) {
      throw new Error(`edge ${r.source} → ${r.target} has provenance ${r.provenance.source}, not ${prov}`);
    }
    const p = r.provenance as Provenance & Record<string, unknown>;
    const cells = [r.source, r.target, r.kind];
    for (const col of DETAIL_COLUMNS[prov]) {
      const v = p[col.field];
      cells.push(v === undefined || v === null ? '' : String(v));
    }
    if (withNote) cells.push(r.note ?? '');
    return { r, line: cells.map(escapeCell).join('\t') };
  });
  rows.sort(
    (a, b) =>
      compareStrings(a.r.source, b.r.source) ||
      compareStrings(a.r.target, b.r.target) ||
      compareStrings(a.r.kind, b.r.kind) ||
      compareStrings(a.line, b.line),
  );
  return [header.join('\t'), ...rows.map((x) => x.line)].join('\n') + '\n';
}
