import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeVisibility, visibilityMemo } from '../../src/graph/filters';
import {
  countUpTo,
  datedMonths,
  fromMonthIndex,
  monthIndex,
  paperMonth,
  playbackOrder,
  sweepRange,
  visibilityAt,
} from '../../src/graph/playback';
import { defaultFilters } from '../../src/state/filters';
import {
  DEFAULT_PLAY_SPEED,
  MAX_PLAY_SPEED,
  monthsIn,
  playheadKey,
  playheadLabel,
  setPlayhead,
  setPlaySpeed,
  stepPlayhead,
  sweepSeconds,
} from '../../src/state/playback';
import type { Filters, ViewState } from '../../src/state/types';
import { makeGraph } from './support/paper-graph';

/*
 *   a(2020-03) ──▶ b(2021, no month: July) ◀── c(2021-02)
 *   b ──▶ d(2021-07) ──▶ e(2022-11)      f (no year)  ──▶ a
 */
const graph = makeGraph(
  [
    { id: 'a', title: 'A', year: 2020, month: 3 },
    { id: 'b', title: 'B', year: 2021, month: null },
    { id: 'c', title: 'C', year: 2021, month: 2, family: 'gan' },
    { id: 'd', title: 'D', year: 2021, month: 7 },
    { id: 'e', title: 'E', year: 2022, month: 11 },
    { id: 'f', title: 'F', year: null, month: null },
  ],
  [
    { source: 'a', target: 'b' },
    { source: 'c', target: 'b' },
    { source: 'b', target: 'd' },
    { source: 'd', target: 'e' },
    { source: 'f', target: 'a' },
  ],
);
const edgeKey = (s: string, t: string) => graph.edge(s, t)!;
const base: Filters = { ...defaultFilters(null as never) };
const at = (year: number, month: number): Filters => ({ ...base, playhead: { year, month } });
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('months', () => {
  it('orders months as year * 12 + month - 1 and back', () => {
    expect(monthIndex({ year: 2021, month: 1 })).toBe(2021 * 12);
    expect(monthIndex({ year: 2021, month: 12 })).toBe(2021 * 12 + 11);
    expect(monthIndex({ year: 2021, month: 12 }) + 1).toBe(monthIndex({ year: 2022, month: 1 }));
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(fromMonthIndex(monthIndex({ year, month }))).toEqual({ year, month });
      }),
    );
  });

  it('puts a paper without a month at mid-year (July), as the timeline does, and one without a year nowhere', () => {
    expect(paperMonth({ year: 2021, month: null })).toBe(monthIndex({ year: 2021, month: 7 }));
    expect(paperMonth({ year: 2021, month: 2 })).toBe(monthIndex({ year: 2021, month: 2 }));
    expect(paperMonth({ year: null, month: null })).toBeNull();
  });

  it('names and keys a month', () => {
    expect(playheadLabel({ year: 2021, month: 3 })).toBe('March 2021');
    expect(playheadKey({ year: 2021, month: 3 })).toBe('2021-03');
  });
});

describe('playbackOrder', () => {
  const order = playbackOrder(graph);
  it('sorts the dated papers by month, and links by the month both ends exist', () => {
    expect(order.nodes).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(order.nodeMonths).toEqual([...order.nodeMonths].sort((x, y) => x - y));
    // c→b appears with b (July 2021), not with c (February); f→a never (f has no date)
    const month = (s: string, t: string) => order.edgeMonths[order.edges.indexOf(edgeKey(s, t))];
    expect(month('c', 'b')).toBe(monthIndex({ year: 2021, month: 7 }));
    expect(month('b', 'd')).toBe(monthIndex({ year: 2021, month: 7 }));
    expect(order.edges).not.toContain(edgeKey('f', 'a'));
  });

  it('counts the months up to a threshold', () => {
    expect(countUpTo([1, 2, 2, 5], 0)).toBe(0);
    expect(countUpTo([1, 2, 2, 5], 2)).toBe(3);
    expect(countUpTo([1, 2, 2, 5], 9)).toBe(4);
    expect(countUpTo([], 9)).toBe(0);
  });

  it('sweeps from the first dated paper to the last, within the year filter', () => {
    expect(sweepRange(order, null)).toEqual([
      monthIndex({ year: 2020, month: 3 }),
      monthIndex({ year: 2022, month: 11 }),
    ]);
    expect(sweepRange(order, [2021, 2021])).toEqual([
      monthIndex({ year: 2021, month: 2 }),
      monthIndex({ year: 2021, month: 7 }),
    ]);
    expect(sweepRange(order, [2023, 2024])).toBeNull();
    expect(sweepRange(playbackOrder(makeGraph([], [])), null)).toBeNull();
  });

  it("gives the dated papers' months alone as the order does, and the same sweeps", () => {
    expect(datedMonths(graph)).toEqual(order.nodeMonths);
    expect(datedMonths(makeGraph([], []))).toEqual([]);
    for (const years of [null, [2021, 2021], [2023, 2024]] as const)
      expect(sweepRange({ nodeMonths: datedMonths(graph) }, years)).toEqual(sweepRange(order, years));
  });
});

