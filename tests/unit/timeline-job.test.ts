/**
 * The timeline packing off the main thread: the sweep that finds a disc's free offset gives what the
 * former merge of sorted intervals gave (kept here as the reference); the worker (its real module,
 * driven through a stand-in Worker that copies messages as structured clone does) gives the same
 * positions, in the same order, as the main-thread packing; a job reports progress and can be
 * cancelled.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineInput, timelineLayout } from '../../src/graph/timeline';
import { blockedIntervals, nearestFree } from '../../src/graph/timeline-swarm';
import { fitTimeline } from '../../src/graph/timeline-fit';
import { createRng, randomInt } from '../../src/graph/random';
import { startTimelineJob, type TimelineJobCallbacks } from '../../src/render/timeline-job';
import type { TimelineMessage, TimelineRequest } from '../../src/render/timeline-message';
import type { TimelineResult } from '../../src/graph/timeline';
import type { Family } from '../../src/model';
import { makeGraph, type PaperInput } from './support/paper-graph';

/** The free offset nearest 0 as the packing found it before: sort the intervals, merge the runs. */
function referenceNearestFree(blocked: Array<[number, number]>, preferUp: boolean): number {
  if (blocked.length === 0) return 0;
  blocked.sort((a, b) => a[0] - b[0]);
  let lo = blocked[0]![0];
  let hi = blocked[0]![1];
  for (let i = 1; i <= blocked.length; i++) {
    const next = blocked[i];
    if (next && next[0] < hi) {
      hi = Math.max(hi, next[1]);
      continue;
    }
    if (lo < 0 && 0 < hi) {
      if (-lo < hi) return lo;
      if (hi < -lo) return hi;
      return preferUp ? hi : lo;
    }
    if (next) [lo, hi] = next;
  }
  return 0;
}

const FAMILIES = [
  { id: 'diffusion', label: 'Diffusion' },
  { id: 'gan', label: 'GAN' },
];

function randomGraph(seed: number, n: number) {
  const rng = createRng(seed);
  const papers: PaperInput[] = [];
  const families: Family[] = ['diffusion', 'diffusion', 'gan', 'ar'];
  for (let i = 0; i < n; i++) {
    papers.push({
      id: `p${i}`,
      title: `Paper ${i}`,
      year: 2018 + randomInt(rng, 6),
      month: rng() < 0.1 ? null : 1 + randomInt(rng, 12),
      family: families[randomInt(rng, families.length)]!,
      size: rng() < 0.3 ? 5 : 2 + rng() * 10, // many equal sizes: ties in the packing order
    });
  }
  return makeGraph(papers);
}

const plain = (t: TimelineResult) => ({ ...t, positions: [...t.positions] });

