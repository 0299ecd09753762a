import { describe, expect, it } from 'vitest';
import {
  countCrossings,
  layeredLayout,
  publicationTime,
  type LayoutNode,
} from '../../src/graph/lineage/layout';

const n = (id: string, year: number, month: number | null = 6): LayoutNode => ({
  id,
  time: publicationTime(year, month),
});

describe('layeredLayout', () => {
  it('puts time on x (unknown month mid-year) and groups papers of the same months in a column', () => {
    expect(publicationTime(2020, null)).toBe(2020.5);
    expect(publicationTime(2020, 1)).toBeCloseTo(2020 + 0.5 / 12);
    const layout = layeredLayout(
      [n('a', 2020, 1), n('b', 2020, 1), n('c', 2021, null), n('d', 2022, 12)],
      [],
    );
    const p = layout.positions;
    expect(p.get('a')!.layer).toBe(p.get('b')!.layer);
    expect(p.get('a')!.x).toBe(p.get('b')!.x);
    expect(p.get('a')!.x).toBeLessThan(p.get('c')!.x);
    expect(p.get('c')!.x).toBeCloseTo(2021.5);
    expect(p.get('c')!.layer).toBeLessThan(p.get('d')!.layer);
    expect(layout.maxRows).toBe(2);
    // a column's rows are centred on 0
    expect([p.get('a')!.y, p.get('b')!.y].sort()).toEqual([-0.5, 0.5]);
    expect(layout.extent[0]).toBeCloseTo(2020 + 0.5 / 12);
  });

  it('merges months into wider columns when the span is long', () => {
    const nodes = Array.from({ length: 120 }, (_, i) => n(`p${i}`, 2010 + Math.floor(i / 12), (i % 12) + 1));
    const layout = layeredLayout(nodes, [], { maxLayers: 20 });
    expect(layout.monthsPerLayer).toBe(6);
    expect(layout.layers).toBe(20);
  });

  it('barycentre sweeps untangle crossings, deterministically', () => {
    // three parents in 2020, three children in 2021; id order makes every edge cross
    const nodes = [n('p1', 2020), n('p2', 2020), n('p3', 2020), n('c1', 2021), n('c2', 2021), n('c3', 2021)];
    const edges = [
      { source: 'c1', target: 'p3' },
      { source: 'c2', target: 'p2' },
      { source: 'c3', target: 'p1' },
    ];
    const before = layeredLayout(nodes, edges, { sweeps: 0 });
    expect(countCrossings(before, edges)).toBe(3);
    const after = layeredLayout(nodes, edges);
    expect(countCrossings(after, edges)).toBe(0);
    expect(layeredLayout([...nodes].reverse(), [...edges].reverse())).toEqual(after);
  });

  it('rejects bad input by name', () => {
    expect(() => layeredLayout([n('a', 2020), n('a', 2021)], [])).toThrow(
      'layeredLayout: duplicate node "a"',
    );
    expect(() => n('a', 2020, 13)).toThrow('month must be 1-12');
    expect(() => layeredLayout([{ id: 'a', time: NaN }], [])).toThrow('node "a" has no valid time');
    expect(() => layeredLayout([], [], { maxLayers: 0 })).toThrow(/maxLayers/);
    expect(layeredLayout([], []).layers).toBe(0);
  });
});
