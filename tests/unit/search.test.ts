import { existsSync, readFileSync } from 'node:fs';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  compactText,
  createSearchIndexBuilder,
  searchPapers,
  tokenize,
} from '../../src/graph/search';
import type { AtlasGraph } from '../../src/graph/types';
import type { GraphFile } from '../../src/model';
import { makeGraph } from './support/paper-graph';

const graph = makeGraph([
  {
    id: '2208.12242',
    arxiv: '2208.12242',
    name: 'DreamBooth',
    title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
    authors: ['Nataniel Ruiz', 'Yuanzhen Li', 'Varun Jampani'],
    year: 2023,
  },
  {
    id: '2303.11305',
    arxiv: '2303.11305',
    name: 'DreamBooth3D',
    title: 'DreamBooth3D: Subject-Driven Text-to-3D Generation',
    authors: ['Amit Raj', 'Nataniel Ruiz'],
    year: 2023,
  },
  {
    id: '2208.01618',
    arxiv: '2208.01618',
    name: 'Textual Inversion',
    title: 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion',
    authors: ['Rinon Gal', 'Daniel Cohen-Or'],
    year: 2022,
  },
  {
    id: '2308.06721',
    arxiv: '2308.06721',
    name: 'IP-Adapter',
    title: 'IP-Adapter: Text Compatible Image Prompt Adapter for Text-to-Image Diffusion Models',
    authors: ['Hu Ye', 'Jun Zhang'],
    year: 2023,
  },
  {
    id: 'a-style-paper-without-arxiv',
    title: 'Adapter tuning for styles: a study',
    authors: ['Jürgen Müller'],
    year: 2021,
  },
]);
const index = buildSearchIndex(graph);
const ids = (q: string, limit?: number) => searchPapers(index, q, limit).map((h) => h.id);

describe('tokenize / compactText', () => {
  it('keeps arXiv ids whole and splits words on punctuation', () => {
    expect(tokenize('DreamBooth: 2208.12242 IP-Adapter')).toEqual([
      'dreambooth',
      '2208.12242',
      'ip',
      'adapter',
    ]);
    expect(tokenize('Jürgen Müller')).toEqual(['jurgen', 'muller']);
    expect(compactText('IP-Adapter')).toBe('ipadapter');
  });
});

