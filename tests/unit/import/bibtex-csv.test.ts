import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBibtex } from '../../../src/import/bibtex';
import { parseEdgesCsv, parsePapersCsv } from '../../../src/import/csv';
import { mergeEdges, mergePapers } from '../../../src/import/merge';
import type { ImportedPaper } from '../../../src/import/paper-input';
import { arxivIdIn } from '../../../src/import/paper-input';
import { parsePapersFile } from '../../../src/data/index';
import { FIXTURES, REPO_ROOT } from './shared-data';

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const SMALL = join(REPO_ROOT, 'tests/fixtures/graph-data/small/papers.yaml');
const small = () => parsePapersFile(readFileSync(SMALL, 'utf8'), SMALL).map((p) => p.value);
const VOCAB = {
  families: new Set(['diffusion', 'gan', 'ar', 'survey']),
  tasks: new Set(['subject', 'face', 'style', 'gan-inversion', 'ar-personalization', 'survey']),
};

describe('BibTeX libraries', () => {
  const lib = parseBibtex(fixture('library.bib'), { family: 'diffusion', tasks: ['subject'] });
  const byId = (id: string) => lib.papers.find((p) => p.record.id === id)?.record;

  it('reads @article, @inproceedings and @misc with their lines; skips other types with a warning', () => {
    expect(lib.papers.map((p) => [p.line, p.label])).toEqual([
      [5, 'entry "ruiz2023dreambooth"'],
      [14, 'entry "krahenbuhl2016manifold"'],
      [24, 'entry "gal2022image"'],
      [32, 'entry "garcia2024nuestra"'],
    ]);
    expect(lib.diagnostics).toEqual([
      {
        level: 'warning',
        line: 40,
        message: 'entry "ignored2020book": @book skipped (reads @article, @inproceedings and @misc)',
      },
    ]);
  });

  it('expands @string, strips protecting braces, keeps the venue year apart from the arXiv date', () => {
    expect(byId('2208.12242')).toMatchObject({
      title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
      name: 'DreamBooth',
      authors: [
        'Nataniel Ruiz',
        'Yuanzhen Li',
        'Varun Jampani',
        'Yael Pritch',
        'Michael Rubinstein',
        'Kfir Aberman',
      ],
      year: 2022,
      month: 8,
      venue: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition',
      venueYear: 2023,
      links: { pdf: 'https://arxiv.org/abs/2208.12242' },
      family: 'diffusion',
      tasks: ['subject'],
    });
    // "arXiv:2208.01618" as eprint; braces inside a word ("{I}nversion") are only case protection
    expect(byId('2208.01618')?.title).toBe(
      'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion',
    );
  });

  it('turns LaTeX accents into Unicode, finds arXiv ids in a url and reads a month macro', () => {
    const k = byId('1609.03552');
    expect(k?.authors).toEqual(['Jun-Yan Zhu', 'Philipp Krähenbühl', 'Eli Shechtman', 'Alexei A. Efros']);
    expect([k?.year, k?.month, k?.venue, k?.venueYear]).toEqual([2016, 9, 'ECCV', 2016]);
    const g = lib.papers.find((p) => p.label.includes('garcia'))?.record;
    expect(g?.title).toBe('Personalización de modelos de difusión con ça et ß');
    expect(g?.authors).toEqual(['María García', 'Jörg Müller']);
    expect([g?.id, g?.arxiv, g?.year, g?.month, g?.links.pdf]).toEqual([
      'personalizacion-de-modelos-de-difusion-con-ca-et',
      null,
      2024,
      null,
      'https://example.org/papers/garcia2024.pdf',
    ]);
  });

  it('reports duplicate keys, missing years, bad months and malformed entries with their lines', () => {
    const bad = parseBibtex(fixture('malformed.bib'), { family: 'diffusion', tasks: ['subject'] });
    expect(bad.papers.map((p) => p.record.id)).toEqual(['2401.00031']);
    const errors = bad.diagnostics.filter((d) => d.level === 'error').map((d) => [d.line, d.message]);
    expect(errors).toContainEqual([7, 'entry "dup2024": field "key": duplicate key (first used on line 1)']);
    expect(errors).toContainEqual([
      12,
      'entry "noyear": field "year": missing: a paper without an arXiv id needs a year',
    ]);
    expect(errors).toContainEqual([
      17,
      'entry "badmonth": field "month": "thirteenth" is not a month (1-12 or jan-dec)',
    ]);
    expect(errors.some(([line, m]) => line === 23 && /^malformed BibTeX: Unterminated/.test(String(m)))).toBe(
      true,
    );
  });

  it('finds arXiv ids in eprints, addresses and DOIs', () => {
    expect(arxivIdIn('arXiv:2208.12242v2')).toBe('2208.12242');
    expect(arxivIdIn(undefined, 'https://arxiv.org/pdf/2301.00001v1.pdf')).toBe('2301.00001');
    expect(arxivIdIn('10.48550/arXiv.2302.00002')).toBe('2302.00002');
    expect(arxivIdIn('10.1007/978-3-319-46454-1_36')).toBeNull();
  });

  it('takes an arXiv id only as arXiv issues it', () => {
    expect(arxivIdIn('2301.01234v2')).toBe('2301.01234');
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234']) {
      expect(arxivIdIn(bogus), bogus).toBeNull();
      expect(arxivIdIn(`arXiv:${bogus}v1`), bogus).toBeNull();
      expect(arxivIdIn(undefined, `https://arxiv.org/abs/${bogus}`), bogus).toBeNull();
      expect(arxivIdIn(`10.48550/arXiv.${bogus}`), bogus).toBeNull();
      // a bogus one does not hide a real one in the next field
      expect(arxivIdIn(`https://arxiv.org/abs/${bogus}`, '10.48550/arXiv.2301.01234'), bogus).toBe(
        '2301.01234',
      );
    }
    // no id cut out of a longer number
    expect(arxivIdIn('arXiv:2301.123456')).toBeNull();
  });

  it("keeps an old-style arXiv eprint as the paper's link, with a warning", () => {
    const bib = parseBibtex(
      [
        '@article{witten,',
        '  title = {String Theory Dynamics},',
        '  year = {1995},',
        '  eprint = {hep-th/9503124},',
        '  archiveprefix = {arXiv},',
        '  doi = {10.1016/0550-3213(95)00158-O},',
        '}',
        '',
        '@misc{undated,',
        '  title = {An Undated Preprint},',
        '  eprint = {arXiv:math.GT/0309136v2},',
        '}',
        '',
        '@misc{never,',
        '  title = {Before arXiv},',
        '  year = {1990},',
        '  eprint = {hep-th/9001001},',
        '}',
        '',
      ].join('\n'),
    );
    expect(bib.papers.map((p) => [p.record.id, p.record.arxiv, p.record.year, p.record.links])).toEqual([
      ['string-theory-dynamics', null, 1995, { pdf: 'https://arxiv.org/abs/hep-th/9503124' }],
      ['an-undated-preprint', null, 2003, { pdf: 'https://arxiv.org/abs/math.GT/0309136' }],
    ]);
    expect(bib.diagnostics.map((d) => [d.level, d.line, d.message])).toEqual([
      [
        'warning',
        1,
        'entry "witten": field "arxiv": "hep-th/9503124" is an arXiv id of the scheme before 2007: kept as the paper\'s link, not as its id',
      ],
      [
        'warning',
        9,
        'entry "undated": field "arxiv": "arXiv:math.GT/0309136v2" is an arXiv id of the scheme before 2007: kept as the paper\'s link, not as its id',
      ],
      // arXiv began in August 1991: no such id
      [
        'error',
        14,
        'entry "never": field "arxiv": "hep-th/9001001" is not an arXiv id as arXiv issues it (e.g. 2208.12242)',
      ],
    ]);
  });

  it('keeps a bogus arXiv address as a plain link with a warning, and refuses a bogus eprint', () => {
    const bib = parseBibtex(
      [
        '@misc{a,',
        '  title = {A Paper},',
        '  year = {2023},',
        '  url = {https://arxiv.org/abs/9501.00004},',
        '}',
        '',
        '@misc{b,',
        '  title = {B Paper},',
        '  year = {2023},',
        '  eprint = {2313.12345},',
        '  archiveprefix = {arXiv},',
        '}',
        '',
      ].join('\n'),
    );
    expect(bib.papers.map((p) => [p.record.id, p.record.arxiv, p.record.links])).toEqual([
      ['a-paper', null, { pdf: 'https://arxiv.org/abs/9501.00004' }],
    ]);
    expect(bib.diagnostics).toEqual([
      {
        level: 'warning',
        line: 1,
        message:
          'entry "a": field "url": "https://arxiv.org/abs/9501.00004" names no id arXiv issued ("9501.00004"); no arXiv id taken from it',
      },
      {
        level: 'error',
        line: 7,
        message:
          'entry "b": field "arxiv": "2313.12345" is not an arXiv id as arXiv issues it (e.g. 2208.12242)',
      },
    ]);
    const csv = parsePapersCsv(
      'title,year,doi,pdf\nOne,2023,10.48550/arXiv.2301.1234,\nTwo,2023,,https://arxiv.org/pdf/2301.01234v1\n',
    );
    expect(csv.papers.map((p) => [p.line, p.record.id, p.record.arxiv])).toEqual([
      [2, 'one', null],
      [3, '2301.01234', '2301.01234'],
    ]);
    expect(csv.diagnostics.map((d) => [d.level, d.line, d.message])).toEqual([
      [
        'warning',
        2,
        'row 2: field "doi": "10.48550/arXiv.2301.1234" names no id arXiv issued ("2301.1234"); no arXiv id taken from it',
      ],
    ]);
  });
});

