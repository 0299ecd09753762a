/**
 * The "Similarity" layout (state.layout = 'similarity'): papers placed by similarity, not by
 * citation. On first use it loads the scores (src/graph/similar), builds the top-10 similarity
 * graph (coupling and co-citation; text is left out of the map, it would link every pair of
 * abstracts), runs ForceAtlas2 on it in a web worker (graphology's supervisor) for a moment from the
 * force positions, then animates the papers there. Leaving puts the force positions back (at once
 * when the timeline takes over, so it starts from them). The similarity positions are kept for the
 * next time. Papers without a similar paper keep their force-layout place relative to the rest.
 *
 * The positions are written to the graph's x, y like the timeline's, so image and data exports show
 * the map as it is on screen.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { animateNodes } from 'sigma/utils';
import type { SimilarityEdge } from '../graph/similar';
import type { AtlasGraph } from '../graph/types';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';
import type { LayoutController } from './layout';
import type { RendererHandle } from './renderer';
import type { TimelineMode } from './timeline';
import './similar-layout.css';

export interface SimilarityModeOptions {
  graph: AtlasGraph;
  store: Store<ViewState>;
  renderer: RendererHandle;
  /** The force layout: stopped before the similarity layout takes the positions over. */
  force: LayoutController;
  /** The timeline, whose positions are given back before the similarity layout starts. */
  timeline: () => TimelineMode;
  /** Animation length, ms. */
  duration?: number;
  /** How long ForceAtlas2 runs on the similarity graph, ms (default: 1.5 s, longer for big graphs). */
  runMs?: number;
}

export interface SimilarityMode {
  /** Runs `fn` once the papers are back on the force layout (at once if they are). */
  afterForce(fn: () => void): void;
  /** 'idle' | 'computing' | 'placed': where the layout is (for tests and the status line). */
  phase(): 'idle' | 'computing' | 'placed';
  cleanup(): void;
}

type Positions = Map<string, { x: number; y: number }>;

/** Time given to the scores per slice before the page gets a turn, ms. */
const SLICE_MS = 40;

/**
 * The top-10 similarity graph's edges (coupling and co-citation, no text), computed a slice at a
 * time between the page's frames; `onProgress` hears the share done. Null when `cancelled()` turns
 * true on the way. Loads the scores on first use.
 */
export async function similarityEdgesInSlices(
  graph: AtlasGraph,
  onProgress: (share: number) => void,
  cancelled: () => boolean,
): Promise<SimilarityEdge[] | null> {
  const { similarityEdgeSteps } = await import('../graph/similar');
  if (cancelled()) return null;
  const steps = similarityEdgeSteps(graph, { limit: 10, text: false });
  while (!steps.step(SLICE_MS)) {
    onProgress(steps.progress());
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return null;
  }
  return steps.edges();
}

