/**
 * The sigma renderer: reducers over the view state, pointer events turned into store actions,
 * resize following the container, and a new renderer when the WebGL context is lost.
 * `createRenderer` returns a handle whose `cleanup` undoes everything.
 */
import Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../model';
import { clickBackground, hover, select } from '../state/view';
import { toggleSeed } from '../state/seeds';
import { visibilityMemo } from '../graph/filters';
import { categoriesMemo } from '../graph/categories';
import { lineageMemo } from '../graph/lineage/memo';
import { buildCaches, buildCachesInSlices, sameDrawing, updateCaches, type RefreshKind } from './caches';
import { focusCamera } from './camera';
import { watchContextLoss } from './context-loss';
import { createFocusOverlay, type FocusOverlay } from './focus-overlay';
import { hideUndrawnLayers } from './hover-program';
import { redrawFocus } from './focus-refresh';
import { createLibraryRings, type LibraryRings } from './library-rings';
import { createLabelDrawers } from './labels';
import { currentTheme, type RenderTheme } from './theme';
import { installPictureMoves, PICTURE_MOVES_ABOVE_MS, type PictureMoves } from './picture-moves';
import { PROGRESSIVE_FROM_ITEMS } from './draw-budget';
import { installProgressiveDraws, ProgressiveSigma, type ProgressiveDraws } from './progressive-draws';
import type { RendererHandle, RendererOptions, RendererStats } from './renderer-types';
import { SlicedSigma } from './sliced-sigma';
import { DeferredSigma } from './deferred-sigma';
import type { PresentGroup } from './deferred-present';
import { MAIN_THREAD_SLICES, SLICED_FROM_ITEMS, yieldToBrowser } from './slices';
import { openSnapshots, snapshotView, type SnapshotSession } from './export-image';
import { labelSettings, sigmaSettings } from './sigma-settings';

export type { RendererBinding, RendererHandle, RendererOptions, RendererStats } from './renderer-types';

