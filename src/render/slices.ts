/**
 * Handing the main thread back to the browser between the slices of a long step (graph/steps.ts).
 */
import type { SliceOptions } from '../graph/steps';

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Hands the main thread back to the browser for a turn of its event loop (input, a frame), then
 * resumes: `scheduler.yield()` where the browser has it
 * (https://developer.mozilla.org/en-US/docs/Web/API/Scheduler/yield), else a message posted to
 * itself, which, unlike a timer, is not clamped to 4 ms.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Slices for long steps on the main thread (graph/steps.ts): about this long, then a pause, so that
 * no task holds the page for long. A young-generation collection landing in a slice adds 15–30 ms
 * at 10⁴ papers (traced): with 30 ms slices, some loads had tasks of 50–60 ms after the first
 * frame; with 20 ms, none in the benchmark's loads, and the page is free as soon.
 */
export const MAIN_THREAD_SLICES: SliceOptions = { budgetMs: 20, pause: yieldToBrowser };

/**
 * From this many nodes and edges on, the start-up's long steps are cut up: sigma's first indexing
 * runs in slices (sliced-sigma.ts) and a worker reads the side table (graph/binary/side-read.ts).
 * Below, each is a task of at most 100–200 ms. Since the page no longer waits for the first
 * render's rasterisation (deferred-present.ts), cutting them up at 10⁴ papers and 3×10⁴ links
 * frees the page sooner (bench:app: main thread free 0.24× the bare page's with them, 0.57×
 * without; the longest task after the first frame 79 ms against 171 ms). Before, while the page
 * waited for the rasterisation, it was the other way round (0.41× against 0.34×).
 */
export const SLICED_FROM_ITEMS = 20_000;