describe('CSV of papers and of edges', () => {
  it('reads quoted commas, line breaks in cells, ;-separated lists, and rows by line', () => {
    const r = parsePapersCsv(fixture('papers.csv'));
    expect(r.diagnostics).toEqual([]);
    expect(r.papers.map((p) => [p.line, p.record.id, p.record.title])).toEqual([
      [
        2,
        '2208.12242',
        'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
      ],
      [3, 'a-paper-from-a-spreadsheet-with-a-comma', 'A Paper From a Spreadsheet, With a Comma'],
      [4, '2303.00041', 'A Title Written Over Two Lines'],
    ]);
    expect(r.papers[1]?.record).toMatchObject({
      tasks: ['subject', 'style'],
      family: 'diffusion',
      year: 2024,
      venueYear: 2024,
    });
    expect(r.papers[0]?.record).toMatchObject({
      venue: 'CVPR',
      venueYear: 2023,
      year: 2022,
      links: { code: 'https://github.com/google/dreambooth' },
    });
  });

  it('names the line and field of bad rows and unknown columns', () => {
    const typo = parsePapersCsv('title,yaer\nA Title,2024\n');
    expect(typo.diagnostics).toEqual([
      {
        level: 'error',
        line: 1,
        message:
          'column "yaer": unknown (columns: id, title, authors, year, month, venue, venue_year, arxiv, doi, url, pdf, project, code, demo, dataset, family, tasks)',
      },
    ]);
    const bad = parsePapersCsv('title,year,code\nOne,2024,ftp://x\nTwo,20x4,\n,2024,\n');
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      'row 2: field "code": "ftp://x" is not an http(s) address',
      'row 3: field "year": "20x4" is not a year',
      'row 4: field "title": missing: every paper needs a title',
    ]);
    expect(parsePapersCsv('title\n"unclosed\n').diagnostics[0]?.message).toMatch(/^malformed CSV: /);
  });

  it('reads curated edges and rejects unknown kinds', () => {
    const r = parseEdgesCsv(fixture('edges.csv'));
    expect(r.edges.map((e) => [e.line, e.record])).toEqual([
      [
        2,
        {
          source: '2102.00003',
          target: '2001.00001',
          kind: 'builds-on',
          provenance: { source: 'curated', by: 'a curator' },
          note: 'says so in section 3',
        },
      ],
      [
        3,
        { source: '2102.00003', target: '2101.00002', kind: 'compares', provenance: { source: 'curated' } },
      ],
    ]);
    expect(parseEdgesCsv('source,target,kind\na,b,inspires\n').diagnostics[0]?.message).toBe(
      'row 2: field "kind": "inspires" is not one of builds-on, cites, compares, mentions',
    );
  });
});

