/**
 * Packing the timeline without freezing the page: above `threshold` papers the packing
 * (src/graph/timeline-fit.ts) runs in a worker (timeline.worker.ts), which reports its progress and
 * is terminated when the job is cancelled; below it, or where workers cannot run, on the main
 * thread at once. Either way the same positions, in the same order.
 */
import type { TimelineResult } from '../graph/timeline';
import { fitTimeline } from '../graph/timeline-fit';
import { fromMessage, type TimelineMessage, type TimelineRequest } from './timeline-message';

/** Graphs of at least this many papers are packed in a worker. */
export const TIMELINE_WORKER_THRESHOLD = 2000;

export interface TimelineJob {
  /** True until the result has been delivered, the job failed, or it was cancelled. */
  running(): boolean;
  /** Stops the packing (terminates the worker); no callback runs afterwards. */
  cancel(): void;
}

export interface TimelineJobCallbacks {
  done(result: TimelineResult): void;
  failed(error: Error): void;
  progress?(fraction: number): void;
}

export interface TimelineJobOptions {
  threshold?: number;
  makeWorker?: (() => Worker) | null;
}

/** Starts packing `request`; small inputs are packed (and `done` called) before this returns. */
export function startTimelineJob(
  request: TimelineRequest,
  callbacks: TimelineJobCallbacks,
  options: TimelineJobOptions = {},
): TimelineJob {
  const threshold = options.threshold ?? TIMELINE_WORKER_THRESHOLD;
  const makeWorker = options.makeWorker === undefined ? defaultWorker : options.makeWorker;
  let running = true;
  const finished: TimelineJob = { running: () => false, cancel: () => {} };
  const onMainThread = (): TimelineJob => {
    running = false;
    try {
      callbacks.done(fitTimeline(request.input, request.screen));
    } catch (e) {
      callbacks.failed(e instanceof Error ? e : new Error(String(e)));
    }
    return finished;
  };
  if (request.input.nodes.length < threshold || !makeWorker) return onMainThread();
  let worker: Worker;
  try {
    worker = makeWorker();
  } catch {
    return onMainThread();
  }
  const stop = () => {
    running = false;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<TimelineMessage>) => {
    if (!running) return;
    const m = e.data;
    if (m.type === 'progress') callbacks.progress?.(m.fraction);
    else if (m.type === 'done') {
      stop();
      callbacks.done(fromMessage(request.input, m));
    } else {
      stop();
      callbacks.failed(new Error(m.message));
    }
  };
  worker.onerror = (e) => {
    if (!running) return;
    stop();
    callbacks.failed(new Error(`the timeline could not be packed (${e.message || 'the worker failed'})`));
  };
  // the input's arrays are copied (the page keeps its own); the strings go by structured clone
  worker.postMessage(request);
  return { running: () => running, cancel: () => running && stop() };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./timeline.worker.ts', import.meta.url), { type: 'module' });
}
