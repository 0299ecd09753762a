/**
 * Brush producers: pick out a set of papers (a community, a heat-map or grid cell) or drop it.
 * Pure; the same state comes back when nothing changes.
 */
import type { ViewState } from './types';

/**
 * Brushes `nodes` under `label` (ids de-duplicated, order kept). Brushing clears the selection, whose
 * neighbourhood would otherwise cover the brush. Brushing what is already brushed changes nothing;
 * an empty set clears the brush.
 */
export function setBrush(
  state: ViewState,
  label: string,
  nodes: readonly string[],
  community?: number,
): ViewState {
  const unique = [...new Set(nodes)];
  if (unique.length === 0) return clearBrush(state);
  const current = state.brush;
  if (
    current &&
    current.label === label &&
    current.nodes.length === unique.length &&
    current.nodes.every((n, i) => n === unique[i]) &&
    state.selected === null
  )
    return state;
  return {
    ...state,
    brush: { label, nodes: unique, ...(community !== undefined ? { community } : {}) },
    selected: null,
  };
}

/** Brushes `nodes`, or clears the brush when exactly that is brushed already (a second click). */
export function toggleBrush(
  state: ViewState,
  label: string,
  nodes: readonly string[],
  community?: number,
): ViewState {
  const current = state.brush;
  const unique = [...new Set(nodes)];
  if (
    current &&
    current.label === label &&
    current.nodes.length === unique.length &&
    current.nodes.every((n, i) => n === unique[i])
  )
    return clearBrush(state);
  return setBrush(state, label, unique, community);
}

export function clearBrush(state: ViewState): ViewState {
  return state.brush === null ? state : { ...state, brush: null };
}
