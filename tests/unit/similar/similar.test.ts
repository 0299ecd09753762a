/**
 * Similar papers on a hand-made graph: every expected count and score below is worked out by hand
 * from the fixture (references = out-links, citers = in-links, plus the outside references).
 */
import { describe, expect, it } from 'vitest';
import {
  similarityEdges,
  similarityEdgeSteps,
  similarityIndex,
  similarityReasons,
  similarPapers,
  similarToSet,
  type SimilarPaper,
} from '../../../src/graph/similar';
import type { EdgeKind } from '../../../src/model';
import { makeGraph, type PaperInput } from '../support/paper-graph';

// References:  A → C, D, E, outside x1, y     B → C, D, outside x1     E → C     F → A, B, C
//              H → outside x1, y (no in-set link)     T1 → E     T2 → E     G, C, D: none
// Citers:      A ← F   B ← F   C ← A, B, E, F   D ← A, B   E ← A, T1, T2
const papers: PaperInput[] = [
  { id: 'A', title: 'A', outsideReferences: ['arxiv:x1', 'doi:y'] },
  { id: 'B', title: 'B', outsideReferences: ['arxiv:x1'] },
  { id: 'C', title: 'C' },
  { id: 'D', title: 'D' },
  { id: 'E', title: 'E' },
  { id: 'F', title: 'F' },
  { id: 'G', title: 'G' },
  { id: 'H', title: 'H', outsideReferences: ['arxiv:x1', 'doi:y'] },
  { id: 'T1', title: 'T1' },
  { id: 'T2', title: 'T2' },
];
const links = ['A>C', 'A>D', 'A>E', 'B>C', 'B>D', 'E>C', 'F>A', 'F>B', 'F>C', 'T1>E', 'T2>E', 'G>C:mentions'];
const edges = links.map((s) => {
  const [pair, kind] = s.split(':');
  const [source, target] = pair!.split('>');
  return { source: source!, target: target!, kind: (kind ?? 'cites') as EdgeKind };
});
const graph = makeGraph(papers, edges);

const brief = (list: SimilarPaper[]) => list.map((p) => [p.node, +p.score.toFixed(4)]);

describe('similarPapers', () => {
  it('counts shared references (in and outside the set) and co-citations, normalised by Salton’s cosine', () => {
    const list = similarPapers(graph, 'A');
    const b = list.find((p) => p.node === 'B')!;
    // A and B share C, D and x1 (outside): 3 / sqrt(5 · 3); both cited by F only: 1 / sqrt(1 · 1)
    expect(b).toMatchObject({ sharedReferences: 3, sharedOutside: 1, coCitedBy: 1, text: null });
    expect(b.couplingCosine).toBeCloseTo(3 / Math.sqrt(15), 10);
    expect(b.cocitationCosine).toBe(1);
    expect(b.score).toBeCloseTo((3 / Math.sqrt(15) + 1) / 2, 10);
    // H shares only outside works with A, and is similar all the same: 2 / sqrt(5 · 2)
    const h = list.find((p) => p.node === 'H')!;
    expect(h).toMatchObject({ sharedReferences: 2, sharedOutside: 2, coCitedBy: 0 });
    expect(h.score).toBeCloseTo(2 / Math.sqrt(10) / 2, 10);
    // C is co-cited with A by F (C has 4 citers): 1 / sqrt(1 · 4); C cites nothing
    expect(list.find((p) => p.node === 'C')).toMatchObject({
      sharedReferences: 0,
      coCitedBy: 1,
      cocitationCosine: 0.5,
      score: 0.25,
    });
  });

  it('ranks best first, ties by key, and cuts at the limit', () => {
    // E, T1 and T2 each share one reference with A and cite one paper: 1 / sqrt(5 · 1), a three-way tie
    expect(brief(similarPapers(graph, 'A'))).toEqual([
      ['B', 0.8873],
      ['H', 0.3162],
      ['C', 0.25],
      ['E', 0.2236],
      ['T1', 0.2236],
      ['T2', 0.2236],
      ['F', 0.1291],
    ]);
    expect(similarPapers(graph, 'A', { limit: 2 }).map((p) => p.node)).toEqual(['B', 'H']);
    expect(similarityReasons(similarPapers(graph, 'A', { limit: 1 })[0]!)).toEqual([
      'shares 3 references (1 outside the set)',
      'co-cited by 1',
    ]);
  });

  it('lists nothing for a paper with no links (mentions do not count by default)', () => {
    expect(similarPapers(graph, 'G')).toEqual([]);
    // following mentions, G shares C with A, B, E and F
    const withMentions = similarPapers(graph, 'G', { kinds: ['cites', 'mentions'] });
    expect(withMentions.map((p) => p.node).sort()).toEqual(['A', 'B', 'E', 'F']);
  });

  it('checks its options and the paper', () => {
    expect(() => similarPapers(graph, 'nope')).toThrow(/no node "nope"/);
    expect(() => similarPapers(graph, 'A', { limit: 0 })).toThrow(/limit must be a positive integer/);
    expect(() => similarPapers(graph, 'A', { kinds: ['cites', 'bogus' as EdgeKind] })).toThrow(
      /unknown edge kind "bogus"/,
    );
    expect(() => similarPapers(graph, 'A', { weights: { coupling: -1 } })).toThrow(/weights.coupling/);
    const index = similarityIndex(graph);
    expect(() => similarPapers(graph, 'A', { index, kinds: ['cites'] })).toThrow(/other edge kinds/);
    expect(similarPapers(graph, 'A', { index })).toEqual(similarPapers(graph, 'A'));
  });

  it('uses the abstracts as a third component, never as the only reason while links exist', () => {
    const withText = makeGraph(
      papers.map((p) =>
        p.id === 'A'
          ? { ...p, abstract: 'personalization of diffusion subjects with rare tokens' }
          : p.id === 'G'
            ? { ...p, abstract: 'diffusion personalization subjects tokens fine-tuning' }
            : p.id === 'B'
              ? { ...p, abstract: 'adversarial networks style latent codes' }
              : p,
      ),
      edges,
    );
    const a = similarPapers(withText, 'A');
    // G has no link to A: its similar abstract alone does not list it
    expect(a.map((p) => p.node)).not.toContain('G');
    // B has an abstract sharing no word with A's: text 0, weighted in (1 · coupling + 1 · co-citation + 0.5 · 0) / 2.5
    const b = a.find((p) => p.node === 'B')!;
    expect(b.text).toBe(0);
    expect(b.score).toBeCloseTo((3 / Math.sqrt(15) + 1) / 2.5, 10);
    // C has no abstract: no text component, the plain mean
    expect(a.find((p) => p.node === 'C')).toMatchObject({ text: null, score: 0.25 });
    // G has no links at all: the text alone ranks, and says so
    const g = similarPapers(withText, 'G');
    expect(g.map((p) => p.node)).toEqual(['A']);
    expect(g[0]!.text).toBeGreaterThan(0.15);
    expect(similarityReasons(g[0]!)).toEqual(['similar abstract']);
    expect(similarPapers(withText, 'G', { text: false })).toEqual([]);
  });
});

