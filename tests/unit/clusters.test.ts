import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { communityAgreement, normalizedMutualInformation } from '../../src/graph/clusters/agreement';
import { clusterLabels } from '../../src/graph/clusters/labels';
import { communityContingency } from '../../src/graph/clusters/contingency';
import { categoryLabel, dimensionCategories } from '../../src/graph/dimension-labels';
import { parseGraphFile } from '../../src/graph/load';
import { logLikelihood } from '../../src/graph/clusters/title-terms';
import { taxonomyGrid } from '../../src/graph/clusters/taxonomy-grid';
import type { PaperTaxonomy } from '../../src/model';
import { makeGraph } from './support/paper-graph';
import { testMeta } from './support/taxonomy-meta';

const label = (value: string) => ({ value, evidence: 'survey-figure' as const });
const tax = (method?: string, scheme?: string): PaperTaxonomy => ({
  ...(method ? { method: label(method) } : {}),
  ...(scheme ? { scheme: label(scheme) } : {}),
});

/*
 * community 0: d1, d2, d3 (diffusion)   community 1: g1, g2 (GAN), d4 (diffusion)   community 2: a1 (AR)
 * edges: d1→d2, d3→d1, d4→d1 (across), g1→g2, d4→g2
 */
const meta = testMeta();
const graph = makeGraph(
  [
    {
      id: 'd1',
      title: 'Textual inversion for subjects',
      year: 2022,
      tasks: ['subject'],
      taxonomy: tax('dm.optimization', 'dm.subject'),
      pagerank: 0.3,
      community: 0,
    },
    {
      id: 'd2',
      title: 'Textual inversion of faces',
      year: 2023,
      tasks: ['subject', 'face'],
      taxonomy: tax('dm.optimization', 'dm.face'),
      pagerank: 0.1,
      community: 0,
    },
    {
      id: 'd3',
      title: 'Face encoder',
      year: 2024,
      tasks: ['face'],
      taxonomy: tax('dm.learning', 'dm.face'),
      pagerank: 0.2,
      community: 0,
    },
    {
      id: 'g1',
      title: 'StyleGAN inversion',
      year: 2019,
      family: 'gan',
      tasks: ['gan-inversion'],
      taxonomy: tax('gan.optimization'),
      pagerank: 0.2,
      community: 1,
    },
    {
      id: 'g2',
      title: 'StyleGAN latent editing',
      year: 2020,
      family: 'gan',
      tasks: ['gan-inversion'],
      taxonomy: tax(undefined, 'gan.editing'),
      pagerank: 0.1,
      community: 1,
    },
    {
      id: 'd4',
      title: 'Latent editing with diffusion',
      year: 2021,
      tasks: ['subject'],
      pagerank: 0.05,
      community: 1,
    },
    {
      id: 'a1',
      title: 'Autoregressive subjects',
      year: 2024,
      family: 'ar',
      tasks: ['subject'],
      pagerank: 0.05,
      community: 2,
    },
  ],
  [
    { source: 'd1', target: 'd2' },
    { source: 'd3', target: 'd1' },
    { source: 'd4', target: 'd1' },
    { source: 'g1', target: 'g2' },
    { source: 'd4', target: 'g2' },
  ],
);

describe('category labels', () => {
  it('prefix categories tied to a family with the family’s label', () => {
    expect(dimensionCategories(meta, 'method').map((c) => c.fullLabel)).toEqual([
      'Diffusion · Optimization-based',
      'Diffusion · Learning-based',
      'GAN · Optimization-based',
    ]);
    expect(categoryLabel(meta, 'task', 'face')).toBe('Face');
    expect(categoryLabel(meta, 'family', 'gan')).toBe('GAN');
    expect(categoryLabel(meta, 'method', 'no.such')).toBe('no.such');
  });
});

