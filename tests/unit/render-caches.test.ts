import { describe, expect, it } from 'vitest';
import { categoriesMemo, categoryMap, legendEntries, UNKNOWN_CATEGORY } from '../../src/graph/categories';
import { buildCaches, sameDrawing, updateCaches } from '../../src/render/caches';
import { setFilters } from '../../src/state/filters';
import { hover, select, setColorBy, setSizeBy, toggleIsolate } from '../../src/state/view';
import { graph, meta, reduce, s0, theme } from './support/small-reducers';

describe('legend entries', () => {
  it('lists the taxonomy categories with visible counts, unknown last', () => {
    const cats = categoryMap(graph, 'space');
    const entries = legendEntries(graph, meta, 'space', cats, null);
    expect(entries.map((e) => e.id)).toEqual([
      'dm.textual',
      'dm.parameter',
      'dm.image-feature',
      'gan.latent',
      UNKNOWN_CATEGORY,
    ]);
    expect(entries.find((e) => e.id === 'gan.latent')?.count).toBe(4);
    expect(entries.at(-1)).toMatchObject({
      label: 'Unknown / not labelled',
      color: meta.taxonomy.unknownColor,
      count: 3,
    });
    const visible = new Set(['1904.03189', '2208.01618']);
    expect(legendEntries(graph, meta, 'space', cats, visible).map((e) => e.count)).toEqual([1, 0, 0, 1, 0]);
  });

  it('lists years in order with their colours', () => {
    const entries = legendEntries(graph, meta, 'year', categoryMap(graph, 'year'), null);
    expect(entries.map((e) => e.id)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(entries.reduce((n, e) => n + e.count, 0)).toBe(16);
    expect(new Set(entries.map((e) => e.color)).size).toBe(7);
  });
});

describe('render caches', () => {
  it('hides survey-only mentions by default', () => {
    const c = buildCaches(graph, meta, s0);
    expect(c.visibility.nodes.size).toBe(16);
    expect(c.visibility.edges.size).toBe(23);
    expect(c.visibility.edges.has('2401.07519->2106.05744')).toBe(false);
  });

  it('rebuilds only what a change needs and says how to refresh', () => {
    const c0 = buildCaches(graph, meta, s0);
    const hovered = hover(s0, '2308.06721');
    const r1 = updateCaches(c0, graph, meta, s0, hovered);
    expect(r1.refresh).toBe('focus');
    expect(r1.caches.focus?.hood.node).toBe('2308.06721');
    expect(r1.caches.colors).toBe(c0.colors);
    expect(r1.caches.visibility).toBe(c0.visibility);
    const sized = setSizeBy(hovered, 'uniform');
    const r2 = updateCaches(r1.caches, graph, meta, hovered, sized);
    expect(r2.refresh).toBe('full');
    expect(r2.caches.focus).toBe(r1.caches.focus);
    expect([...r2.caches.sizes.values()].every((v) => v === 6)).toBe(true);
    const same = updateCaches(r2.caches, graph, meta, sized, { ...sized });
    expect(same).toEqual({ caches: r2.caches, refresh: 'none', nodes: [] });
  });

  it('shares one walk of the categories per colour-by between the caches and the other askers', () => {
    const categories = categoriesMemo(graph);
    const c = buildCaches(graph, meta, s0, undefined, undefined, categories);
    // the legend asks after the caches were built: the same map, not a new walk
    expect(categories(s0.colorBy)).toBe(c.categories);
    expect(c.categories).toEqual(categoryMap(graph, s0.colorBy));
    const other = s0.colorBy === 'year' ? 'space' : 'year';
    const next = setColorBy(s0, other);
    const { caches } = updateCaches(c, graph, meta, s0, next, undefined, undefined, categories);
    expect(caches.categories).toEqual(categoryMap(graph, other));
    expect(categories(other)).toBe(caches.categories);
    // the memo remembers the last colour-by only
    expect(categories(s0.colorBy)).not.toBe(c.categories);
    expect(categories(s0.colorBy)).toEqual(c.categories);
  });

  it('drops the focus when its node is filtered out', () => {
    const s = select(s0, '2102.02766');
    const c = buildCaches(graph, meta, s);
    expect(c.focus?.mode).toBe('selection');
    const filtered = setFilters(s, { categories: { family: ['diffusion'] } });
    expect(updateCaches(c, graph, meta, s, filtered).caches.focus).toBeNull();
  });
});

describe('reducers', () => {
  it('colour and size from the precomputed attributes', () => {
    const r = reduce(setColorBy(setSizeBy(s0, 'pagerank'), 'year'));
    const a = graph.getNodeAttributes('2208.12242');
    expect(r.node('2208.12242')).toMatchObject({ color: a.colors.year, size: a.sizes.pagerank });
    expect(reduce().node('unlabelled-method').color).toBe(
      graph.getNodeAttribute('unlabelled-method', 'colors').family,
    );
    expect(reduce(setColorBy(s0, 'space')).node('unlabelled-method').color).toBe(meta.taxonomy.unknownColor);
  });

  it('hover marks the neighbourhood highlighted with labels and leaves the rest to the veil', () => {
    const r = reduce(hover(s0, '2308.06721'));
    expect(r.node('2308.06721')).toMatchObject({
      highlighted: true,
      forceLabel: true,
      color: graph.getNodeAttribute('2308.06721', 'color'),
    });
    expect(r.node('2302.13848')).toMatchObject({
      highlighted: true,
      forceLabel: true,
      color: graph.getNodeAttribute('2302.13848', 'color'),
    });
    const other = r.node('1904.03189');
    expect(other.highlighted).toBeUndefined();
    expect(other.color).toBe(graph.getNodeAttribute('1904.03189', 'color'));
    // edges keep their kind style: the focus edges are drawn by the overlay
    expect(r.edge('2106.05744->2102.02766').color).toBe(theme.edges['builds-on'].color);
  });

  it('selection: the paper neutral, references blue, citations green', () => {
    const r = reduce(select(s0, '2308.06721'));
    expect(r.node('2308.06721').color).toBe(theme.selected);
    expect(r.node('2302.13848').color).toBe(theme.references);
    expect(r.node('2401.07519').color).toBe(theme.citations);
  });

  it('a hover re-reduces only the old and new neighbourhoods', () => {
    const c0 = buildCaches(graph, meta, s0);
    const h1 = hover(s0, '2308.06721');
    const r1 = updateCaches(c0, graph, meta, s0, h1);
    expect(r1.refresh).toBe('focus');
    expect(new Set(r1.nodes)).toEqual(r1.caches.focus!.hood.nodes);
    const h2 = hover(h1, '2102.02766');
    const r2 = updateCaches(r1.caches, graph, meta, h1, h2);
    expect(r2.refresh).toBe('focus');
    expect(new Set(r2.nodes)).toEqual(
      new Set([...r1.caches.focus!.hood.nodes, ...r2.caches.focus!.hood.nodes]),
    );
    const r3 = updateCaches(r2.caches, graph, meta, h2, hover(h2, null));
    expect(r3.caches.focus).toBeNull();
    expect(new Set(r3.nodes)).toEqual(r2.caches.focus!.hood.nodes);
  });

  it('isolating a category fades the others and their edges', () => {
    const r = reduce(toggleIsolate(s0, 'gan'));
    expect(r.node('2102.02766').color).toBe(graph.getNodeAttribute('2102.02766', 'colors').family);
    expect(r.node('2208.12242').color).toBe(theme.fadedNode);
    expect(r.edge('2106.05744->2102.02766').color).toBe(theme.edges['builds-on'].color);
    expect(r.edge('2208.12242->2106.05744').color).toBe(theme.fadedEdge);
  });

  it('edge kinds are distinguishable; filtered items are hidden', () => {
    const r = reduce();
    const b = r.edge('2212.04488->2208.12242');
    const c = r.edge('2212.04488->2208.01618');
    expect(b.size as number).toBeGreaterThan(c.size as number);
    expect(b.color).not.toBe(c.color);
    expect(r.edge('2401.07519->2106.05744').hidden).toBe(true);
    const onlyDiffusion = reduce(setFilters(s0, { categories: { family: ['diffusion'] } }));
    expect(onlyDiffusion.node('2102.02766').hidden).toBe(true);
    expect(onlyDiffusion.edge('2106.05744->2102.02766').hidden).toBe(true);
  });
});

describe('sameDrawing', () => {
  it('is true for caches built twice from the same state, false when colours, visibility or focus differ', () => {
    const a = buildCaches(graph, meta, s0);
    expect(sameDrawing(a, buildCaches(graph, meta, s0))).toBe(true);
    expect(sameDrawing(a, buildCaches(graph, meta, setColorBy(s0, 'year')))).toBe(false);
    expect(sameDrawing(a, buildCaches(graph, meta, setSizeBy(s0, 'uniform')))).toBe(false);
    const fewer = setFilters(s0, { ...s0.filters, years: [2022, 2025] });
    expect(sameDrawing(a, buildCaches(graph, meta, fewer))).toBe(false);
    expect(sameDrawing(a, buildCaches(graph, meta, hover(s0, graph.nodes()[0]!)))).toBe(false);
  });
});
