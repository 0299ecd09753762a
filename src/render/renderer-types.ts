/**
 * The renderer's public shape (renderer.ts): what it reports, what its handle does, what it is made
 * from.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { LineageMemo } from '../graph/lineage/memo';
import type { VisibilityOf } from '../graph/filters';
import type { AtlasGraph } from '../graph/types';
import type { EdgeAttributes, GraphMeta, NodeAttributes } from '../model';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';
import type { RenderCaches } from './caches';
import type { CategoriesOf } from '../graph/categories';
import type { ViewSnapshot } from './export-image';
import type { RenderTheme } from './theme';

export interface RendererStats {
  /** Renderers created so far (1 + recoveries from a lost WebGL context). */
  generation: number;
  renders: number;
  /** Renders of the whole graph (sigma's own); `renders` also counts those of the highlighted layers alone (a hover). */
  graphRenders: number;
  /** Duration of the last render, ms. */
  lastRenderMs: number;
  /** `performance.now()` at the end of the first render (ms since navigation start). */
  firstRenderAt: number | null;
  /** `performance.now()` at the end of the last render (the benchmark's pointer probe). */
  lastRenderAt: number | null;
  contextLost: boolean;
  /** The cost of the last whole frame, rasterisation included (picture-moves.ts), ms. */
  frameMs: number;
  /** Camera steps that moved the drawn picture instead of drawing the graph again. */
  pictureMoves: number;
  /**
   * `performance.now()` when the first render was put on screen, once rasterised
   * (deferred-present.ts); null before, and where the layers draw directly (WebGL 1).
   */
  firstPresentAt: number | null;
  /** A big graph's renders drawn over several frames (progressive-draws.ts); null on others. */
  drawing: {
    pending: boolean;
    framesOfLast: number;
    budget: number;
    firstCompleteAt: number | null;
    lastCompleteAt: number | null;
  } | null;
}

export interface RendererHandle {
  sigma(): Sigma<NodeAttributes, EdgeAttributes>;
  /**
   * Resolves once the graph is drawn: at once, but on a big graph, whose first indexing runs in
   * slices (sliced-sigma.ts); also when the renderer was undone first.
   */
  drawn(): Promise<void>;
  /**
   * Resolves once the first render has drawn everything and it is on screen: after its last frame
   * on a graph drawn over several (progressive-draws.ts), once rasterised (deferred-present.ts); also
   * when the renderer was undone first.
   */
  drawnWhole(): Promise<void>;
  caches(): RenderCaches;
  stats(): RendererStats;
  focusNode(id: string): void;
  /** Calls `listener` after every render (for tests and the benchmark). */
  onRender(listener: () => void): () => void;
  /** The camera (sigma's state: graph-normalised centre, zoom ratio, angle). */
  camera(): CameraState;
  setCamera(state: CameraState): void;
  /** Calls `listener` whenever the camera moves (every animation frame of a move). */
  onCamera(listener: () => void): () => void;
  /**
   * Takes new metadata, visibility, lineage and category memos (the graph's attributes were completed after the
   * first frame, see ../boot/first-frame.ts) and rebuilds the caches in slices; redraws only if
   * what is drawn changed. Resolves when done (or made moot by a later rebind or the cleanup).
   */
  rebind(next: RendererBinding): Promise<void>;
  /** The view rendered once more off-screen at `scale`, for image exports (see export-image.ts); `rings`: with the library's rings. */
  snapshot(scale: number, withCanvas: boolean, rings?: boolean): ViewSnapshot;
  /** Snapshots one after another at one scale with one off-screen renderer (a video's frames); `take` reads the view as it is then. */
  snapshots(scale: number, withCanvas: boolean, rings?: boolean): { take(): ViewSnapshot; close(): void };
  /** How many library rings the last render drew. */
  libraryRings(): number;
  /**
   * Frames costlier than this (ms) make the camera's moves move the drawn picture
   * (picture-moves.ts); null restores the default. For tests: 0 always, Infinity never.
   */
  setPictureMovesAbove(ms: number | null): void;
  /** Items a frame of a big graph's render may draw; null: learnt from the frames (for tests). */
  setDrawBudget(items: number | null): void;
  /** The colours the view is drawn with (light or dark). */
  theme(): RenderTheme;
  cleanup(): void;
}

export interface RendererBinding {
  meta: GraphMeta;
  visibility: VisibilityOf;
  lineages: LineageMemo | null;
  /** The colour-bys' categories, shared with the panels (for the completed graph's attributes). */
  categories: CategoriesOf;
  onContextChange?: (lost: boolean) => void;
}

export interface RendererOptions {
  graph: AtlasGraph;
  meta: GraphMeta;
  store: Store<ViewState>;
  /** Visibility per filters, shared with the panels; defaults to computing it here. */
  visibility?: VisibilityOf;
  /** The selection's lineage, shared with the panels; defaults to computing it here; null: none (the selection shows its neighbourhood). */
  lineages?: LineageMemo | null;
  /** The colour-bys' categories, shared with the panels; defaults to a memo of the renderer's own. */
  categories?: CategoriesOf;
  /** Told when the context is lost (true) and when a new renderer took over (false). */
  onContextChange?: (lost: boolean) => void;
  /**
   * The caches for the store's view, built beforehand (in slices: see `buildCachesInSlices`) with the
   * same visibility, lineages and categories; defaults to building them here.
   */
  caches?: RenderCaches;
}