describe('merging into an existing directory', () => {
  const imported = (
    line: number,
    record: Partial<ImportedPaper['record']> & { id: string; title: string },
  ): ImportedPaper => ({
    line,
    label: `row ${line}`,
    record: {
      name: null,
      authors: [],
      year: 2020,
      month: null,
      venue: null,
      venueYear: null,
      arxiv: null,
      links: {},
      ...record,
    },
  });

  it('keeps existing values, fills empty ones, reports conflicts as warnings', () => {
    const existing = small();
    const alpha = existing.find((p) => p.id === '2001.00001');
    const m = mergePapers(
      existing,
      [
        imported(2, {
          id: '2001.00001',
          title: 'AlphaGAN: A different title',
          year: 2020,
          venue: 'ICCV',
          venueYear: 2021,
          links: { code: 'https://github.com/example/alpha', pdf: 'https://example.org/other.pdf' },
        }),
      ],
      VOCAB,
    );
    const after = m.papers.find((p) => p.id === '2001.00001');
    expect(after?.title).toBe(alpha?.title);
    expect(after?.venue).toBe('CVPR');
    expect(after?.links).toEqual({ ...alpha?.links, code: 'https://github.com/example/alpha' });
    expect(m.updated).toEqual(['2001.00001']);
    expect(m.diagnostics.map((d) => [d.level, d.message.replace(/ \(the import.*/, '')])).toEqual([
      [
        'warning',
        'row 2: paper 2001.00001: field "title" keeps "AlphaGAN: Inverting generators by optimisation"',
      ],
      ['warning', 'row 2: paper 2001.00001: field "venue" keeps "CVPR"'],
      ['warning', 'row 2: paper 2001.00001: field "venueYear" keeps 2020'],
      ['warning', 'row 2: paper 2001.00001: field "links.pdf" keeps "https://arxiv.org/abs/2001.00001"'],
    ]);
  });

  it('matches by arXiv id or title, adds new papers, and checks family and tasks against the taxonomy', () => {
    const m = mergePapers(
      small(),
      [
        imported(2, {
          id: 'gamma-by-title',
          title: 'Gamma: Fine-tuning the whole model for one subject',
          venue: 'ECCV',
          family: 'gan',
        }),
        imported(3, { id: 'brand-new', title: 'A Brand New Paper', family: 'diffusion', tasks: ['subject'] }),
        imported(4, { id: 'no-family', title: 'Nobody Said Which Family' }),
        imported(5, { id: 'bad-task', title: 'A Bad Task', family: 'diffusion', tasks: ['painting'] }),
      ],
      VOCAB,
    );
    expect(m.added).toEqual(['brand-new']);
    expect(m.papers.find((p) => p.id === '2102.00003')?.venue).not.toBe('ECCV');
    expect(
      m.diagnostics
        .filter((d) => d.level === 'error')
        .map((d) => [d.line, d.message.split(':').slice(0, 2).join(':')]),
    ).toEqual([
      [4, 'row 4: field "family"'],
      [5, 'row 5: field "tasks"'],
    ]);
  });

  it('adds curated edges once, and names rows whose papers are not in the directory', () => {
    const r = parseEdgesCsv(fixture('edges.csv'));
    const ids = new Set(small().map((p) => p.id));
    const first = mergeEdges([], r.edges, ids);
    expect(first.added).toBe(2);
    const again = mergeEdges(first.edges, r.edges, ids);
    expect([again.added, again.edges.length, again.diagnostics]).toEqual([0, 2, []]);
    const dangling = mergeEdges(
      [],
      parseEdgesCsv('source,target,kind\n2102.00003,9999.00001,cites\n').edges,
      ids,
    );
    expect(dangling.diagnostics.map((d) => d.message)).toEqual([
      'row 2: field "target": no paper "9999.00001" in the directory',
    ]);
  });
});
