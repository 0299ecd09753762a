/**
 * What every UI panel receives. Panels read the store and call actions; they never touch Sigma
 * or mutate the graph. Each panel's mount function returns its cleanup.
 */
import type { GraphMeta } from '../model';
import type { AtlasGraph } from '../graph/types';
import type { Store } from '../state/store';
import type { ViewState } from '../state/types';

/** Render-side services a panel may ask for (implemented in src/render, passed in by the app). */
export interface ViewServices {
  /** Animate the camera to a node. */
  focusNode(id: string): void;
}

export interface AppContext {
  graph: AtlasGraph;
  meta: GraphMeta;
  store: Store<ViewState>;
  view: ViewServices;
}

export type MountPanel = (container: HTMLElement, ctx: AppContext) => () => void;
