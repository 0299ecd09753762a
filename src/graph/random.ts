/**
 * A small seeded pseudo-random generator (mulberry32), so every random choice of the build
 * (layout start positions, Louvain's visiting order, synthetic datasets) is reproducible.
 * Pure: callers create one and pass it in, graphology style; nothing here is global.
 */

/** A random source: each call returns a number in [0, 1). */
export type Rng = () => number;

/** Creates a mulberry32 generator from a 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A random element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty array');
  return items[randomInt(rng, items.length)] as T;
}
