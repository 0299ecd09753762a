/**
 * What every UI panel receives. Panels read the store and call actions; they never touch Sigma
 * or mutate the graph. Each panel's mount function returns its cleanup.
 */
import type { GraphMeta } from '../model';
import type { VisibilityOf } from '../graph/filters';
import type { CategoriesOf } from '../graph/categories';
import type { LineageMemo } from '../graph/lineage/memo';
import type { AtlasGraph } from '../graph/types';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';
import type { FrameContent } from '../export/frame';
import type { RenderTheme } from '../render/theme';

/** Render-side services a panel may ask for (implemented in src/render, passed in by the app). */
export interface ViewServices {
  /** Animate the camera to a node. */
  focusNode(id: string): void;
  /** The force layout (ForceAtlas2 in a worker). */
  layout: LayoutService;
  /** Images of the current view (PNG, SVG) inside a frame: title, legend, caption. */
  images: ImageService;
  /** The link to the current view (state and camera), as the address bar will show it. */
  /** The link to the current view; null for a graph opened from a file, which no link can name. */
  shareUrl(): string | null;
}

export interface ImageService {
  /** A PNG of the framed view at `scale` × its CSS pixel size (1, 2, 4). */
  png(scale: number, frame: FrameContent): Promise<Blob>;
  /**
   * Framed views drawn on canvases at `scale` × their CSS pixel size, one after another (a video's
   * frames): `draw` renders the view as it is then, inside the frame `content` describes; `rings`:
   * with the library's rings ("Include my library").
   */
  canvases(scale: number, rings?: boolean): { draw(frame: FrameContent): HTMLCanvasElement; close(): void };
  /** The framed view as an SVG document. */
  svg(frame: FrameContent, description: string): string;
  /** The colours the view is drawn with, for the frame's keys. */
  theme(): RenderTheme;
  /** Loads the image code (a chunk of its own); `png` and `svg` need it loaded. */
  ready(): Promise<void>;
}

export interface LayoutService {
  start(): void;
  stop(): void;
  isRunning(): boolean;
  /** Calls `listener` with the running flag whenever it changes; returns the unsubscribe. */
  onChange(listener: (running: boolean) => void): () => void;
}

export interface AppContext {
  graph: AtlasGraph;
  meta: GraphMeta;
  store: Store<ViewState>;
  /** What the filters show, computed once per filters change for the renderer and every panel. */
  visibility: VisibilityOf;
  /** The selection's lineage and comparison, computed once per change for the renderer and every panel. */
  lineages: LineageMemo | null;
  /** The colour-by's categories, computed once per change of it for the renderer and every panel. */
  categories: CategoriesOf;
  /** Every link is undirected (a graph file's undirected graph): no "in" and "out" to tell apart. */
  undirected: boolean;
  view: ViewServices;
}

export type MountPanel = (container: HTMLElement, ctx: AppContext) => () => void;
