/**
 * Works outside the list (build:graph --expand) in the renderer's caches and node reducer: drawn by
 * the ring program in every state (plain, selected lineage, isolated category), list papers never.
 */
import { describe, expect, it } from 'vitest';
import { readGraphData } from '../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../src/graph/build/build';
import { parseGraphFile } from '../../src/graph/load';
import { serializeGraphFile } from '../../src/graph/serialize';
import { buildCaches, updateCaches } from '../../src/render/caches';
import { createNodeReducer, RING_NODE_TYPE } from '../../src/render/reducers';
import { themeFor } from '../../src/render/theme';
import { initialViewState, select, toggleIsolate } from '../../src/state/view';
import { graph as small, meta as smallMeta } from './support/small-reducers';

const built = buildGraph(readGraphData('tests/fixtures/graph-data/expand'), { expand: 3 });
const { graph, meta } = parseGraphFile(
  JSON.parse(serializeGraphFile(built.graph, built.meta)),
  'expanded.json',
);
const s0 = initialViewState(meta);
const theme = themeFor(false);
const OUTSIDE = ['1512.03385', '1706.03762', 'doi-10-5555-gan'];

function types(state = s0): Map<string, unknown> {
  const caches = buildCaches(graph, meta, state);
  const reduce = createNodeReducer(
    () => caches,
    () => theme,
  );
  return new Map(graph.mapNodes((id, a) => [id, (reduce(id, { ...a }) as { type?: unknown }).type]));
}

describe('outside works in the renderer', () => {
  it('caches the outside nodes once, and keeps them across state changes', () => {
    const c0 = buildCaches(graph, meta, s0);
    expect([...c0.outside].sort()).toEqual(OUTSIDE);
    const next = select(s0, '2304.00004');
    expect(updateCaches(c0, graph, meta, s0, next).caches.outside).toBe(c0.outside);
    expect(buildCaches(small, smallMeta, initialViewState(smallMeta)).outside.size).toBe(0);
  });

  it('draws outside works as rings and the list papers as discs, in every state', () => {
    const states = [s0, select(s0, '2304.00004'), select(s0, '1512.03385'), toggleIsolate(s0, 'vision')];
    for (const state of states) {
      const t = types(state);
      for (const id of OUTSIDE) expect(t.get(id)).toBe(RING_NODE_TYPE);
      for (const id of ['2301.00001', '2302.00002', '2303.00003', '2304.00004'])
        expect(t.get(id)).toBeUndefined();
    }
  });
});
