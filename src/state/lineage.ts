/**
 * Lineage settings and the "Compare with…" producers. Pure: (state, ...args) → state, the same object
 * when nothing changes. Kinds are kept in EDGE_KINDS order so equal settings serialise equally.
 */
import { EDGE_KINDS } from '../model/vocab';
import type { EdgeKind, GraphMeta } from '../model';
import { LINEAGE_DEPTHS, type LineageDepth, type LineageSettings, type ViewState } from './types';

/** Two steps each way: beyond the direct links, without lighting up half the field for a classic. */
export const DEFAULT_LINEAGE_DEPTH: LineageDepth = 2;

/**
 * Follows builds-on and cites (and, in a graph that has them, a graph file's unnamed links);
 * compares and mentions are weaker.
 */
export function defaultLineage(meta?: Pick<GraphMeta, 'counts'>): LineageSettings {
  const links = (meta?.counts.byKind.links ?? 0) > 0;
  return {
    depth: DEFAULT_LINEAGE_DEPTH,
    kinds: links ? ['builds-on', 'cites', 'links'] : ['builds-on', 'cites'],
  };
}

export function isLineageDepth(value: unknown): value is LineageDepth {
  return (LINEAGE_DEPTHS as readonly unknown[]).includes(value);
}

/** The walk depth of a setting: 'all' → Infinity. */
export function depthSteps(depth: LineageDepth): number {
  return depth === 'all' ? Infinity : depth;
}

export function setLineageDepth(state: ViewState, depth: LineageDepth): ViewState {
  if (!isLineageDepth(depth))
    throw new Error(`setLineageDepth: depth must be 1, 2, 3 or "all", got ${String(depth)}`);
  return state.lineage.depth === depth ? state : { ...state, lineage: { ...state.lineage, depth } };
}

/** Follow or stop following an edge kind (`on` forces a state; omitted, it toggles). */
export function toggleLineageKind(state: ViewState, kind: EdgeKind, on?: boolean): ViewState {
  if (!EDGE_KINDS.includes(kind)) throw new Error(`toggleLineageKind: unknown edge kind "${String(kind)}"`);
  const has = state.lineage.kinds.includes(kind);
  const want = on ?? !has;
  if (want === has) return state;
  const set = new Set(state.lineage.kinds);
  if (want) set.add(kind);
  else set.delete(kind);
  return { ...state, lineage: { ...state.lineage, kinds: EDGE_KINDS.filter((k) => set.has(k)) } };
}

/** "Compare with…": the next paper chosen is compared with the selection. Needs a selection. */
export function startPicking(state: ViewState): ViewState {
  if (state.selected === null || (state.picking && state.compareWith === null)) return state;
  return { ...state, picking: true, compareWith: null };
}

/** Compares the selection with `other` directly (e.g. from a link). */
export function compareWith(state: ViewState, other: string | null): ViewState {
  if (other === null || state.selected === null || other === state.selected) return endComparison(state);
  if (state.compareWith === other && !state.picking) return state;
  return { ...state, compareWith: other, picking: false };
}

/** "Clear comparison" (or Escape). */
export function endComparison(state: ViewState): ViewState {
  if (!state.picking && state.compareWith === null) return state;
  return { ...state, picking: false, compareWith: null };
}
