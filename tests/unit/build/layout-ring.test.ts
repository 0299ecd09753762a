import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { RING_COMPONENT_MAX, ringIsolated } from '../../../src/graph/build/layout';
import type { AtlasGraph } from '../../../src/graph/types';

/** A 7-paper main component around the origin, a far-flung pair and a lone paper. */
function graphWithDetachedPair(): Graph {
  const g = new Graph({ type: 'directed' });
  for (let i = 0; i < 7; i++) {
    const angle = (2 * Math.PI * i) / 7;
    g.addNode(`m${i}`, { x: 10 * Math.cos(angle), y: 10 * Math.sin(angle) });
    if (i > 0) g.addEdge(`m${i}`, 'm0');
  }
  g.addNode('pair-a', { x: 900, y: 900 });
  g.addNode('pair-b', { x: 903, y: 904 });
  g.addEdge('pair-a', 'pair-b');
  g.addNode('alone', { x: -700, y: 0 });
  return g;
}

const asAtlas = (g: Graph): AtlasGraph => g as unknown as AtlasGraph;

describe('ringIsolated', () => {
  it('brings a far-flung detached pair onto the ring with the lone papers, keeping its shape', () => {
    const g = graphWithDetachedPair();
    ringIsolated(asAtlas(g));
    const dist = (n: string) => Math.hypot(g.getNodeAttribute(n, 'x'), g.getNodeAttribute(n, 'y'));
    const main = Math.max(...['m1', 'm2', 'm3'].map(dist));
    const pairCentre = Math.hypot(
      (g.getNodeAttribute('pair-a', 'x') + g.getNodeAttribute('pair-b', 'x')) / 2,
      (g.getNodeAttribute('pair-a', 'y') + g.getNodeAttribute('pair-b', 'y')) / 2,
    );
    expect(pairCentre).toBeGreaterThan(main);
    expect(pairCentre).toBeLessThan(100);
    expect(pairCentre).toBeCloseTo(dist('alone'), 0);
    const dx = g.getNodeAttribute('pair-b', 'x') - g.getNodeAttribute('pair-a', 'x');
    const dy = g.getNodeAttribute('pair-b', 'y') - g.getNodeAttribute('pair-a', 'y');
    expect([dx, dy]).toEqual([3, 4]);
    // the main component does not move
    expect(g.getNodeAttribute('m0', 'x')).toBe(10);
  });

  it(`leaves groups of more than ${RING_COMPONENT_MAX} papers where they are`, () => {
    const g = graphWithDetachedPair();
    for (let i = 0; i < RING_COMPONENT_MAX; i++) {
      g.addNode(`far${i}`, { x: 2000 + i, y: 0 });
      g.addEdge(`far${i}`, 'pair-a');
    }
    ringIsolated(asAtlas(g));
    expect(g.getNodeAttribute('far0', 'x')).toBe(2000);
  });
});
