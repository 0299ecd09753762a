/** From cache entries to edge records, facts and the cross-check (pure). */
import { describe, expect, it } from 'vitest';
import { emptyOnlineCache } from '../../../src/model';
import type { OpenAlexEntry, S2Entry, S2Reference } from '../../../src/model';
import { crossCheck, onlineEdgeRecords, onlineFacts } from '../../../src/online/edges';

const FETCHED = '2026-11-29T12:34:56.000Z';
const papers = [
  { id: '2001.00001', arxiv: '2001.00001' },
  { id: '2002.00002', arxiv: '2002.00002' },
  { id: 'a-slug-paper', arxiv: null, doi: '10.1145/slug' },
];

function s2(id: string, references: S2Reference[], extra: Partial<S2Entry> = {}): S2Entry {
  return {
    version: 1,
    source: 's2',
    id,
    query: `ARXIV:${id}`,
    fetched: FETCHED,
    found: true,
    paperId: `s2-${id}`,
    referenceCount: references.length,
    citationCount: 10,
    references,
    ...extra,
  };
}

function oa(
  id: string,
  openalexId: string,
  referencedWorks: string[],
  extra: Partial<OpenAlexEntry> = {},
): OpenAlexEntry {
  return {
    version: 1,
    source: 'openalex',
    id,
    query: `10.48550/arxiv.${id}`,
    fetched: FETCHED,
    found: true,
    openalexId,
    referencedWorks,
    referencedWorksCount: referencedWorks.length,
    citedByCount: 3,
    ...extra,
  };
}

describe('online edges', () => {
  it('resolves references by arXiv id, arXiv DOI, DOI and Semantic Scholar id; drops self-citations and repeats', () => {
    const cache = emptyOnlineCache();
    cache.s2.set('a-slug-paper', s2('a-slug-paper', [], { paperId: 'S-SLUG' }));
    cache.s2.set(
      '2002.00002',
      s2('2002.00002', [
        { s2: null, arxiv: '2001.00001', doi: null },
        { s2: 'x', arxiv: null, doi: '10.48550/arxiv.2001.00001' },
        { s2: null, arxiv: null, doi: '10.1145/slug' },
        { s2: 'S-SLUG', arxiv: null, doi: null },
        { s2: 's2-2002.00002', arxiv: '2002.00002', doi: null },
        { s2: 'elsewhere', arxiv: '1406.2661', doi: null },
      ]),
    );
    expect(onlineEdgeRecords(papers, cache)).toEqual([
      {
        source: '2002.00002',
        target: '2001.00001',
        kind: 'cites',
        provenance: { source: 'semantic-scholar', fetched: '2026-11-29' },
      },
      {
        source: '2002.00002',
        target: 'a-slug-paper',
        kind: 'cites',
        provenance: { source: 'semantic-scholar', fetched: '2026-11-29' },
      },
    ]);
  });

  it("resolves OpenAlex works through the dataset papers' own entries; not-found entries give nothing", () => {
    const cache = emptyOnlineCache();
    cache.openalex.set('2001.00001', oa('2001.00001', 'W1', ['W2', 'W999']));
    cache.openalex.set('2002.00002', oa('2002.00002', 'W2', ['W1']));
    cache.openalex.set('a-slug-paper', oa('a-slug-paper', 'W3', ['W1'], { found: false, openalexId: null }));
    const records = onlineEdgeRecords(papers, cache);
    expect(records.map((r) => `${r.source}->${r.target}:${r.provenance.source}`)).toEqual([
      '2001.00001->2002.00002:openalex',
      '2002.00002->2001.00001:openalex',
    ]);
  });

  it('counts totals from Semantic Scholar, else OpenAlex, and reads arXiv facts', () => {
    const cache = emptyOnlineCache();
    cache.s2.set(
      '2001.00001',
      s2('2001.00001', [{ s2: 'z', arxiv: null, doi: null }], { referenceCount: 40, citationCount: 900 }),
    );
    cache.s2.set(
      '2002.00002',
      s2('2002.00002', [], { found: false, paperId: null, referenceCount: null, citationCount: null }),
    );
    cache.openalex.set('2002.00002', oa('2002.00002', 'W2', ['W1', 'W5'], { citedByCount: 12 }));
    cache.arxiv.set('2001.00001', {
      version: 1,
      source: 'arxiv',
      id: '2001.00001',
      query: '2001.00001',
      fetched: FETCHED,
      found: true,
      published: '2020-01-03T10:00:00Z',
      title: 'T',
      abstract: 'An abstract.',
      primaryCategory: 'cs.CV',
      categories: ['cs.CV', 'cs.LG'],
    });
    expect(onlineFacts('2001.00001', cache)).toEqual({
      totalReferences: 40,
      totalCitations: 900,
      abstract: 'An abstract.',
      firstVersion: '2020-01-03',
      categories: ['cs.CV', 'cs.LG'],
    });
    expect(onlineFacts('2002.00002', cache)).toEqual({ totalReferences: 2, totalCitations: 12 });
    expect(onlineFacts('a-slug-paper', cache)).toEqual({});
  });

  it('cross-checks only pairs both sources can judge', () => {
    const cache = emptyOnlineCache();
    cache.s2.set('2001.00001', s2('2001.00001', []));
    cache.s2.set(
      '2002.00002',
      s2('2002.00002', [
        { s2: null, arxiv: '2001.00001', doi: null },
        { s2: null, arxiv: null, doi: '10.1145/slug' },
      ]),
    );
    cache.openalex.set('2001.00001', oa('2001.00001', 'W1', ['W2']));
    cache.openalex.set('2002.00002', oa('2002.00002', 'W2', []));
    // a-slug-paper is unknown to OpenAlex: 2002 -> a-slug-paper cannot be judged
    expect(crossCheck(papers, cache)).toEqual([
      { source: '2001.00001', target: '2002.00002', onlyIn: 'openalex' },
      { source: '2002.00002', target: '2001.00001', onlyIn: 'semantic-scholar' },
    ]);
  });
});
