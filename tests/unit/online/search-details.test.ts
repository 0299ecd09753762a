/** Fetched abstracts feed search; the details panel's text of online counts. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchPapers } from '../../../src/graph/search';
import { formatProvenance, onlineRows, shortProvenance } from '../../../src/ui/details-text';
import { makeGraph } from '../support/paper-graph';

describe('search over abstracts', () => {
  const graph = makeGraph([
    {
      id: '2208.12242',
      name: 'DreamBooth',
      title: 'DreamBooth: Fine Tuning for Subject-Driven Generation',
      abstract: 'We bind a unique identifier to a subject with a class-specific prior preservation loss.',
    },
    {
      id: '2208.01618',
      name: 'Textual Inversion',
      title: 'An Image is Worth One Word',
      abstract: 'We learn a new word embedding in the text encoder.',
    },
    { id: '2302.99999', name: 'Other', title: 'Prior work on preservation of identity' },
  ]);
  const index = buildSearchIndex(graph);

  it('finds a paper by words only its abstract has', () => {
    expect(searchPapers(index, 'embedding encoder').map((h) => h.id)).toEqual(['2208.01618']);
    expect(searchPapers(index, 'unique identifier').map((h) => h.id)).toEqual(['2208.12242']);
  });

  it('ranks title and name matches above abstract matches', () => {
    const ids = searchPapers(index, 'preservation').map((h) => h.id);
    expect(ids).toEqual(['2302.99999', '2208.12242']);
  });

  it('papers without an abstract are indexed as before', () => {
    expect(searchPapers(index, 'other').map((h) => h.id)).toEqual(['2302.99999']);
  });
});

describe('details text of online facts', () => {
  it('shows totals next to the in-set counts, and the first arXiv version with categories', () => {
    expect(
      onlineRows(
        {
          totalReferences: 58,
          totalCitations: 2345,
          firstVersion: '2022-08-25',
          categories: ['cs.CV', 'cs.LG'],
        },
        { out: 12, in: 30 },
      ),
    ).toEqual([
      { name: 'References', value: '58 in total · 12 in this set' },
      { name: 'Cited by', value: '2,345 in total · 30 in this set' },
      { name: 'First on arXiv', value: '2022-08-25 · cs.CV, cs.LG' },
    ]);
    expect(onlineRows({}, { out: 3, in: 1 })).toEqual([]);
    expect(onlineRows({ totalCitations: 0 }, { out: 0, in: 0 })).toEqual([
      { name: 'Cited by', value: '0 in total · 0 in this set' },
    ]);
  });

  it('names the online sources of an edge', () => {
    const list = [
      { source: 'fulltext-references', match: 'arxiv-id' },
      { source: 'semantic-scholar', fetched: '2026-11-29' },
      { source: 'openalex' },
    ] as const;
    expect(shortProvenance([...list])).toBe('full text + Semantic Scholar + OpenAlex');
    expect(formatProvenance(list[1])).toBe('Semantic Scholar (fetched 2026-11-29)');
  });
});
