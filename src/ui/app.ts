/**
 * The app shell: header (dataset name, visible/total counts), collapsible left sidebar, the graph
 * canvas with an overlay strip on top, the right drawer for the selection, the analysis column
 * (opened from the header's "Clusters" button), and the error screen. Mounts the renderer, the layout
 * and every panel of PANELS into its slot; `mountApp` returns the cleanup of all of it.
 */
import type { DatasetChoice } from '../graph/datasets';
import { nodeNoun } from '../model';
import type { LoadedGraph } from '../graph/types';
import { createLayout, type LayoutController } from '../render/layout';
import { createRenderer, type RendererHandle } from '../render/renderer';
import type { TimelineMode } from '../render/timeline';
import { createLazyTimelineMode } from '../render/timeline-lazy';
import { createSimilarityMode } from '../render/similar-layout';
import { createStore, type Store } from '../state/store';
import type { ViewState } from '../state/types';
import { clearSelection, dismiss, initialViewState, setClustersOpen, setLayout } from '../state/view';
import { visibilityMemo, type VisibilityOf } from '../graph/filters';
import { categoriesMemo } from '../graph/categories';
import { lineageMemo, type LineageMemo } from '../graph/lineage/memo';
import { isUndirected } from '../graph/undirected';
import type { AppContext } from './context';
import { clusterLabels, type ClusterLabel } from '../graph/clusters/labels';
import { communityBrushLabel } from './clusters-list';
import { createDatasetSwitcher } from './dataset-switcher';
import { h } from './dom';
import { createShell, type Shell } from './shell';
import { PANELS } from './panels';
import { viewFromQuery, type UrlContext } from '../state/url';
import { syncUrl } from './url-sync';

