/**
 * A reader's own library (a reference manager's export), read as entries: what each says about
 * the work it names, enough to find it in the open graph. Pure data; no DOM, no graph.
 */

/** The formats "Open my library…" reads. */
export type LibraryFormat = 'bibtex' | 'csl-json' | 'ris';

export interface LibraryEntry {
  /** The entry's own name in the file: a BibTeX key, a CSL-JSON id, a RIS ID (else "record N"). */
  key: string;
  /** Line where the entry starts (1-based). */
  line: number;
  title: string | null;
  /** Lowercase, no resolver prefix (see normalizeDoi). */
  doi: string | null;
  /** Without version ("2208.12242"). */
  arxiv: string | null;
  year: number | null;
}

export interface LibraryFile {
  /** The file's name, as the reader chose it. */
  name: string;
  format: LibraryFormat;
  entries: LibraryEntry[];
}

/** A file that cannot be read as a library: its message names the file, the line and what is wrong. */
export class LibraryFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? `${file}: ${problem}` : `${file}, line ${line}: ${problem}`);
    this.name = 'LibraryFileError';
  }
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
