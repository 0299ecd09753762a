/** The pure parts of the snapshot import: works, arXiv ids from locations, seeds, papers, the topic taxonomy. */
import { describe, expect, it } from 'vitest';
import { arxivOfWork, parseWorkLine, slimWork, snapshotWork, workNumber } from '../../../src/snapshot/work';
import type { SnapshotWork } from '../../../src/snapshot/work';
import { parseSeed, parseSeedsText, seedsOfPapers } from '../../../src/snapshot/seeds';
import { paperOfWork, papersOfWorks, topicTaxonomy } from '../../../src/snapshot/paper';
import { validateDataset } from '../../../src/graph/build/validate';
import { fixtureWorks } from './snapshot-fixture';

const chain = (t: number, s: number, f: number) => ({
  id: `https://openalex.org/T${t}`,
  display_name: `Topic ${t}`,
  subfield: { id: `https://openalex.org/subfields/${s}`, display_name: `Subfield ${s}` },
  field: { id: `https://openalex.org/fields/${f}`, display_name: `Field ${f}` },
  domain: { id: 'https://openalex.org/domains/3', display_name: 'Physical Sciences' },
});

function work(over: Record<string, unknown>): SnapshotWork {
  const w = snapshotWork({
    id: 'https://openalex.org/W1',
    title: 'A title',
    publication_date: '2020-05-06',
    ...over,
  });
  if ('bad' in w) throw new Error(w.bad);
  return w;
}

describe('works', () => {
  it('reads OpenAlex ids in full and short form, and nothing else', () => {
    expect(workNumber('https://openalex.org/W2741809807')).toBe(2741809807);
    expect(workNumber('w42')).toBe(42);
    expect(workNumber('https://openalex.org/A42')).toBeNull();
    expect(workNumber(42)).toBeNull();
  });

  it('says why a line is not a work', () => {
    expect(parseWorkLine('{"id": "https://openalex.org/W1", ')).toEqual({ bad: 'invalid JSON' });
    expect(parseWorkLine('[1]')).toEqual({ bad: 'not a JSON object' });
    expect(parseWorkLine('{"title": "x"}')).toEqual({ bad: 'no id' });
    expect(parseWorkLine('{"id": "https://openalex.org/A1"}')).toEqual({
      bad: 'id is not an OpenAlex work id',
    });
  });

  it('finds the arXiv id through the DataCite DOI, then the landing pages and PDFs in order', () => {
    expect(arxivOfWork('10.48550/arxiv.2208.12242', [])).toBe('2208.12242');
    expect(arxivOfWork('10.1000/x', [{ landing_page_url: 'https://arxiv.org/abs/2208.12242v3' }])).toBe(
      '2208.12242',
    );
    expect(
      arxivOfWork(null, [
        { landing_page_url: 'https://example.org', pdf_url: 'http://arxiv.org/pdf/2101.00001v1.pdf' },
      ]),
    ).toBe('2101.00001');
    expect(
      arxivOfWork(null, [{ landing_page_url: 'https://example.org/arxiv.org/abs/2101.00001' }]),
    ).toBeNull();
    expect(arxivOfWork(null, [{ landing_page_url: 'https://arxiv.org/abs/hep-th/9901001' }])).toBeNull();
  });

  it('takes no id that arXiv never issued: before April 2007, no such month, the wrong number of digits', () => {
    for (const id of ['0612.1234', '0001.00004', '2213.12345', '2200.12345', '1101.00001', '2101.1234'])
      expect(
        arxivOfWork(`10.48550/arxiv.${id}`, [{ landing_page_url: `https://arxiv.org/abs/${id}` }]),
        id,
      ).toBeNull();
    // the first of the scheme, the last four-digit month and the first five-digit one
    for (const id of ['0704.0001', '1412.8000', '1501.00001'])
      expect(arxivOfWork(null, [{ pdf_url: `https://arxiv.org/pdf/${id}v2` }]), id).toBe(id); // a bogus or old-style id in one location does not hide a new-style one in the next
    expect(
      arxivOfWork('10.48550/arxiv.9501.00004', [
        {
          landing_page_url: 'https://arxiv.org/abs/9501.00004',
          pdf_url: 'https://arxiv.org/pdf/hep-th/9901001',
        },
        { landing_page_url: 'https://arxiv.org/abs/2301.01234?context=cs' },
      ]),
    ).toBe('2301.01234');
  });

  it('keeps references distinct and in order, and the topics with their whole chain', () => {
    const w = work({
      referenced_works: [
        'https://openalex.org/W3',
        'https://openalex.org/W2',
        'https://openalex.org/W3',
        'bogus',
      ],
      topics: [chain(10001, 1702, 17), { id: 'https://openalex.org/T9', display_name: 'No chain' }],
    });
    expect(w.references).toEqual([3, 2]);
    expect(w.topics.map((t) => t.id)).toEqual([10001]);
    expect(w.topicIds).toEqual([10001, 9]);
  });
});

