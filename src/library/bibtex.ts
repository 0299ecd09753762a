/**
 * A BibTeX or BibLaTeX library (Zotero's "Export Library…", JabRef, Mendeley) → entries, read by a
 * real BibTeX parser (@retorquere/bibtex-parser: @string abbreviations, comments, LaTeX accents and
 * braces). Any type of entry is read; what matters is its identifiers and title. A file the parser
 * reports an error in is refused as a whole, with the line of the first error. Pure.
 */
import { parse } from '@retorquere/bibtex-parser';
import { doiIn, entryArxiv, yearOf } from './ids';
import { LibraryFileError, lineOf, type LibraryEntry } from './types';

/** Composed Unicode: `{\\'\\i}` gives a dotless ı with a combining accent, read as í. */
function tidy(s: string): string {
  return s.replace(/ı(?=[\u0300-\u036f])/g, 'i').normalize('NFC');
}

export function parseBibtexLibrary(text: string, file: string): LibraryEntry[] {
  let lib: ReturnType<typeof parse>;
  try {
    lib = parse(text, { sentenceCase: false, unsupported: 'ignore' });
  } catch (e) {
    throw new LibraryFileError(file, null, `not readable as BibTeX: ${(e as Error).message}`);
  }
  const err = lib.errors[0];
  if (err) {
    const at = err.input ? text.indexOf(err.input) : -1;
    throw new LibraryFileError(
      file,
      at >= 0 ? lineOf(text, at) : null,
      `malformed BibTeX: ${err.error.replace(/\s+/g, ' ').trim()}`,
    );
  }
  const entries: LibraryEntry[] = [];
  let cursor = 0;
  for (const entry of lib.entries) {
    // entries come in file order: each one's "@type{key," after the last
    const escaped = entry.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`@\\s*\\w+\\s*[{(]\\s*${escaped}\\s*,`, 'g');
    re.lastIndex = cursor;
    const found = re.exec(text);
    const line = found ? lineOf(text, found.index) : 1;
    if (found) cursor = found.index + found[0].length;
    const f = entry.fields as Record<string, unknown>;
    const str = (name: string): string | null => {
      const v = f[name];
      if (typeof v === 'string') return tidy(v).trim() || null;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return tidy(v.join(' ')).trim() || null;
      return null;
    };
    const doi = doiIn(str('doi'));
    entries.push({
      key: entry.key,
      line,
      title: str('title'),
      doi,
      arxiv: entryArxiv(
        str('eprint'),
        str('archiveprefix') ?? str('eprinttype'),
        doi,
        str('url'),
        str('journal'),
        str('journaltitle'),
        str('note'),
        str('howpublished'),
      ),
      year: yearOf(str('year') ?? str('date')),
    });
  }
  return entries;
}
