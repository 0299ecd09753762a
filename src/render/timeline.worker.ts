/**
 * The worker that packs the timeline off the page's main thread (see timeline-job.ts): runs
 * `fitTimeline` unchanged, posts its progress, then the positions as arrays (transferred, not copied).
 */
import { fitTimeline } from '../graph/timeline-fit';
import { toMessage, type TimelineMessage, type TimelineRequest } from './timeline-message';

self.onmessage = (e: MessageEvent<TimelineRequest>) => {
  const post = (m: TimelineMessage, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(m, transfer);
  try {
    let last = -1;
    const result = fitTimeline(e.data.input, e.data.screen, (fraction) => {
      // at most a hundred progress messages
      if (Math.floor(fraction * 100) === last) return;
      last = Math.floor(fraction * 100);
      post({ type: 'progress', fraction });
    });
    const m = toMessage(e.data.input, result);
    post(m, [m.order.buffer, m.x.buffer, m.y.buffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
