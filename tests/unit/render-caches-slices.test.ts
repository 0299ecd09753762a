/** The render caches built in slices: the same caches as at once, for the view as it is when they are done. */
import { describe, expect, it } from 'vitest';
import { computeVisibility } from '../../src/graph/filters';
import { lineageMemo } from '../../src/graph/lineage/memo';
import { categoriesMemo, categoryMap } from '../../src/graph/categories';
import { runSteps, STEP_ITEMS } from '../../src/graph/steps';
import { buildCaches, buildCachesInSlices, cacheSteps, sameDrawing } from '../../src/render/caches';
import { hover, initialViewState, setColorBy, setSizeBy } from '../../src/state/view';
import type { ViewState } from '../../src/state/types';
import { synthetic } from './binary/support';

// more papers than a step's worth, so that the walks pause between steps
const { graph, meta } = synthetic(STEP_ITEMS * 2 + 100);
const visibility = (f: ViewState['filters']) => computeVisibility(graph, f);
const lineages = lineageMemo(graph, visibility);
const s0 = initialViewState(meta);

describe('cacheSteps', () => {
  it('walks the papers a step at a time and ends with the caches buildCaches makes', () => {
    const steps = cacheSteps(graph, meta, s0, visibility, lineages);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // four walks of every paper (categories, colours, sizes, works outside the list)
    expect(pauses).toBe(4 * Math.floor(graph.order / STEP_ITEMS));
    const once = buildCaches(graph, meta, s0, visibility, lineages);
    expect(r.value.colors).toEqual(once.colors);
    expect(r.value.sizes).toEqual(once.sizes);
    expect(r.value.categories).toEqual(once.categories);
    expect(sameDrawing(r.value, once)).toBe(true);
  });
});

describe('categoriesMemo', () => {
  it('walks a colour-by once; steps that another asker overtook end with its instance', () => {
    const categories = categoriesMemo(graph);
    const steps = categories.steps(s0.colorBy);
    expect(steps.next().done).toBe(false);
    // asked at once (the legend, say) while the caches' steps pause between two steps
    const first = categories(s0.colorBy);
    expect(runSteps(steps)).toBe(first);
    expect(runSteps(categories.steps(s0.colorBy))).toBe(first);
    expect(first).toEqual(categoryMap(graph, s0.colorBy));
    // the caches built with the memo hold the same instance
    expect(buildCaches(graph, meta, s0, visibility, lineages, categories).categories).toBe(first);
  });
});

describe('buildCachesInSlices', () => {
  it('pauses between slices and gives the caches of the view it started with when nothing changed', async () => {
    let pauses = 0;
    const caches = await buildCachesInSlices(graph, meta, () => s0, visibility, lineages, {
      budgetMs: 1e-9,
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBeGreaterThanOrEqual(4 * Math.floor(graph.order / STEP_ITEMS));
    expect(sameDrawing(caches, buildCaches(graph, meta, s0, visibility, lineages))).toBe(true);
  });

  it('applies what changed during the slices: colours, sizes and the hovered paper of the view at the end', async () => {
    let state = s0;
    const paper = graph.nodes()[7]!;
    const changes: Array<(s: ViewState) => ViewState> = [
      (s) => setColorBy(s, 'year'),
      (s) => setSizeBy(s, s.sizeBy === 'citations' ? 'uniform' : 'citations'),
      (s) => hover(s, paper),
    ];
    const caches = await buildCachesInSlices(graph, meta, () => state, visibility, lineages, {
      budgetMs: 1e-9,
      pause: async () => {
        const change = changes.shift();
        if (change) state = change(state);
      },
    });
    expect(changes).toHaveLength(0);
    const atEnd = buildCaches(graph, meta, state, visibility, lineages);
    expect(caches.colors).toEqual(atEnd.colors);
    expect(caches.sizes).toEqual(atEnd.sizes);
    expect(caches.categories).toEqual(atEnd.categories);
    expect(caches.focus?.hood.node).toBe(paper);
    expect([...caches.focus!.hood.nodes].sort()).toEqual([...atEnd.focus!.hood.nodes].sort());
    // and not those of the view it started with
    expect(caches.colors).not.toEqual(buildCaches(graph, meta, s0, visibility, lineages).colors);
  });
});
