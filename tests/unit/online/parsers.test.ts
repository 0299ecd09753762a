/**
 * The services' answers as documented (field names copied from the Semantic Scholar Graph API,
 * OpenAlex works and the arXiv Atom feed), and the broken answers the parsers must refuse.
 */
import { describe, expect, it } from 'vitest';
import { arxivEntry, arxivParams, parseArxivFeed } from '../../../src/online/arxiv';
import { BadResponseError, ServiceError } from '../../../src/online/errors';
import {
  arxivDoi,
  arxivFromDoi,
  batches,
  fetchTargets,
  normalizeArxiv,
  normalizeDoi,
  paperDoi,
} from '../../../src/online/ids';
import {
  matchWorks,
  openAlexParams,
  parseOpenAlexWorks,
  shortOpenAlexId,
} from '../../../src/online/openalex';
import { isTruncated, parseS2Batch, parseS2ReferencePage, s2Entry, s2Query } from '../../../src/online/s2';
import type { PaperRecord } from '../../../src/model';

describe('identifiers', () => {
  it('normalises DOIs and arXiv ids', () => {
    expect(normalizeDoi('https://doi.org/10.48550/arXiv.2208.12242')).toBe('10.48550/arxiv.2208.12242');
    expect(normalizeDoi('doi:10.1109/CVPR.2023.00001')).toBe('10.1109/cvpr.2023.00001');
    expect(normalizeDoi('not a doi')).toBeNull();
    expect(normalizeArxiv('arXiv:2208.12242v3')).toBe('2208.12242');
    expect(normalizeArxiv('hep-th/9901001v1')).toBe('hep-th/9901001');
    expect(normalizeArxiv('12345')).toBeNull();
    expect(arxivDoi('2208.12242')).toBe('10.48550/arxiv.2208.12242');
    expect(arxivFromDoi('10.48550/arxiv.2208.12242')).toBe('2208.12242');
    expect(arxivFromDoi('10.1109/x')).toBeNull();
  });
  it('targets papers with an arXiv id or a doi.org link, and batches them', () => {
    const base = {
      title: 't',
      name: null,
      authors: [],
      year: 2020,
      month: null,
      venue: null,
      venueYear: null,
      family: 'gan',
      tasks: ['subject'],
    };
    const papers = [
      { ...base, id: '2001.00001', arxiv: '2001.00001', links: {} },
      { ...base, id: 'no-ids', arxiv: null, links: { pdf: 'https://example.org/a.pdf' } },
      { ...base, id: 'with-doi', arxiv: null, links: { pdf: 'https://doi.org/10.1145/ABC.1' } },
    ] as PaperRecord[];
    expect(paperDoi(papers[2] as PaperRecord)).toBe('10.1145/abc.1');
    expect(fetchTargets(papers)).toEqual([
      { id: '2001.00001', arxiv: '2001.00001', doi: null },
      { id: 'with-doi', arxiv: null, doi: '10.1145/abc.1' },
    ]);
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => batches([1], 0)).toThrow(/positive integer/);
  });
});

describe('Semantic Scholar', () => {
  const answer = [
    {
      paperId: '5d1b4a',
      externalIds: { ArXiv: '2208.12242', DOI: '10.48550/arXiv.2208.12242', CorpusId: 251800180 },
      referenceCount: 3,
      citationCount: 2500,
      references: [
        { paperId: 'aa11', externalIds: { ArXiv: '2006.11239', CorpusId: 219955663 } },
        { paperId: null, externalIds: null },
      ],
    },
    null,
  ];

  it('parses a batch answer with a null for an unknown id, and sees truncation', () => {
    const [paper, unknown] = parseS2Batch(answer, 2);
    expect(unknown).toBeNull();
    expect(paper).toEqual({
      paperId: '5d1b4a',
      referenceCount: 3,
      citationCount: 2500,
      references: [
        { s2: 'aa11', arxiv: '2006.11239', doi: null },
        { s2: null, arxiv: null, doi: null },
      ],
    });
    expect(isTruncated(paper!)).toBe(true);
    const target = { id: '2208.12242', arxiv: '2208.12242', doi: null };
    expect(s2Query(target)).toBe('ARXIV:2208.12242');
    expect(s2Query({ id: 'x', arxiv: null, doi: '10.1/a' })).toBe('DOI:10.1/a');
    const notFound = s2Entry(target, null, [], '2026-11-29T12:00:00.000Z');
    expect(notFound).toMatchObject({
      found: false,
      paperId: null,
      references: [],
      query: 'ARXIV:2208.12242',
    });
  });

  it('refuses answers of the wrong shape or length', () => {
    expect(() => parseS2Batch({ error: 'x' }, 1)).toThrow(BadResponseError);
    expect(() => parseS2Batch(answer, 3)).toThrow(/asked for 3 papers, got 2/);
    expect(() => parseS2Batch([{ paperId: 'a', references: {} }], 1)).toThrow(/"references" is not an array/);
    expect(() => parseS2Batch([{ paperId: 'a', citationCount: -1 }], 1)).toThrow(/not a count/);
  });

  it('parses reference pages with and without next', () => {
    const page = parseS2ReferencePage({
      offset: 0,
      next: 2,
      data: [
        { citedPaper: { paperId: 'p1', externalIds: { DOI: '10.1000/X' } } },
        { citedPaper: { paperId: null, externalIds: null } },
      ],
    });
    expect(page).toEqual({
      offset: 0,
      next: 2,
      references: [
        { s2: 'p1', arxiv: null, doi: '10.1000/x' },
        { s2: null, arxiv: null, doi: null },
      ],
    });
    expect(parseS2ReferencePage({ offset: 2, data: [] }).next).toBeNull();
    expect(() => parseS2ReferencePage({ offset: 4, next: 4, data: [] })).toThrow(/does not move past/);
    expect(() => parseS2ReferencePage({ offset: 0 })).toThrow(BadResponseError);
  });
});

