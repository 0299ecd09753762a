/** The library readers: what each format gives, and located errors for malformed files. */
import { describe, expect, it } from 'vitest';
import { libraryFormat, parseLibrary } from '../../../src/library/parse';
import { LibraryFileError } from '../../../src/library/types';
import { readRisRecords } from '../../../src/library/ris';
import { topLevelElementOffsets } from '../../../src/library/csl-json';

function errorOf(text: string, name: string): LibraryFileError {
  try {
    parseLibrary(text, name);
  } catch (e) {
    if (e instanceof LibraryFileError) return e;
    throw e;
  }
  throw new Error('expected a LibraryFileError');
}

describe('library formats', () => {
  it('tells the format by the name, else by the text', () => {
    expect(libraryFormat('My Library.bib', '')).toBe('bibtex');
    expect(libraryFormat('export.json', '')).toBe('csl-json');
    expect(libraryFormat('export.RIS', '')).toBe('ris');
    expect(libraryFormat('export.txt', 'TY  - JOUR\nER  - \n')).toBe('ris');
    expect(libraryFormat('export.txt', '\uFEFF[{"id": 1}]')).toBe('csl-json');
    expect(libraryFormat('export.txt', '% comment\n@article{a, title={x}}')).toBe('bibtex');
    expect(libraryFormat('notes.txt', 'just some words')).toBeNull();
    expect(errorOf('just some words', 'notes.txt').message).toBe(
      'notes.txt: not a BibTeX (.bib), CSL-JSON (.json) or RIS (.ris) library',
    );
  });

  it('reads RIS continuation lines, repeated tags, CRLF line ends and a BOM', () => {
    const text =
      '\uFEFFTY  - JOUR\r\nTI  - A long\r\n  title\r\nUR  - https://example.org\r\nUR  - https://arxiv.org/abs/2208.12242v2\r\nPY  - 2022///\r\nER  - \r\n';
    const [r] = readRisRecords(text, 'x.ris');
    expect(r!.tags.get('TI')).toEqual(['A long title']);
    const lib = parseLibrary(text, 'x.ris');
    expect(lib.entries[0]).toMatchObject({
      key: 'record 1',
      line: 1,
      title: 'A long title',
      arxiv: '2208.12242',
      year: 2022,
    });
  });

  it('reads BibTeX @string abbreviations and braces', () => {
    const lib = parseLibrary(
      '@string{arx = "arXiv preprint arXiv:2208.12242"}\n\n@article{k,\n  title = {{DreamBooth}: Fine Tuning},\n  journal = arx,\n  date = {2022-08-25}\n}\n',
      'a.bib',
    );
    expect(lib.entries).toEqual([
      { key: 'k', line: 3, title: 'DreamBooth: Fine Tuning', doi: null, arxiv: '2208.12242', year: 2022 },
    ]);
  });

  it('does not take another archive’s eprint for an arXiv id', () => {
    const lib = parseLibrary('@article{k, title = {T}, eprint = {12345678}, eprinttype = {pubmed}}', 'a.bib');
    expect(lib.entries[0]!.arxiv).toBeNull();
  });
});

describe('CSL-JSON item lines', () => {
  it('finds where each top-level item starts, past strings with brackets, quotes and commas', () => {
    const text =
      '[\n  {"id": "a", "title": "[x], \\"{y}\\""},\n  {"id": "b", "note": [1, {"c": ","}]},\n\n  "z"\n]';
    expect(topLevelElementOffsets(text).map((o) => text.slice(o, o + 9))).toEqual([
      '{"id": "a',
      '{"id": "b',
      '"z"\n]',
    ]);
  });
});

describe('malformed libraries: the file, the line, what is wrong', () => {
  it('BibTeX: an unterminated entry', () => {
    const e = errorOf('@article{a,\n  title = {Fine},\n}\n\n@article{b,\n  title = {Unclosed,\n', 'mine.bib');
    expect(e.file).toBe('mine.bib');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^mine\.bib, line 5: malformed BibTeX: /);
  });

  it('CSL-JSON: broken JSON, not an array, a field of the wrong type', () => {
    const broken = errorOf('[\n  {"id": "a", "title": "x"},\n  {"id": "b" "title": "y"}\n]', 'mine.json');
    expect(broken.line).toBe(3);
    expect(broken.message).toMatch(/^mine\.json, line 3: not valid JSON \(column 14\)/);
    expect(errorOf('{"items": []}', 'mine.json').message).toBe(
      'mine.json, line 1: a CSL-JSON library is an array of items ([{"id": …, "type": …, "title": …}, …])',
    );
    const typed = errorOf('[\n {"id": "a", "title": "x"},\n {"id": "b",\n  "title": ["y"]}\n]', 'mine.json');
    expect(typed.message).toBe('mine.json, line 3: item 2 (id "b"): "title" must be text, got an array');
    expect(errorOf('[\n  {"id": "a"},\n  "b"\n]', 'mine.json').message).toBe(
      'mine.json, line 3: item 2 is not an object',
    );
    expect(errorOf('[]', 'mine.json').message).toBe('mine.json: the library has no entries');
  });

  it('RIS: a tag outside a record, a record never closed, a stray line, a second TY', () => {
    expect(errorOf('TI  - Orphan\n', 'mine.ris').message).toBe(
      'mine.ris, line 1: tag TI outside a record: a record starts with "TY  - <type>"',
    );
    expect(errorOf('TY  - JOUR\nTI  - A\nER  - \n\nTY  - JOUR\nTI  - B\n', 'mine.ris').message).toBe(
      'mine.ris, line 5: the record opened here has no "ER  - " closing it',
    );
    expect(errorOf('TY  - JOUR\nTI  - A\nER  - \nnot a tag\n', 'mine.ris').message).toMatch(
      /^mine\.ris, line 4: "not a tag" is not a RIS tag line/,
    );
    expect(errorOf('TY  - JOUR\nTI  - A\nTY  - BOOK\nER  - \n', 'mine.ris').message).toBe(
      'mine.ris, line 3: a new record (TY) starts before the record opened on line 1 was closed with "ER  - "',
    );
    expect(errorOf('TY  - \nER  - \n', 'mine.ris').message).toBe(
      'mine.ris, line 1: TY has no reference type (e.g. "TY  - JOUR")',
    );
  });
});
