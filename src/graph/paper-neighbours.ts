/**
 * A paper's neighbours grouped by direction and edge kind, for the details panel.
 * Out-edges are what the paper cites / builds on (its references), in-edges what cites / builds on it.
 * Pure; computed once per selection or filter change.
 */
import { EDGE_KINDS, type EdgeKind, type Provenance } from '../model';
import type { Visibility } from './filters';
import type { AtlasGraph } from './types';

export type Direction = 'out' | 'in';

export interface NeighbourEntry {
  id: string;
  label: string;
  title: string;
  year: number | null;
  edge: string;
  kind: EdgeKind;
  kinds: EdgeKind[];
  provenance: Provenance[];
  surveyOnly: boolean;
  /**
   * Why the current filters hide it: the neighbour paper, or only the edge between two shown papers;
   * null when shown (or when only the selected paper itself is hidden).
   */
  hidden: 'paper' | 'edge' | null;
}

export interface NeighbourGroup {
  direction: Direction;
  kind: EdgeKind;
  /** Undirected links (a graph file's), listed with the out-edges whichever way they are stored. */
  undirected?: true;
  entries: NeighbourEntry[];
}

export interface PaperNeighbours {
  /** Groups of out-edges in kind order (builds-on, cites, compares, mentions), non-empty only. */
  out: NeighbourGroup[];
  /** Groups of in-edges in the same order. */
  in: NeighbourGroup[];
  outCount: number;
  inCount: number;
}

/** Heading of a group, e.g. "Builds on" / "Built upon by"; "Linked with" for undirected links. */
export function groupHeading(direction: Direction, kind: EdgeKind, undirected = false): string {
  if (undirected) return kind === 'links' ? 'Linked with' : `${groupHeading('out', kind)} (undirected)`;
  const headings: Record<EdgeKind, [string, string]> = {
    'builds-on': ['Builds on', 'Built upon by'],
    cites: ['Cites', 'Cited by'],
    compares: ['Compares with', 'Compared with by'],
    mentions: ['Mentions', 'Mentioned by'],
    links: ['Links to', 'Linked from'],
  };
  return headings[kind][direction === 'out' ? 0 : 1];
}

/**
 * Every neighbour of `node` (whatever the filters), grouped; with `visibility`, entries the filters hide
 * are marked, and listed after the shown ones. Within that, newest first, then by label.
 */
export function groupNeighbours(
  graph: AtlasGraph,
  node: string,
  visibility?: Visibility | null,
): PaperNeighbours {
  if (!graph.hasNode(node)) throw new Error(`groupNeighbours: no node "${node}" in the graph`);
  const buckets: Record<Direction, Map<EdgeKind, NeighbourEntry[]>> = { out: new Map(), in: new Map() };
  // undirected links by kind, with the out-edges
  const either = new Map<EdgeKind, NeighbourEntry[]>();
  const add = (direction: Direction, edge: string, other: string) => {
    const e = graph.getEdgeAttributes(edge);
    const n = graph.getNodeAttributes(other);
    let hidden: NeighbourEntry['hidden'] = null;
    if (visibility) {
      if (!visibility.nodes.has(other)) hidden = 'paper';
      // when the paper itself is hidden, every edge is: that is said once, not per neighbour
      else if (visibility.nodes.has(node) && !visibility.edges.has(edge)) hidden = 'edge';
    }
    const entry: NeighbourEntry = {
      id: other,
      label: n.label,
      title: n.title,
      year: n.year,
      edge,
      kind: e.kind,
      kinds: e.kinds,
      provenance: e.provenance,
      surveyOnly: e.surveyOnly,
      hidden,
    };
    const bucket = e.undirected ? either : buckets[direction];
    const list = bucket.get(e.kind);
    if (list) list.push(entry);
    else bucket.set(e.kind, [entry]);
  };
  graph.forEachOutEdge(node, (edge, _a, _s, target) => add('out', edge, target));
  graph.forEachInEdge(node, (edge, _a, source) => add('in', edge, source));

  const groups = (
    direction: Direction,
    bucket: Map<EdgeKind, NeighbourEntry[]>,
    undirected: boolean,
  ): NeighbourGroup[] =>
    EDGE_KINDS.flatMap((kind): NeighbourGroup[] => {
      const entries = bucket.get(kind);
      if (!entries) return [];
      entries.sort(
        (a, b) =>
          Number(a.hidden !== null) - Number(b.hidden !== null) ||
          (b.year ?? -Infinity) - (a.year ?? -Infinity) ||
          a.label.localeCompare(b.label) ||
          (a.id < b.id ? -1 : 1),
      );
      return [{ direction, kind, ...(undirected ? { undirected: true as const } : {}), entries }];
    });
  const out = [...groups('out', buckets.out, false), ...groups('out', either, true)];
  const inGroups = groups('in', buckets.in, false);
  const count = (gs: NeighbourGroup[]) => gs.reduce((n, g) => n + g.entries.length, 0);
  return { out, in: inGroups, outCount: count(out), inCount: count(inGroups) };
}