describe('cluster labels', () => {
  const labels = clusterLabels(graph, meta);

  it('name each community by its dominant family and task, with shares', () => {
    expect(labels.map((l) => [l.community, l.size, l.color, l.label])).toEqual([
      [0, 3, '#cc6677', 'Diffusion · Subject'],
      [1, 3, '#332288', 'GAN · GAN inversion'],
      [2, 1, '#dddddd', 'Autoregressive · Subject'],
    ]);
    expect(labels[1]!.primary).toEqual({ id: 'gan', label: 'GAN', count: 2, share: 2 / 3 });
    // subject and face tie (2 of 3 each): the task list's order decides
    expect(labels[0]!.secondary).toEqual([
      { id: 'subject', label: 'Subject', count: 2, share: 2 / 3 },
      { id: 'face', label: 'Face', count: 2, share: 2 / 3 },
    ]);
    expect(labels[0]!.nodes).toEqual(['d1', 'd2', 'd3']);
  });

  it('pick distinctive title terms by G² against the other papers', () => {
    // community 0: "textual inversion" in 2 of its 3 papers and in none of the 4 others
    expect(labels[0]!.terms).toEqual([
      { term: 'textual inversion', count: 2, score: logLikelihood(2, 3, 0, 4) },
    ]);
    // community 1: "latent editing" and "stylegan" both 2 of 3 in, 0 of 4 out: the bigram first
    expect(labels[1]!.terms.map((t) => t.term)).toEqual(['latent editing', 'stylegan']);
    // a lone paper: its own words ("subjects" is used elsewhere too; the bigram beats its equal word)
    expect(labels[2]!.terms.map((t) => t.term)).toEqual(['autoregressive subjects']);
  });

  it('count abstracts when papers have them', () => {
    const g = graph.copy();
    g.setNodeAttribute('d3', 'abstract' as never, 'A textual encoder.' as never);
    const terms = clusterLabels(g, meta)[0]!.terms.map((t) => t.term);
    expect(terms[0]).toBe('textual');
  });

  it('rank central papers by PageRank or by degree inside the community', () => {
    expect(labels[0]!.papers.map((p) => [p.id, p.score])).toEqual([
      ['d1', 0.3],
      ['d3', 0.2],
      ['d2', 0.1],
    ]);
    const byDegree = clusterLabels(graph, meta, { centrality: 'degree', papers: 2 });
    // d1 has two neighbours in its community (d2, d3; d4 is in another); d2 and d3 one each, d2 older
    expect(byDegree[0]!.papers.map((p) => [p.id, p.score])).toEqual([
      ['d1', 2],
      ['d2', 1],
    ]);
    // g2: g1 and d4; g1 and d4 one each, g1 older
    expect(byDegree[1]!.papers.map((p) => p.id)).toEqual(['g2', 'g1']);
  });

  it('reject bad options with a clear message', () => {
    expect(() => clusterLabels(graph, meta, { terms: -1 })).toThrow(
      'clusterLabels: terms must be an integer >= 0, got -1',
    );
    expect(() => clusterLabels(graph, meta, { centrality: 'closeness' as never })).toThrow(
      /centrality must be one of pagerank, degree/,
    );
    expect(() => clusterLabels(graph, meta, { term: 3 } as never)).toThrow(/unknown option "term"/);
  });
});

