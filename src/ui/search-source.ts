/**
 * Where the search box's answers come from. A graph's papers are indexed after mounting, never in
 * the way of the first frame or a hover: on the main thread in short idle slices, or, from
 * WORKER_FROM_PAPERS papers, by a worker (graph/search.worker.ts) the papers are sent to in idle
 * slices (at 10⁵ papers the main thread's idle indexing took about 6 s of its time, spread over
 * 30 s). A search asked before every paper is indexed is answered from those indexed so far, says
 * how many those are, and the rest is indexed or sent at once, in slices that leave the page free.
 */
import type { AtlasGraph } from '../graph/types';
import {
  createSearchIndexBuilder,
  paperDoc,
  searchPapers,
  type PaperDoc,
  type SearchHit,
  type SearchIndex,
} from '../graph/search';
import type { SearchReply, SearchRequest } from '../graph/search-service';
import { MAIN_THREAD_SLICES } from '../render/slices';

export interface SearchAnswer {
  hits: SearchHit[];
  /** Set when the answer comes from part of the papers: how many of how many are indexed. */
  partial: { indexed: number; total: number } | null;
}

export interface SearchSource {
  search(query: string, limit: number): Promise<SearchAnswer>;
  /** `listener` is called once every paper is indexed, when a search was answered from part of them. */
  onComplete(listener: () => void): void;
  dispose(): void;
}

/** Papers from which a worker keeps the index. */
export const WORKER_FROM_PAPERS = 20_000;

/**
 * The longest slice of idle indexing (or of papers prepared for the worker), ms. At 10⁵ papers the
 * index takes about 6 s of idle time after the first frame, a third of each second; a hover that
 * comes during a slice waits for it, and with slices of 15 ms one hover in ten waited a frame more
 * (p90 43–45 ms against 35 ms with 5 ms).
 */
const SLICE_MS = 5;
/**
 * A search asked before the index is done: up to this many papers left are indexed at once (about
 * 0.1 s); more are indexed in slices of `MAIN_THREAD_SLICES` while the box searches those indexed so
 * far (finishing at once held the page for seconds at 10⁵ papers).
 */
const AT_ONCE = 2000;
/** Papers a message to the worker carries. */
const DOCS_CHUNK = 1000;

export function defaultSearchWorker(): Worker {
  return new Worker(new URL('../graph/search.worker.ts', import.meta.url), { type: 'module' });
}

/** The graph's search: by a worker from WORKER_FROM_PAPERS papers (where workers exist), else here. */
export function searchSource(
  graph: AtlasGraph,
  makeWorker: () => Worker = defaultSearchWorker,
): SearchSource {
  if (graph.order >= WORKER_FROM_PAPERS && typeof Worker !== 'undefined') {
    try {
      return workerSource(graph, makeWorker());
    } catch (e) {
      console.warn('Search indexes on the page: no worker.', e);
    }
  }
  return localSource(graph);
}

/**
 * Runs `step(timeLeft)` in idle slices of SLICE_MS until it returns true (without
 * requestIdleCallback, on timers), or, once `hurry()` was called, in main-thread slices; `done` after.
 * Returns the scheduler's controls.
 */
function sliced(step: (timeLeft: () => number) => boolean, done: () => void) {
  const hasIdle = 'requestIdleCallback' in window;
  let idle = 0;
  let finished = false;
  let stopped = false;
  let hurried = false;
  const run = (budget: number): boolean => {
    const end = performance.now() + budget;
    if (!step(() => end - performance.now())) return false;
    finished = true;
    done();
    return true;
  };
  const whenIdle = () => {
    if (finished || stopped || hurried) return;
    if (hasIdle) {
      idle = window.requestIdleCallback((deadline) => {
        // short slices (an idle period may offer 50 ms): the page answers the reader at once
        if (!hurried && !run(Math.min(SLICE_MS, deadline.timeRemaining()))) whenIdle();
      });
    } else {
      idle = window.setTimeout(() => {
        if (!hurried && !run(8)) whenIdle();
      }, 50);
    }
  };
  whenIdle();
  return {
    async hurry(): Promise<void> {
      if (hurried || finished) return;
      hurried = true;
      const { budgetMs, pause } = MAIN_THREAD_SLICES;
      for (;;) {
        await pause();
        if (stopped || finished || run(budgetMs)) return;
      }
    },
    stop(): void {
      stopped = true;
      if (hasIdle) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    },
  };
}

