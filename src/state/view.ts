/**
 * The initial view state and the view producers. Pure: (state, ...args) → state; a producer returns
 * the same object when nothing changes, so the store does not notify.
 */
import type { ColorBy, GraphMeta, SizeBy } from '../model';
import { defaultFilters } from './filters';
import type { LayoutMode, ViewState } from './types';

export const DEFAULT_LABEL_DENSITY = 0.5;

export function initialViewState(meta: GraphMeta): ViewState {
  return {
    colorBy: 'family',
    sizeBy: 'citations',
    filters: defaultFilters(meta),
    isolated: null,
    hovered: null,
    selected: null,
    labelDensity: DEFAULT_LABEL_DENSITY,
    brush: null,
    layout: 'force',
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

export function select(state: ViewState, node: string | null): ViewState {
  return state.selected === node ? state : { ...state, selected: node };
}

/** Clears the selection and the hover (Escape, click on the background). */
export function clearSelection(state: ViewState): ViewState {
  if (state.selected === null && state.hovered === null) return state;
  return { ...state, selected: null, hovered: null };
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