describe('normalised mutual information', () => {
  it('matches a hand computation (arithmetic mean of the entropies)', () => {
    // communities {1,2,3} {4,5,6}; classes {1,2} {3,4} {5,6}:
    // MI = 2/6 ln 2 + 1/6 ln 1 + 1/6 ln 1 + 2/6 ln 2 = 2/3 ln 2, H(U) = ln 2, H(V) = ln 3
    const hand = ((2 / 3) * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2);
    const nmi = normalizedMutualInformation([0, 0, 0, 1, 1, 1], ['a', 'a', 'b', 'b', 'c', 'c']);
    expect(nmi).toBeCloseTo(hand, 12);
    expect(nmi).toBeCloseTo(0.5158037429793889, 12); // scikit-learn's normalized_mutual_info_score
    expect(
      normalizedMutualInformation([0, 0, 0, 1, 1, 1], ['a', 'a', 'b', 'b', 'c', 'c'], 'max'),
    ).toBeCloseTo(((2 / 3) * Math.log(2)) / Math.log(3), 12);
  });

  it('is 1 for identical partitions, 0 for independent ones, null for none', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(normalizedMutualInformation([0, 0, 1, 1], ['x', 'y', 'x', 'y'])).toBe(0);
    expect(normalizedMutualInformation([0, 0], ['x', 'x'])).toBe(1);
    expect(normalizedMutualInformation([], [])).toBeNull();
    expect(() => normalizedMutualInformation([0], [])).toThrow(/differ in length/);
  });

  it('between communities and a dimension leaves unlabelled papers out and counts them', () => {
    // labelled by method: d1, d2 (c0, dm.optimization), d3 (c0, dm.learning), g1 (c1, gan.optimization)
    const hu = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    const hv = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
    // the method determines the community, so MI = H(communities)
    const agreement = communityAgreement(graph, { dimension: 'method' });
    expect(agreement).toMatchObject({
      dimension: 'method',
      normalisation: 'arithmetic',
      labelled: 4,
      unlabelled: 3,
    });
    expect(agreement.nmi).toBeCloseTo(hu / ((hu + hv) / 2), 12);
    expect(communityAgreement(graph, { dimension: 'family' })).toMatchObject({ labelled: 7, unlabelled: 0 });
    expect(() => communityAgreement(graph, { dimension: 'Not a dimension' })).toThrow(
      /dimension must be a dimension id/,
    );
  });
});

