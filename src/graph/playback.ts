/**
 * Playback over time: papers appear at their month, links once both their ends exist.
 *
 * Dates are month indices (`year * 12 + month - 1`), so a playhead compares with one number. A paper
 * without a month appears at mid-year (July), where the timeline layout puts it (`timelineX`); a
 * paper without a year has no date and stays hidden while playing.
 *
 * `playbackOrder` sorts the papers and links by the month they appear once per graph; a playhead
 * is then a threshold on that order, so `visibilityAt` only walks the prefix before it.
 */
import type { NodeAttributes } from '../model';
import type { Playhead } from '../state/types';
import type { Visibility } from './filters';
import { runSteps, STEP_ITEMS, type Steps } from './steps';
import type { AtlasGraph } from './types';

/** The month index of a playhead: `year * 12 + month - 1`. */
export function monthIndex(p: Playhead): number {
  return p.year * 12 + (p.month - 1);
}

/** The playhead of a month index (the inverse of `monthIndex`). */
export function fromMonthIndex(index: number): Playhead {
  const i = Math.floor(index);
  return { year: Math.floor(i / 12), month: (((i % 12) + 12) % 12) + 1 };
}

/** The month a paper appears: its own, or July of its year without one; null without a year. */
export function paperMonth(a: Pick<NodeAttributes, 'year' | 'month'>): number | null {
  if (a.year === null) return null;
  return a.year * 12 + (a.month === null ? 6 : a.month - 1);
}

export interface PlaybackOrder {
  /** Dated papers, earliest first (ties in the graph's order). */
  nodes: string[];
  /** `nodeMonths[i]`: the month `nodes[i]` appears. */
  nodeMonths: number[];
  /** Links between two dated papers, by the month both ends exist (the later end's). */
  edges: string[];
  edgeMonths: number[];
}

function sortByMonth(items: Array<{ key: string; month: number; at: number }>): {
  keys: string[];
  months: number[];
} {
  items.sort((a, b) => a.month - b.month || a.at - b.at);
  return { keys: items.map((i) => i.key), months: items.map((i) => i.month) };
}

export function playbackOrder(graph: AtlasGraph): PlaybackOrder {
  const months = new Map<string, number>();
  const nodes: Array<{ key: string; month: number; at: number }> = [];
  graph.forEachNode((node, a) => {
    const m = paperMonth(a);
    if (m === null) return;
    months.set(node, m);
    nodes.push({ key: node, month: m, at: nodes.length });
  });
  const edges: Array<{ key: string; month: number; at: number }> = [];
  graph.forEachEdge((edge, _a, source, target) => {
    const s = months.get(source);
    const t = months.get(target);
    if (s === undefined || t === undefined) return;
    edges.push({ key: edge, month: Math.max(s, t), at: edges.length });
  });
  const n = sortByMonth(nodes);
  const e = sortByMonth(edges);
  return { nodes: n.keys, nodeMonths: n.months, edges: e.keys, edgeMonths: e.months };
}

/**
 * The months of the dated papers, earliest first: `playbackOrder(graph).nodeMonths`, without
 * ordering the papers and their links (what a sweep's range needs, see `sweepRange`).
 */
export function datedMonths(graph: AtlasGraph): number[] {
  return runSteps(datedMonthsSteps(graph));
}

/** `datedMonths` in steps of STEP_ITEMS papers (the sort, a native one of 10⁵ numbers, in one). */
export function* datedMonthsSteps(graph: AtlasGraph): Steps<number[]> {
  const months = new Int32Array(graph.order);
  let n = 0;
  let done = 0;
  for (const { attributes: a } of graph.nodeEntries()) {
    if (++done % STEP_ITEMS === 0) yield;
    const m = paperMonth(a);
    if (m !== null) months[n++] = m;
  }
  yield;
  return Array.from(months.subarray(0, n).sort());
}

/** How many of the sorted `months` are ≤ `month` (binary search). */
export function countUpTo(months: readonly number[], month: number): number {
  let lo = 0;
  let hi = months.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (months[mid]! <= month) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What `base` (the other filters' visibility, without a minimum degree) shows at `playhead`: its
 * papers dated up to the playhead's month and its links between them. Walks only the order's prefix.
 */
export function visibilityAt(base: Visibility, order: PlaybackOrder, playhead: Playhead): Visibility {
  const month = monthIndex(playhead);
  const nodes = new Set<string>();
  const nodeCount = countUpTo(order.nodeMonths, month);
  for (let i = 0; i < nodeCount; i++) {
    const node = order.nodes[i]!;
    if (base.nodes.has(node)) nodes.add(node);
  }
  const edges = new Set<string>();
  const edgeCount = countUpTo(order.edgeMonths, month);
  for (let i = 0; i < edgeCount; i++) {
    const edge = order.edges[i]!;
    if (base.edges.has(edge)) edges.add(edge);
  }
  return { nodes, edges };
}

/**
 * The months a sweep covers: the first paper's to the last's (of every dated paper, so filtering a
 * category does not move the time axis), within the year filter's years when one is set; null when
 * nothing is dated there.
 */
export function sweepRange(
  order: Pick<PlaybackOrder, 'nodeMonths'>,
  years: readonly [number, number] | null,
): [number, number] | null {
  const months = order.nodeMonths;
  if (months.length === 0) return null;
  let first = months[0]!;
  let last = months[months.length - 1]!;
  if (years) {
    first = Math.max(first, years[0] * 12);
    last = Math.min(last, years[1] * 12 + 11);
    // the first and last dated paper inside the years
    const from = countUpTo(months, first - 1);
    const to = countUpTo(months, last) - 1;
    if (to < from) return null;
    first = months[from]!;
    last = months[to]!;
  }
  return [first, last];
}