describe('visibility at a playhead', () => {
  it('shows the papers up to the month, and links once both ends exist', () => {
    const v = computeVisibility(graph, at(2021, 6));
    expect(sorted(v.nodes)).toEqual(['a', 'c']);
    expect(v.edges.size).toBe(0);
    const w = computeVisibility(graph, at(2021, 7));
    expect(sorted(w.nodes)).toEqual(['a', 'b', 'c', 'd']);
    expect(sorted(w.edges)).toEqual(sorted([edgeKey('a', 'b'), edgeKey('c', 'b'), edgeKey('b', 'd')]));
    // the paper without a date stays hidden while playing, even at the end
    expect(computeVisibility(graph, at(2030, 1)).nodes.has('f')).toBe(false);
    expect(computeVisibility(graph, base).nodes.has('f')).toBe(true);
  });

  it('keeps the other filters', () => {
    const v = computeVisibility(graph, { ...at(2022, 12), categories: { family: ['diffusion'] } });
    expect(sorted(v.nodes)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('the memo (a threshold on the sorted order) agrees with the full computation at every month', () => {
    const filterSets: Filters[] = [
      base,
      { ...base, categories: { family: ['diffusion'] } },
      { ...base, years: [2021, 2022] },
      { ...base, minDegree: 2 },
    ];
    const memo = visibilityMemo(graph);
    for (const f of filterSets) {
      for (let m = monthIndex({ year: 2019, month: 12 }); m <= monthIndex({ year: 2023, month: 1 }); m++) {
        const filters: Filters = { ...f, playhead: fromMonthIndex(m) };
        const fast = memo(filters);
        const full = computeVisibility(graph, filters);
        expect(sorted(fast.nodes)).toEqual(sorted(full.nodes));
        expect(sorted(fast.edges)).toEqual(sorted(full.edges));
      }
    }
  });

  it('visibilityAt walks the order under a base visibility', () => {
    const v = visibilityAt(computeVisibility(graph, base), playbackOrder(graph), { year: 2020, month: 3 });
    expect(sorted(v.nodes)).toEqual(['a']);
  });
});

describe('playback producers', () => {
  const s0 = { filters: base, playSpeed: DEFAULT_PLAY_SPEED } as ViewState;
  const range: [number, number] = [
    monthIndex({ year: 2020, month: 3 }),
    monthIndex({ year: 2022, month: 11 }),
  ];

  it('sets, clamps and clears the playhead, keeping the filters canonical', () => {
    const s1 = setPlayhead(s0, { year: 2021, month: 5 });
    expect(s1.filters.playhead).toEqual({ year: 2021, month: 5 });
    expect(setPlayhead(s1, { year: 2021, month: 5 })).toBe(s1);
    expect(setPlayhead(s0, monthIndex({ year: 2019, month: 1 }), range).filters.playhead).toEqual({
      year: 2020,
      month: 3,
    });
    const cleared = setPlayhead(s1, null);
    expect('playhead' in cleared.filters).toBe(false);
    expect(JSON.stringify(cleared.filters)).toBe(JSON.stringify(base));
    expect(setPlayhead(s0, null)).toBe(s0);
  });

  it('steps a month on and back within the range, across years', () => {
    const s1 = stepPlayhead(s0, 1, range);
    expect(s1.filters.playhead).toEqual({ year: 2020, month: 3 });
    const dec = setPlayhead(s0, { year: 2020, month: 12 });
    expect(stepPlayhead(dec, 1, range).filters.playhead).toEqual({ year: 2021, month: 1 });
    expect(stepPlayhead(stepPlayhead(dec, 1, range), -1, range).filters.playhead).toEqual({
      year: 2020,
      month: 12,
    });
    const end = setPlayhead(s0, range[1]);
    expect(stepPlayhead(end, 1, range)).toBe(end);
  });

  it('turns speed into months per tick and a sweep length', () => {
    expect(monthsIn(6, 1000)).toBe(6);
    expect(monthsIn(6, 16)).toBeCloseTo(0.096);
    expect(sweepSeconds([0, 30], 6)).toBe(5);
    expect(setPlaySpeed(s0, 12).playSpeed).toBe(12);
    expect(setPlaySpeed(s0, 1e6).playSpeed).toBe(MAX_PLAY_SPEED);
    expect(setPlaySpeed(s0, Number.NaN)).toBe(s0);
    expect(setPlaySpeed(s0, DEFAULT_PLAY_SPEED)).toBe(s0);
  });
});
