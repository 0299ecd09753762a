/**
 * Filter defaults and producers. Producers are pure: (state, ...args) → new state.
 * They keep filters canonical, so equal filters serialise equally (the view goes into the URL):
 * a selection of every category of a dimension, or the full year range, is stored as no filter.
 */
import { dimension, EDGE_KINDS } from '../model/vocab';
import type { EdgeKind, GraphMeta } from '../model';
import type { Filters, ViewState } from './types';

export function defaultFilters(_meta: GraphMeta): Filters {
  return {
    years: null,
    categories: {},
    unlabelled: [],
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

/**
 * Category filters in canonical form: dimensions in the taxonomy's order, categories in their
 * dimension's order, unknown dimensions and categories dropped, a dimension with all its categories
 * shown left out.
 */
export function canonicalCategories(
  meta: GraphMeta,
  categories: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const dim of meta.taxonomy.dimensions) {
    const list = categories[dim.id];
    if (!list) continue;
    const shown = new Set(list);
    const next = dim.categories.map((c) => c.id).filter((id) => shown.has(id));
    if (next.length < dim.categories.length) out[dim.id] = next;
  }
  return out;
}

/** Show or hide a category of a taxonomy dimension (`on` forces a state; omitted, it toggles). */
export function toggleCategory(
  state: ViewState,
  meta: GraphMeta,
  dim: string,
  id: string,
  on?: boolean,
): ViewState {
  const all = dimension(meta.taxonomy, dim)?.categories.map((c) => c.id);
  if (!all?.includes(id)) return state;
  const current = state.filters.categories[dim] ?? null;
  const next = toggleIn(current, id, all, on);
  if (sameList(next, current)) return state;
  const categories = { ...state.filters.categories };
  if (next === null) delete categories[dim];
  else categories[dim] = next;
  return setFilters(state, { categories: canonicalCategories(meta, categories) });
}

/** Show or hide the papers without a label in a taxonomy dimension (`on` forces a state; omitted, it toggles). */
export function toggleUnlabelled(state: ViewState, meta: GraphMeta, dim: string, on?: boolean): ViewState {
  if (!dimension(meta.taxonomy, dim)) return state;
  const hidden = state.filters.unlabelled.includes(dim);
  const show = on ?? hidden;
  if (show !== hidden) return state;
  const set = new Set(state.filters.unlabelled);
  if (show) set.delete(dim);
  else set.add(dim);
  return setFilters(state, {
    unlabelled: meta.taxonomy.dimensions.map((d) => d.id).filter((d) => set.has(d)),
  });
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
