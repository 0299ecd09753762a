/**
 * Shared YAML plumbing for the graph-data files: parse a document with line positions,
 * validate records with a zod schema, and turn every problem into a located DataError.
 * Pure: text in, values or errors out; no file system.
 */
import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { Document, LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import type { z } from 'zod';
import { DataError, DataErrors } from '../model/errors';
import type { Located } from '../model/dataset';

/** Options every graph-data YAML file is written with: no folding, compact flow lists. */
const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

export interface ParsedYaml {
  doc: Document.Parsed;
  lineOf: (offset: number) => number;
}

/** Parse YAML text; syntax errors become DataErrors with the line they are on. */
export function parseYamlText(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    throw new DataErrors(
      doc.errors.map(
        (e) => new DataError({ file, line: lineOf(e.pos[0]) }, `invalid YAML: ${firstLine(e.message)}`),
      ),
    );
  }
  return { doc, lineOf };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Line of the node at `path` under `root`, or undefined when the path does not exist. */
export function lineAt(parsed: ParsedYaml, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = parsed.doc.contents;
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
      );
      node = pair?.value ?? pair?.key;
    } else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  const range = (node as Node).range;
  return range ? parsed.lineOf(range[0]) : undefined;
}

/** Describe a zod issue's problem in one clause. */
function issueProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/**
 * Validate `raw` against `schema`; on failure return one DataError per issue, located at the
 * deepest existing node of the issue's path (below `basePath` in the document).
 */
export function validate<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  ctx: {
    parsed: ParsedYaml;
    file: string;
    basePath: readonly PropertyKey[];
    record?: string;
    recordLine: number;
  },
): { value: T } | { errors: DataError[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { value: result.data };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let line: number | undefined;
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
      line = lineAt(ctx.parsed, [...ctx.basePath, ...path, issue.keys[0]]);
    }
    for (let n = path.length; n >= 0 && line === undefined; n--) {
      line = lineAt(ctx.parsed, [...ctx.basePath, ...path.slice(0, n)]);
    }
    const field = path.length > 0 ? path.join('.') : undefined;
    return new DataError(
      { file: ctx.file, line: line ?? ctx.recordLine, record: ctx.record, field },
      issueProblem(issue),
    );
  });
  return { errors };
}

export interface ListFileOptions<T> {
  /** What one record is called in messages, e.g. "paper". */
  noun: string;
  schema: z.ZodType<T>;
  /** Key whose value names the record in messages and must be unique, e.g. "id". */
  idKey?: string;
}

/**
 * The fast path for a valid list file: js-yaml parses about ten times faster than the `yaml`
 * package, which matters at 10^5 records, but keeps no node positions. A block list's items each
 * start on a line beginning with "-" in column 0, so their lines come from one scan of the text.
 * Returns null whenever anything is off (syntax error, an unusual layout, an invalid or duplicate
 * record): the careful path then parses again and reports every problem with its line.
 */
function parseYamlListFast<T>(text: string, file: string, opts: ListFileOptions<T>): Located<T>[] | null {
  let raw: unknown;
  try {
    raw = loadFast(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return null;
  }
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) return null;
  const lines: number[] = [];
  const itemStart = /^-(?:[ \t]|$)/;
  let line = 1;
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    if (itemStart.test(text.slice(at, Math.min(stop, at + 2)))) lines.push(line);
    if (end < 0) break;
    at = end + 1;
    line++;
  }
  if (lines.length !== raw.length) return null;
  const out: Located<T>[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const result = opts.schema.safeParse(raw[i]);
    if (!result.success) return null;
    if (opts.idKey) {
      const id = recordId(raw[i], opts.idKey);
      if (id === undefined || seen.has(id)) return null;
      seen.add(id);
    }
    out.push({ value: result.data, file, line: lines[i]! });
  }
  return out;
}

/** Parse a YAML file whose top level is a list of records. An empty file is an empty list. */
export function parseYamlList<T>(text: string, file: string, opts: ListFileOptions<T>): Located<T>[] {
  const fast = parseYamlListFast(text, file, opts);
  if (fast) return fast;
  const parsed = parseYamlText(text, file);
  const contents = parsed.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isSeq(contents)) {
    const line = contents.range ? parsed.lineOf(contents.range[0]) : 1;
    throw new DataErrors([new DataError({ file, line }, `expected a list of ${opts.noun} records`)]);
  }
  const raw: unknown[] = parsed.doc.toJS() as unknown[];
  const out: Located<T>[] = [];
  const errors: DataError[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item, index) => {
    const node = contents.items[index] as Node | undefined;
    const line = node?.range ? parsed.lineOf(node.range[0]) : 1;
    const id = opts.idKey ? recordId(item, opts.idKey) : undefined;
    const record = id !== undefined ? `${opts.noun} ${id}` : `${opts.noun} #${index + 1}`;
    const res = validate(opts.schema, item, { parsed, file, basePath: [index], record, recordLine: line });
    if ('errors' in res) {
      errors.push(...res.errors);
      return;
    }
    if (id !== undefined) {
      const prev = seen.get(id);
      if (prev !== undefined) {
        errors.push(
          new DataError(
            { file, line, record, field: opts.idKey },
            `duplicate id (first defined on line ${prev})`,
          ),
        );
        return;
      }
      seen.set(id, line);
    }
    out.push({ value: res.value, file, line });
  });
  if (errors.length > 0) throw new DataErrors(errors);
  return out;
}

function recordId(item: unknown, key: string): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const v = (item as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/**
 * Stringify a value as a graph-data YAML document. Keys keep the order of the objects given;
 * sequences under the keys in `flowKeys` are written on one line (for short lists).
 */
export function stringifyYaml(
  value: unknown,
  opts: { header?: string; flowKeys?: readonly string[] } = {},
): string {
  const doc = new Document(value);
  const flowKeys = new Set(opts.flowKeys ?? []);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && flowKeys.has(String(pair.key.value)) && isSeq(pair.value))
        pair.value.flow = true;
    },
  });
  if (opts.header) doc.commentBefore = opts.header;
  return doc.toString(STRINGIFY_OPTIONS);
}

/**
 * `stringifyYaml(items, opts)` in pieces, one list item at a time (the header with the first): the
 * same text, but no document model of the whole list is ever built (the `yaml` library's nodes take
 * about twenty times the text's size), so a list of 10⁵ records can be written as it is made.
 */
export function* stringifyYamlList(
  items: Iterable<unknown>,
  opts: { header?: string; flowKeys?: readonly string[] } = {},
): Generator<string, void, undefined> {
  let first = true;
  for (const item of items) {
    yield stringifyYaml([item], first ? opts : { flowKeys: opts.flowKeys });
    first = false;
  }
  if (first) yield stringifyYaml([], opts);
}

/** Copy `obj` with keys in `order` first (dropping undefined values), then any others sorted. */
export function orderKeys<T extends object>(obj: T, order: readonly string[]): T {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src).sort()) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out as T;
}

/** Code-point string comparison: the same order on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