describe('nearestFree', () => {
  it('gives the merge of sorted intervals on random, touching and nested intervals', () => {
    // coarse values: many shared ends, intervals touching at 0 and at each other's ends
    const end = fc.integer({ min: -12, max: 12 }).map((v) => v / 2);
    const interval = fc
      .tuple(
        end,
        fc.integer({ min: 0, max: 10 }).map((v) => v / 2),
      )
      .map(([c, h]) => [c - h, c + h] as [number, number]);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 40 }), fc.boolean(), (intervals, up) => {
        const blocked = blockedIntervals();
        for (const [lo, hi] of intervals) blocked.push(lo, hi);
        expect(nearestFree(blocked, up)).toBe(
          referenceNearestFree(
            intervals.map((i) => [...i] as [number, number]),
            up,
          ),
        );
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('grows its buffers past their first size', () => {
    const blocked = blockedIntervals();
    const intervals: Array<[number, number]> = [];
    for (let i = 0; i < 300; i++) intervals.push([i * 0.5 - 80, i * 0.5 - 79]);
    for (const [lo, hi] of intervals) blocked.push(lo, hi);
    expect(nearestFree(blocked, true)).toBe(referenceNearestFree(intervals, true));
    expect(nearestFree(blocked, true)).not.toBe(0);
  });
});

/** The real worker module, run in this thread behind a stand-in for `Worker`. */
let workerOnMessage: ((e: MessageEvent<TimelineRequest>) => void) | null = null;
let toPage: ((m: TimelineMessage) => void) | null = null;
beforeAll(async () => {
  const scope = {
    onmessage: null as typeof workerOnMessage,
    postMessage: (m: TimelineMessage) => toPage?.(structuredClone(m)),
  };
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('../../src/render/timeline.worker');
  workerOnMessage = scope.onmessage;
});
afterAll(() => {
  delete (globalThis as unknown as { self?: unknown }).self;
});

function fakeWorker(log: string[]): () => Worker {
  return () => {
    const w = {
      onmessage: null as ((e: MessageEvent<TimelineMessage>) => void) | null,
      onerror: null,
      terminated: false,
      postMessage(request: TimelineRequest) {
        toPage = (m) => {
          if (!w.terminated) w.onmessage?.({ data: m } as MessageEvent<TimelineMessage>);
        };
        setTimeout(
          () => workerOnMessage!({ data: structuredClone(request) } as MessageEvent<TimelineRequest>),
          0,
        );
      },
      terminate() {
        w.terminated = true;
        log.push('terminate');
      },
    };
    return w as unknown as Worker;
  };
}

function run(request: TimelineRequest, options: Parameters<typeof startTimelineJob>[2]) {
  const progress: number[] = [];
  let job: ReturnType<typeof startTimelineJob>;
  const result = new Promise<TimelineResult>((resolve, reject) => {
    const callbacks: TimelineJobCallbacks = {
      done: resolve,
      failed: reject,
      progress: (f) => progress.push(f),
    };
    job = startTimelineJob(request, callbacks, options);
  });
  return { result, progress, job: job! };
}

describe('timeline packing in a worker', () => {
  const graph = randomGraph(5, 2600);
  const request = (): TimelineRequest => ({
    input: timelineInput(graph, { dimension: 'family', categories: FAMILIES }),
    screen: { width: 900, height: 600 },
  });

  it('gives the same positions, in the same order, as the main thread, with progress', async () => {
    const here = fitTimeline(request().input, request().screen);
    const log: string[] = [];
    const { result, progress, job } = run(request(), { threshold: 1000, makeWorker: fakeWorker(log) });
    expect(job.running()).toBe(true);
    const there = await result;
    expect(plain(there)).toStrictEqual(plain(here));
    expect(job.running()).toBe(false);
    expect(log).toEqual(['terminate']);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('packs small graphs on the main thread at once, and where no worker can be made', async () => {
    const small = run(request(), {
      threshold: 5000,
      makeWorker: () => {
        throw new Error('must not be called');
      },
    });
    expect(small.job.running()).toBe(false);
    const none = run(request(), {
      threshold: 10,
      makeWorker: () => {
        throw new Error('no workers here');
      },
    });
    expect(none.job.running()).toBe(false);
    expect(plain(await small.result)).toStrictEqual(plain(await none.result));
  });

  it('stops when cancelled: the worker is terminated and nothing is delivered', async () => {
    const log: string[] = [];
    let delivered = false;
    const job = startTimelineJob(
      request(),
      { done: () => (delivered = true), failed: () => (delivered = true) },
      { threshold: 1000, makeWorker: fakeWorker(log) },
    );
    job.cancel();
    expect(job.running()).toBe(false);
    expect(log).toEqual(['terminate']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(delivered).toBe(false);
  });

  it('equals timelineLayout for the same width and options', () => {
    const input = timelineInput(graph, { dimension: 'family', categories: FAMILIES });
    const fitted = fitTimeline(input, { width: 900, height: 600 });
    const width = fitted.yearStarts.at(-1)!;
    const direct = timelineLayout(graph, {
      dimension: 'family',
      categories: FAMILIES,
      width,
      yearScale: 'balanced',
      minBandHeight: 28,
      bandGap: 8,
      bandPadding: 3,
    });
    expect(plain(direct)).toStrictEqual(plain(fitted));
  });
});
