/** The works a paper references outside the dataset, as keys for bibliographic coupling (pure). */
import { describe, expect, it } from 'vitest';
import { emptyOnlineCache } from '../../../src/model';
import type { OpenAlexEntry, S2Entry, S2Reference } from '../../../src/model';
import { paperIndex } from '../../../src/online/edges';
import { outsideReferenceKey, outsideReferences } from '../../../src/online/outside-refs';

const FETCHED = '2026-11-29T12:34:56.000Z';
const papers = [
  { id: '2001.00001', arxiv: '2001.00001' },
  { id: '2002.00002', arxiv: '2002.00002' },
];

function s2(id: string, references: S2Reference[]): S2Entry {
  return {
    version: 1,
    source: 's2',
    id,
    query: `ARXIV:${id}`,
    fetched: FETCHED,
    found: true,
    paperId: `s2-${id}`,
    referenceCount: references.length,
    citationCount: 1,
    references,
  };
}

function oa(id: string, referencedWorks: string[], extra: Partial<OpenAlexEntry> = {}): OpenAlexEntry {
  return {
    version: 1,
    source: 'openalex',
    id,
    query: `10.48550/arxiv.${id}`,
    fetched: FETCHED,
    found: true,
    openalexId: `W-${id}`,
    referencedWorks,
    referencedWorksCount: referencedWorks.length,
    citedByCount: 1,
    ...extra,
  };
}

describe('outsideReferences', () => {
  it('keys a work by arXiv id, else DOI, else the service id', () => {
    expect(outsideReferenceKey({ arxiv: '1312.6114', doi: '10.1/x', s2: 'S' })).toBe('arxiv:1312.6114');
    expect(outsideReferenceKey({ doi: '10.48550/arxiv.1312.6114' })).toBe('arxiv:1312.6114');
    expect(outsideReferenceKey({ doi: '10.1/x', s2: 'S' })).toBe('doi:10.1/x');
    expect(outsideReferenceKey({ s2: 'S' })).toBe('s2:S');
    expect(outsideReferenceKey({ openalex: 'W1' })).toBe('openalex:W1');
    expect(outsideReferenceKey({})).toBeNull();
  });

  it('lists Semantic Scholar references outside the set, sorted and distinct; in-set ones are left out', () => {
    const cache = emptyOnlineCache();
    cache.s2.set(
      '2002.00002',
      s2('2002.00002', [
        { s2: 'a', arxiv: '2001.00001', doi: null }, // in the set
        { s2: 'b', arxiv: null, doi: '10.48550/arxiv.1312.6114' },
        { s2: 'c', arxiv: '1312.6114', doi: null }, // the same work again
        { s2: 'd', arxiv: null, doi: '10.1145/x' },
        { s2: 'e', arxiv: null, doi: null },
        { s2: null, arxiv: null, doi: null }, // no id: nothing to share
      ]),
    );
    // OpenAlex is not mixed in while Semantic Scholar has a list
    cache.openalex.set('2002.00002', oa('2002.00002', ['W9']));
    const index = paperIndex(papers, cache);
    expect(outsideReferences('2002.00002', cache, index)).toEqual([
      'arxiv:1312.6114',
      'doi:10.1145/x',
      's2:e',
    ]);
    expect(outsideReferences('2001.00001', cache, index)).toEqual([]);
  });

  it('falls back to OpenAlex, keyed by the referenced works’ arXiv ids or DOIs when known', () => {
    const cache = emptyOnlineCache();
    cache.openalex.set('2001.00001', oa('2001.00001', []));
    cache.openalex.set(
      '2002.00002',
      oa('2002.00002', ['W-2001.00001', 'W1', 'W2', 'W3'], {
        referencedWorksMeta: [
          { openalex: 'W1', doi: '10.48550/arxiv.1312.6114', arxiv: null, title: null, year: null },
          { openalex: 'W2', doi: '10.1145/x', arxiv: null, title: null, year: null },
        ],
      }),
    );
    const index = paperIndex(papers, cache);
    expect(outsideReferences('2002.00002', cache, index)).toEqual([
      'arxiv:1312.6114',
      'doi:10.1145/x',
      'openalex:W3',
    ]);
  });
});
