/**
 * The panels the app shell mounts, each into a named slot of the layout.
 * To add a panel: import its mount function and append one entry here; the shell does the rest
 * (creates the slot's container, mounts in list order, runs every cleanup on teardown).
 *
 * Slots:
 * - `header`   — right side of the top bar (e.g. export menu, "Copy link").
 * - `search`   — top of the left sidebar.
 * - `controls` — "Color by" / "Size by", labels, layout (left sidebar).
 * - `filters`  — filters (left sidebar).
 * - `legend`   — legend (left sidebar, always visible, even when the sidebar is collapsed).
 * - `details`  — the right drawer; the shell opens it while `state.selected` is set.
 * - `analysis` — the right column the header's "Clusters" button opens (communities, heat map, grid).
 * - `overlay`  — a strip floating over the top of the canvas (e.g. what is brushed).
 */
import type { MountPanel } from './context';
import { MAIN_THREAD_SLICES } from '../render/slices';
import { mountBrushBar } from './brush-bar';
import { mountControls } from './controls';
import { mountDetails } from './details';
import { mountShare } from './share';
import { lazyPanel, standInButton, whenIdle, whenState } from './lazy-panel';
import { mountLegend } from './legend';
import { mountLibrary } from './library-panel';
import { mountNeighbours } from './neighbours-panel';
import { mountSearch } from './search';
import { mountSimilar } from './similar-panel';
import { mountSimilarClusters } from './similar-clusters-panel';
import { mountPlaybackCaption } from './playback-controls';

// After the first frame: the filters (their facets, the year brush and d3), their counts made in
// slices before they mount.
const mountFilters = lazyPanel(
  (ctx) => import('./filters-panel').then((m) => m.countedFilters(ctx, MAIN_THREAD_SLICES)),
  whenIdle(),
);
// Loaded on first use, each in a chunk of its own (see lazy-panel.ts): the Clusters column when it
// opens, the lineage when a paper is selected, the Export menu (and the image code) when clicked.
const mountClusters = lazyPanel(
  () => import('./clusters-panel').then((m) => m.mountClusters),
  whenState((s) => s.clusters),
);
const mountLineage = lazyPanel(
  () => import('./lineage-panel').then((m) => m.mountLineage),
  whenState((s) => s.selected !== null),
);
const exportStandIn = standInButton({
  class: 'btn menu-button',
  'aria-haspopup': 'menu',
  'aria-expanded': 'false',
  text: 'Export',
});
const mountExportMenu = lazyPanel(
  (ctx) => Promise.all([import('./export-menu'), ctx.view.images.ready()]).then(([m]) => m.mountExportMenu),
  exportStandIn.trigger,
  exportStandIn.afterMount,
);

export const PANEL_SLOTS = [
  'header',
  'search',
  'controls',
  'filters',
  'legend',
  'details',
  'analysis',
  'overlay',
] as const;
export type PanelSlot = (typeof PANEL_SLOTS)[number];

export interface PanelEntry {
  slot: PanelSlot;
  /** Short id, used as the container's `data-panel` attribute (handy in tests and CSS). */
  id: string;
  mount: MountPanel;
}

export const PANELS: PanelEntry[] = [
  // e.g. { slot: 'search', id: 'search', mount: mountSearch },
  { slot: 'search', id: 'search', mount: mountSearch },
  { slot: 'controls', id: 'controls', mount: mountControls },
  { slot: 'legend', id: 'legend', mount: mountLegend },
  { slot: 'filters', id: 'filters', mount: mountFilters },
  { slot: 'filters', id: 'library', mount: mountLibrary },
  { slot: 'details', id: 'details', mount: mountDetails },
  { slot: 'analysis', id: 'similar-clusters', mount: mountSimilarClusters },
  { slot: 'analysis', id: 'clusters', mount: mountClusters },
  { slot: 'overlay', id: 'brush', mount: mountBrushBar },
  { slot: 'overlay', id: 'playback-caption', mount: mountPlaybackCaption },
  { slot: 'header', id: 'export', mount: mountExportMenu },
  { slot: 'header', id: 'share', mount: mountShare },
  { slot: 'details', id: 'lineage', mount: mountLineage },
  { slot: 'details', id: 'similar', mount: mountSimilar },
  { slot: 'details', id: 'neighbours', mount: mountNeighbours },
];
