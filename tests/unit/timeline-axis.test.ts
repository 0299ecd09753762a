import { describe, expect, it } from 'vitest';
import { placeSpanLabels } from '../../src/render/timeline-overlay';
import { initialViewState, setColorBy, setLayout } from '../../src/state/view';
import type { GraphMeta } from '../../src/model';
import { defaultFilters } from '../../src/state/filters';

describe('placeSpanLabels', () => {
  it('centres labels on wide spans', () => {
    expect(
      placeSpanLabels(
        [
          [0, 100],
          [100, 200],
          [200, 300],
        ],
        1000,
        30,
      ),
    ).toEqual([50, 150, 250]);
  });

  it('leaves out labels of spans too narrow for the label and the gap, keeping neighbours apart', () => {
    expect(
      placeSpanLabels(
        [
          [0, 20],
          [20, 40],
          [40, 140],
        ],
        1000,
        30,
      ),
    ).toEqual([null, null, 90]);
    expect(
      placeSpanLabels(
        [
          [0, 37],
          [37, 74],
        ],
        1000,
        30,
        8,
      ),
    ).toEqual([null, null]);
    const tight = placeSpanLabels(
      [
        [0, 38],
        [38, 76],
        [76, 114],
      ],
      1000,
      30,
      8,
    ) as number[];
    expect(tight).toEqual([19, 57, 95]);
    expect(tight[1]! - tight[0]! - 30).toBeGreaterThanOrEqual(8);
  });

  it('keeps a label in the visible part of its span, at the left when the span runs off the left edge', () => {
    expect(placeSpanLabels([[-500, 2000]], 800, 30, 4)).toEqual([17]);
    expect(placeSpanLabels([[600, 2000]], 800, 30, 4)).toEqual([783]);
    expect(
      placeSpanLabels(
        [
          [-200, -100],
          [-100, 400],
        ],
        800,
        30,
        4,
      ),
    ).toEqual([null, 17]);
    expect(placeSpanLabels([[790, 900]], 800, 30, 4)).toEqual([null]);
  });
});

describe('setLayout', () => {
  const meta = {
    counts: { papers: 2, edges: 1, byKind: {}, byFamily: {} },
    years: [2016, 2025],
    taxonomy: { unknownColor: '#bbbbbb', dimensions: [] },
  } as unknown as GraphMeta;
  const s0 = { ...initialViewState({ ...meta } as GraphMeta), filters: defaultFilters(meta) };

  it('starts on the force layout, switches, and returns the same state when nothing changes', () => {
    expect(s0.layout).toBe('force');
    const s1 = setLayout(s0, 'timeline');
    expect(s1.layout).toBe('timeline');
    expect(setLayout(s1, 'timeline')).toBe(s1);
    expect(setLayout(s1, 'force').layout).toBe('force');
  });

  it('keeps the layout when the colour-by changes (the timeline re-bands)', () => {
    const s = setColorBy(setLayout(s0, 'timeline'), 'space');
    expect(s.layout).toBe('timeline');
    expect(s.colorBy).toBe('space');
  });
});