/** The index built on the main thread. */
function localSource(graph: AtlasGraph): SearchSource {
  const builder = createSearchIndexBuilder(graph);
  let index: SearchIndex | null = null;
  let askedEarly = false;
  let listener = () => {};
  const complete = () => {
    if (index) return;
    index = builder.finish();
    if (askedEarly) listener();
  };
  const slices = sliced((timeLeft) => builder.step(timeLeft), complete);
  /** The index to search now: the whole, or (many papers left) those indexed so far, the rest coming. */
  const searchable = (): SearchIndex => {
    if (index) return index;
    const { indexed, total } = builder.progress();
    if (total - indexed <= AT_ONCE) {
      complete();
      return index ?? builder.current();
    }
    askedEarly = true;
    void slices.hurry();
    return builder.current();
  };
  return {
    search(query, limit) {
      const hits = searchPapers(searchable(), query, limit);
      return Promise.resolve({ hits, partial: index === null ? builder.progress() : null });
    },
    onComplete(l) {
      listener = l;
    },
    dispose: () => slices.stop(),
  };
}

/** The index kept by a worker (graph/search-service.ts); the papers are sent to it in slices. */
function workerSource(graph: AtlasGraph, worker: Worker): SearchSource {
  const post = (m: SearchRequest) => worker.postMessage(m);
  const ids = graph.nodes();
  let next = 0;
  let batch: PaperDoc[] = [];
  const send = () => {
    if (batch.length > 0) post({ type: 'docs', docs: batch });
    batch = [];
  };
  post({ type: 'begin', total: ids.length });
  const slices = sliced(
    (timeLeft) => {
      while (next < ids.length && timeLeft() > 1) {
        batch.push(paperDoc(graph, ids[next++] as string));
        if (batch.length >= DOCS_CHUNK) send();
      }
      send();
      return next >= ids.length;
    },
    () => {},
  );
  let seq = 0;
  const pending = new Map<number, { query: string; limit: number; resolve: (a: SearchAnswer) => void }>();
  let askedEarly = false;
  let complete = false;
  let listener = () => {};
  // a worker that fails (it could not load): the page indexes itself, and answers what was asked
  let fallback: SearchSource | null = null;
  const fallBack = (why: unknown) => {
    if (fallback) return;
    console.warn('Search indexes on the page: the worker failed.', why);
    slices.stop();
    worker.terminate();
    const local = localSource(graph);
    fallback = local;
    local.onComplete(() => listener());
    for (const { query, limit, resolve } of pending.values()) void local.search(query, limit).then(resolve);
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<SearchReply>) => {
    const m = e.data;
    if (m.type === 'complete') {
      complete = true;
      if (askedEarly) listener();
      return;
    }
    const asked = pending.get(m.seq);
    pending.delete(m.seq);
    asked?.resolve({
      hits: m.hits,
      partial: m.indexed < m.total ? { indexed: m.indexed, total: m.total } : null,
    });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fallBack(e.message);
  };
  return {
    search(query, limit) {
      if (fallback) return fallback.search(query, limit);
      if (!complete) {
        askedEarly = true;
        void slices.hurry();
      }
      const s = ++seq;
      return new Promise((resolve) => {
        pending.set(s, { query, limit, resolve });
        post({ type: 'query', seq: s, query, limit });
      });
    },
    onComplete(l) {
      listener = l;
    },
    dispose() {
      slices.stop();
      fallback?.dispose();
      worker.terminate();
      pending.clear();
    },
  };
}
