/**
 * Work in steps: a generator that does a bounded amount of work between two `yield`s and returns
 * its result. `runSteps` runs one through at once (tests, the build, small graphs); `runStepsSliced`
 * runs it in slices of a time budget, handing the thread back between slices (`pause`), so that a
 * long job on a big graph never holds the page's main thread for long. No DOM here: the caller
 * passes the pause and the clock.
 */

/** Work that yields between bounded units and returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Items (nodes, edges, records) handled between two steps, where each item is light work. */
export const STEP_ITEMS = 2048;

/**
 * Calls `each(i)` for every `i` below `count`, yielding after every `every` items (STEP_ITEMS by
 * default). With `stop`, checked after each yield: returns false as soon as it says so, else true.
 */
export function* forEachInSteps(
  count: number,
  each: (i: number) => void,
  options: { every?: number; stop?: () => boolean } = {},
): Steps<boolean> {
  const every = options.every ?? STEP_ITEMS;
  for (let i = 0; i < count; i++) {
    each(i);
    if (i % every === every - 1) {
      yield;
      if (options.stop?.()) return false;
    }
  }
  return true;
}

/**
 * Calls `each` for every item of `items` (a graph's `nodeEntries()`, say), yielding after every
 * STEP_ITEMS items.
 */
export function* forEachOfInSteps<T>(items: Iterable<T>, each: (item: T) => void): Steps<void> {
  let done = 0;
  for (const item of items) {
    each(item);
    if (++done % STEP_ITEMS === 0) yield;
  }
}

/** Runs `steps` to the end in one go. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** The longest a slice may run before it pauses, ms (checked between steps). */
  budgetMs: number;
  /** Hands the thread back, e.g. to the browser's event loop. */
  pause: () => Promise<void>;
  /** The clock, ms. */
  now?: () => number;
}

/**
 * Runs `steps` in slices: after each step, once `budgetMs` have gone since the slice began, it
 * awaits `pause()` and starts a new slice. A job shorter than the budget runs in one slice, with no
 * pause. A throw inside the steps rejects the returned promise.
 */
export async function runStepsSliced<T>(steps: Steps<T>, options: SliceOptions): Promise<T> {
  const { budgetMs, pause } = options;
  if (!(budgetMs > 0)) throw new Error(`runStepsSliced: budgetMs must be positive, got ${budgetMs}`);
  const now = options.now ?? (() => performance.now());
  let start = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - start >= budgetMs) {
      await pause();
      start = now();
    }
  }
}
