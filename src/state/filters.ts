/**
 * Filter defaults and producers. Producers are pure: (state, ...args) → new state.
 */
import { EDGE_KINDS, type GraphMeta } from '../model';
import type { Filters, ViewState } from './types';

export function defaultFilters(_meta: GraphMeta): Filters {
  return {
    years: null,
    families: null,
    tasks: null,
    edgeKinds: [...EDGE_KINDS],
    showSurveyMentions: false,
    minDegree: 0,
  };
}

export function setFilters(state: ViewState, patch: Partial<Filters>): ViewState {
  return { ...state, filters: { ...state.filters, ...patch } };
}