describe('OpenAlex', () => {
  const answer = {
    meta: { count: 1, db_response_time_ms: 20, page: 1, per_page: 50, groups_count: null },
    results: [
      {
        id: 'https://openalex.org/W4293871111',
        doi: 'https://doi.org/10.48550/arxiv.2208.12242',
        referenced_works: ['https://openalex.org/W3036167779', 'https://openalex.org/W2194775991'],
        referenced_works_count: 2,
        cited_by_count: 1800,
      },
    ],
    group_by: [],
  };

  it('asks by DOI filter and matches works back to the asked DOIs', () => {
    const params = openAlexParams(['10.48550/arxiv.2208.12242', '10.48550/arxiv.2006.11239']);
    expect(params.filter).toBe('doi:10.48550/arxiv.2208.12242|10.48550/arxiv.2006.11239');
    expect(params.select).toContain('referenced_works');
    expect(params['per-page']).toBe('100');
    const works = parseOpenAlexWorks(answer);
    expect(works[0]).toEqual({
      openalexId: 'W4293871111',
      doi: '10.48550/arxiv.2208.12242',
      referencedWorks: ['W3036167779', 'W2194775991'],
      referencedWorksCount: 2,
      citedByCount: 1800,
    });
    expect(
      matchWorks(['10.48550/arXiv.2208.12242', '10.48550/arxiv.2006.11239'], works).map(
        (w) => w?.openalexId ?? null,
      ),
    ).toEqual(['W4293871111', null]);
    expect(shortOpenAlexId('https://openalex.org/a123')).toBeNull();
  });

  it('refuses answers without meta/results or with bad work ids', () => {
    expect(() => parseOpenAlexWorks({ results: [] })).toThrow(BadResponseError);
    expect(() => parseOpenAlexWorks({ meta: {}, results: [{ id: 'https://example.org/1' }] })).toThrow(
      /not an OpenAlex work id/,
    );
    expect(() => parseOpenAlexWorks({ meta: {}, results: [{ id: 'W1', referenced_works: [42] }] })).toThrow(
      /referenced_works/,
    );
    expect(() => openAlexParams([])).toThrow(/1 to 50/);
  });
});

describe('arXiv', () => {
  const feed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?id_list=2208.12242" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: id_list=2208.12242</title>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/2208.12242v2</id>
    <updated>2023-03-15T17:52:45Z</updated>
    <published>2022-08-25T17:45:49Z</published>
    <title>DreamBooth: Fine Tuning Text-to-Image Diffusion Models for
  Subject-Driven Generation</title>
    <summary>  Large text-to-image models achieved a remarkable leap &amp; more,
enabling &lt;high-quality&gt; synthesis.
</summary>
    <author><name>Nataniel Ruiz</name></author>
    <link href="http://arxiv.org/abs/2208.12242v2" rel="alternate" type="text/html"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>`;

  it('reads the first-version date, title, abstract and categories (primary first), whitespace collapsed', () => {
    expect(parseArxivFeed(feed)).toEqual([
      {
        arxiv: '2208.12242',
        published: '2022-08-25T17:45:49Z',
        title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
        abstract:
          'Large text-to-image models achieved a remarkable leap & more, enabling <high-quality> synthesis.',
        primaryCategory: 'cs.CV',
        categories: ['cs.CV', 'cs.LG'],
      },
    ]);
    expect(arxivParams(['2208.12242', '2006.11239'])).toEqual({
      id_list: '2208.12242,2006.11239',
      max_results: '2',
    });
    const target = { id: '2208.12242', arxiv: '2208.12242', doi: null };
    expect(arxivEntry(target, null, '2026-11-29T12:00:00.000Z')).toMatchObject({
      found: false,
      abstract: null,
      categories: [],
    });
  });

  it('decodes character references in titles and abstracts', () => {
    const accented = feed
      .replace('Subject-Driven Generation</title>', 'Subject&#x2013;Driven Gen&#233;ration</title>')
      .replace('synthesis.', 'synth&#232;sis&#9;too.');
    const [paper] = parseArxivFeed(accented);
    expect(paper!.title).toBe('DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject–Driven Genération');
    expect(paper!.abstract).toBe('Large text-to-image models achieved a remarkable leap & more, enabling <high-quality> synthèsis too.');
  });

  it('reads an empty feed as no papers', () => {
    expect(
      parseArxivFeed(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>q</title></feed>',
      ),
    ).toEqual([]);
  });

  it("throws a ServiceError on arXiv's error entry and a BadResponseError on broken XML", () => {
    const error = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`;
    expect(() => parseArxivFeed(error)).toThrow(ServiceError);
    expect(() => parseArxivFeed(error)).toThrow('arXiv API error: incorrect id format for 1234');
    expect(() => parseArxivFeed(feed.slice(0, feed.length / 2))).toThrow(BadResponseError);
    expect(() => parseArxivFeed('Rate exceeded.')).toThrow(BadResponseError);
    expect(() => parseArxivFeed('<html><body>busy</body></html>')).toThrow(/no Atom <feed>/);
  });
});
