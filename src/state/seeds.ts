/**
 * The seeds of "Similar to these": papers picked together by Shift-click (graph) or Shift+Enter
 * (search). Pure producers: (state, ...args) → state, the same object when nothing changes.
 * The selection stays one of the seeds while there are any, so the drawer (open while a paper is
 * selected) shows them.
 */
import type { ViewState } from './types';

/**
 * Adds `node` to the seeds, or takes it out when it is one. The first Shift-click after a plain
 * selection makes the selection the first seed. Taking out the selected seed selects the last
 * remaining one; taking out the last seed keeps the paper selected.
 */
export function toggleSeed(state: ViewState, node: string): ViewState {
  const seeds =
    state.seeds.length === 0 && state.selected !== null && state.selected !== node
      ? [state.selected]
      : [...state.seeds];
  const at = seeds.indexOf(node);
  if (at >= 0) {
    seeds.splice(at, 1);
    const selected = state.selected === node ? (seeds.at(-1) ?? node) : state.selected;
    return {
      ...state,
      seeds,
      selected,
      compareWith: selected === state.selected ? state.compareWith : null,
      picking: false,
    };
  }
  seeds.push(node);
  return { ...state, seeds, selected: state.selected ?? node, picking: false };
}

/** Forgets the seeds (the selection stays). */
export function clearSeeds(state: ViewState): ViewState {
  return state.seeds.length === 0 ? state : { ...state, seeds: [] };
}
