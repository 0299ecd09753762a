import { describe, expect, it } from 'vitest';
import type { GraphMeta } from '../../src/model';
import {
  compareWith,
  defaultLineage,
  depthSteps,
  endComparison,
  setLineageDepth,
  startPicking,
  toggleLineageKind,
} from '../../src/state/lineage';
import type { LineageDepth } from '../../src/state/types';
import { clearSelection, clickBackground, dismiss, initialViewState, select } from '../../src/state/view';

const s0 = initialViewState({
  counts: { papers: 2, edges: 1, byKind: {}, byFamily: {} },
  years: [2016, 2025],
  taxonomy: { unknownColor: '#bbbbbb', dimensions: [] },
} as unknown as GraphMeta);

describe('lineage settings', () => {
  it("defaults to two steps over builds-on and cites (and a graph file's links when it has some), as plain data", () => {
    expect(s0.lineage).toEqual({ depth: 2, kinds: ['builds-on', 'cites'] });
    expect(
      defaultLineage({ counts: { papers: 2, edges: 1, byKind: { links: 1 }, byFamily: {} } }).kinds,
    ).toEqual(['builds-on', 'cites', 'links']);
    expect(defaultLineage()).not.toBe(defaultLineage());
    expect(JSON.parse(JSON.stringify(s0))).toEqual(s0);
    expect(s0.compareWith).toBeNull();
    expect(s0.picking).toBe(false);
  });

  it('sets the depth, returns the same state when unchanged, rejects other values', () => {
    const s1 = setLineageDepth(s0, 'all');
    expect(s1.lineage.depth).toBe('all');
    expect(setLineageDepth(s1, 'all')).toBe(s1);
    expect(depthSteps('all')).toBe(Infinity);
    expect(depthSteps(3)).toBe(3);
    expect(() => setLineageDepth(s0, 4 as LineageDepth)).toThrow(
      'setLineageDepth: depth must be 1, 2, 3 or "all", got 4',
    );
  });

  it('toggles kinds keeping the canonical order', () => {
    const s1 = toggleLineageKind(s0, 'mentions');
    expect(s1.lineage.kinds).toEqual(['builds-on', 'cites', 'mentions']);
    expect(toggleLineageKind(s1, 'compares').lineage.kinds).toEqual([
      'builds-on',
      'cites',
      'compares',
      'mentions',
    ]);
    expect(toggleLineageKind(s1, 'mentions', true)).toBe(s1);
    expect(toggleLineageKind(s0, 'cites').lineage.kinds).toEqual(['builds-on']);
  });
});

describe('compare with…', () => {
  const selected = select(s0, 'a');

  it('picks the next paper selected instead of moving the selection', () => {
    expect(startPicking(s0)).toBe(s0); // nothing selected: nothing to compare
    const picking = startPicking(selected);
    expect(picking.picking).toBe(true);
    const picked = select(picking, 'b');
    expect(picked).toMatchObject({ selected: 'a', compareWith: 'b', picking: false });
    // choosing the selection itself keeps waiting
    expect(select(picking, 'a')).toBe(picking);
    // a later selection ends the comparison
    expect(select(picked, 'c')).toMatchObject({ selected: 'c', compareWith: null, picking: false });
  });

  it('Escape ends the comparison first, then the selection; the background click ends both', () => {
    const picked = compareWith(selected, 'b');
    expect(picked.compareWith).toBe('b');
    const once = dismiss(picked);
    expect(once).toMatchObject({ selected: 'a', compareWith: null });
    expect(dismiss(once).selected).toBeNull();
    expect(dismiss(startPicking(selected))).toMatchObject({ selected: 'a', picking: false });
    expect(clearSelection(picked)).toMatchObject({ selected: null, compareWith: null, picking: false });
    expect(endComparison(selected)).toBe(selected);
    expect(compareWith(selected, 'a').compareWith).toBeNull();
  });

  it('a background click cancels the picking only, else clears the selection and comparison', () => {
    expect(clickBackground(startPicking(selected))).toMatchObject({ selected: 'a', picking: false });
    expect(clickBackground(compareWith(selected, 'b'))).toMatchObject({ selected: null, compareWith: null });
  });
});
