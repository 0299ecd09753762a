/**
 * The community discs the layout starts from (communityDiscs): one per community, placed by
 * ForceAtlas2 on the quotient graph. A whole field from the snapshot has tens of thousands of papers
 * without any link, each its own community; beyond QUOTIENT_EXACT_MAX communities the discs are
 * laid out with Barnes–Hut and fewer iterations (exact forces are quadratic: 10⁵ singletons never
 * finished). Below it, the exact layout as before.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { communityDiscs, QUOTIENT_EXACT_MAX } from '../../../src/graph/build/layout';
import type { AtlasGraph } from '../../../src/graph/types';

/** `linked` communities of five papers in a chain each (chained to the next community), then `alone` papers without links. */
function field(linked: number, alone: number): AtlasGraph {
  const g = new Graph({ type: 'directed' });
  for (let c = 0; c < linked; c++) {
    for (let i = 0; i < 5; i++) {
      g.addNode(`c${c}-${i}`, { community: c });
      if (i > 0) g.addEdge(`c${c}-${i}`, `c${c}-${i - 1}`);
    }
    if (c > 0) g.addEdge(`c${c}-0`, `c${c - 1}-4`);
  }
  for (let k = 0; k < alone; k++) g.addNode(`a${k}`, { community: linked + k });
  return g as unknown as AtlasGraph;
}

function overlaps(discs: Map<number, { x: number; y: number; r: number }>, ids: number[]): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = discs.get(ids[i]!)!;
      const b = discs.get(ids[j]!)!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < 0.5 * (a.r + b.r)) n += 1;
    }
  return n;
}

describe('communityDiscs', () => {
  it('places a disc for each of 30,000 communities (most of them one paper without links), all finite', () => {
    const g = field(40, 30_000 - 40);
    const discs = communityDiscs(g);
    expect(discs.size).toBe(30_000);
    for (const d of discs.values()) {
      expect(Number.isFinite(d.x) && Number.isFinite(d.y)).toBe(true);
      expect(d.r).toBeGreaterThan(0);
    }
    // the linked communities still come apart (a disc's area follows its papers: r = 10√5)
    const linked = Array.from({ length: 40 }, (_, c) => c);
    expect(discs.get(0)!.r).toBeCloseTo(10 * Math.sqrt(5), 6);
    expect(overlaps(discs, linked)).toBeLessThan(40);
  });

  it('below the threshold, lays the discs out with exact forces, apart from each other', () => {
    expect(QUOTIENT_EXACT_MAX).toBeGreaterThanOrEqual(500);
    const g = field(60, 40);
    const discs = communityDiscs(g);
    expect(discs.size).toBe(100);
    expect(overlaps(discs, [...discs.keys()])).toBe(0);
  });
});
