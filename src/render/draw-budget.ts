/**
 * How much of a render a frame draws (progressive-draws.ts): a budget of items, learnt from the
 * frames' measured cost, so that a frame costs about `FRAME_TARGET_MS`; but a render takes at most
 * `MOST_FRAMES` frames. Pure: no sigma, no DOM.
 */

/** Graphs of this many papers and links or more are drawn by `ProgressiveSigma`. */
export const PROGRESSIVE_FROM_ITEMS = 20_000;
/** What a frame of drawing may cost, ms: below the 50 ms of a long task, with room for the rest. */
export const FRAME_TARGET_MS = 45;
/** Items drawn in the first frame (all programs together), before any frame was measured. */
export const FIRST_BUDGET = 8_192;
export const MIN_BUDGET = 1_024;
export const MAX_BUDGET = 1 << 24;

/**
 * A render is drawn in at most this many frames, however long each then takes. At 10⁵ papers and
 * 3×10⁵ links the learnt budget is about 7,000 items a frame: held to 12 frames, a render after a
 * pan drew 33,000 items a frame, tasks of 230–390 ms, and was whole 2.6 s after the release; held
 * to 48, tasks of 60–70 ms, whole after 2.35 s (the rasterisation, not the frames, sets the total).
 */
export const MOST_FRAMES = 48;

/**
 * The next frame's budget (items): the items a frame of `target` ms draws, from the last frame's
 * `used` items in `frameMs`, moving by at most a factor of two. A frame that drew less than half the
 * budget says little about a full one (its fixed costs dominate) and leaves the budget as it is.
 */
export function nextBudget(budget: number, used: number, frameMs: number, target = FRAME_TARGET_MS): number {
  if (!(used >= budget / 2) || !(frameMs > 0)) return budget;
  const estimate = (used * target) / frameMs;
  return Math.round(Math.min(MAX_BUDGET, budget * 2, Math.max(MIN_BUDGET, budget / 2, estimate)));
}

/** Items a frame draws: the budget, or more when the render would otherwise take over `MOST_FRAMES`. */
export function frameItems(budget: number, renderItems: number): number {
  return Math.max(budget, Math.ceil(renderItems / MOST_FRAMES));
}

/**
 * A frame's budget spent on the draws that have items left (`left[i]`), in their order: each draw
 * a layer, and a layer drawn to in a frame is read back whole by a software compositor, so a frame
 * draws to as few layers as it can.
 */
export function spendBudget(left: readonly number[], budget: number): number[] {
  let rest = Math.max(0, budget);
  return left.map((n) => {
    const items = Math.min(n, rest);
    rest -= items;
    return items;
  });
}
