/**
 * The layout mode: moves the papers between the force layout and the timeline as `state.layout`
 * says, with an animation each way. Entering the timeline keeps the force positions (the build's,
 * or what ForceAtlas2 made of them) and leaving it puts them back; while in the timeline a change
 * of colour-by re-bands and a change of size-by re-packs. The axis and band names are drawn by the
 * timeline overlay once the papers have arrived. `createTimelineMode` returns its cleanup, which
 * puts the force positions back at once.
 */
import { animateNodes } from 'sigma/utils';
import { categoriesMemo, legendEntries, type CategoriesOf } from '../graph/categories';
import { categoryParent, qualifiedCategoryLabel } from '../graph/category-groups';
import { timelineInput, type TimelineResult } from '../graph/timeline';
import type { AtlasGraph } from '../graph/types';
import type { GraphMeta } from '../model';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';
import { setLayout } from '../state/view';
import type { LayoutController } from './layout';
import type { RendererHandle } from './renderer';
import { startTimelineJob, type TimelineJob } from './timeline-job';
import { AXIS_HEIGHT, BAND_LABEL_WIDTH, createTimelineOverlay } from './timeline-overlay';
import { createTimelineProgress } from './timeline-progress';

export interface TimelineModeOptions {
  graph: AtlasGraph;
  meta: GraphMeta;
  store: Store<ViewState>;
  renderer: RendererHandle;
  /** The force layout: stopped before the timeline takes the positions over. */
  force: LayoutController;
  /** The colour-by's categories, shared with the renderer and the panels; defaults to a memo of its own. */
  categories?: CategoriesOf;
  /** Animation length, ms. */
  duration?: number;
  /** Screen rectangles the band names keep clear of (e.g. the floating legend). */
  avoid?: () => DOMRect[];
}

export interface TimelineMode {
  /** True while papers move between layouts. */
  animating(): boolean;
  /** Runs `fn` once the papers are back on the force layout (at once if they are). */
  afterForce(fn: () => void): void;
  cleanup(): void;
}

type Positions = Map<string, { x: number; y: number }>;

const timelineWidth = (t: TimelineResult) => t.yearStarts.at(-1) ?? 0;

const MARGIN = { left: BAND_LABEL_WIDTH + 10, top: AXIS_HEIGHT + 12, right: 24, bottom: 20 };