describe('community × category contingency', () => {
  it('counts each community’s papers per category, pools small communities, keeps the papers', () => {
    const t = communityContingency(graph, meta, { dimension: 'method', minSize: 2 });
    expect(t.rows).toEqual([
      { community: 0, communities: 1, size: 3, color: '#cc6677' },
      { community: 1, communities: 1, size: 3, color: '#332288' },
      { community: null, communities: 1, size: 1, color: null },
    ]);
    expect(t.columns.map((c) => [c.id, c.fullLabel, c.total])).toEqual([
      ['dm.optimization', 'Diffusion · Optimization-based', 2],
      ['dm.learning', 'Diffusion · Learning-based', 1],
      ['gan.optimization', 'GAN · Optimization-based', 1],
      [null, 'Not labelled', 3],
    ]);
    expect(t.counts).toEqual([
      [2, 1, 0, 0],
      [0, 0, 1, 2],
      [0, 0, 0, 1],
    ]);
    expect(t.nodes[1]![3]).toEqual(['d4', 'g2']);
    expect(t.max).toBe(2);
  });

  it('works for any dimension, drops empty columns unless asked, can leave unlabelled papers out', () => {
    const byTask = communityContingency(graph, meta, { dimension: 'task' });
    expect(byTask.rows.map((r) => r.community)).toEqual([0, 1, 2]);
    expect(byTask.columns.map((c) => c.id)).toEqual(['subject', 'face', 'gan-inversion']);
    // a paper counts in its first task
    expect(byTask.counts).toEqual([
      [2, 1, 0],
      [1, 0, 2],
      [1, 0, 0],
    ]);
    const scheme = communityContingency(graph, meta, {
      dimension: 'scheme',
      includeUnlabelled: false,
      keepEmptyColumns: true,
    });
    expect(scheme.columns.map((c) => c.id)).toEqual(['dm.subject', 'dm.face', 'gan.editing']);
    expect(scheme.counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(() => communityContingency(graph, meta, { dimension: 'method', minSize: 0 })).toThrow(
      'communityContingency: minSize must be an integer >= 1, got 0',
    );
  });
});

describe('taxonomy grid', () => {
  it('gives each family a method × scheme table with counts, first years and gaps', () => {
    const grid = taxonomyGrid(graph, meta);
    expect(grid.blocks.map((b) => [b.id, b.label, b.size])).toEqual([
      ['diffusion', 'Diffusion', 4],
      ['gan', 'GAN', 2],
      ['ar', 'Autoregressive', 1],
    ]);
    const dm = grid.blocks[0]!;
    expect(dm.rows.map((r) => r.label)).toEqual(['Optimization-based', 'Learning-based', 'Not labelled']);
    expect(dm.columns.map((c) => c.id)).toEqual(['dm.subject', 'dm.face', null]);
    expect(dm.cells.map((row) => row.map((c) => [c.count, c.firstYear]))).toEqual([
      [
        [1, 2022],
        [1, 2023],
        [0, null],
      ],
      [
        [0, null],
        [1, 2024],
        [0, null],
      ],
      [
        [0, null],
        [0, null],
        [1, 2021],
      ],
    ]);
    expect(dm.cells[0]![1]!.nodes).toEqual(['d2']);
    const gan = grid.blocks[1]!;
    // GAN's table has only GAN categories
    expect(gan.rows.map((r) => r.id)).toEqual(['gan.optimization', null]);
    expect(gan.columns.map((c) => c.id)).toEqual(['gan.editing', null]);
    expect(gan.cells.map((row) => row.map((c) => c.count))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(grid.blocks[2]!.cells).toEqual([[{ count: 1, firstYear: 2024, nodes: ['a1'] }]]);
  });

  it('takes other dimensions and rejects a dimension used twice', () => {
    const grid = taxonomyGrid(graph, meta, {
      group: 'family',
      rows: 'task',
      columns: 'method',
      includeUnlabelled: false,
    });
    const dm = grid.blocks[0]!;
    expect(dm.rows.map((r) => r.id)).toEqual(['subject', 'face', 'gan-inversion']);
    expect(dm.cells.map((row) => row.map((c) => c.count))).toEqual([
      [2, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(() => taxonomyGrid(graph, meta, { rows: 'scheme', columns: 'scheme' })).toThrow(
      /three different dimensions/,
    );
  });
});

const BUNDLED = 'public/graph.json';
describe.skipIf(!existsSync(BUNDLED))('on the bundled graph', () => {
  const real = parseGraphFile(JSON.parse(readFileSync(BUNDLED, 'utf8')), BUNDLED);

  it('every community gets a non-empty label, terms and central papers', () => {
    const labels = clusterLabels(real.graph, real.meta);
    expect(labels.map((l) => l.community)).toEqual(
      real.meta.communities.map((c) => c.id).sort((a, b) => a - b),
    );
    expect(labels.reduce((n, l) => n + l.size, 0)).toBe(real.graph.order);
    for (const l of labels) {
      expect(l.label.trim().length, `community ${l.community}`).toBeGreaterThan(0);
      expect(l.terms.length, `community ${l.community}`).toBeGreaterThan(0);
      expect(l.papers.length).toBeGreaterThan(0);
    }
  });

  it('NMI with every dimension is in [0, 1] and counts every paper once', () => {
    for (const d of ['family', 'task', 'space', 'method', 'scheme'] as const) {
      const a = communityAgreement(real.graph, { dimension: d });
      expect(a.labelled + a.unlabelled).toBe(real.graph.order);
      expect(a.nmi).toBeGreaterThanOrEqual(0);
      expect(a.nmi).toBeLessThanOrEqual(1);
    }
  });

  it('the heat map and the grid account for every paper', () => {
    const t = communityContingency(real.graph, real.meta, { dimension: 'method', minSize: 3 });
    expect(t.counts.flat().reduce((a, b) => a + b, 0)).toBe(real.graph.order);
    const grid = taxonomyGrid(real.graph, real.meta);
    expect(grid.blocks.reduce((n, b) => n + b.cells.flat().reduce((m, c) => m + c.count, 0), 0)).toBe(
      real.graph.order,
    );
  });
});