export function createSimilarityMode(opts: SimilarityModeOptions): SimilarityMode {
  const { graph, store, renderer, force } = opts;
  const duration = opts.duration ?? 700;
  const runMs = opts.runMs ?? Math.min(6000, 1500 + graph.order / 4);
  const container = renderer.sigma().getContainer();
  const status = document.createElement('p');
  status.className = 'similar-layout-status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  container.append(status);

  let saved: Positions | null = null;
  let placed: Positions | null = null;
  let supervisor: FA2LayoutSupervisor | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopAnimation: (() => void) | null = null;
  let phase: 'idle' | 'computing' | 'placed' = 'idle';
  let generation = 0;
  let disposed = false;
  let waiting: Array<() => void> = [];
  const release = () => {
    const run = waiting;
    waiting = [];
    for (const fn of run) fn();
  };

  const show = (text: string) => {
    status.textContent = text;
    status.hidden = text === '';
  };

  const snapshot = (): Positions => {
    const out: Positions = new Map();
    graph.forEachNode((node, a) => out.set(node, { x: a.x, y: a.y }));
    return out;
  };

  const animateTo = (targets: Positions, done?: () => void) => {
    stopAnimation?.();
    const plain: Record<string, { x: number; y: number }> = {};
    for (const [node, p] of targets) plain[node] = { x: p.x, y: p.y };
    stopAnimation = animateNodes(graph, plain, { duration, easing: 'cubicInOut' }, () => {
      stopAnimation = null;
      done?.();
    });
  };

  const stopWorker = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    supervisor?.kill();
    supervisor = null;
  };

  /** Computes the similarity positions (once), then shows them. */
  const compute = async (gen: number) => {
    phase = 'computing';
    show('Placing papers by similarity…');
    // loaded on first use: the scores and Louvain stay out of the start-up bundle
    const stale = () => gen !== generation || disposed;
    const { similarityGraph } = await import('../graph/similar/graph');
    const edges = await similarityEdgesInSlices(
      graph,
      (share) => show(`Placing papers by similarity… ${Math.round(share * 100)}%`),
      stale,
    );
    if (edges === null || stale()) return;
    const sim = similarityGraph(graph, edges);
    if (edges.length === 0) {
      phase = 'placed';
      placed = snapshot();
      show('No paper shares references or citers: the papers stay where they are.');
      return;
    }
    const settings = { ...forceAtlas2.inferSettings(sim), edgeWeightInfluence: 1 };
    supervisor = new FA2LayoutSupervisor(sim, { settings, getEdgeWeight: 'weight' });
    supervisor.start();
    timer = setTimeout(() => {
      timer = null;
      supervisor?.stop();
      stopWorker();
      if (gen !== generation || disposed) return;
      const out: Positions = new Map();
      sim.forEachNode((n, a) => out.set(n, { x: a.x, y: a.y }));
      placed = out;
      if (store.get().layout === 'similarity') arrive();
    }, runMs);
  };

  const arrive = () => {
    if (!placed) return;
    phase = 'placed';
    show('');
    void renderer.sigma().getCamera().animatedReset({ duration });
    animateTo(placed);
  };

  const enter = () => {
    const gen = ++generation;
    force.stop();
    opts.timeline().afterForce(() => {
      if (gen !== generation || disposed || store.get().layout !== 'similarity') return;
      saved ??= snapshot();
      if (placed) arrive();
      else
        void compute(gen).catch((e: unknown) => {
          phase = 'idle';
          show(`The similarity layout failed: ${e instanceof Error ? e.message : String(e)}`);
          console.error(e);
        });
    });
  };

  const leave = (next: ViewState['layout']) => {
    generation++;
    stopWorker();
    if (phase === 'computing') phase = 'idle';
    show('');
    if (!saved) return;
    const back = saved;
    saved = null;
    if (next === 'timeline') {
      // the timeline keeps the positions it finds: give it the force layout's at once
      stopAnimation?.();
      stopAnimation = null;
      for (const [node, p] of back) graph.mergeNodeAttributes(node, p);
      return;
    }
    void renderer.sigma().getCamera().animatedReset({ duration });
    animateTo(back, release);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.layout === prev.layout) return;
    if (s.layout === 'similarity') enter();
    else if (prev.layout === 'similarity') leave(s.layout);
  });
  // a link opening on the similarity layout: after the first frame
  let first: number | null =
    store.get().layout === 'similarity'
      ? requestAnimationFrame(() => {
          first = null;
          if (store.get().layout === 'similarity') enter();
        })
      : null;

  return {
    afterForce(fn) {
      if (saved === null && stopAnimation === null) fn();
      else waiting.push(fn);
    },
    phase: () => phase,
    cleanup() {
      disposed = true;
      unsubscribe();
      if (first !== null) cancelAnimationFrame(first);
      stopWorker();
      stopAnimation?.();
      stopAnimation = null;
      if (saved) for (const [node, p] of saved) graph.mergeNodeAttributes(node, p);
      saved = null;
      waiting = [];
      status.remove();
    },
  };
}
