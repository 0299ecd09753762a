/**
 * The timeline's beeswarm: places a band's discs, each at its x, at the free offset nearest the
 * band's middle, largest first. A grid over x finds the discs near a new one; the offsets they block
 * are open intervals, and the nearest free offset comes from a sweep over their sorted ends.
 * O(n · k log k) for n discs and k discs within reach of one (the height of the busiest column).
 */
import { compareIds } from './join';

export interface Item {
  /** Index of the paper in the input. */
  i: number;
  node: string;
  x: number;
  r: number;
  /** Offset from the band's middle, set by the swarm. */
  dy: number;
}

/**
 * Reusable buffers of the open intervals (lo, hi) other discs block, sorted apart: the ends'
 * order is all the sweep needs, and typed arrays sort natively, without a comparator.
 */
export class Blocked {
  lo = new Float64Array(64);
  hi = new Float64Array(64);
  length = 0;
  push(lo: number, hi: number): void {
    if (!(lo < hi)) return; // an empty interval blocks nothing
    if (this.length === this.lo.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.lo = grow(this.lo);
      this.hi = grow(this.hi);
    }
    this.lo[this.length] = lo;
    this.hi[this.length] = hi;
    this.length++;
  }
}

/**
 * The free offset nearest 0 given the open intervals other discs block: 0 when no interval holds
 * it, else the nearer end of the blocked run around it (up on a tie when `preferUp`). The runs are
 * found by a sweep over the sorted starts and ends, an end before a start at the same offset (two
 * discs that just touch leave that offset free). O(k log k) for k intervals.
 */
export function nearestFree(blocked: Blocked, preferUp: boolean): number {
  const k = blocked.length;
  if (k === 0) return 0;
  const los = blocked.lo.subarray(0, k).sort();
  const his = blocked.hi.subarray(0, k).sort();
  let i = 0;
  let j = 0;
  let depth = 0;
  let start = 0;
  while (j < k) {
    if (i < k && los[i]! < his[j]!) {
      if (depth === 0) start = los[i]!;
      depth++;
      i++;
      continue;
    }
    depth--;
    if (depth === 0) {
      const end = his[j]!;
      if (start < 0 && 0 < end) {
        if (-start < end) return start;
        if (end < -start) return end;
        return preferUp ? end : start;
      }
      if (start >= 0) return 0; // runs only get further from 0
    }
    j++;
  }
  return 0;
}

/** A fresh set of interval buffers (one per packing; reused across its papers). */
export function blockedIntervals(): Blocked {
  return new Blocked();
}

/** Places a band's papers: each keeps its x, at the free offset nearest the middle, largest first. */
export function swarm(items: Item[], gap: number, blocked: Blocked, progress: () => void): void {
  if (items.length === 0) return;
  const rMax = items.reduce((m, it) => Math.max(m, it.r), 0);
  const cell = 2 * rMax + gap || 1;
  const grid = new Map<number, Item[]>();
  const order = [...items].sort((a, b) => b.r - a.r || a.x - b.x || compareIds(a.node, b.node));
  order.forEach((it, i) => {
    blocked.length = 0;
    const reach = it.r + rMax + gap;
    const c0 = Math.floor((it.x - reach) / cell);
    const c1 = Math.floor((it.x + reach) / cell);
    for (let c = c0; c <= c1; c++) {
      const others = grid.get(c);
      if (!others) continue;
      for (let o = 0; o < others.length; o++) {
        const other = others[o]!;
        const d = it.r + other.r + gap;
        const dx = it.x - other.x;
        if (Math.abs(dx) >= d) continue;
        const dy = Math.sqrt(d * d - dx * dx);
        blocked.push(other.dy - dy, other.dy + dy);
      }
    }
    it.dy = nearestFree(blocked, i % 2 === 0);
    const c = Math.floor(it.x / cell);
    const list = grid.get(c);
    if (list) list.push(it);
    else grid.set(c, [it]);
    progress();
  });
}
