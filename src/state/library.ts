/**
 * The reader's library in the view state: which papers carry its ring. Pure producers, the same
 * object when nothing changes. Never in the link (no URL codec names `library`).
 */
import type { ViewState } from './types';

export function setLibraryMarks(state: ViewState, nodes: readonly string[]): ViewState {
  const prev = state.library?.nodes;
  if (prev && prev.length === nodes.length && prev.every((n, i) => n === nodes[i])) return state;
  return { ...state, library: { nodes: [...nodes] } };
}

export function clearLibraryMarks(state: ViewState): ViewState {
  return state.library === null ? state : { ...state, library: null };
}
