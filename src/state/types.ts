/**
 * View state: plain, serialisable data (it will go into the URL unchanged).
 * Everything transient on screen is derived from it by reducers; nothing is written into graph data.
 */
import type { ColorBy, EdgeKind, SizeBy } from '../model';

export interface Filters {
  /** Inclusive year range; null shows every year. */
  years: [number, number] | null;
  /**
   * Categories shown per taxonomy dimension (a paper with categories there is shown when any of them
   * is; papers without one follow `unlabelled`). A dimension left out shows all; keys in the
   * taxonomy's order, categories in the dimension's order.
   */
  categories: Record<string, string[]>;
  /**
   * Dimensions whose unlabelled papers are hidden (their "Unknown / not labelled" box unticked), in
   * the taxonomy's order. Unlabelled papers show otherwise, even while their dimension is filtered.
   */
  unlabelled: string[];
  /** Edge kinds shown. */
  edgeKinds: EdgeKind[];
  /** Show mentions that come only from other surveys' repositories. */
  showSurveyMentions: boolean;
  /** Hide papers with fewer visible-graph edges (in + out) than this. */
  minDegree: number;
  /**
   * Playback: only papers dated up to this month show (and links once both ends do); absent or
   * null: no playback. Set by the playback producers (state/playback.ts), which drop it when null.
   */
  playhead?: Playhead | null;
}

/** A month of the playback: papers of this month and before are shown. */
export interface Playhead {
  year: number;
  /** 1–12. */
  month: number;
}

/** Papers picked out together (a community, a heat-map or grid cell): shown vivid, the rest dimmed. */
export interface Brush {
  /** What was brushed, in words ("Community 3 · Diffusion · Subject"). */
  label: string;
  /** The papers, by id. */
  nodes: string[];
  /** The Louvain community brushed, when the brush is one (a link can name it: `community=`). */
  community?: number;
}
/**
 * How papers are placed: the force layout (the build's, or ForceAtlas2 run on demand), the timeline,
 * or by similarity (ForceAtlas2 on the top-k similarity graph, see src/render/similar-layout.ts).
 */
export type LayoutMode = 'force' | 'timeline' | 'similarity';
export const LAYOUT_MODES: readonly LayoutMode[] = ['force', 'timeline', 'similarity'];
/** How far the selection's lineage reaches: 1–3 steps, or every ancestor and descendant. */
export const LINEAGE_DEPTHS = [1, 2, 3, 'all'] as const;
export type LineageDepth = (typeof LINEAGE_DEPTHS)[number];

export interface LineageSettings {
  depth: LineageDepth;
  /** Edge kinds the lineage follows (an edge counts when any of its kinds is here), in EDGE_KINDS order. */
  kinds: EdgeKind[];
}

export interface ViewState {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  filters: Filters;
  /** A legend category isolated in the current colorBy dimension; null when none. */
  isolated: string | null;
  /** Node under the pointer. */
  hovered: string | null;
  /** Node whose neighbourhood sticks (clicked or chosen in search). */
  selected: string | null;
  /** Label density, 0 (fewest) to 1 (most). */
  labelDensity: number;
  /** Papers brushed from the clusters panel; null when none. */
  brush: Brush | null;
  /** The Clusters column is open. */
  clusters: boolean;
  /** Force layout, or the timeline (x by date, a band per category of `colorBy`). */
  layout: LayoutMode;
  /** The selection's lineage highlight and the drawer's lineage view. */
  lineage: LineageSettings;
  /** A second paper compared with the selection (shortest lineage path or lowest common ancestors). */
  compareWith: string | null;
  /** "Compare with…" is waiting for the next paper chosen (search, graph or drawer). */
  picking: boolean;
  /**
   * The reader's own library marked in the graph (a ring per paper); null when none is open. Kept in
   * this browser only (src/library/storage.ts): no URL codec reads or writes it.
   */
  library: LibraryMarks | null;
  /**
   * Papers picked together (Shift-click, Shift+Enter in search) for "Similar to these", in the order
   * picked; empty when none. The selection is one of them while there are any.
   */
  seeds: string[];
  /** Playback speed, months per second (the playhead itself is `filters.playhead`). */
  playSpeed: number;
}

/** The papers of the reader's library found in the graph, by id. */
export interface LibraryMarks {
  nodes: string[];
}

export type Listener<S> = (state: S, previous: S) => void;