describe('similarToSet', () => {
  it('ranks by the mean similarity to the seeds, counts summed, seeds left out', () => {
    const set = similarToSet(graph, ['A', 'B']);
    expect(set.map((p) => p.node)).not.toContain('A');
    expect(set.map((p) => p.node)).not.toContain('B');
    // H: to A 2 / sqrt(10) / 2, to B (x1 shared) 1 / sqrt(6) / 2
    const h = set.find((p) => p.node === 'H')!;
    expect(h.score).toBeCloseTo((2 / Math.sqrt(10) / 2 + 1 / Math.sqrt(6) / 2) / 2, 10);
    expect(h).toMatchObject({ sharedReferences: 3, sharedOutside: 3 });
    // the mean of the one-paper scores, for every paper
    const one = (seed: string) =>
      new Map(similarPapers(graph, seed, { limit: 100 }).map((p) => [p.node, p.score]));
    const [sa, sb] = [one('A'), one('B')];
    for (const p of set) expect(p.score).toBeCloseTo(((sa.get(p.node) ?? 0) + (sb.get(p.node) ?? 0)) / 2, 10);
    expect(() => similarToSet(graph, [])).toThrow(/non-empty/);
  });
});

describe('similarityEdges', () => {
  it('links each paper to its k most similar, one undirected edge per pair with the larger weight', () => {
    const e = similarityEdges(graph, { limit: 1 });
    const pairs = e.map((x) => [x.source, x.target].sort().join('-'));
    expect(new Set(pairs).size).toBe(pairs.length);
    // A's best is B and B's best is A: one edge
    expect(pairs).toContain('A-B');
    expect(e.find((x) => [x.source, x.target].sort().join('-') === 'A-B')!.weight).toBeCloseTo(
      (3 / Math.sqrt(15) + 1) / 2,
      10,
    );
    // G has no similar paper: no edge
    expect(pairs.some((p) => p.split('-').includes('G'))).toBe(false);
  });

  it('can be computed a slice at a time, to the same edges', () => {
    const steps = similarityEdgeSteps(graph, { limit: 2 });
    expect(() => steps.edges()).toThrow(/not done yet/);
    expect(steps.step(0)).toBe(false); // at least one paper per slice
    expect(steps.progress()).toBe(1 / papers.length);
    let slices = 1;
    let done = false;
    while (!done) {
      done = steps.step(0);
      slices++;
    }
    expect(slices).toBe(papers.length);
    expect(steps.progress()).toBe(1);
    expect(steps.edges()).toEqual(similarityEdges(graph, { limit: 2 }));
  });
});
