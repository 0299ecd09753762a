/**
 * The initial view state and the view producers. Pure: (state, ...args) → state; a producer returns
 * the same object when nothing changes, so the store does not notify.
 */
import { colorByChoices } from '../model/vocab';
import type { ColorBy, GraphMeta, SizeBy } from '../model';
import { defaultFilters } from './filters';
import { defaultLineage, endComparison } from './lineage';
import type { LayoutMode, ViewState } from './types';
import { DEFAULT_PLAY_SPEED } from './playback';

export const DEFAULT_LABEL_DENSITY = 0.5;

/** The colouring a graph opens with: its taxonomy's first dimension (year for a taxonomy without one). */
export function defaultColorBy(meta: GraphMeta): ColorBy {
  return colorByChoices(meta)[0] ?? 'year';
}

/**
 * Sized by in-set citations; a graph without links (a list just imported, before any edge is
 * added or fetched) uniformly, as citations would make every paper the smallest.
 */
export function defaultSizeBy(meta: Pick<GraphMeta, 'counts'>): SizeBy {
  return meta.counts.edges === 0 ? 'uniform' : 'citations';
}

/** The default label density; denser for a graph without links, whose papers all have the same size. */
export function defaultLabelDensity(meta: Pick<GraphMeta, 'counts'>): number {
  return meta.counts.edges === 0 ? 0.8 : DEFAULT_LABEL_DENSITY;
}

export function initialViewState(meta: GraphMeta): ViewState {
  return {
    colorBy: defaultColorBy(meta),
    sizeBy: defaultSizeBy(meta),
    filters: defaultFilters(meta),
    isolated: null,
    hovered: null,
    selected: null,
    labelDensity: defaultLabelDensity(meta),
    brush: null,
    clusters: false,
    layout: 'force',
    lineage: defaultLineage(meta),
    compareWith: null,
    picking: false,
    library: null,
    seeds: [],
    playSpeed: DEFAULT_PLAY_SPEED,
  };
}

/** Changing the dimension drops the isolated category (it belonged to the old one). */
export function setColorBy(state: ViewState, colorBy: ColorBy): ViewState {
  if (state.colorBy === colorBy) return state;
  return { ...state, colorBy, isolated: null };
}

export function setSizeBy(state: ViewState, sizeBy: SizeBy): ViewState {
  return state.sizeBy === sizeBy ? state : { ...state, sizeBy };
}

export function hover(state: ViewState, node: string | null): ViewState {
  return state.hovered === node ? state : { ...state, hovered: node };
}

/**
 * Selects a paper. While "Compare with…" is picking, the paper chosen becomes the one compared with
 * the selection instead (so search, a graph click and the drawer all pick the same way); otherwise a
 * new selection ends any comparison, which belonged to the old one.
 */
export function select(state: ViewState, node: string | null): ViewState {
  if (state.picking && state.selected !== null && node !== null && node !== state.selected) {
    return { ...state, compareWith: node, picking: false };
  }
  if (state.selected === node) return state;
  // a plain choice of a paper outside the seeds (Shift-click's set) starts afresh
  const seeds = state.seeds.length > 0 && (node === null || !state.seeds.includes(node)) ? [] : state.seeds;
  return { ...state, selected: node, compareWith: null, picking: false, seeds };
}

/** Clears the selection, the hover and any comparison (Escape, click on the background). */
export function clearSelection(state: ViewState): ViewState {
  if (
    state.selected === null &&
    state.hovered === null &&
    state.compareWith === null &&
    !state.picking &&
    state.seeds.length === 0
  )
    return state;
  return { ...state, selected: null, hovered: null, compareWith: null, picking: false, seeds: [] };
}

/** A click on the graph's background: cancels "Compare with…" while it waits, else clears the selection. */
export function clickBackground(state: ViewState): ViewState {
  return state.picking ? endComparison(state) : clearSelection(state);
}

/** Escape: ends a comparison (or the picking of one) first, else clears the selection. */
export function dismiss(state: ViewState): ViewState {
  const ended = endComparison(state);
  return ended !== state ? ended : clearSelection(state);
}

/** Isolates a legend category of the current dimension, or restores all when it is already isolated. */
export function toggleIsolate(state: ViewState, category: string): ViewState {
  return { ...state, isolated: state.isolated === category ? null : category };
}

/** Label density, clamped to [0, 1]. */
export function setLabelDensity(state: ViewState, density: number): ViewState {
  const d = Number.isFinite(density) ? Math.min(1, Math.max(0, density)) : DEFAULT_LABEL_DENSITY;
  return state.labelDensity === d ? state : { ...state, labelDensity: d };
}

/** Switches between the force layout and the timeline. */
export function setLayout(state: ViewState, layout: LayoutMode): ViewState {
  return state.layout === layout ? state : { ...state, layout };
}

/** Opens or closes the Clusters column. */
export function setClustersOpen(state: ViewState, open: boolean): ViewState {
  return state.clusters === open ? state : { ...state, clusters: open };
}
