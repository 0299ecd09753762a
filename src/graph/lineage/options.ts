/**
 * Options shared by the lineage algorithms (lineage.ts, lineage-reduction.ts, lineage-compare.ts):
 * which edges a walk may follow. An edge is followed when any of its `kinds` is chosen and the
 * optional `edgeFilter` accepts it (the explorer passes "visible under the filters").
 */
import { EDGE_KINDS } from '../../model/vocab';
import type { EdgeKind } from '../../model/edge';
import type { EdgeAttributes } from '../../model';
import type { AtlasGraph } from '../types';

export const DEFAULT_LINEAGE_KINDS: readonly EdgeKind[] = ['builds-on', 'cites'];

export interface EdgeChoice {
  /** Edge kinds followed (an edge is followed when any of its `kinds` is here). Default: builds-on, cites. */
  kinds?: readonly EdgeKind[];
  /** Further test on an edge key (e.g. visibility); default: every edge. */
  edgeFilter?: (edge: string) => boolean;
}

/** The options with defaults merged, checked. `fn` names the caller in errors. */
export function checkKinds(
  fn: string,
  options: EdgeChoice | undefined,
): { kinds: readonly EdgeKind[]; edgeFilter: ((edge: string) => boolean) | undefined } {
  const kinds = options?.kinds ?? DEFAULT_LINEAGE_KINDS;
  if (!Array.isArray(kinds)) throw new Error(`${fn}: kinds must be an array of edge kinds`);
  for (const k of kinds) {
    if (!(EDGE_KINDS as readonly string[]).includes(k)) {
      throw new Error(`${fn}: unknown edge kind "${String(k)}" (expected one of ${EDGE_KINDS.join(', ')})`);
    }
  }
  const filter = options?.edgeFilter;
  if (filter !== undefined && typeof filter !== 'function')
    throw new Error(`${fn}: edgeFilter must be a function`);
  return { kinds, edgeFilter: filter };
}

/** Checks the kinds and returns `(edge, attributes) → followed?`. `fn` names the caller in errors. */
export function edgeFollower(
  fn: string,
  options: EdgeChoice | undefined,
): (edge: string, attrs: EdgeAttributes) => boolean {
  const { kinds, edgeFilter: filter } = checkKinds(fn, options);
  const wanted = new Set<EdgeKind>(kinds);
  return (edge, attrs) => {
    if (!wanted.has(attrs.kind) && !attrs.kinds.some((k) => wanted.has(k))) return false;
    return filter ? filter(edge) : true;
  };
}

export function checkNode(fn: string, graph: AtlasGraph, node: string, what = 'node'): void {
  if (typeof node !== 'string' || !graph.hasNode(node))
    throw new Error(`${fn}: no ${what} "${String(node)}" in the graph`);
}
