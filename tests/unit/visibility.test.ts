import { describe, expect, it } from 'vitest';
import { computeFacets } from '../../src/graph/facets';
import { computeVisibility, edgePasses, visibilityMemo, visibilitySteps } from '../../src/graph/filters';
import { STEP_ITEMS } from '../../src/graph/steps';
import type { Taxonomy } from '../../src/model';
import type { Filters } from '../../src/state/types';
import { makeGraph } from './support/paper-graph';
import { synthetic } from './binary/support';

/*
 *   a(2020,gan) ──builds-on──▶ b(2021,diffusion) ◀──cites── c(2022,diffusion,face)
 *        ▲                         │ compares
 *        └──mentions (survey repo)─┘──────────▶ d(2022,ar)
 *   e(2024,diffusion,style) alone
 */
const graph = makeGraph(
  [
    { id: 'a', title: 'A', year: 2020, family: 'gan', tasks: ['gan-inversion'] },
    { id: 'b', title: 'B', year: 2021, family: 'diffusion', tasks: ['subject'] },
    { id: 'c', title: 'C', year: 2022, family: 'diffusion', tasks: ['face', 'subject'] },
    { id: 'd', title: 'D', year: 2022, family: 'ar', tasks: ['ar-personalization'] },
    { id: 'e', title: 'E', year: 2024, family: 'diffusion', tasks: ['style'] },
  ],
  [
    { source: 'a', target: 'b', kind: 'builds-on' },
    { source: 'c', target: 'b', kind: 'cites' },
    { source: 'b', target: 'd', kind: 'compares' },
    {
      source: 'b',
      target: 'a',
      kind: 'mentions',
      surveyOnly: true,
      provenance: [
        {
          source: 'code-readme',
          repo: 'x/awesome',
          section: 'GAN',
          evidence: 'arxiv-link',
          surveyRepo: true,
        },
      ],
    },
  ],
);

const ALL: Filters = {
  years: null,
  categories: {},
  unlabelled: [],
  edgeKinds: ['builds-on', 'cites', 'compares', 'mentions'],
  showSurveyMentions: false,
  minDegree: 0,
};
const vis = (patch: Partial<Filters>) => {
  const v = computeVisibility(graph, { ...ALL, ...patch });
  return { nodes: [...v.nodes].sort(), edges: [...v.edges].sort() };
};

describe('computeVisibility', () => {
  it('shows every paper and every edge but survey-only mentions by default', () => {
    expect(vis({})).toEqual({ nodes: ['a', 'b', 'c', 'd', 'e'], edges: ['a->b', 'b->d', 'c->b'] });
  });

  it('shows survey-only mentions when asked', () => {
    expect(vis({ showSurveyMentions: true }).edges).toEqual(['a->b', 'b->a', 'b->d', 'c->b']);
    expect(edgePasses(graph, 'b->a', { ...ALL, showSurveyMentions: true })).toBe(true);
    expect(edgePasses(graph, 'b->a', ALL)).toBe(false);
  });

  it('filters years inclusively and drops edges to hidden papers', () => {
    expect(vis({ years: [2021, 2022] })).toEqual({ nodes: ['b', 'c', 'd'], edges: ['b->d', 'c->b'] });
  });

  it('filters families and tasks (any task of a paper)', () => {
    expect(vis({ categories: { family: ['diffusion'] } })).toEqual({
      nodes: ['b', 'c', 'e'],
      edges: ['c->b'],
    });
    expect(vis({ categories: { task: ['face'] } }).nodes).toEqual(['c']);
    expect(vis({ categories: { task: ['subject'] } }).nodes).toEqual(['b', 'c']);
    // several dimensions: a paper must pass each
    expect(vis({ categories: { family: ['diffusion'], task: ['subject'] } }).nodes).toEqual(['b', 'c']);
    expect(vis({ categories: { family: [] } }).nodes).toEqual([]);
  });

  it("keeps a dimension's unlabelled papers while it is filtered, until they are hidden themselves", () => {
    const labelled = (id: string, modality?: string) => ({
      id,
      title: id.toUpperCase(),
      year: 2022,
      family: 'diffusion',
      tasks: ['subject'],
      ...(modality ? { dimensions: { modality: [modality] } } : {}),
    });
    const g = makeGraph([labelled('p', 'image'), labelled('q', 'text'), labelled('r'), labelled('s')], []);
    const shown = (f: Partial<Filters>) => [...computeVisibility(g, { ...ALL, ...f }).nodes].sort();
    expect(shown({ categories: { modality: ['image'] } })).toEqual(['p', 'r', 's']);
    expect(shown({ categories: { modality: ['image'] }, unlabelled: ['modality'] })).toEqual(['p']);
    // only the unlabelled hidden: every labelled paper stays
    expect(shown({ unlabelled: ['modality'] })).toEqual(['p', 'q']);
    expect(shown({ categories: { modality: [] } })).toEqual(['r', 's']);
  });

  it('filters edge kinds without hiding papers', () => {
    expect(vis({ edgeKinds: ['cites'] })).toEqual({ nodes: ['a', 'b', 'c', 'd', 'e'], edges: ['c->b'] });
  });

  it('hides papers with fewer visible edges than minDegree, counting only visible edges', () => {
    expect(vis({ minDegree: 1 })).toEqual({ nodes: ['a', 'b', 'c', 'd'], edges: ['a->b', 'b->d', 'c->b'] });
    expect(vis({ minDegree: 2 })).toEqual({ nodes: ['b'], edges: [] });
    // with survey mentions, a has two edges (a->b, b->a)
    expect(vis({ minDegree: 2, showSurveyMentions: true })).toEqual({
      nodes: ['a', 'b'],
      edges: ['a->b', 'b->a'],
    });
    // degree counts edges left after the kind filter
    expect(vis({ minDegree: 1, edgeKinds: ['builds-on'] })).toEqual({ nodes: ['a', 'b'], edges: ['a->b'] });
  });
});

