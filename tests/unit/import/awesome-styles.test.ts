import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAwesomeList } from '../../../src/import/awesome-list';
import type { AwesomeListImport } from '../../../src/import/awesome-list';
import { normaliseSource } from '../../../src/import/awesome-source';
import { parseSectionMap } from '../../../src/import/section-map';
import { PaperRecordSchema } from '../../../src/model/paper';
import { FIXTURES } from './shared-data';

const ANY = parseSectionMap('"*": { task: subject, family: diffusion }\n', 'any.yaml');
const read = (name: string): AwesomeListImport =>
  parseAwesomeList(readFileSync(join(FIXTURES, name), 'utf8'), { sections: ANY });
const byTitle = (r: AwesomeListImport, start: string) => r.papers.find((p) => p.title.startsWith(start));
const messages = (r: AwesomeListImport) => r.diagnostics.map((d) => [d.line, d.level, d.message]);

describe('entries as paragraphs, read by a CommonMark parser', () => {
  const r = read('styles-paragraphs.md');

  it('imports every listed paper, and nothing commented out', () => {
    expect(r.papers.map((p) => p.id)).toEqual([
      '2301.00001',
      '2302.00002',
      '2403.00003',
      '2404.00004',
      '2406.00006',
      '2407.00007',
      'closed-alone-a-title-before-a-lone-star-pair',
    ]);
    expect(r.papers.some((p) => p.id === '2405.00005')).toBe(false);
    for (const p of r.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
  });

  it('keeps bold titles whole across soft line breaks and lone ** lines', () => {
    expect(r.papers.find((p) => p.id === '2301.00001')?.title).toBe(
      'A Title That Goes On Over Two Lines: Wrapped Bold',
    );
    expect(r.papers.find((p) => p.id === '2302.00002')?.title).toBe(
      'Opened Alone: A Title After a Lone Star Pair',
    );
    const closed = byTitle(r, 'Closed Alone');
    expect([closed?.authors, closed?.venue, closed?.venueYear, closed?.year]).toEqual([
      ['Grace Hopper', 'Ada Lovelace'],
      'ICLR (Oral)',
      2024,
      2024,
    ]);
    expect(closed?.links.pdf).toBe('https://openreview.net/forum?id=AbCdEf123');
  });

  it('reads \\ breaks, an italic venue, a date line, bare URLs, inline HTML and reference links', () => {
    const bs = r.papers.find((p) => p.id === '2403.00003');
    expect([bs?.venue, bs?.venueYear, bs?.authors, bs?.links]).toEqual([
      'ECCV',
      2024,
      [],
      { pdf: 'https://arxiv.org/pdf/2403.00003', code: 'https://github.com/example/backslash' },
    ]);
    const bare = r.papers.find((p) => p.id === '2404.00004');
    expect(bare?.title).toBe('Bare Links: Super Inline HTML');
    expect(bare?.links).toEqual({
      pdf: 'https://arxiv.org/abs/2404.00004',
      code: 'https://github.com/example/bare',
    });
    expect(r.papers.find((p) => p.id === '2407.00007')?.links.code).toBe(
      'https://github.com/example/reference',
    );
    // a venue written as the paper link's text; the commented-out line inside the entry is ignored
    const v = r.papers.find((p) => p.id === '2406.00006');
    expect([v?.venue, v?.venueYear, v?.links.code]).toEqual([
      'NeurIPS Spotlight',
      2024,
      'https://github.com/example/venue-link',
    ]);
  });

  it('skips the note to readers and the badges with a warning, never an error', () => {
    expect(messages(r)).toEqual([
      [3, 'warning', 'a line of badges skipped'],
      [
        5,
        'warning',
        '"If you find this list useful, please star it and cite our survey." skipped: a note to readers, not a paper',
      ],
      [24, 'warning', '3 entries have no italic authors line (lines 24, 30, 44)'],
    ]);
  });
});

describe('entries as list items', () => {
  const r = read('styles-lists.md');

  it('reads bold, linked and plain titles, numbered and loose items, nested lists', () => {
    expect(r.entries.map((e) => [e.line, e.title])).toEqual([
      [9, 'Bold Item: Title in Bold'],
      [10, 'Linked Title: The Title Is the Link'],
      [11, 'Plain Title Text Before Its Links'],
      [12, 'Numbered Item: With an OpenReview Paper'],
      [13, 'Loose Item: Authors on Their Own Line'],
      [19, 'Nested Item: Inside Another Item'],
    ]);
    const linked = r.papers.find((p) => p.id === '2311.00012');
    expect([linked?.venue, linked?.venueYear, linked?.links.pdf]).toEqual([
      'CVPR',
      2024,
      'https://arxiv.org/abs/2311.00012',
    ]);
    expect(r.papers.find((p) => p.id === '2312.00013')?.links.project).toBe('https://example.org/plain');
    const or = byTitle(r, 'Numbered Item');
    expect([or?.arxiv, or?.venue, or?.year, or?.links.pdf]).toEqual([
      null,
      'ICLR',
      2024,
      'https://openreview.net/pdf?id=Zz99',
    ]);
    expect(r.papers.find((p) => p.id === '2401.00014')?.authors).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('skips the table of contents and link-less items with warnings', () => {
    expect(r.diagnostics.every((d) => d.level === 'warning')).toBe(true);
    expect(messages(r).map(([line, , m]) => [line, String(m).replace(/ \(.*/, '')])).toEqual([
      [4, 'a table of contents'],
      [5, 'a table of contents'],
      [23, '2 list item(s) without a paper link skipped'],
    ]);
  });
});

describe('entries as table rows', () => {
  const r = read('styles-tables.md');

  it('finds the title, venue, date and link columns by their headers', () => {
    expect(r.entries.map((e) => [e.line, e.title, e.venue, e.venueYear, e.dateYear, e.arxiv])).toEqual([
      [7, 'Table Row One: Title in a Cell', 'CVPR', 2024, 2023, '2311.00021'],
      [8, 'Table Row Two: A Preprint', 'arXiv', null, 2024, '2401.00022'],
      [9, 'Table Row Three: No arXiv', 'AAAI', 2024, 2023, null],
      [14, 'Linked Row: Title as a Link', null, null, 2023, '2312.00023'],
    ]);
    expect(r.papers.find((p) => p.id === '2311.00021')?.links).toEqual({
      pdf: 'https://arxiv.org/pdf/2311.00021',
      code: 'https://github.com/example/row-one',
    });
    expect(r.papers.find((p) => p.id === '2312.00023')?.links.code).toBe('https://github.com/example/linked');
    expect(byTitle(r, 'Table Row Three')?.year).toBe(2024);
  });

  it('skips empty rows and tables without links with warnings', () => {
    expect(messages(r)).toEqual([
      [10, 'warning', '1 table row(s) without a title, arXiv link or year skipped (lines 10)'],
      [16, 'warning', 'a table without links skipped (not a table of papers)'],
    ]);
  });
});

describe('source clean-up before parsing', () => {
  it('joins a lone ** line to its title and blanks comments, keeping every line', () => {
    const text = 'a\n**\nTitle**\n\n**Other\n**\n<!-- x\ny -->\nz <!-- w --> v';
    const out = normaliseSource(text);
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    expect(out).toBe('a\n\\\n**Title**\n\n**Other**\n\\\n\\\n\\\nz  v');
  });

  it('still reports data it cannot read: a broken title, an orphan venue line', () => {
    const r = parseAwesomeList(
      [
        '## Subject-Driven Generation',
        '',
        '**Broken: no closing stars<br>',
        '*A B*<br>',
        'CVPR 2023. / [PDF](https://arxiv.org/abs/2208.00001)',
        '',
        'Arxiv 2024. / [PDF](https://arxiv.org/abs/2401.00002)',
      ].join('\n'),
    );
    expect(r.papers).toEqual([]);
    expect(r.diagnostics.map((d) => [d.line, d.level])).toEqual([
      [3, 'error'],
      [7, 'error'],
    ]);
  });
});
