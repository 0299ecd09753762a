/**
 * The services' answers as documented (field names copied from the Semantic Scholar Graph API,
 * OpenAlex works and the arXiv Atom feed), and the broken answers the parsers must refuse.
 */
import { describe, expect, it } from 'vitest';
import { arxivEntry, arxivErrorDetail, arxivParams, parseArxivFeed } from '../../../src/online/arxiv';
import { BadResponseError, ServiceError } from '../../../src/online/errors';
import {
  arxivDoi,
  arxivFromDoi,
  arxivFromUrl,
  batches,
  fetchTargets,
  normalizeArxiv,
  normalizeDoi,
  paperDoi,
} from '../../../src/online/ids';
import {
  findWork,
  openAlexParams,
  parseOpenAlexWorks,
  pickTitleMatch,
  shortOpenAlexId,
  singleWorkPath,
  titleSearchParams,
  titleSimilarity,
  workIdsParams,
} from '../../../src/online/openalex';
import {
  isOversized,
  isTruncated,
  parseS2Batch,
  parseS2ReferencePage,
  s2Entry,
  s2ErrorDetail,
  s2Query,
} from '../../../src/online/s2';
import type { PaperRecord } from '../../../src/model';

describe('identifiers', () => {
  it('normalises DOIs and arXiv ids', () => {
    expect(normalizeDoi('https://doi.org/10.48550/arXiv.2208.12242')).toBe('10.48550/arxiv.2208.12242');
    expect(normalizeDoi('doi:10.1109/CVPR.2023.00001')).toBe('10.1109/cvpr.2023.00001');
    expect(normalizeDoi('not a doi')).toBeNull();
    expect(normalizeArxiv('arXiv:2208.12242v3')).toBe('2208.12242');
    expect(normalizeArxiv('hep-th/9901001v1')).toBe('hep-th/9901001');
    expect(normalizeArxiv('12345')).toBeNull();
    // the new scheme's ids begin in April 2007, with five-digit numbers from January 2015
    expect(normalizeArxiv('0704.0001')).toBe('0704.0001');
    expect(normalizeArxiv('0612.1234')).toBeNull();
    expect(normalizeArxiv('2213.12345')).toBeNull();
    expect(normalizeArxiv('2101.1234')).toBeNull();
    expect(normalizeArxiv('9501.00004')).toBeNull();
    expect(normalizeArxiv('arXiv:math.GT/0309136v2')).toBe('math.GT/0309136');
    expect(normalizeArxiv('hep-th/9913001')).toBeNull();
    expect(arxivDoi('2208.12242')).toBe('10.48550/arxiv.2208.12242');
    expect(arxivFromDoi('10.48550/arxiv.2208.12242')).toBe('2208.12242');
    expect(arxivFromDoi('10.1109/x')).toBeNull();
  });
  it('reads the arXiv id of an address by the one rule (arxivFromUrl)', () => {
    for (const url of [
      'https://arxiv.org/abs/2301.01234',
      'http://arxiv.org/abs/2301.01234v2',
      'https://www.arxiv.org/pdf/2301.01234v2.pdf',
      'https://export.arxiv.org/pdf/2301.01234',
      'https://arxiv.org/html/2301.01234v1/',
      'https://arxiv.org/abs//2301.01234',
      'https://arxiv.org/abs/2301.01234?context=cs#x',
      ' https://arxiv.org/abs/2301.01234 ',
      'https://doi.org/10.48550/arXiv.2301.01234',
    ])
      expect(arxivFromUrl(url), url).toBe('2301.01234');
    expect(arxivFromUrl('https://arxiv.org/abs/hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(arxivFromUrl('https://arxiv.org/abs/math.GT/0309136')).toBe('math.GT/0309136');
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234', 'hep-th/9913001']) {
      expect(arxivFromUrl(`https://arxiv.org/abs/${bogus}`), bogus).toBeNull();
      expect(arxivFromUrl(`https://doi.org/10.48550/arXiv.${bogus}`), bogus).toBeNull();
    }
    for (const url of [
      'https://example.org/abs/2301.01234',
      'https://arxiv.org.example.com/abs/2301.01234',
      'https://arxiv.org/abs/2301.012345',
      'https://arxiv.org/list/2301.01234',
      null,
      42,
    ])
      expect(arxivFromUrl(url), String(url)).toBeNull();
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
    expect(paperDoi({ links: {}, doi: 'https://doi.org/10.1109/CVPR.2023.1' })).toBe('10.1109/cvpr.2023.1');
    expect(fetchTargets(papers)).toEqual([
      { id: '2001.00001', arxiv: '2001.00001', doi: null, title: 't', year: 2020 },
      { id: 'with-doi', arxiv: null, doi: '10.1145/abc.1', title: 't', year: 2020 },
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
        {
          paperId: 'aa11',
          externalIds: { ArXiv: '2006.11239', CorpusId: 219955663 },
          title: 'Denoising  Diffusion Probabilistic\nModels',
          year: 2020,
        },
        { paperId: null, externalIds: null, title: null, year: null },
      ],
    },
    null,
  ];

  it('parses a batch answer with a null for an unknown id; a list under the nested maximum is whole', () => {
    const [paper, unknown] = parseS2Batch(answer, 2);
    expect(unknown).toBeNull();
    expect(paper).toEqual({
      paperId: '5d1b4a',
      referenceCount: 3,
      citationCount: 2500,
      references: [
        {
          s2: 'aa11',
          arxiv: '2006.11239',
          doi: null,
          title: 'Denoising Diffusion Probabilistic Models',
          year: 2020,
        },
        { s2: null, arxiv: null, doi: null, title: null, year: null },
      ],
    });
    // referenceCount (3) disagrees with the list (2): Semantic Scholar's own count, no paging
    expect(isTruncated(paper!)).toBe(false);
    const full = Array.from({ length: 1000 }, () => ({ s2: 'x', arxiv: null, doi: null }));
    expect(isTruncated({ ...paper!, references: full, referenceCount: 1033 })).toBe(true);
    expect(isTruncated({ ...paper!, references: full, referenceCount: 1000 })).toBe(false);
    expect(
      isOversized(s2ErrorDetail(400, '{"error": "Response would exceed maximum size. Please break…"}')),
    ).toBe(true);
    expect(isOversized(s2ErrorDetail(400, '{"error": "Unrecognized or unsupported fields: [x]"}'))).toBe(
      false,
    );
    expect(s2ErrorDetail(500, '{"error": "x"}')).toBeNull();
    expect(s2ErrorDetail(429, '{"message": "Too Many Requests"}')).toBeNull();
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
        { s2: 'p1', arxiv: null, doi: '10.1000/x', title: null, year: null },
        { s2: null, arxiv: null, doi: null, title: null, year: null },
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

  it('asks by DOI filter and matches works to papers by DOI or by an arXiv location', () => {
    const params = openAlexParams(['10.48550/arxiv.2208.12242', '10.48550/arxiv.2006.11239']);
    expect(params.filter).toBe('doi:10.48550/arxiv.2208.12242|10.48550/arxiv.2006.11239');
    expect(params.select).toContain('referenced_works');
    expect(params.select).toContain('locations');
    expect(params['per-page']).toBe('100');
    const works = parseOpenAlexWorks(answer);
    expect(works[0]).toEqual({
      openalexId: 'W4293871111',
      doi: '10.48550/arxiv.2208.12242',
      title: null,
      year: null,
      arxiv: '2208.12242',
      referencedWorks: ['W3036167779', 'W2194775991'],
      referencedWorksCount: 2,
      citedByCount: 1800,
    });
    const dreambooth = { id: 'db', arxiv: '2208.12242', doi: null };
    expect(findWork(dreambooth, works)?.openalexId).toBe('W4293871111');
    expect(findWork({ id: 'x', arxiv: '2006.11239', doi: null }, works)).toBeNull();
    // a published version: publisher DOI, the arXiv page among its locations
    const [published] = parseOpenAlexWorks({
      meta: { count: 1 },
      results: [
        {
          id: 'https://openalex.org/W4386076000',
          doi: 'https://doi.org/10.1109/CVPR52729.2023.02155',
          title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
          publication_year: 2023,
          locations: [
            { landing_page_url: 'https://doi.org/10.1109/cvpr52729.2023.02155', pdf_url: null },
            { landing_page_url: 'http://arxiv.org/abs/2208.12242v2', pdf_url: null },
          ],
        },
      ],
    });
    expect(published).toMatchObject({ doi: '10.1109/cvpr52729.2023.02155', arxiv: '2208.12242', year: 2023 });
    expect(findWork(dreambooth, [published!])?.openalexId).toBe('W4386076000');
    expect(arxivFromUrl('https://arxiv.org/pdf/2208.12242v3.pdf')).toBe('2208.12242');
    expect(arxivFromUrl('https://doi.org/10.48550/arXiv.2208.12242')).toBe('2208.12242');
    expect(arxivFromUrl('https://example.org/abs/2208.12242')).toBeNull();
    expect(shortOpenAlexId('https://openalex.org/a123')).toBeNull();
    expect(singleWorkPath('10.48550/arxiv.2208.12242')).toBe('/works/doi:10.48550/arxiv.2208.12242');
    expect(singleWorkPath('10.1000/a#b')).toBe('/works/doi:10.1000/a%23b');
    expect(workIdsParams(['W1', 'W2']).filter).toBe('ids.openalex:W1|W2');
    expect(() => workIdsParams(Array(101).fill('W1'))).toThrow(/1 to 100/);
    expect(titleSearchParams('DreamBooth: Fine, Tuning | Text')?.filter).toBe(
      'title.search:dreambooth fine tuning text',
    );
  });

  it('keeps a title-search answer only for a close title and year, or an arXiv location', () => {
    const paper = {
      id: 'p',
      arxiv: '2208.12242',
      doi: null,
      title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
      year: 2022,
    };
    const work = (id: string, title: string, year: number, arxiv: string | null = null) => ({
      openalexId: id,
      doi: null,
      title,
      year,
      arxiv,
      referencedWorks: [],
      referencedWorksCount: null,
      citedByCount: null,
    });
    expect(
      titleSimilarity(
        paper.title,
        'Dreambooth: fine-tuning text-to-image diffusion models for subject driven generation',
      ),
    ).toBeGreaterThan(0.9);
    expect(titleSimilarity(paper.title, 'DreamBooth3D: Subject-Driven Text-to-3D Generation')).toBeLessThan(
      0.9,
    );
    // same title, two years off: another work
    expect(pickTitleMatch(paper, [work('W1', paper.title, 2020)])).toBeNull();
    // close title, a year off (preprint 2022, proceedings 2023): the paper
    expect(
      pickTitleMatch(paper, [
        work('W2', 'DreamBooth3D: Subject-Driven Text-to-3D Generation', 2023),
        work('W3', `${paper.title}.`, 2023),
      ])?.openalexId,
    ).toBe('W3');
    // renamed on publication, but its locations name the arXiv id
    expect(
      pickTitleMatch(paper, [work('W4', 'Subject-driven generation by fine-tuning', 2023, '2208.12242')])
        ?.openalexId,
    ).toBe('W4');
    expect(pickTitleMatch({ ...paper, title: null }, [work('W5', paper.title, 2022)])).toBeNull();
  });

  it('refuses answers without meta/results or with bad work ids', () => {
    expect(() => parseOpenAlexWorks({ results: [] })).toThrow(BadResponseError);
    expect(() => parseOpenAlexWorks({ meta: {}, results: [{ id: 'https://example.org/1' }] })).toThrow(
      /not an OpenAlex work id/,
    );
    expect(() => parseOpenAlexWorks({ meta: {}, results: [{ id: 'W1', referenced_works: [42] }] })).toThrow(
      /referenced_works/,
    );
    expect(() => openAlexParams([])).toThrow(/1 to 100/);
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
    expect(paper!.title).toBe(
      'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject–Driven Genération',
    );
    expect(paper!.abstract).toBe(
      'Large text-to-image models achieved a remarkable leap & more, enabling <high-quality> synthèsis too.',
    );
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
    // arXiv sends that feed with HTTP 400: the client reads the message from the error answer
    expect(arxivErrorDetail(400, error)).toBe('arXiv API error: incorrect id format for 1234');
    expect(arxivErrorDetail(400, 'Bad Request')).toBeNull();
    expect(arxivErrorDetail(400, feed)).toBeNull();
    expect(() => parseArxivFeed(error)).toThrow('arXiv API error: incorrect id format for 1234');
    expect(() => parseArxivFeed(feed.slice(0, feed.length / 2))).toThrow(BadResponseError);
    expect(() => parseArxivFeed('Rate exceeded.')).toThrow(BadResponseError);
    expect(() => parseArxivFeed('<html><body>busy</body></html>')).toThrow(/no Atom <feed>/);
  });
});
