/**
 * The boot path's second step: the graph's first full frame, from the compact form's binary alone
 * (boot/early-picture.ts has fetched it, built the app's frame and drawn the papers), before the
 * side table is read and before the panels' code has loaded. It builds the view store with the
 * default view and the app's own renderer, which the app then takes over (`mountApp`'s `early`)
 * once the side table has completed the graph's attributes: one renderer, drawn once.
 *
 * When anything fails here, it returns null and start.ts loads the graph the usual way, reporting
 * what is wrong.
 */
import type { GraphBinary } from '../graph/binary/decode';
import { visualGraphSteps } from '../graph/binary/visual';
import { visibilityMemo, visibilitySteps } from '../graph/filters';
import { lineageMemo } from '../graph/lineage/memo';
import type { CompactFiles } from '../graph/prefetch';
import type { AtlasGraph } from '../graph/types';
import { buildCachesInSlices, type RenderCaches } from '../render/caches';
import { createRenderer } from '../render/renderer';
import { createStore } from '../state/store';
import type { EarlyMount } from '../ui/app';
import { runStepsSliced } from '../graph/steps';
import { MAIN_THREAD_SLICES, SLICED_FROM_ITEMS, yieldToBrowser } from '../render/slices';
import type { EarlyPicture } from './early-picture';
import { nextPaint } from './next-paint';

export interface FirstFrame {
  /** The graph drawn: the binary's attributes only, until completed with the side table. */
  graph: AtlasGraph;
  bin: GraphBinary;
  compact: CompactFiles;
  early: EarlyMount;
  /**
   * Resolves once the graph's first picture is on screen: the preview of a big graph's papers, else
   * sigma's first render (shown once rasterised, render/deferred-present.ts). The app mounts its
   * panels after it: their work would hold back the frame that shows it.
   */
  shown: Promise<void>;
  /** Undoes the renderer (when the app does not take it over). */
  cleanup(): void;
}

/**
 * Draws the first full frame over the early picture; null when that fails. Never rejects: a failure
 * here leaves the usual load to report it.
 */
export async function drawFirstFrame(early: EarlyPicture): Promise<FirstFrame | null> {
  const { bin, name, compact, shell, state, preview, big } = early;
  const meta = bin.meta;
  try {
    // the papers on screen and painted before sigma's work holds the page or queues anything for
    // the GPU (a frame that shows a canvas waits for what the GPU has queued before it): a big
    // graph's preview once rasterised (the page does not wait meanwhile: deferred-present.ts), a
    // small graph's, drawn on the CPU, at once
    await preview.shown;
    performance.mark('atlas:preview');
    await nextPaint();
    // in slices: a big graph's assembly does not hold the page while the preview shows
    const graph = await runStepsSliced(visualGraphSteps(bin, name), MAIN_THREAD_SLICES);
    const store = createStore(state);
    const sliced = graph.order + graph.size >= SLICED_FROM_ITEMS;
    // a big graph's default view's visibility (a walk of every paper and link, 100-210 ms in one
    // task at 10⁵, measured) in slices, then the renderer's caches (walks of every paper, 30-65 ms),
    // before sigma's setup
    const visibility = visibilityMemo(
      graph,
      sliced
        ? {
            filters: state.filters,
            visibility: await runStepsSliced(visibilitySteps(graph, state.filters), MAIN_THREAD_SLICES),
          }
        : null,
    );
    const lineages = lineageMemo(graph, visibility);
    let caches: RenderCaches | undefined;
    if (sliced) {
      caches = await buildCachesInSlices(graph, meta, store.get, visibility, lineages, MAIN_THREAD_SLICES);
      await yieldToBrowser();
    }
    const renderer = createRenderer(shell.canvas, {
      graph,
      meta,
      store,
      visibility,
      lineages,
      ...(caches ? { caches } : {}),
    });
    // a big graph is indexed in slices (render/sliced-sigma.ts) while the preview shows
    try {
      await renderer.drawn();
    } catch (e) {
      renderer.cleanup();
      throw e;
    }
    // sigma has drawn: the preview goes once the first render is whole (a big graph's takes several
    // frames, progressive-draws.ts, the papers first), so that no frame lacks papers
    const whole = renderer.drawnWhole();
    // (a frame later: giving its context back took 8 ms of the frame that shows the first render)
    void whole.then(nextPaint).then(preview.remove);
    performance.mark('atlas:first-frame');
    return {
      graph,
      bin,
      compact,
      early: { shell, store, renderer, visibility, lineages },
      // a big graph's panels mount meanwhile; a small graph's first render comes first
      shown: big ? Promise.resolve() : whole,
      cleanup: renderer.cleanup,
    };
  } catch (e) {
    preview.remove();
    console.debug('The first frame was left to the app:', e);
    return null;
  }
}