export interface App {
  store: Store<ViewState>;
  renderer: RendererHandle;
  layout: LayoutController;
  timeline: TimelineMode;
  loaded: LoadedGraph;
  /** Resolves once the graph is drawn with what the app knows of it (the first frame's renderer rebound). */
  ready(): Promise<void>;
  cleanup(): void;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export interface MountOptions {
  /** The datasets listed next to the graph file: the header offers a switcher when there are several. */
  datasets?: readonly DatasetChoice[] | null;
  /** Further header controls, before the switcher (e.g. "Open file…"). */
  headerActions?: readonly HTMLElement[];
  /**
   * The graph was opened from a file on the reader's computer, which no link can name: the view is
   * not read from the URL nor written to it, and "Copy link" says so.
   */
  localFile?: string;
  /**
   * What the boot path drew the first frame with (see ../boot/first-frame.ts): the frame, the store
   * and the renderer are taken over instead of made here. The graph must be the one it drew, its
   * attributes now complete, and the link must hold no view (the store has the default view).
   */
  early?: EarlyMount;
}

/** The first frame's frame, store and renderer, handed over to the app. */
export interface EarlyMount {
  shell: Shell;
  store: Store<ViewState>;
  renderer: RendererHandle;
  /**
   * The visibility and lineages the renderer was made with: kept, so that what they hold for the
   * default view is not computed again (the filters of the default view read only what the binary
   * holds: edge kinds and survey-only links).
   */
  visibility: VisibilityOf;
  lineages: LineageMemo;
}

export function mountApp(root: HTMLElement, loaded: LoadedGraph, options: MountOptions = {}): App {
  const { graph, meta } = loaded;
  const win = root.ownerDocument.defaultView ?? window;
  // the view in the link (?color=…&years=…&sel=…&cam=…), over the default view
  // a link's `community=` brushes that community as the Clusters column would (labels computed once, when asked)
  let labels: ClusterLabel[] | null = null;
  const urlCtx: UrlContext = {
    meta,
    hasNode: (id) => graph.hasNode(id),
    communityBrush(community) {
      labels ??= clusterLabels(graph, meta);
      const c = labels.find((l) => l.community === community);
      return c ? { label: communityBrushLabel(c), nodes: c.nodes, community } : null;
    },
  };
  const initial = initialViewState(meta);
  const local = options.localFile !== undefined;
  const fromUrl = viewFromQuery(initial, new URLSearchParams(local ? '' : win.location.search), urlCtx);
  const store = options.early?.store ?? createStore(fromUrl.state);
  const cleanups: Array<() => void> = [];

  const frame = options.early?.shell ?? createShell(root, meta);
  const { shell, toggle, counts, headerSlot, analysisToggle, slots, canvas, notice, legendDock } = frame;
  const { stage, closeDrawer, drawer, analysis } = frame;
  stage.append(linkNotice(fromUrl.ignored, fromUrl.problems));

  if (options.datasets && options.datasets.length > 1) {
    const switcher = createDatasetSwitcher(options.datasets);
    headerSlot.prepend(switcher.element);
    cleanups.push(switcher.cleanup);
  }
  if (options.headerActions) headerSlot.prepend(...options.headerActions);

  const visibility = options.early?.visibility ?? visibilityMemo(graph);
  // an undirected graph has no ancestors or descendants: the selection shows its neighbours
  const undirected = isUndirected(graph);
  const lineages = undirected ? null : (options.early?.lineages ?? lineageMemo(graph, visibility));
  // not the first frame's: its categories were read before the side table's attributes
  const categories = categoriesMemo(graph);
  // shared by the renderer and every panel
  const memos = { visibility, lineages, categories };
  const onContextChange = (lost: boolean) => {
    notice.hidden = !lost;
    notice.textContent = lost ? 'The graphics context was lost; restoring the view…' : '';
  };
  let renderer: RendererHandle;
  let rebound: Promise<void> = Promise.resolve();
  if (options.early) {
    renderer = options.early.renderer;
    // the first frame's caches were built before the side table's attributes: rebuilt here
    rebound = renderer.rebind({ meta, ...memos, onContextChange });
    rebound.catch((e: unknown) => console.error('The graph could not be redrawn:', e));
  } else {
    renderer = createRenderer(canvas, { graph, meta, store, ...memos, onContextChange });
  }
  cleanups.push(renderer.cleanup);
  if (fromUrl.camera) renderer.setCamera(fromUrl.camera);
  const urlSync = local ? null : syncUrl({ win, store, ctx: urlCtx, camera: renderer, initial });
  if (urlSync) cleanups.push(urlSync.cleanup);
  const layout = createLayout(graph);
  cleanups.push(layout.cleanup);
  // subscribed before the timeline: leaving the similarity map for the timeline gives the force positions back first
  const similarity = createSimilarityMode({
    graph,
    store,
    renderer,
    force: layout,
    timeline: () => timeline,
  });
  cleanups.push(similarity.cleanup);
  const timeline = createLazyTimelineMode({
    graph,
    meta,
    store,
    renderer,
    force: layout,
    categories,
    avoid: () => [legendDock.getBoundingClientRect()],
  });
  cleanups.push(timeline.cleanup);

  let images: typeof import('./view-images') | null = null;
  const ctx: AppContext = {
    graph,
    meta,
    store,
    ...memos,
    undirected,
    view: {
      focusNode: (id) => renderer.focusNode(id),
      layout: {
        // ForceAtlas2 runs on the force positions: leave the timeline (or the similarity map) first
        start: () => {
          store.update((s) => setLayout(s, 'force'));
          timeline.afterForce(() => similarity.afterForce(() => layout.start()));
        },
        stop: () => layout.stop(),
        isRunning: () => layout.isRunning(),
        onChange: (l) => layout.onChange(l),
      },
      // the image code loads with the Export menu (view-images.ts, a chunk of its own)
      images: {
        theme: () => renderer.theme(),
        ready: async () => {
          images ??= await import('./view-images');
        },
        async png(scale, content) {
          images ??= await import('./view-images');
          return images.framedPng(renderer, root.ownerDocument, scale, content);
        },
        canvases(scale, rings) {
          if (!images) throw new Error('The image code is not loaded yet: call images.ready() first.');
          return images.framedCanvases(renderer, root.ownerDocument, scale, rings);
        },
        svg(content, description) {
          if (!images) throw new Error('The image code is not loaded yet: call images.ready() first.');
          return images.framedSvg(renderer, root.ownerDocument, content, description);
        },
      },
      shareUrl: () => (urlSync ? urlSync.url() : null),
    },
  };
  for (const panel of PANELS) {
    const container = h('div', { class: `panel panel-${panel.id}`, 'data-panel': panel.id });
    slots[panel.slot].append(container);
    cleanups.push(panel.mount(container, ctx));
  }

  const updateCounts = () => {
    const { nodes, edges } = renderer.caches().visibility;
    counts.textContent = `${nodes.size.toLocaleString('en')} ${nodeNoun(meta, nodes.size)} of ${graph.order.toLocaleString('en')} · ${plural(edges.size, 'link', 'links')} of ${graph.size.toLocaleString('en')}`;
  };
  const updateDrawer = () => {
    drawer.hidden = store.get().selected === null;
    shell.classList.toggle('drawer-open', !drawer.hidden);
  };
  updateCounts();
  updateDrawer();
  cleanups.push(
    store.subscribe((s, prev) => {
      if (s.filters !== prev.filters) updateCounts();
      if (s.selected !== prev.selected) updateDrawer();
    }),
  );

  toggle.addEventListener('click', () => {
    const collapsed = shell.classList.toggle('sidebar-collapsed');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', collapsed ? 'Show sidebar' : 'Hide sidebar');
  });
  // the Clusters column follows the view state (a link can open it: `clusters=1`)
  const showAnalysis = (open: boolean) => {
    analysis.hidden = !open;
    shell.classList.toggle('analysis-open', open);
    analysisToggle.setAttribute('aria-expanded', String(open));
  };
  showAnalysis(store.get().clusters);
  cleanups.push(
    store.subscribe((s, prev) => {
      if (s.clusters !== prev.clusters) showAnalysis(s.clusters);
    }),
  );
  analysisToggle.addEventListener('click', () => store.update((s) => setClustersOpen(s, !s.clusters)));
  closeDrawer.addEventListener('click', () => store.update(clearSelection));
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // a comparison (or the picking of one) ends first, then the selection
    store.update(dismiss);
  };
  document.addEventListener('keydown', onKey);
  cleanups.push(() => document.removeEventListener('keydown', onKey));