export function createRenderer(container: HTMLElement, opts: RendererOptions): RendererHandle {
  const { graph, store } = opts;
  let meta = opts.meta;
  let onContextChange = opts.onContextChange;
  const win = container.ownerDocument.defaultView ?? window;
  let theme: RenderTheme = currentTheme(win);
  let visibility = opts.visibility ?? visibilityMemo(graph);
  let lineages = opts.lineages === undefined ? lineageMemo(graph, visibility) : opts.lineages;
  let categories = opts.categories ?? categoriesMemo(graph);
  let caches = opts.caches ?? buildCaches(graph, meta, store.get(), visibility, lineages, categories);
  const getCaches = () => caches;
  const getTheme = () => theme;
  const labels = createLabelDrawers(getTheme, () => caches.focus?.hood.node ?? null);
  const nodeKeys = graph.nodes();
  const edgeKeys = graph.edges();
  const renderListeners = new Set<() => void>();
  const cameraListeners = new Set<() => void>();
  const onCameraUpdated = () => {
    for (const l of [...cameraListeners]) l();
  };
  // the picture moves' figures are read from them (stats() below)
  const stats: Omit<RendererStats, 'frameMs' | 'pictureMoves' | 'drawing' | 'firstPresentAt'> = {
    generation: 0,
    renders: 0,
    graphRenders: 0,
    lastRenderMs: 0,
    firstRenderAt: null,
    lastRenderAt: null,
    contextLost: false,
  };

  const settings = () =>
    sigmaSettings({
      graph,
      rings: caches.outside.size > 0,
      labels,
      labelColor: theme.label,
      labelDensity: store.get().labelDensity,
      caches: getCaches,
      theme: getTheme,
    });

  let sigma!: Sigma<NodeAttributes, EdgeAttributes>;
  let unwatch: () => void = () => {};
  let overlay: FocusOverlay | null = null;
  let rings: LibraryRings | null = null;
  let moves: PictureMoves | null = null;
  let draws: ProgressiveDraws | null = null;
  let present: PresentGroup | null = null;
  let pictureMovesAbove = PICTURE_MOVES_ABOVE_MS;
  let renderStart = 0;
  let drawn: Promise<void> = Promise.resolve();
  // the last rebind (a later one makes an earlier one's caches moot), and whether cleaned up
  let rebinds = 0;
  let stopped = false;

  /** After each render (sigma's, or the highlighted layers' alone): stats, overlays, listeners. */
  function afterRenderHooks(): void {
    const now = performance.now();
    stats.renders += 1;
    stats.lastRenderMs = now - renderStart;
    stats.firstRenderAt ??= now;
    stats.lastRenderAt = now;
    overlay?.draw();
    rings?.draw();
    for (const l of [...renderListeners]) l();
  }

  function mount(): void {
    renderStart = performance.now();
    labels.resetFrame();
    const items = graph.order + graph.size;
    // a big graph is drawn over several frames (progressive-draws.ts); a very big one is first
    // indexed in slices too (sliced-sigma.ts)
    const created =
      items >= SLICED_FROM_ITEMS
        ? new SlicedSigma<NodeAttributes, EdgeAttributes>(graph, container, settings())
        : items >= PROGRESSIVE_FROM_ITEMS
          ? new ProgressiveSigma<NodeAttributes, EdgeAttributes>(graph, container, settings())
          : new DeferredSigma<NodeAttributes, EdgeAttributes>(graph, container, settings());
    sigma = created;
    // the first render is shown once rasterised, without the page waiting for it (deferred-present.ts)
    const group = created.present();
    present = group;
    draws =
      created instanceof ProgressiveSigma
        ? installProgressiveDraws(created, {
            win,
            // drawn through a group, a render costs the page no waiting: it is drawn whole
            whole: () => created.deferring(),
          })
        : null;
    // the graph's labels show with the graph (the group hides its layers until then); the hover
    // labels show meanwhile (over a big graph's preview)
    hideUndrawnLayers(sigma.getCanvases(), sigma.getSetting('renderEdgeLabels'));
    const late = [sigma.getCanvases().labels].filter((c): c is HTMLCanvasElement => !!c);
    if (group.deferring()) for (const c of late) c.style.visibility = 'hidden';
    group.configure({
      onPresent: () => {
        for (const c of late) c.style.visibility = '';
        // what the first render cost, rasterisation included, for the moves after it
        if (group.lastGpuMs() > 0) moves?.measured(group.lastGpuMs());
      },
    });
    moves = installPictureMoves(sigma, {
      drawnSince: renderStart,
      win,
      // the graph drawn after a move is shown once rasterised, as the first render is
      present: () => created.presentAgain(),
      // a picture drawn over several frames costs all of them
      enabled: (frameMs) => Math.max(frameMs, draws?.lastDrawMs() ?? 0) > pictureMovesAbove,
    });
    stats.generation += 1;
    overlay = createFocusOverlay(sigma, graph, getCaches, getTheme);
    rings = createLibraryRings(sigma, getCaches, getTheme);
    sigma.on('beforeRender', () => {
      renderStart = performance.now();
      labels.resetFrame();
    });
    const afterGraphRender = () => {
      stats.graphRenders += 1;
      afterRenderHooks();
    };
    sigma.on('afterRender', afterGraphRender);
    if (created instanceof SlicedSigma) {
      // a big graph is indexed in slices, then drawn (sliced-sigma.ts)
      drawn = created.prepare(MAIN_THREAD_SLICES).then(() => undefined);
    } else {
      // the first render, which the constructor left to now that the listeners are in place: in a
      // task of its own after the programs' (a task each: deferred-sigma.ts), unless the renderer
      // was undone or remade meanwhile (with sigma's setup, one task of 80-110 ms, bundled graph)
      drawn = created
        .registerKeptPrograms(yieldToBrowser)
        .then(() => yieldToBrowser())
        .then(() => {
          if (sigma === created && present === group) created.drawFirst();
        });
    }
    // said here, whoever waits for it (the boot does, the app does not)
    drawn.catch((e: unknown) => console.error('The graph could not be drawn:', e));
    // later renders draw directly, once the first is shown
    void drawn.then(() => group.release());
    sigma.on('enterNode', ({ node }) => {
      container.style.cursor = 'pointer';
      store.update((s) => hover(s, node));
    });
    sigma.on('leaveNode', () => {
      container.style.cursor = '';
      store.update((s) => hover(s, null));
    });
    // Shift-click adds the paper to (or takes it from) the seeds of "Similar to these"
    sigma.on('clickNode', ({ node, event }) =>
      store.update((s) => (event.original.shiftKey ? toggleSeed(s, node) : select(s, node))),
    );
    sigma.on('clickStage', () => store.update(clickBackground));
    sigma.getCamera().on('updated', onCameraUpdated);
    const canvases = sigma.getCanvases();
    const gl = ['edges', 'nodes', 'hoverNodes']
      .map((k) => canvases[k])
      .filter((c): c is HTMLCanvasElement => !!c);
    unwatch = watchContextLoss(gl, onLost, recover);
  }

  function unmount(): void {
    unwatch();
    moves?.cleanup();
    moves = null;
    draws?.cleanup();
    draws = null;
    present?.cleanup();
    present = null;
    overlay?.cleanup();
    overlay = null;
    rings?.cleanup();
    rings = null;
    try {
      sigma.kill();
    } catch {
      // a renderer whose context is gone may fail to release GL objects: they are gone anyway
    }
  }

  function onLost(): void {
    stats.contextLost = true;
    onContextChange?.(true);
  }

  function recover(): void {
    const camera = sigma.getCamera().getState();
    unmount();
    mount();
    sigma.getCamera().setState(camera);
    stats.contextLost = false;
    onContextChange?.(false);
  }

  function refresh(kind: RefreshKind, nodes: string[] = []): void {
    if (kind === 'none') return;
    if (kind === 'focus') {
      // only the old and new neighbourhoods change (see reducers.ts): they are re-reduced, and only
      // the layers above the veil are drawn again (sigma's highlighted nodes and hover labels, the
      // focus overlay); the graph's own layers, under the veil, stay as they are
      if (!focusRefresh(nodes)) sigma.refresh({ partialGraph: { nodes }, skipIndexation: true });
    } else if (kind === 'full') {
      sigma.setSettings(labelSettings(store.get().labelDensity));
      sigma.refresh();
    } else {
      // colours and highlights only: re-reduce every item, skip sigma's re-indexing (extent, label grid)
      sigma.refresh({ partialGraph: { nodes: nodeKeys, edges: edgeKeys }, skipIndexation: true });
    }
  }

  /** A hover or a selection: the changed nodes re-reduced, the layers above the veil drawn (focus-refresh.ts). */
  function focusRefresh(changed: string[]): boolean {
    renderStart = performance.now();
    if (!redrawFocus(sigma, changed)) return false;
    afterRenderHooks();
    return true;
  }

  mount();

  const unsubscribe = store.subscribe((next, prev) => {
    const result = updateCaches(caches, graph, meta, prev, next, visibility, lineages, categories);
    caches = result.caches;
    refresh(result.refresh, result.nodes);
  });

  const media = win.matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => {
    theme = currentTheme(win);
    sigma.setSetting('labelColor', { color: theme.label });
    refresh('full');
  };
  media.addEventListener('change', onScheme);

  // Sigma resizes its canvases at every render; a new size also needs its label grid rebuilt (its
  // `process`), not every node and edge re-reduced. The observer's first call (the size at mount)
  // changes nothing: a full refresh there drew the whole graph twice before the first commit.
  const resizeObserver = new ResizeObserver(() => {
    const { width, height } = sigma.getDimensions();
    if (container.offsetWidth === width && container.offsetHeight === height) return;
    sigma.refresh({ partialGraph: { nodes: [] }, schedule: true });
  });
  resizeObserver.observe(container);

  return {
    sigma: () => sigma,
    drawn: () => drawn,
    drawnWhole: () => drawn.then(() => draws?.firstComplete()).then(() => present?.presented()),
    caches: getCaches,
    stats: () => ({
      ...stats,
      frameMs: Math.max(moves?.frameMs() ?? 0, draws?.lastDrawMs() ?? 0),
      pictureMoves: moves?.moved() ?? 0,
      firstPresentAt: present?.firstPresentAt() ?? null,
      drawing: draws && {
        pending: draws.pending(),
        framesOfLast: draws.framesOfLast(),
        budget: draws.budget(),
        firstCompleteAt: draws.firstCompleteAt(),
        lastCompleteAt: draws.lastCompleteAt(),
      },
    }),
    focusNode: (id) => void focusCamera(sigma, id),
    onRender(listener) {
      renderListeners.add(listener);
      return () => renderListeners.delete(listener);
    },
    camera: () => sigma.getCamera().getState(),
    setCamera: (state) => sigma.getCamera().setState(state),
    onCamera(listener) {
      cameraListeners.add(listener);
      return () => cameraListeners.delete(listener);
    },
    snapshot: (scale, withCanvas, withRings = false) => {
      moves?.settle();
      return snapshotView({ sigma, graph, caches, theme, scale, withCanvas, rings: withRings });
    },
    snapshots(scale, withCanvas, withRings = false) {
      moves?.settle();
      const session: SnapshotSession = openSnapshots({
        sigma,
        graph,
        theme,
        scale,
        withCanvas,
        rings: withRings,
      });
      return { take: () => session.take(caches, theme), close: () => session.close() };
    },
    async rebind(next) {
      meta = next.meta;
      visibility = next.visibility;
      lineages = next.lineages;
      categories = next.categories;
      onContextChange = next.onContextChange ?? onContextChange;
      const token = ++rebinds;
      const rebuilt = await buildCachesInSlices(
        graph,
        meta,
        store.get,
        visibility,
        lineages,
        MAIN_THREAD_SLICES,
        categories,
      );
      if (token !== rebinds || stopped) return;
      const before = caches;
      caches = rebuilt;
      // both are for the view as it is now, so their focus is on the same papers (the links it
      // follows are the binary's): it is drawn already, above the veil
      if (!sameDrawing({ ...before, focus: null }, { ...rebuilt, focus: null })) refresh('full');
    },
    libraryRings: () => rings?.drawn() ?? 0,
    setPictureMovesAbove(ms) {
      pictureMovesAbove = ms ?? PICTURE_MOVES_ABOVE_MS;
    },
    setDrawBudget: (items) => draws?.setBudget(items),
    theme: getTheme,
    cleanup() {
      stopped = true;
      cameraListeners.clear();
      resizeObserver.disconnect();
      media.removeEventListener('change', onScheme);
      unsubscribe();
      renderListeners.clear();
      unmount();
    },
  };
}
