/**
 * A CSL-JSON library (Zotero's "Export Library… → CSL JSON", Mendeley, citeproc tools) → entries.
 * CSL-JSON is an array of items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html;
 * schema: https://github.com/citation-style-language/schema, csl-data.json): each an object with an
 * `id`, a `type` and variables such as `title`, `DOI`, `URL`, `issued` ({"date-parts": [[2022, 8]]}),
 * `number` (Zotero puts a preprint's "arXiv:2208.12242" there), `archive` / `archive_location`,
 * `container-title`, `note` (Zotero's "extra", which may say "arXiv: …"). Pure.
 */
import { jsonErrorOffset, lineColumn } from '../foreign/json-syntax';
import { doiIn, entryArxiv, yearOf } from './ids';
import { LibraryFileError, lineOf, type LibraryEntry } from './types';

/**
 * The offsets where the top-level array's elements start, for the lines of error messages (the text
 * is valid JSON by then: strings and nesting are all that need tracking).
 */
export function topLevelElementOffsets(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (depth === 1 && expecting && c !== ']') {
      starts.push(i);
      expecting = false;
    }
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return starts;
}

export function parseCslJsonLibrary(text: string, file: string): LibraryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = jsonErrorOffset(text.replace(/^\uFEFF/, ''));
    const where = at === null ? null : lineColumn(text, at);
    throw new LibraryFileError(
      file,
      where?.line ?? null,
      `not valid JSON${where ? ` (column ${where.column})` : ''}: ${(e as Error).message}`,
    );
  }
  if (!Array.isArray(data))
    throw new LibraryFileError(
      file,
      1,
      'a CSL-JSON library is an array of items ([{"id": …, "type": …, "title": …}, …])',
    );
  const starts = topLevelElementOffsets(text);
  return data.map((item: unknown, i) => {
    const where = `item ${i + 1}`;
    const line = starts[i] !== undefined ? lineOf(text, starts[i]) : 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new LibraryFileError(file, line, `${where} is not an object`);
    }
    const o = item as Record<string, unknown>;
    const text_ = (name: string): string | null => {
      const v = o[name];
      if (v === undefined || v === null) return null;
      if (typeof v === 'number') return String(v);
      if (typeof v !== 'string')
        throw new LibraryFileError(
          file,
          line,
          `${where}${o.id !== undefined ? ` (id ${JSON.stringify(o.id)})` : ''}: "${name}" must be text, got ${Array.isArray(v) ? 'an array' : typeof v}`,
        );
      return v.trim() || null;
    };
    const doi = doiIn(text_('DOI'), text_('URL'));
    return {
      key: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : where,
      line,
      title: text_('title'),
      doi,
      arxiv: entryArxiv(
        text_('number'),
        text_('archive') ?? text_('publisher'),
        doi,
        text_('URL'),
        text_('archive_location'),
        text_('container-title'),
        text_('note'),
      ),
      year: issuedYear(o.issued) ?? yearOf(text_('original-date')),
    };
  });
}

/** The year of a CSL date: {"date-parts": [[2022, 8, 25]]}, or {"raw": "2022-08-25"} / {"literal": …}. */
function issuedYear(issued: unknown): number | null {
  if (!issued || typeof issued !== 'object') return null;
  const d = issued as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = d['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const y = Number(parts[0][0]);
    if (Number.isInteger(y)) return y;
  }
  return yearOf(typeof d.raw === 'string' ? d.raw : typeof d.literal === 'string' ? d.literal : null);
}
