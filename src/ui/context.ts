/**
 * What every UI panel receives. Panels read the store and call actions; they never touch Sigma
 * or mutate the graph. Each panel's mount function returns its cleanup.
 */
import type { GraphMeta } from '../model';
import type { VisibilityOf } from '../graph/filters';
import type { AtlasGraph } from '../graph/types';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';

/** Render-side services a panel may ask for (implemented in src/render, passed in by the app). */
export interface ViewServices {
  /** Animate the camera to a node. */
  focusNode(id: string): void;
  /** The force layout (ForceAtlas2 in a worker). */
  layout: LayoutService;
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
  view: ViewServices;
}

export type MountPanel = (container: HTMLElement, ctx: AppContext) => () => void;