describe('seeds', () => {
  it('reads OpenAlex ids, DOIs and arXiv ids', () => {
    expect(parseSeed('W123')).toEqual({ seed: 'W123', workId: 123, doi: null, arxiv: null });
    expect(parseSeed('https://doi.org/10.1000/ABC')).toMatchObject({ doi: '10.1000/abc', arxiv: null });
    expect(parseSeed('10.48550/arXiv.2208.12242')).toMatchObject({
      doi: '10.48550/arxiv.2208.12242',
      arxiv: '2208.12242',
    });
    expect(parseSeed('arXiv:2208.12242v2')).toMatchObject({ arxiv: '2208.12242', doi: null });
    expect(parseSeed('https://arxiv.org/abs/2208.12242')).toMatchObject({ arxiv: '2208.12242' });
    expect(parseSeed('dreambooth')).toBeNull();
  });

  it('names the lines of a seeds file it cannot read', () => {
    const r = parseSeedsText('# seeds\nW1\n\nnot an id\n2208.12242 # DreamBooth\n');
    expect(r.seeds.map((s) => s.seed)).toEqual(['W1', '2208.12242']);
    expect(r.errors).toEqual([{ line: 4, text: 'not an id' }]);
  });

  it('takes an arXiv id only as arXiv issues it, new-style (what a work carries)', () => {
    expect(parseSeed('2301.01234')).toMatchObject({ arxiv: '2301.01234' });
    for (const url of ['https://www.arxiv.org/pdf/2301.01234v2.pdf', 'https://arxiv.org/abs/2301.01234?x#y'])
      expect(parseSeed(url), url).toMatchObject({ arxiv: '2301.01234', doi: null });
    expect(parseSeed('https://arxiv.org/abs/9501.00004')).toBeNull();
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234', 'hep-th/9901001'])
      expect(parseSeed(bogus), bogus).toBeNull();
    const r = parseSeedsText('2301.01234\n9501.00004\narXiv:2313.12345v1\n');
    expect(r.seeds.map((s) => s.arxiv)).toEqual(['2301.01234']);
    expect(r.errors).toEqual([
      { line: 2, text: '9501.00004' },
      { line: 3, text: 'arXiv:2313.12345v1' },
    ]);
  });

  it("takes a dataset's papers with an arXiv id or a DOI", () => {
    const base = {
      name: null,
      authors: [],
      year: 2020,
      month: null,
      venue: null,
      venueYear: null,
      title: 't',
    };
    const seeds = seedsOfPapers([
      { ...base, id: '2208.12242', arxiv: '2208.12242', links: {} },
      { ...base, id: 'a-slug', arxiv: null, links: { pdf: 'https://doi.org/10.1000/X' } },
      { ...base, id: 'nothing', arxiv: null, links: {} },
    ]);
    expect(seeds).toEqual([
      { seed: '2208.12242', workId: null, doi: null, arxiv: '2208.12242' },
      { seed: 'a-slug', workId: null, doi: '10.1000/x', arxiv: null },
    ]);
  });
});

