/**
 * What to read next, from a library marked in the graph (pure, over the lineage index):
 *
 * - **Not in your library**: the papers your library's papers cite or build on, within two steps,
 *   that are not in it. For each such paper P, `direct` counts the library papers of which P is an
 *   ancestor at depth 1 (cited directly), `indirect` those of which its shortest depth is 2. Ranked
 *   by `direct` (descending), then `indirect` (descending), then id (ascending, so ties are stable).
 * - **New since**: the descendants (any depth) of your library's papers published after a year,
 *   not in the library; ranked by how many of your papers they descend from (descending), then
 *   newest first (year, month), then id.
 *
 * Both follow the edge kinds given (the lineage's: builds on and cites by default).
 */
import { lineage } from '../graph/lineage/lineage';
import type { LineageIndex } from '../graph/lineage/adjacency';
import type { AtlasGraph } from '../graph/types';
import type { EdgeKind } from '../model';

export interface AncestorRank {
  node: string;
  /** Library papers that cite / build on it directly. */
  direct: number;
  /** Library papers two steps from it (and not one). */
  indirect: number;
}

export interface NewRank {
  node: string;
  /** Library papers it descends from. */
  from: number;
  year: number | null;
}

export function notInLibrary(
  graph: AtlasGraph,
  library: readonly string[],
  kinds: readonly EdgeKind[],
  index?: LineageIndex,
): AncestorRank[] {
  const mine = new Set(library.filter((n) => graph.hasNode(n)));
  const counts = new Map<string, AncestorRank>();
  for (const node of mine) {
    const l = lineage(graph, node, { depth: 2, kinds: [...kinds], ...(index ? { index } : {}) });
    for (const [a, depth] of l.ancestors) {
      if (mine.has(a)) continue;
      const r = counts.get(a) ?? { node: a, direct: 0, indirect: 0 };
      if (depth === 1) r.direct += 1;
      else r.indirect += 1;
      counts.set(a, r);
    }
  }
  return [...counts.values()].sort(
    (x, y) =>
      y.direct - x.direct || y.indirect - x.indirect || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0),
  );
}

export function newSince(
  graph: AtlasGraph,
  library: readonly string[],
  afterYear: number,
  kinds: readonly EdgeKind[],
  index?: LineageIndex,
): NewRank[] {
  const mine = new Set(library.filter((n) => graph.hasNode(n)));
  const counts = new Map<string, NewRank>();
  for (const node of mine) {
    const l = lineage(graph, node, { kinds: [...kinds], ...(index ? { index } : {}) });
    for (const d of l.descendants.keys()) {
      if (mine.has(d)) continue;
      const year = graph.getNodeAttribute(d, 'year');
      if (year === null || year <= afterYear) continue;
      const r = counts.get(d) ?? { node: d, from: 0, year };
      r.from += 1;
      counts.set(d, r);
    }
  }
  const month = (n: string) => graph.getNodeAttribute(n, 'month') ?? 0;
  return [...counts.values()].sort(
    (x, y) =>
      y.from - x.from ||
      (y.year ?? 0) - (x.year ?? 0) ||
      month(y.node) - month(x.node) ||
      (x.node < y.node ? -1 : x.node > y.node ? 1 : 0),
  );
}
