/**
 * The fake services' knowledge of the small fixture dataset (tests/fixtures/graph-data/small):
 * five papers with arXiv ids, A..E below, and references to papers outside the set.
 *
 * Semantic Scholar: A cites 2 outside papers (one unresolved) but counts 3 references; B cites A;
 * C cites B (by DOI only), A and 3 outside papers but counts 4; D cites B, C, A and 12 outside
 * papers (all listed: the batch lists up to 1000); E is unknown. Every resolved reference has a
 * title and a year.
 * OpenAlex: B cites A and C; C cites B (not A); D cites B, C, A; E cites D and C.
 * - A and D are preprints whose work DOI is the arXiv DOI: the list request by DOI finds them.
 * - B was published and OpenAlex merged the preprint into it: its work DOI is the publisher's, the
 *   list misses its arXiv DOI, the single-work lookup of the arXiv DOI answers 301 to the work.
 * - C was renamed on publication and never merged: only the title search finds it, and it is kept
 *   because one of its locations is C's arXiv PDF.
 * - E has no DOI in OpenAlex: the title search finds it by a near-identical title and year, next to
 *   a same-titled work of another year that must not be taken.
 * Referenced works outside the set: W9001, W9002, W9004 are known; W9003 is no longer known.
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
  title: `Paper ${arxiv}`,
  year: 2000 + Number(arxiv.slice(0, 2)),
});
const outside = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    paperId: `outside-${i}`,
    externalIds: { DOI: `10.1000/outside.${i}`, CorpusId: 900 + i },
    title: `Outside work ${i}`,
    year: 2010 + i,
  }));

export function smallWorld(): FakeWorld {
  const s2 = new Map<string, FakeS2Paper>();
  const paper = (
    id: string,
    citationCount: number,
    references: FakeS2Paper['references'],
    referenceCount?: number,
  ) =>
    s2.set(`ARXIV:${id}`, {
      paperId: s2Id(id),
      externalIds: { ArXiv: id, DOI: `10.48550/arXiv.${id}`, CorpusId: Number(id.replace('.', '')) },
      citationCount,
      references,
      ...(referenceCount !== undefined ? { referenceCount } : {}),
    });
  // referenceCount disagrees with the list (https://github.com/allenai/s2-folks/issues/142)
  paper(A, 120, [{ paperId: null, externalIds: null }, ...outside(1)], 3);
  paper(B, 40, [ref(A)]);
  paper(
    C,
    30,
    [
      { paperId: s2Id(B), externalIds: { DOI: `10.48550/arXiv.${B}` }, title: 'B', year: 2021 },
      ref(A),
      ...outside(3),
    ],
    4,
  );
  paper(D, 7, [
    ref(B),
    ...outside(6),
    ref(C),
    ...outside(6).map((r, i) => ({ ...r, paperId: `outside-d-${i}` })),
    ref(A),
  ]);

  const works = new Map<string, FakeWork>();
  const work = (w: FakeWork) => works.set(w.id, w);
  const abs = (id: string) => ({
    landing_page_url: `https://arxiv.org/abs/${id}`,
    pdf_url: `https://arxiv.org/pdf/${id}`,
  });
  const preprint = (id: string, wid: string, title: string, year: number, refs: string[], cited: number) =>
    work({
      id: wid,
      doi: `10.48550/arxiv.${id}`,
      title,
      publication_year: year,
      locations: [abs(id)],
      referenced_works: refs,
      cited_by_count: cited,
    });
  preprint(A, 'W101', 'AlphaGAN: Inverting generators by optimisation', 2020, ['W9001', 'W9002'], 110);
  // B: published; the preprint merged into the published work, which has the publisher's DOI
  work({
    id: 'W102',
    doi: '10.5555/cvpr.2021.00002',
    title: 'A rather long title about personalizing text-to-image diffusion models without any name',
    publication_year: 2021,
    locations: [{ landing_page_url: 'https://doi.org/10.5555/cvpr.2021.00002' }, abs(B)],
    referenced_works: ['W101', 'W103'],
    cited_by_count: 38,
  });
  // C: renamed on publication, not merged; its arXiv PDF is one of its locations
  work({
    id: 'W103',
    doi: '10.5555/neurips.2021.00003',
    title: 'Gamma: whole-model fine-tuning for one subject',
    publication_year: 2021,
    locations: [
      { landing_page_url: 'https://doi.org/10.5555/neurips.2021.00003' },
      { landing_page_url: null, pdf_url: `https://arxiv.org/pdf/${C}v2` },
    ],
    referenced_works: ['W102', 'W9003'],
    cited_by_count: 29,
  });
  preprint(D, 'W104', 'Delta: One word for a style', 2022, ['W102', 'W103', 'W101', 'W9004'], 6);
  // E: no DOI in OpenAlex; a near-identical title and year; a same-titled work of 2018 is another one
  work({
    id: 'W105',
    doi: null,
    title: 'Epsilon: personalizing an auto-regressive model',
    publication_year: 2022,
    locations: [{ landing_page_url: 'https://example.org/epsilon' }],
    referenced_works: ['W104', 'W103'],
    cited_by_count: 2,
  });
  work({
    id: 'W777',
    doi: '10.1000/epsilon.2018',
    title: 'Epsilon: Personalizing an autoregressive model',
    publication_year: 2018,
    locations: [],
    referenced_works: [],
    cited_by_count: 1,
  });
  // works outside the set that the papers cite (W9003 is no longer known to OpenAlex)
  for (const [wid, year] of [
    ['W9001', 2014],
    ['W9002', 2015],
    ['W9004', 2019],
  ] as const)
    work({
      id: wid,
      doi: `10.1000/${wid.toLowerCase()}`,
      title: `Outside work ${wid}`,
      publication_year: year,
      locations: [],
      referenced_works: [],
      cited_by_count: 1000,
    });
  const openalex = { works, merged: new Map([[`10.48550/arxiv.${B}`, 'W102']]) };

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

  return {
    s2,
    s2NestedReferenceLimit: 1000,
    s2PageLimit: 1000,
    s2MaxResponseBytes: 10_000_000,
    openalex,
    arxiv,
  };
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
  const works = new Map<string, FakeWork>();
  const arxiv = new Map<string, FakeArxivPaper>();
  ids.forEach((id, i) => {
    const cited = ids.slice(Math.max(0, i - 2), i);
    s2.set(`ARXIV:${id}`, {
      paperId: s2Id(id),
      externalIds: { ArXiv: id },
      citationCount: n - i,
      references: [...cited.map(ref), ...outside(2).map((r) => ({ ...r, paperId: `${r.paperId}-${i}` }))],
    });
    works.set(`W${i + 1}`, {
      id: `W${i + 1}`,
      doi: `10.48550/arxiv.${id}`,
      title: `Chain paper ${i + 1}`,
      publication_year: 2023,
      locations: [{ landing_page_url: `https://arxiv.org/abs/${id}` }],
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
  return {
    s2,
    s2NestedReferenceLimit: 1000,
    s2PageLimit: 1000,
    s2MaxResponseBytes: 10_000_000,
    openalex: { works, merged: new Map() },
    arxiv,
  };
}
