/**
 * A RIS library (Zotero, Mendeley, EndNote, JabRef "RIS") → entries.
 *
 * The format, per the RIS specification (Research Information Systems, "RIS Format
 * Specifications", https://web.archive.org/web/2012/http://www.refman.com/support/risformat_intro.asp,
 * summarised at https://en.wikipedia.org/wiki/RIS_(file_format)):
 * - a line is a tag, two capital letters or a capital letter and a digit, then two spaces, a hyphen
 *   and a space, then the value: `TI  - A title`;
 * - a record starts with `TY  - <type>` (its first tag) and ends with `ER  - ` (value empty);
 * - a tag may repeat (AU, KW, UR…); a value too long for a line continues on the lines after it,
 *   which carry no tag (Zotero writes long abstracts and notes so).
 * Read here: TI / T1 (title; T1 the "primary title" of the old spec), DO (DOI), UR and L1–L4 (links),
 * PY / Y1 / DA (date: the year is what counts), JO / JF / T2 / N1 / M1 / AN (where an arXiv id may
 * be), ID (the record's id). Everything else is skipped. Blank lines between records are allowed.
 * Errors, each with its line: a tag before a TY, a TY before the open record's ER, a line that is
 * neither a tag nor a continuation, a record left open at the end, no record at all. Pure.
 */
import { doiIn, entryArxiv, yearOf } from './ids';
import { LibraryFileError, type LibraryEntry } from './types';

const TAG = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
}

/** The records of a RIS text: each one's tags and values in order (pure, no interpretation). */
export function readRisRecords(text: string, file: string): RisRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const records: RisRecord[] = [];
  let open: RisRecord | null = null;
  let last: { values: string[]; i: number } | null = null;
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/\s+$/, '');
    const m = TAG.exec(line);
    if (!m) {
      if (line.trim() === '') {
        last = null;
        return;
      }
      // a continuation of the value above it, inside a record
      if (open && last) {
        last.values[last.i] = `${last.values[last.i]} ${line.trim()}`;
        return;
      }
      throw new LibraryFileError(
        file,
        n,
        `"${line.slice(0, 40)}" is not a RIS tag line (two capitals, two spaces, "- ", a value: "TI  - A title")`,
      );
    }
    const tag = m[1]!;
    const value = (m[2] ?? '').trim();
    if (tag === 'TY') {
      if (open)
        throw new LibraryFileError(
          file,
          n,
          `a new record (TY) starts before the record opened on line ${open.line} was closed with "ER  - "`,
        );
      open = { line: n, tags: new Map() };
      last = null;
      if (value === '') throw new LibraryFileError(file, n, 'TY has no reference type (e.g. "TY  - JOUR")');
      open.tags.set('TY', [value]);
      return;
    }
    if (!open)
      throw new LibraryFileError(file, n, `tag ${tag} outside a record: a record starts with "TY  - <type>"`);
    if (tag === 'ER') {
      records.push(open);
      open = null;
      last = null;
      return;
    }
    const values = open.tags.get(tag) ?? [];
    values.push(value);
    open.tags.set(tag, values);
    last = { values, i: values.length - 1 };
  });
  if (open)
    throw new LibraryFileError(
      file,
      (open as RisRecord).line,
      'the record opened here has no "ER  - " closing it',
    );
  if (records.length === 0)
    throw new LibraryFileError(
      file,
      null,
      'no RIS record in the file (a record runs from "TY  - <type>" to "ER  - ")',
    );
  return records;
}

export function parseRisLibrary(text: string, file: string): LibraryEntry[] {
  return readRisRecords(text, file).map((r, i) => {
    const first = (...tags: string[]): string | null => {
      for (const t of tags) {
        const v = r.tags.get(t)?.find((x) => x !== '');
        if (v) return v;
      }
      return null;
    };
    const all = (...tags: string[]): string[] => tags.flatMap((t) => r.tags.get(t) ?? []);
    const links = all('UR', 'L1', 'L2', 'L3', 'L4');
    const doi = doiIn(first('DO'), ...links);
    return {
      key: first('ID') ?? `record ${i + 1}`,
      line: r.line,
      title: first('TI', 'T1'),
      doi,
      arxiv: entryArxiv(null, null, doi, ...links, ...all('JO', 'JF', 'T2', 'N1', 'M1', 'AN', 'SN')),
      year: yearOf(first('PY', 'Y1', 'DA')),
    };
  });
}
