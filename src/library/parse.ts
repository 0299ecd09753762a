/**
 * "Open my library…": which format a file is (by its name, else by its first characters) and its
 * entries. Throws LibraryFileError (file, line, what is wrong) for anything it cannot read. Pure.
 */
import { parseBibtexLibrary } from './bibtex';
import { parseCslJsonLibrary } from './csl-json';
import { parseRisLibrary } from './ris';
import { LibraryFileError, type LibraryFile, type LibraryFormat } from './types';

/** What the file picker offers. */
export const LIBRARY_ACCEPT = '.bib,.bibtex,.json,.csljson,.ris,.txt';

export function libraryFormat(name: string, text: string): LibraryFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'json' || ext === 'csljson') return 'csl-json';
  if (ext === 'ris') return 'ris';
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json';
  if (/^TY {2}-/.test(head)) return 'ris';
  if (/^(%.*\n\s*)*@/.test(head) || /\n\s*@\w+\s*[{(]/.test(`\n${head}`)) return 'bibtex';
  return null;
}

export function parseLibrary(text: string, name: string): LibraryFile {
  const format = libraryFormat(name, text);
  if (!format)
    throw new LibraryFileError(name, null, 'not a BibTeX (.bib), CSL-JSON (.json) or RIS (.ris) library');
  const entries =
    format === 'bibtex'
      ? parseBibtexLibrary(text, name)
      : format === 'csl-json'
        ? parseCslJsonLibrary(text, name)
        : parseRisLibrary(text, name);
  if (entries.length === 0) throw new LibraryFileError(name, null, 'the library has no entries');
  return { name, format, entries };
}
