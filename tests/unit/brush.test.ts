import { describe, expect, it } from 'vitest';
import { buildCaches, updateCaches } from '../../src/render/caches';
import { clearBrush, setBrush, toggleBrush } from '../../src/state/brush';
import { hover, select, toggleIsolate } from '../../src/state/view';
import { graph, meta, reduce, s0, theme } from './support/small-reducers';

const GAN = ['2102.02766', '2106.05744', '1904.03189', '2008.00951'];

describe('brush producers', () => {
  it('set a brush (ids once each), clear the selection, and keep the state when nothing changes', () => {
    const selected = select(s0, '2208.12242');
    const b = setBrush(selected, 'GAN', [...GAN, GAN[0]!]);
    expect(b.brush).toEqual({ label: 'GAN', nodes: GAN });
    expect(b.selected).toBeNull();
    expect(setBrush(b, 'GAN', GAN)).toBe(b);
    expect(setBrush(b, 'Other', GAN)).not.toBe(b);
    expect(setBrush(b, 'GAN', []).brush).toBeNull();
    expect(clearBrush(b).brush).toBeNull();
    expect(clearBrush(s0)).toBe(s0);
  });

  it('toggle: a second click on the same set clears it', () => {
    const b = toggleBrush(s0, 'GAN', GAN);
    expect(b.brush?.nodes).toEqual(GAN);
    expect(toggleBrush(b, 'GAN', GAN).brush).toBeNull();
    expect(toggleBrush(b, 'Two', GAN.slice(0, 2)).brush?.nodes).toEqual(GAN.slice(0, 2));
  });

  it('keeps the community a brush is, for the link', () => {
    expect(toggleBrush(s0, 'Community 2', GAN, 1).brush).toEqual({
      label: 'Community 2',
      nodes: GAN,
      community: 1,
    });
    expect(setBrush(s0, 'Cell', GAN).brush).not.toHaveProperty('community');
  });
});

describe('brush caches and reducers', () => {
  it('brushed papers highlighted and labelled in their colour, the rest and their edges dimmed', () => {
    const r = reduce(setBrush(s0, 'GAN', GAN));
    expect(r.node('2102.02766')).toMatchObject({
      highlighted: true,
      forceLabel: true,
      color: graph.getNodeAttribute('2102.02766', 'colors').family,
    });
    const other = r.node('2208.12242');
    expect(other).toMatchObject({ color: theme.fadedNode, label: '' });
    expect(other.highlighted).toBeUndefined();
    // an edge inside the brush keeps its style; one leaving it fades
    expect(r.edge('2106.05744->2102.02766').color).toBe(theme.edges['builds-on'].color);
    expect(r.edge('2208.12242->2106.05744').color).toBe(theme.fadedEdge);
  });

  it('the brush wins over an isolated category, the focus over the brush', () => {
    const both = reduce(setBrush(toggleIsolate(s0, 'diffusion'), 'GAN', GAN));
    expect(both.node('2102.02766').highlighted).toBe(true);
    expect(both.node('2208.12242').color).toBe(theme.fadedNode);
    const hovered = reduce(hover(setBrush(s0, 'GAN', GAN), '2308.06721'));
    expect(hovered.node('2308.06721')).toMatchObject({ highlighted: true, forceLabel: true });
    // brushed papers step back under the veil (no highlight) but keep their colour
    expect(hovered.node('2102.02766').highlighted).toBeUndefined();
    expect(hovered.node('2102.02766').color).toBe(graph.getNodeAttribute('2102.02766', 'colors').family);
  });

  it('a brush change re-reduces everything once; a hover over a brush re-reduces the neighbourhood and the brush', () => {
    const c0 = buildCaches(graph, meta, s0);
    expect(c0.brush).toBeNull();
    const b = setBrush(s0, 'GAN', [...GAN, 'no-such-paper']);
    const r1 = updateCaches(c0, graph, meta, s0, b);
    expect(r1.refresh).toBe('highlight');
    expect(r1.caches.brush).toEqual(new Set(GAN));
    expect(r1.caches.colors).toBe(c0.colors);
    const h = hover(b, '2308.06721');
    const r2 = updateCaches(r1.caches, graph, meta, b, h);
    expect(r2.refresh).toBe('focus');
    expect(new Set(r2.nodes)).toEqual(new Set([...r2.caches.focus!.hood.nodes, ...GAN]));
    expect(r2.caches.brush).toBe(r1.caches.brush);
    // moving from one neighbourhood to another leaves the brush alone
    const h2 = hover(h, '2208.01618');
    const r3 = updateCaches(r2.caches, graph, meta, h, h2);
    expect(new Set(r3.nodes)).toEqual(
      new Set([...r2.caches.focus!.hood.nodes, ...r3.caches.focus!.hood.nodes]),
    );
    const cleared = updateCaches(r3.caches, graph, meta, h2, clearBrush(h2));
    expect(cleared.refresh).toBe('highlight');
    expect(cleared.caches.brush).toBeNull();
  });
});
