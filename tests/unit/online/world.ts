/**
 * The fake services' knowledge of the small fixture dataset (tests/fixtures/graph-data/small):
 * five papers with arXiv ids, A..E below, and references to papers outside the set.
 *
 * Semantic Scholar: A cites 2 outside papers; B cites A; C cites B (by DOI only) and A; D cites
 * B, C, A and 12 outside papers (more than the batch lists: paged); E is unknown.
 * OpenAlex: B cites A and C; C cites B (not A); D cites B, C, A; E cites D and C.
 * So the sources disagree on C -> A (only Semantic Scholar) and B -> C (only OpenAlex).
 * arXiv knows A..D, not E.
 */
import type { FakeArxivPaper, FakeS2Paper, FakeWork, FakeWorld } from './fake-apis';

export const A = '2001.00001';
export const B = '2101.00002';
export const C = '2102.00003';
export const D = '2203.00004';
export const E = '2204.00005';
export const TARGETS = [A, B, C, D, E];

const s2Id = (id: string) => `s2-${id.replace('.', '')}`;
const ref = (arxiv: string) => ({
  paperId: s2Id(arxiv),
  externalIds: { ArXiv: arxiv, CorpusId: Number(arxiv.replace('.', '')) },
});
const outside = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    paperId: `outside-${i}`,
    externalIds: { DOI: `10.1000/outside.${i}`, CorpusId: 900 + i },
  }));

export function smallWorld(): FakeWorld {
  const s2 = new Map<string, FakeS2Paper>();
  const paper = (id: string, citationCount: number, references: FakeS2Paper['references']) =>
    s2.set(`ARXIV:${id}`, {
      paperId: s2Id(id),
      externalIds: { ArXiv: id, DOI: `10.48550/arXiv.${id}`, CorpusId: Number(id.replace('.', '')) },
      citationCount,
      references,
    });
  paper(A, 120, [{ paperId: null, externalIds: null }, ...outside(1)]);
  paper(B, 40, [ref(A)]);
  paper(C, 30, [{ paperId: s2Id(B), externalIds: { DOI: `10.48550/arXiv.${B}` } }, ref(A), ...outside(3)]);
  paper(D, 7, [
    ref(B),
    ...outside(6),
    ref(C),
    ...outside(6).map((r, i) => ({ ...r, paperId: `outside-d-${i}` })),
    ref(A),
  ]);

  const openalex = new Map<string, FakeWork>();
  const work = (id: string, wid: string, refs: string[], cited: number) =>
    openalex.set(`10.48550/arxiv.${id}`, {
      id: wid,
      doi: `10.48550/arxiv.${id}`,
      referenced_works: refs,
      cited_by_count: cited,
    });
  work(A, 'W101', ['W9001', 'W9002'], 110);
  work(B, 'W102', ['W101', 'W103'], 38);
  work(C, 'W103', ['W102', 'W9003'], 29);
  work(D, 'W104', ['W102', 'W103', 'W101', 'W9004'], 6);
  work(E, 'W105', ['W104', 'W103'], 2);

  const arxiv = new Map<string, FakeArxivPaper>();
  const entry = (id: string, title: string, summary: string, primary: string, categories: string[]) =>
    arxiv.set(id, {
      id,
      version: 2,
      published: `20${id.slice(0, 2)}-${id.slice(2, 4)}-15T17:45:49Z`,
      updated: `20${id.slice(0, 2)}-${id.slice(2, 4)}-28T09:00:00Z`,
      title,
      summary,
      primary,
      categories,
      authors: ['Ada Example', 'Ben Example'],
    });
  entry(
    A,
    'AlphaGAN: Inverting generators\n  by optimisation',
    'We invert a GAN generator <by> optimisation & projection\n  of latent codes.',
    'cs.CV',
    ['cs.CV', 'cs.LG'],
  );
  entry(B, 'Personalizing diffusion models', 'Textual inversion of concepts.', 'cs.CV', ['cs.CV']);
  entry(C, 'Gamma: Fine-tuning the whole model', 'Fine-tune every weight on one subject.', 'cs.CV', [
    'cs.GR',
    'cs.CV',
  ]);
  entry(D, 'Delta', 'Encoders for fast personalization.', 'cs.LG', ['cs.LG']);

  return { s2, s2BatchReferenceLimit: 5, s2PageLimit: 4, openalex, arxiv };
}

/** Paper ids of a synthetic chain of `n` papers: 2301.00001, 2301.00002, … */
export function chainIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `2301.${String(i + 1).padStart(5, '0')}`);
}

/** papers.yaml of the chain (every paper a diffusion subject paper of 2023). */
export function chainPapersYaml(n: number): string {
  return chainIds(n)
    .map(
      (id, i) =>
        `- id: "${id}"\n  title: Chain paper ${i + 1}\n  name: null\n  authors: []\n  year: 2023\n  month: 1\n  venue: null\n  venueYear: null\n  arxiv: "${id}"\n  links: {}\n  family: diffusion\n  tasks: [subject]\n`,
    )
    .join('');
}

/** Services that know the chain: paper i cites papers i-1 and i-2 and two outside papers. */
export function chainWorld(n: number): FakeWorld {
  const ids = chainIds(n);
  const s2 = new Map<string, FakeS2Paper>();
  const openalex = new Map<string, FakeWork>();
  const arxiv = new Map<string, FakeArxivPaper>();
  ids.forEach((id, i) => {
    const cited = ids.slice(Math.max(0, i - 2), i);
    s2.set(`ARXIV:${id}`, {
      paperId: s2Id(id),
      externalIds: { ArXiv: id },
      citationCount: n - i,
      references: [...cited.map(ref), ...outside(2).map((r) => ({ ...r, paperId: `${r.paperId}-${i}` }))],
    });
    openalex.set(`10.48550/arxiv.${id}`, {
      id: `W${i + 1}`,
      doi: `10.48550/arxiv.${id}`,
      referenced_works: cited.map((c) => `W${ids.indexOf(c) + 1}`),
      cited_by_count: n - i,
    });
    arxiv.set(id, {
      id,
      version: 1,
      published: '2023-01-02T00:00:00Z',
      updated: '2023-01-02T00:00:00Z',
      title: `Chain paper ${i + 1}`,
      summary: `Abstract of chain paper ${i + 1}.`,
      primary: 'cs.CV',
      categories: ['cs.CV'],
      authors: ['Chain Author'],
    });
  });
  return { s2, s2BatchReferenceLimit: 100, s2PageLimit: 100, openalex, arxiv };
}
