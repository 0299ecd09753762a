/**
 * "My library" on the bundled graph: the three fixture exports (the same twelve works, written the
 * ways Zotero, Mendeley and JabRef write them) match the same ten papers, and the "Not in your
 * library" ranking agrees with one computed here from graph.json's edges by plain code.
 */
import { existsSync, readFileSync } from 'node:fs';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchLibrary, matchSummary } from '../../../src/library/match';
import { parseLibrary } from '../../../src/library/parse';
import { newSince, notInLibrary } from '../../../src/library/reading';
import type { AtlasGraph } from '../../../src/graph/types';
import type { GraphFile } from '../../../src/model';

const GRAPH_FILE = process.env.ATLAS_GRAPH_FILE ?? 'public/graph.json';
const FIXTURES = ['zotero.bib', 'zotero.json', 'zotero.ris'];

/** The ten works of the fixtures that are in the bundled graph, by the graph's ids. */
const EXPECTED = [
  '2312.04461', // arXiv eprint / number / abs URL
  '2404.16022', // arXiv URL (abs, pdf)
  '2408.05939', // "arXiv preprint arXiv:…" journal line
  '2305.16311', // eprinttype / archive_location / note
  '2312.02133', // DOI only: arXiv's DOI
  '2401.15975', // DOI only: arXiv's DOI, upper case, as a doi.org link
  '2402.05195', // title only: "$\lambda$-ECLIPSE" (LaTeX) / "λ-ECLIPSE"
  'csgo-content-style-composition-in-text-to-image-generation', // title only: braces, case
  'inverting-the-generator-of-a-generative-adversarial-network', // title only: case, an accent
  '2208.01618', // "arXiv:2208.01618 [cs]" in a note (Zotero's extra)
];

type EdgeJson = { source: string; target: string; attributes: { kind: string; kinds?: string[] } };

describe.skipIf(!existsSync(GRAPH_FILE))('a library on the bundled graph', () => {
  let graph: AtlasGraph;
  let edges: EdgeJson[];
  beforeAll(() => {
    const file = JSON.parse(readFileSync(GRAPH_FILE, 'utf8')) as GraphFile;
    graph = Graph.from(file.graph as never);
    edges = (file.graph as unknown as { edges: EdgeJson[] }).edges;
  });

  for (const name of FIXTURES) {
    it(`${name}: 10 of 12 entries matched, the two works not in the graph listed`, () => {
      const lib = parseLibrary(readFileSync(`tests/fixtures/library/${name}`, 'utf8'), name);
      expect(lib.entries).toHaveLength(12);
      const m = matchLibrary(graph, lib.entries);
      expect(matchSummary(m)).toBe('10 of 12 entries matched; 2 not in this graph');
      expect([...m.nodes].sort()).toEqual([...EXPECTED].sort());
      // the Transformer paper (arXiv 1706.03762) and a Nature DOI are not in this graph
      expect(m.unmatched.map((e) => e.arxiv ?? e.doi)).toEqual(['1706.03762', '10.1038/nature14539']);
      const by = Object.fromEntries(m.matched.map((x) => [x.node, x.by]));
      expect(by['2312.02133']).toBe('arxiv');
      expect(by['csgo-content-style-composition-in-text-to-image-generation']).toBe('title');
      expect(by['inverting-the-generator-of-a-generative-adversarial-network']).toBe('title');
    });
  }

  it('matches a publisher DOI a paper carries, and an accented, braced title', () => {
    const entry = (over: object) => ({
      key: 'k',
      line: 1,
      title: null,
      doi: null,
      arxiv: null,
      year: null,
      ...over,
    });
    const m = matchLibrary(graph, [
      entry({ title: '{Ínverting} the génerator of a generative adversarial network!' }),
      entry({ title: 'Inverting the generator' }),
    ]);
    expect(m.nodes).toEqual(['inverting-the-generator-of-a-generative-adversarial-network']);
    expect(m.unmatched).toHaveLength(1);
  });

  /** Independently: for each paper outside the library, how many library papers reach it in 1 step, and in exactly 2 (shortest). */
  function expectedRanking(library: string[], kinds: string[]): Array<[string, number, number]> {
    const follows = (e: EdgeJson) =>
      kinds.includes(e.attributes.kind) || (e.attributes.kinds ?? []).some((k) => kinds.includes(k));
    const out = new Map<string, Set<string>>();
    for (const e of edges) {
      if (!follows(e) || e.source === e.target) continue;
      if (!out.has(e.source)) out.set(e.source, new Set());
      out.get(e.source)!.add(e.target);
    }
    const mine = new Set(library);
    const counts = new Map<string, [number, number]>();
    for (const p of library) {
      const one = new Set([...(out.get(p) ?? [])].filter((x) => x !== p));
      const two = new Set<string>();
      for (const a of one) for (const b of out.get(a) ?? []) if (b !== p && !one.has(b)) two.add(b);
      for (const a of one)
        if (!mine.has(a)) counts.set(a, [(counts.get(a)?.[0] ?? 0) + 1, counts.get(a)?.[1] ?? 0]);
      for (const b of two)
        if (!mine.has(b)) counts.set(b, [counts.get(b)?.[0] ?? 0, (counts.get(b)?.[1] ?? 0) + 1]);
    }
    return [...counts.entries()]
      .map(([id, [d1, d2]]): [string, number, number] => [id, d1, d2])
      .sort((x, y) => y[1] - x[1] || y[2] - x[2] || (x[0] < y[0] ? -1 : 1));
  }

  it('"Not in your library" ranks as an independent count over graph.json\'s edges does', () => {
    const lib = parseLibrary(readFileSync('tests/fixtures/library/zotero.bib', 'utf8'), 'zotero.bib');
    const mine = matchLibrary(graph, lib.entries).nodes;
    for (const kinds of [
      ['builds-on', 'cites'],
      ['builds-on', 'cites', 'compares', 'mentions'],
    ] as const) {
      const ranked = notInLibrary(graph, mine, kinds).map((r): [string, number, number] => [
        r.node,
        r.direct,
        r.indirect,
      ]);
      const expected = expectedRanking(mine, [...kinds]);
      expect(ranked.length).toBeGreaterThan(10);
      expect(ranked).toEqual(expected);
      for (const [id] of ranked) expect(mine).not.toContain(id);
    }
  });

  it('"New since" lists descendants after the year, not in the library, most connected first', () => {
    const mine = ['2208.01618', '2312.04461'];
    const fresh = newSince(graph, mine, 2024, ['builds-on', 'cites']);
    expect(fresh.length).toBeGreaterThan(0);
    for (const r of fresh) {
      expect(r.year).toBeGreaterThan(2024);
      expect(mine).not.toContain(r.node);
    }
    // every paper citing Textual Inversion directly in 2025 is there
    const direct = edges
      .filter((e) => e.target === '2208.01618' && ['builds-on', 'cites'].includes(e.attributes.kind))
      .map((e) => e.source);
    const in2025 = direct.filter((id) => graph.getNodeAttribute(id, 'year') === 2025 && !mine.includes(id));
    for (const id of in2025) expect(fresh.map((r) => r.node)).toContain(id);
    for (let i = 1; i < fresh.length; i++) expect(fresh[i - 1]!.from).toBeGreaterThanOrEqual(fresh[i]!.from);
  });
});