  return {
    store,
    renderer,
    layout,
    timeline,
    loaded,
    ready: () => Promise.all([renderer.drawn(), rebound]).then(() => undefined),
    cleanup() {
      for (const c of cleanups.reverse()) c();
      root.replaceChildren();
    },
  };
}

/**
 * What of the link was ignored (unknown or malformed parameters), named briefly, the reasons in the
 * tooltip; a Dismiss button; hidden when nothing was ignored.
 */
function linkNotice(ignored: string[], problems: string[]): HTMLElement {
  const dismiss = h('button', { type: 'button', class: 'link-btn small', text: 'Dismiss' });
  const el = h(
    'div',
    { class: 'notice link-notice', role: 'status', hidden: ignored.length === 0, title: problems.join('\n') },
    h('span', { text: `Ignored in the link: ${ignored.join(', ')}` }),
    ' ',
    dismiss,
  );
  dismiss.addEventListener('click', () => {
    el.hidden = true;
  });
  return el;
}

/** The error screen: what went wrong, in plain text, and what to do (or, with `action`, open another file). */
export function showError(root: HTMLElement, message: string, action?: HTMLElement): void {
  root.replaceChildren(
    h(
      'div',
      { class: 'error-screen', role: 'alert' },
      h('h1', { text: 'The graph could not be opened' }),
      h('p', { class: 'error-message', text: message }),
      h('p', {
        class: 'muted',
        text: 'Check that the graph file exists and was written by `npm run build:graph`, then reload the page.',
      }),
      action ? h('p', {}, action) : null,
    ),
  );
}