describe('searchPapers', () => {
  it('returns nothing for a blank query', () => {
    expect(searchPapers(index, '   ')).toEqual([]);
  });

  it('puts the exact method name first, then names starting with the query', () => {
    const hits = searchPapers(index, 'dreambooth');
    expect(hits.map((h) => h.id)).toEqual(['2208.12242', '2303.11305']);
    expect(hits.map((h) => h.match)).toEqual(['exact', 'name-prefix']);
    expect(hits[0]).toMatchObject({ name: 'DreamBooth', year: 2023, label: 'DreamBooth' });
  });

  it('tolerates typos', () => {
    expect(ids('dreambth')[0]).toBe('2208.12242');
    expect(ids('textual inversoin')[0]).toBe('2208.01618');
  });

  it('matches prefixes while typing', () => {
    expect(ids('dreamb')).toEqual(expect.arrayContaining(['2208.12242', '2303.11305']));
    expect(ids('textu')[0]).toBe('2208.01618');
  });

  it('finds a paper by arXiv id, with or without prefix/version, and by a partial id', () => {
    expect(ids('2208.12242')[0]).toBe('2208.12242');
    expect(ids('arXiv:2208.12242v2')[0]).toBe('2208.12242');
    expect(ids('https://arxiv.org/abs/2308.06721')[0]).toBe('2308.06721');
    expect(ids('2208.0')).toEqual(['2208.01618']);
  });

  it('takes an arXiv id in a query by the one rule: a real one exactly, a bogus one never', () => {
    // as a graph file opened in the page may carry them: the build's schema refuses the bogus ones
    const papers = ['2301.01234', '9501.00004', '2313.12345', '2301.1234', '0612.1234'].map((arxiv, i) => ({
      id: `paper-${i}`,
      arxiv,
      title: `Paper number ${i}`,
      authors: [],
      year: 2023,
    }));
    const idx = buildSearchIndex(makeGraph(papers));
    expect(searchPapers(idx, '2301.01234v2')[0]).toMatchObject({ id: 'paper-0', match: 'exact' });
    expect(searchPapers(idx, 'arXiv:2301.01234')[0]).toMatchObject({ id: 'paper-0', match: 'exact' });
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234'])
      expect(
        searchPapers(idx, bogus).filter((h) => h.match === 'exact'),
        bogus,
      ).toEqual([]);
  });

  it('finds papers by author surname, ignoring accents', () => {
    expect(ids('ruiz').sort()).toEqual(['2208.12242', '2303.11305']);
    expect(ids('muller')).toEqual(['a-style-paper-without-arxiv']);
  });

  it('finds hyphenated names written with a space or run together, name above title-only matches', () => {
    expect(ids('ip adapter')[0]).toBe('2308.06721');
    expect(ids('ipadapter')[0]).toBe('2308.06721');
    expect(ids('adapter')).toEqual(['2308.06721', 'a-style-paper-without-arxiv']);
  });

  it('requires all words when some paper has them all, else falls back to any word', () => {
    expect(ids('dreambooth 3d')[0]).toBe('2303.11305');
    expect(ids('ruiz zzzzqqq')).toEqual(expect.arrayContaining(['2208.12242']));
  });

  it('respects the limit', () => {
    expect(ids('text', 2)).toHaveLength(2);
    expect(ids('text', 0)).toEqual([]);
  });

  it('can be built in time slices, with the same results', () => {
    const builder = createSearchIndexBuilder(graph);
    let budget = 2;
    expect(builder.step(() => budget--)).toBe(false); // one paper, then out of time
    budget = 2;
    expect(builder.step(() => budget--)).toBe(false);
    expect(builder.step(() => 100)).toBe(true);
    const sliced = builder.finish();
    for (const q of ['dreambooth', 'ruiz', 'adapter', '2208.0']) {
      expect(searchPapers(sliced, q)).toEqual(searchPapers(index, q));
    }
  });

  it('searches the papers indexed so far while it is built, and says how many those are', () => {
    const builder = createSearchIndexBuilder(graph);
    const total = graph.order;
    expect(builder.progress()).toEqual({ indexed: 0, total });
    expect(searchPapers(builder.current(), 'dreambooth')).toEqual([]);
    // index until DreamBooth is in: what is found so far is among what the whole index finds
    let steps = 0;
    while (!searchPapers(builder.current(), 'dreambooth').some((h) => h.id === '2208.12242')) {
      let budget = 2;
      builder.step(() => budget--);
      steps += 1;
    }
    const { indexed } = builder.progress();
    expect(indexed).toBe(steps);
    expect(indexed).toBeLessThanOrEqual(total);
    const whole = new Set(searchPapers(index, 'dreambooth', 50).map((h) => h.id));
    for (const h of searchPapers(builder.current(), 'dreambooth', 50)) expect(whole.has(h.id)).toBe(true);
    // the same index object, grown to the whole
    const current = builder.current();
    expect(builder.finish()).toBe(current);
    expect(builder.progress()).toEqual({ indexed: total, total });
  });

  it('finds nothing for unrelated text', () => {
    expect(ids('qwxzv')).toEqual([]);
  });
});

const GRAPH_FILE = process.env.ATLAS_GRAPH_FILE ?? 'public/graph.json';
describe.skipIf(!existsSync(GRAPH_FILE))('searchPapers on the real graph', () => {
  let realIndex: ReturnType<typeof buildSearchIndex>;
  beforeAll(() => {
    const file = JSON.parse(readFileSync(GRAPH_FILE, 'utf8')) as GraphFile;
    const real: AtlasGraph = Graph.from(file.graph as never);
    realIndex = buildSearchIndex(real);
  });
  const top = (q: string) => searchPapers(realIndex, q, 5)[0];

  it('finds DreamBooth by name, typo and arXiv id, and an author', () => {
    expect(top('dreambooth')?.id).toBe('2208.12242');
    expect(top('dreambth')?.id).toBe('2208.12242');
    expect(top('2208.12242')?.id).toBe('2208.12242');
    expect(searchPapers(realIndex, 'Ruiz', 20).map((h) => h.id)).toContain('2208.12242');
  });

  it('finds papers by an author surname, and only theirs', () => {
    const hits = searchPapers(realIndex, 'Zuo', 10);
    expect(hits.length).toBeGreaterThan(2);
    for (const h of hits) expect(h.authors.join(', ')).toMatch(/Zuo/);
  });

  it('finds IP-Adapter and Textual Inversion', () => {
    expect(top('ip adapter')?.name).toMatch(/IP-?Adapter/i);
    expect(top('textual inversion')?.id).toBe('2208.01618');
  });
});