describe('papers and the topic taxonomy', () => {
  it("dates a preprint by its arXiv id and names the repository's venue arXiv", () => {
    const res = paperOfWork(
      work({
        primary_location: {
          landing_page_url: 'https://arxiv.org/abs/2208.12242',
          source: { display_name: 'arXiv (Cornell University)' },
        },
        authorships: [{ author: { display_name: 'Nataniel Ruiz' } }],
      }),
    );
    expect(res).toEqual({
      paper: {
        id: '2208.12242',
        title: 'A title',
        name: null,
        authors: ['Nataniel Ruiz'],
        year: 2022,
        month: 8,
        venue: 'arXiv',
        venueYear: 2020,
        arxiv: '2208.12242',
        links: {},
      },
    });
  });

  it('leaves out a work without a title or a year, and gives shared arXiv ids to the most cited', () => {
    expect(paperOfWork(work({ title: null, display_name: null }))).toEqual({ skipped: 'W1: no title' });
    expect(paperOfWork(work({ publication_date: null }))).toEqual({
      skipped: 'W1: no publication year in 1900–2100',
    });
    const loc = { landing_page_url: 'https://arxiv.org/abs/2101.00001' };
    const r = papersOfWorks([
      work({ id: 'W1', primary_location: loc, cited_by_count: 1 }),
      work({ id: 'W2', primary_location: loc, cited_by_count: 9, doi: 'https://doi.org/10.1/j' }),
    ]);
    expect(r.papers.map((p) => p.id)).toEqual(['w1', '2101.00001']);
    expect(r.sharedArxiv).toBe(1);
  });

  it('makes the same papers and taxonomy of slimmed works, which share their topic entities', () => {
    const works = [
      ...fixtureWorks(),
      work({ id: 'W1', topics: [chain(1, 10, 100), chain(4, 40, 400)] }),
      work({ id: 'W2', topics: [chain(2, 10, 100)] }),
      work({
        id: 'W5',
        concepts: [
          { id: 'https://openalex.org/C7', display_name: 'Concept field', level: 0, score: 0.5 },
          { id: 'https://openalex.org/C8', display_name: 'Concept sub', level: 1, score: 0.4 },
        ],
      }),
    ];
    const nodes = new Map();
    const slim = works.map((w) => slimWork(w, nodes));
    expect(papersOfWorks(slim)).toEqual(papersOfWorks(works));
    expect(topicTaxonomy(slim, 'test')).toEqual(topicTaxonomy(works, 'test'));
    expect(slim.every((w) => w.references.length === 0 && w.topics.length <= 1)).toBe(true);
    // one object for the subfield s10 of W1 and W2
    const [a, b] = slim.slice(-3);
    expect(a!.topics[0]!.subfield).toBe(b!.topics[0]!.subfield);
    expect(works.some((w) => w.references.length > 0)).toBe(true);
  });

  it('builds field → subfield → topic with parents, largest categories first, valid for the build', () => {
    const works = [
      work({ id: 'W1', topics: [chain(1, 10, 100)] }),
      work({ id: 'W2', topics: [chain(2, 10, 100)] }),
      work({ id: 'W3', topics: [chain(2, 10, 100)] }),
      work({ id: 'W4', topics: [chain(3, 20, 200)] }),
      work({
        id: 'W5',
        concepts: [{ id: 'https://openalex.org/C7', display_name: 'Concept field', level: 0, score: 0.5 }],
      }),
      work({ id: 'W6' }),
    ];
    const tax = topicTaxonomy(works, 'test');
    expect(
      tax.dimensions.map((d) => [d.id, d.parent, d.categories.map((c) => `${c.id}<${c.parent ?? ''}`)]),
    ).toEqual([
      ['field', undefined, ['f100<', 'c7<', 'f200<']],
      ['subfield', 'field', ['s10<f100', 's20<f200']],
      ['topic', 'subfield', ['t2<s10', 't1<s10', 't3<s20']],
    ]);
    const papers = papersOfWorks(works).papers;
    expect(papers.find((p) => p.id === 'w5')?.dimensions).toEqual({ field: ['c7'] });
    expect(papers.find((p) => p.id === 'w6')?.dimensions).toBeUndefined();
    expect(() =>
      validateDataset({
        info: { name: 't' },
        papers: papers.map((value, i) => ({ value, file: 'papers.yaml', line: i + 1 })),
        labels: [],
        taxonomy: { value: tax, file: 'taxonomy.yaml', line: 1 },
        edges: [],
      }),
    ).not.toThrow();
  });
});
