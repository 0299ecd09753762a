/**
 * Filter defaults and producers. Producers are pure: (state, ...args) → new state.
 * They keep filters canonical, so equal filters serialise equally (the view goes into the URL):
 * a selection of every family / task, or the full year range, is stored as null ("no filter").
 */
import { EDGE_KINDS, FAMILIES, TASKS, type EdgeKind, type Family, type GraphMeta, type Task } from '../model';
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

/** Whether the filters hide nothing that the defaults show. */
export function isDefaultFilters(filters: Filters, meta: GraphMeta): boolean {
  return JSON.stringify(filters) === JSON.stringify(defaultFilters(meta));
}

export function resetFilters(state: ViewState, meta: GraphMeta): ViewState {
  return isDefaultFilters(state.filters, meta) ? state : setFilters(state, defaultFilters(meta));
}

/**
 * Year range, clamped to `bounds` (the graph's first and last year), rounded to whole years and ordered.
 * The full range, or null, clears the year filter.
 */
export function setYearRange(
  state: ViewState,
  range: readonly [number, number] | null,
  bounds: readonly [number, number],
): ViewState {
  let years: [number, number] | null = null;
  if (range) {
    const clamp = (y: number) => Math.min(bounds[1], Math.max(bounds[0], Math.round(y)));
    const a = clamp(Number.isFinite(range[0]) ? range[0] : bounds[0]);
    const b = clamp(Number.isFinite(range[1]) ? range[1] : bounds[1]);
    years = [Math.min(a, b), Math.max(a, b)];
    if (years[0] === bounds[0] && years[1] === bounds[1]) years = null;
  }
  const current = state.filters.years;
  if (current === years || (current && years && current[0] === years[0] && current[1] === years[1]))
    return state;
  return setFilters(state, { years });
}

/** Toggle one item of a list filter where null means "all of `all`". Keeps `all`'s order. */
function toggleIn<T extends string>(
  current: readonly T[] | null,
  item: T,
  all: readonly T[],
  on?: boolean,
): T[] | null {
  const set = new Set<T>(current ?? all);
  const show = on ?? !set.has(item);
  if (show) set.add(item);
  else set.delete(item);
  const next = all.filter((x) => set.has(x));
  return next.length === all.length ? null : next;
}

function sameList<T>(a: readonly T[] | null, b: readonly T[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Show or hide a model family (`on` forces a state; omitted, it toggles). */
export function toggleFamily(state: ViewState, family: Family, on?: boolean): ViewState {
  const families = toggleIn(state.filters.families, family, FAMILIES, on);
  return sameList(families, state.filters.families) ? state : setFilters(state, { families });
}

/** Show or hide papers of a task (a paper shows when any of its tasks does). */
export function toggleTask(state: ViewState, task: Task, on?: boolean): ViewState {
  const tasks = toggleIn(state.filters.tasks, task, TASKS, on);
  return sameList(tasks, state.filters.tasks) ? state : setFilters(state, { tasks });
}

/** Show or hide an edge kind. */
export function toggleEdgeKind(state: ViewState, kind: EdgeKind, on?: boolean): ViewState {
  const edgeKinds = toggleIn(state.filters.edgeKinds, kind, EDGE_KINDS, on) ?? [...EDGE_KINDS];
  return sameList(edgeKinds, state.filters.edgeKinds) ? state : setFilters(state, { edgeKinds });
}

export function setShowSurveyMentions(state: ViewState, show: boolean): ViewState {
  return state.filters.showSurveyMentions === show ? state : setFilters(state, { showSurveyMentions: show });
}

/** Minimum visible degree: a whole number ≥ 0 (bad input counts as 0). */
export function setMinDegree(state: ViewState, minDegree: number): ViewState {
  const value = Number.isFinite(minDegree) ? Math.max(0, Math.floor(minDegree)) : 0;
  return state.filters.minDegree === value ? state : setFilters(state, { minDegree: value });
}
