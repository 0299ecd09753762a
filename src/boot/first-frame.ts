/**
 * The boot path: the graph's first frame drawn from the compact form's binary alone, before the side
 * table is read and before the panels' code has loaded. It builds the app's frame (ui/shell.ts), the
 * view store with the default view and the app's own renderer, which the app then takes over
 * (`mountApp`'s `early`) once the side table has completed the graph's attributes: one renderer,
 * drawn once.
 *
 * It applies when the datasets list names a compact form for the graph, the link holds no view (only
 * `graph=`), and the graph has no works outside the list (drawn as rings, which need the side table).
 * Otherwise, or when anything fails here, it returns null and start.ts loads the graph the usual way,
 * reporting what is wrong. No schema library here (see model/vocab.ts): the metadata is checked in
 * the shape the first frame reads, and in full by start.ts before the app takes over.
 */
import { checkMetaShape, decodeGraphBinary, type GraphBinary } from '../graph/binary/decode';
import { fileName } from '../graph/binary/read';
import { visualGraphSteps } from '../graph/binary/visual';
import { visibilityMemo } from '../graph/filters';
import { lineageMemo } from '../graph/lineage/memo';
import type { CompactFiles, GraphPrefetch } from '../graph/prefetch';
import type { AtlasGraph } from '../graph/types';
import { drawPreview } from '../render/preview';
import { PREVIEW_FROM_ITEMS, previewNodes } from '../render/preview-scene';
import { createRenderer } from '../render/renderer';
import { createStore } from '../state/store';
import { initialViewState } from '../state/view';
import type { EarlyMount } from '../ui/app';
import { createShell } from '../ui/shell';
import { runStepsSliced } from '../graph/steps';
import { MAIN_THREAD_SLICES, SLICED_FROM_ITEMS, yieldToBrowser } from '../render/slices';
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
 * Draws the first frame into `root` when the boot path applies (see above); null otherwise. Never
 * rejects: a failure here leaves the usual load to report it.
 */
export async function drawFirstFrame(
  root: HTMLElement,
  prefetch: GraphPrefetch | null,
  fetchEarly: typeof fetch,
): Promise<FirstFrame | null> {
  let removePreview = () => {};
  let previewed = false;
  try {
    // main.ts calls this only when the link names no view (boot/link.ts)
    if (prefetch === null) return null;
    const compact = await prefetch.compact;
    if (compact === null) return null;
    const response = await fetchEarly(compact.binary);
    if (!response.ok) return null;
    const buffer = await response.arrayBuffer();
    performance.mark('atlas:fetched');
    const name = fileName(compact.binary);
    const bin = decodeGraphBinary(buffer, name, checkMetaShape);
    performance.mark('atlas:parsed');
    if (bin.meta.inputsHash !== compact.inputsHash || (bin.meta.counts.outside ?? 0) > 0) return null;
    const meta = bin.meta;
    const shell = createShell(root, meta);
    const state = initialViewState(meta);
    // a big graph's papers first, straight from the arrays, while the model is built (preview.ts)
    if (bin.nodeCount + bin.edgeCount >= PREVIEW_FROM_ITEMS) {
      const nodes = previewNodes(bin, state.colorBy, state.sizeBy, meta.taxonomy.unknownColor);
      const preview = drawPreview(shell.canvas, nodes);
      removePreview = preview.remove;
      previewed = true;
      // on screen before the work below holds the page (the page does not wait for its
      // rasterisation meanwhile), and painted
      await preview.shown;
      performance.mark('atlas:preview');
      await nextPaint();
    }
    // in slices: a big graph's assembly does not hold the page while the preview shows
    const graph = await runStepsSliced(visualGraphSteps(bin, name), MAIN_THREAD_SLICES);
    const store = createStore(state);
    const visibility = visibilityMemo(graph);
    const lineages = lineageMemo(graph, visibility);
    if (graph.order + graph.size >= SLICED_FROM_ITEMS) {
      // the default view's visibility (a walk of every paper and link) in a task of its own,
      // before the renderer's caches and sigma's setup read it from the memo
      visibility(state.filters);
      await yieldToBrowser();
    }
    const renderer = createRenderer(shell.canvas, { graph, meta, store, visibility, lineages });
    // a big graph is indexed in slices (render/sliced-sigma.ts) while the preview shows
    try {
      await renderer.drawn();
    } catch (e) {
      renderer.cleanup();
      throw e;
    }
    // sigma has drawn: the preview goes in the task where the first render is whole (a big graph's
    // takes several frames, progressive-draws.ts, the papers first), so that no frame lacks papers
    const whole = renderer.drawnWhole();
    void whole.then(removePreview);
    performance.mark('atlas:first-frame');
    return {
      graph,
      bin,
      compact,
      early: { shell, store, renderer, visibility, lineages },
      shown: previewed ? Promise.resolve() : whole,
      cleanup: renderer.cleanup,
    };
  } catch (e) {
    removePreview();
    console.debug('The first frame was left to the app:', e);
    return null;
  }
}
