/**
 * Resolves once the browser has painted what is drawn so far (the next animation frame, then the
 * end of its task): before a long synchronous step, so that what precedes it shows meanwhile.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

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

/** The slices of the boot's long steps (graph/steps.ts): at most about this long, then a pause. */
export const BOOT_SLICES = { budgetMs: 40, pause: yieldToBrowser };