export function createTimelineMode(opts: TimelineModeOptions): TimelineMode {
  const { graph, meta, store, renderer, force } = opts;
  const categories = opts.categories ?? categoriesMemo(graph);
  const duration = opts.duration ?? 700;
  const container = renderer.sigma().getContainer();
  const overlay = createTimelineOverlay(container, { avoid: opts.avoid });
  let saved: Positions | null = null;
  let stopAnimation: (() => void) | null = null;
  let waiting: Array<() => void> = [];
  let job: TimelineJob | null = null;
  const progress = createTimelineProgress(container, () => store.update((s) => setLayout(s, 'force')));

  const snapshot = (): Positions => {
    const out: Positions = new Map();
    graph.forEachNode((node, a) => out.set(node, { x: a.x, y: a.y }));
    return out;
  };

  const animateTo = (targets: Positions, done: () => void) => {
    stopAnimation?.();
    const plain: Record<string, { x: number; y: number }> = {};
    for (const [node, p] of targets) plain[node] = { x: p.x, y: p.y };
    stopAnimation = animateNodes(graph, plain, { duration, easing: 'cubicInOut' }, () => {
      stopAnimation = null;
      done();
    });
  };

  /** What packing the timeline of `state` takes (read from the graph here; packed by `startTimelineJob`). */
  const request = (state: ViewState) => {
    // band names say the family of per-family categories ("GAN · Parameter space"), as the legend's headings do
    const entries = legendEntries(graph, meta, state.colorBy, categories(state.colorBy), null).map((e) =>
      categoryParent(meta.taxonomy, state.colorBy, e.id)
        ? { ...e, label: qualifiedCategoryLabel(meta.taxonomy, state.colorBy, e.id) }
        : e,
    );
    const screen = renderer.sigma().getDimensions();
    const usable = {
      width: Math.max(320, screen.width - MARGIN.left - MARGIN.right),
      height: Math.max(200, screen.height - MARGIN.top - MARGIN.bottom),
    };
    const input = timelineInput(graph, {
      dimension: state.colorBy,
      categories: entries,
      radius: (_n, a) => a.sizes[state.sizeBy] ?? a.size,
    });
    return { input, screen: usable, colors: new Map(entries.map((e) => [e.id, e.color])) };
  };

  /** The camera that shows the whole timeline in the space the axis and band names leave. */
  const fitCamera = (result: TimelineResult) => {
    const sigma = renderer.sigma();
    if (result.positions.size === 0) return;
    // what is shown: the whole axis and every band
    const [x0, x1] = [0, timelineWidth(result)];
    const [y0, y1] = [result.bands.at(-1)!.bottom, result.bands[0]!.top];
    // how sigma will frame it: by the extent of the node positions
    let nx0 = Infinity;
    let nx1 = -Infinity;
    let ny0 = Infinity;
    let ny1 = -Infinity;
    for (const p of result.positions.values()) {
      nx0 = Math.min(nx0, p.x);
      nx1 = Math.max(nx1, p.x);
      ny0 = Math.min(ny0, p.y);
      ny1 = Math.max(ny1, p.y);
    }
    const ratio = Math.max(nx1 - nx0, ny1 - ny0) || 1;
    const framed = (x: number, y: number) => ({
      x: 0.5 + (x - (nx0 + nx1) / 2) / ratio,
      y: 0.5 + (y - (ny0 + ny1) / 2) / ratio,
    });
    const graphDimensions = { width: nx1 - nx0 || 1, height: ny1 - ny0 || 1 };
    const base = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const view = (x: number, y: number) =>
      sigma.framedGraphToViewport(framed(x, y), { cameraState: base, graphDimensions });
    const a = view(x0, y1);
    const b = view(x1, y0);
    const { width, height } = sigma.getDimensions();
    const availW = width - MARGIN.left - MARGIN.right;
    const availH = height - MARGIN.top - MARGIN.bottom;
    const zoom = Math.min(availW / Math.max(1, b.x - a.x), availH / Math.max(1, b.y - a.y));
    const centre = framed((x0 + x1) / 2, (y0 + y1) / 2);
    const target = { x: MARGIN.left + availW / 2, y: MARGIN.top + availH / 2 };
    // the camera centre is the framed point shown at the viewport's middle when `centre` is at `target`
    const cameraState = { ...centre, ratio: 1 / zoom, angle: 0 };
    const mid = sigma.viewportToFramedGraph(
      { x: width - target.x, y: height - target.y },
      { cameraState, graphDimensions },
    );
    void sigma
      .getCamera()
      .animate({ x: mid.x, y: mid.y, ratio: 1 / zoom, angle: 0 }, { duration, easing: 'cubicInOut' });
  };

  /** Stops a packing under way (a worker's, on big graphs). */
  const cancelJob = () => {
    job?.cancel();
    job = null;
    progress.hide();
  };

  /**
   * To the timeline of the state's colour-by and size-by, framed whole (the extent changes anyway).
   * Big graphs are packed in a worker, with progress; a new colour-by or size-by, or leaving the
   * timeline, cancels it.
   */
  const enter = (state: ViewState) => {
    force.stop();
    saved ??= snapshot();
    waiting = [];
    overlay.setVisible(false);
    cancelJob();
    const { colors, ...req } = request(state);
    job = startTimelineJob(req, {
      progress: (fraction) => progress.show(fraction),
      done: (result) => {
        progress.hide();
        overlay.set(result, colors);
        fitCamera(result);
        animateTo(result.positions, () => overlay.setVisible(true));
      },
      failed: (error) => {
        progress.hide();
        console.error(error);
        store.update((s) => setLayout(s, 'force'));
      },
    });
  };

  const leave = () => {
    cancelJob();
    overlay.setVisible(false);
    if (!saved) return;
    const back = saved;
    void renderer.sigma().getCamera().animatedReset({ duration });
    animateTo(back, () => {
      saved = null;
      overlay.set(null, new Map());
      const run = waiting;
      waiting = [];
      for (const fn of run) fn();
    });
  };

  const unrender = renderer.onRender(() => overlay.draw(renderer.sigma()));
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.layout !== prev.layout) {
      if (s.layout === 'timeline') enter(s);
      else leave();
    } else if (s.layout === 'timeline' && (s.colorBy !== prev.colorBy || s.sizeBy !== prev.sizeBy)) {
      enter(s);
    }
  });
  if (store.get().layout === 'timeline') enter(store.get());

  return {
    animating: () => stopAnimation !== null || (job?.running() ?? false),
    afterForce(fn) {
      if (saved === null && stopAnimation === null) fn();
      else waiting.push(fn);
    },
    cleanup() {
      cancelJob();
      progress.cleanup();
      unsubscribe();
      unrender();
      stopAnimation?.();
      stopAnimation = null;
      if (saved) for (const [node, p] of saved) graph.mergeNodeAttributes(node, p);
      saved = null;
      waiting = [];
      overlay.cleanup();
    },
  };
}