describe('computeFacets', () => {
  it('counts papers per year (empty years included), family, task and edges per kind', () => {
    const cats = (ids: string[]) => ids.map((id) => ({ id, label: id, color: '#000000' }));
    const taxonomy: Taxonomy = {
      unknownColor: '#bbbbbb',
      dimensions: [
        { id: 'family', label: 'Family', categories: cats(['diffusion', 'gan', 'ar', 'survey']) },
        { id: 'task', label: 'Task', categories: cats(['subject', 'face', 'video']) },
      ],
    };
    const f = computeFacets(graph, taxonomy);
    expect(f.yearBounds).toEqual([2020, 2024]);
    expect(f.years).toEqual([
      { year: 2020, count: 1 },
      { year: 2021, count: 1 },
      { year: 2022, count: 2 },
      { year: 2023, count: 0 },
      { year: 2024, count: 1 },
    ]);
    expect(f.categories.family).toEqual({ diffusion: 3, gan: 1, ar: 1, survey: 0, unknown: 0 });
    expect(f.categories.task).toEqual({ subject: 2, face: 1, video: 0, unknown: 0 });
    expect(f.edgeKinds).toEqual({ 'builds-on': 1, cites: 1, compares: 1, mentions: 1, links: 0 });
    expect(f.surveyOnly).toBe(1);
  });

  it('handles an empty graph', () => {
    const f = computeFacets(makeGraph([]), { unknownColor: '#bbbbbb', dimensions: [] });
    expect(f.years).toEqual([]);
    expect(f.yearBounds).toEqual([0, 0]);
  });
});

describe('visibilityMemo', () => {
  it('computes once per filters object and again when the filters change', () => {
    const visibilityOf = visibilityMemo(graph);
    const first = visibilityOf(ALL);
    expect(visibilityOf(ALL)).toBe(first);
    expect(first).toEqual(computeVisibility(graph, ALL));
    const narrowed = { ...ALL, minDegree: 2 };
    const second = visibilityOf(narrowed);
    expect(second).not.toBe(first);
    expect(second).toEqual(computeVisibility(graph, narrowed));
    expect(visibilityOf(narrowed)).toBe(second);
  });
});

describe('visibilitySteps', () => {
  it('walks a big graph a step at a time, ending with what the filters show', () => {
    const big = synthetic(STEP_ITEMS + 500).graph;
    const filters: Filters = { ...ALL, years: [2020, 2022] };
    const steps = visibilitySteps(big, filters);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBe(Math.floor(big.order / STEP_ITEMS) + Math.floor(big.size / STEP_ITEMS));
    // the same papers and links as a plain walk picks
    const nodes = big.filterNodes((_, a) => a.year !== null && a.year >= 2020 && a.year <= 2022);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(big.order);
    expect([...r.value.nodes].sort()).toEqual(nodes.sort());
    const shown = new Set(nodes);
    const edges = big.filterEdges(
      (e, _a, s, t) => shown.has(s) && shown.has(t) && edgePasses(big, e, filters),
    );
    expect([...r.value.edges].sort()).toEqual(edges.sort());
  });
});

describe('visibilityMemo with a seed', () => {
  it('answers the seed for its filters object without walking the graph, and computes for others', () => {
    const seeded = { nodes: new Set(['a']), edges: new Set<string>() };
    const visibilityOf = visibilityMemo(graph, { filters: ALL, visibility: seeded });
    expect(visibilityOf(ALL)).toBe(seeded);
    const other = { ...ALL, showSurveyMentions: true };
    expect(visibilityOf(other)).toEqual(computeVisibility(graph, other));
  });
});
