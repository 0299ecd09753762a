/**
 * `window.__atlas`: a small read-mostly view of the running app for end-to-end tests and the
 * benchmark. It reads the store and the renderer; its two actions go through the store like any panel.
 */
import type { ViewState } from '../state/types';
import { hover, select } from '../state/view';
import type { RendererStats } from '../render/renderer';
import { indexDigest, SlicedSigma } from '../render/sliced-sigma';
import type { App } from './app';

export interface AtlasInspector {
  /** 'loading' | 'ready' | 'error' */
  status(): string;
  error(): string | null;
  state(): ViewState | null;
  visibleCount(): { nodes: number; edges: number };
  totalCount(): { nodes: number; edges: number };
  renderer(): RendererStats | null;
  layoutRunning(): boolean;
  /** True while papers move between the force layout and the timeline. */
  layoutAnimating(): boolean;
  /** Layout position of a node (graph coordinates). */
  position(id: string): { x: number; y: number } | null;
  /** Where a node is drawn, in page (CSS pixel) coordinates, for pointer events. */
  screenPosition(id: string): { x: number; y: number } | null;
  /** The node sigma finds under a page (CSS pixel) point, as the pointer would: null where none. */
  nodeAt(x: number, y: number): string | null;
  /** What the reducers made of a node / an edge. */
  nodeDisplay(id: string): {
    color: string;
    size: number;
    hidden: boolean;
    forceLabel: boolean;
    highlighted: boolean;
    label: string | null;
  } | null;
  edgeDisplay(id: string): { color: string; size: number; hidden: boolean } | null;
  hover(id: string | null): void;
  select(id: string | null): void;
  /** How many rings of the reader's library the last render drew. */
  libraryRings(): number;
  /** Frames costlier than this (ms) make camera moves move the drawn picture; null: the default. */
  pictureMovesAbove(ms: number | null): void;
  /** Items a frame of a big graph's render may draw (progressive-draws.ts); null: learnt. */
  drawBudget(items: number | null): void;
  /** Up to `count` node ids spread evenly over the graph's node order (for the benchmark and tests). */
  sampleNodes(count: number): string[];
  /**
   * What sigma's indexing made of the graph (render/sliced-sigma.ts `indexDigest`), and whether it
   * was done in slices: for the test that sliced indexing equals sigma's own.
   */
  indexing(): { sliced: boolean; digest: Record<string, number> } | null;
  /** Sigma's own full refresh, at once (the test's reference for `indexing`). */
  refreshRenderer(): void;
}

export function createInspector(
  getApp: () => App | null,
  getStatus: () => { status: string; error: string | null },
): AtlasInspector {
  const sigma = () => getApp()?.renderer.sigma() ?? null;
  return {
    status: () => getStatus().status,
    error: () => getStatus().error,
    state: () => getApp()?.store.get() ?? null,
    visibleCount() {
      const v = getApp()?.renderer.caches().visibility;
      return { nodes: v?.nodes.size ?? 0, edges: v?.edges.size ?? 0 };
    },
    totalCount() {
      const g = getApp()?.loaded.graph;
      return { nodes: g?.order ?? 0, edges: g?.size ?? 0 };
    },
    renderer: () => getApp()?.renderer.stats() ?? null,
    pictureMovesAbove: (ms) => getApp()?.renderer.setPictureMovesAbove(ms),
    drawBudget: (items) => getApp()?.renderer.setDrawBudget(items),
    layoutRunning: () => getApp()?.layout.isRunning() ?? false,
    layoutAnimating: () => getApp()?.timeline.animating() ?? false,
    position(id) {
      const g = getApp()?.loaded.graph;
      if (!g?.hasNode(id)) return null;
      const a = g.getNodeAttributes(id);
      return { x: a.x, y: a.y };
    },
    screenPosition(id) {
      const s = sigma();
      const d = s?.getNodeDisplayData(id);
      if (!s || !d) return null;
      const p = s.framedGraphToViewport(d);
      const rect = s.getContainer().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    nodeAt(x, y) {
      const s = sigma();
      if (!s) return null;
      const rect = s.getContainer().getBoundingClientRect();
      // private in sigma's types; the pointer's own lookup (picture-moves.ts wraps it too)
      const pick = s as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null };
      return pick.getNodeAtPosition({ x: x - rect.left, y: y - rect.top });
    },
    nodeDisplay(id) {
      const d = sigma()?.getNodeDisplayData(id);
      if (!d) return null;
      return {
        color: d.color,
        size: d.size,
        hidden: d.hidden,
        forceLabel: d.forceLabel,
        highlighted: d.highlighted,
        label: d.label,
      };
    },
    edgeDisplay(id) {
      const d = sigma()?.getEdgeDisplayData(id);
      return d ? { color: d.color, size: d.size, hidden: d.hidden } : null;
    },
    hover: (id) => getApp()?.store.update((s) => hover(s, id)),
    select: (id) => getApp()?.store.update((s) => select(s, id)),
    libraryRings: () => getApp()?.renderer.libraryRings() ?? 0,
    indexing() {
      const s = sigma();
      return s ? { sliced: s instanceof SlicedSigma, digest: indexDigest(s) } : null;
    },
    // nothing returned: the page would hand the whole renderer to the test
    refreshRenderer: () => void sigma()?.refresh(),
    sampleNodes(count) {
      const nodes = getApp()?.loaded.graph.nodes() ?? [];
      return Array.from(
        { length: Math.min(count, nodes.length) },
        (_, i) => nodes[Math.floor((i * nodes.length) / count)]!,
      );
    },
  };
}
