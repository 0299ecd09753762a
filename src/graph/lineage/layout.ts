/**
 * A layered layout of a lineage DAG for the year-layered view: x is publication time (year + month;
 * an unknown month counts as mid-year), papers close in time share a column (layer), and the order
 * within each column comes from barycentre sweeps that reduce edge crossings. Deterministic: the same
 * input gives the same layout (ties keep the previous order; the first order is by time, then id).
 */

export interface LayoutNode {
  id: string;
  /** Position on the time axis in fractional years (`publicationTime`), or any other linear scale. */
  time: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayeredLayoutOptions {
  /** At most this many columns; papers are grouped by whole months per column (default 36). */
  maxLayers?: number;
  /** Barycentre sweeps, alternating left→right and right→left (default 6). */
  sweeps?: number;
}

export interface LayeredPosition {
  /** Publication time in fractional years. */
  time: number;
  layer: number;
  /** Row within the layer, 0-based, and the row centred on 0 (row - (size - 1) / 2). */
  row: number;
  y: number;
  /** The layer's time (its papers' mean time), shared by the whole column. */
  x: number;
}

export interface LayeredLayout {
  positions: Map<string, LayeredPosition>;
  /** Months per layer. */
  monthsPerLayer: number;
  layers: number;
  /** Papers in the fullest layer. */
  maxRows: number;
  /** [earliest, latest] publication time. */
  extent: [number, number];
}

/** Fractional year of a publication month: mid-month; null month → mid-year. */
export function publicationTime(year: number, month: number | null): number {
  if (month === null) return year + 0.5;
  if (!(month >= 1 && month <= 12))
    throw new Error(`publicationTime: month must be 1-12 or null, got ${month}`);
  return year + (month - 0.5) / 12;
}

export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options?: LayeredLayoutOptions,
): LayeredLayout {
  const maxLayers = options?.maxLayers ?? 36;
  const sweeps = options?.sweeps ?? 6;
  if (!Number.isInteger(maxLayers) || maxLayers < 1)
    throw new Error(`layeredLayout: maxLayers must be a positive integer, got ${maxLayers}`);
  if (!Number.isInteger(sweeps) || sweeps < 0)
    throw new Error(`layeredLayout: sweeps must be a whole number, got ${sweeps}`);
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new Error(`layeredLayout: duplicate node "${n.id}"`);
    if (!Number.isFinite(n.time))
      throw new Error(`layeredLayout: node "${n.id}" has no valid time (${String(n.time)})`);
    ids.add(n.id);
  }
  const positions = new Map<string, LayeredPosition>();
  if (nodes.length === 0) return { positions, monthsPerLayer: 1, layers: 0, maxRows: 0, extent: [0, 0] };

  const times = new Map(nodes.map((n) => [n.id, n.time]));
  const monthIndex = (t: number) => Math.floor(t * 12);
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times.values()) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const spanMonths = monthIndex(hi) - monthIndex(lo) + 1;
  const monthsPerLayer = Math.max(1, Math.ceil(spanMonths / maxLayers));
  const layerOf = (t: number) => Math.floor((monthIndex(t) - monthIndex(lo)) / monthsPerLayer);

  // columns, each first ordered by time then id
  const byLayer = new Map<number, string[]>();
  const sorted = [...nodes].sort(
    (a, b) => times.get(a.id)! - times.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const n of sorted) {
    const l = layerOf(times.get(n.id)!);
    const col = byLayer.get(l) ?? [];
    col.push(n.id);
    byLayer.set(l, col);
  }
  const layerKeys = [...byLayer.keys()].sort((a, b) => a - b);
  const columns = layerKeys.map((k) => byLayer.get(k)!);

  const neighbours = new Map<string, string[]>();
  for (const id of ids) neighbours.set(id, []);
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    neighbours.get(e.source)!.push(e.target);
    neighbours.get(e.target)!.push(e.source);
  }

  const y = new Map<string, number>();
  const place = (col: string[]) => col.forEach((id, i) => y.set(id, i - (col.length - 1) / 2));
  columns.forEach(place);
  const reorder = (col: string[]) => {
    const keyed = col.map((id, i) => {
      const ns = neighbours.get(id)!;
      const bary = ns.length > 0 ? ns.reduce((s, n) => s + y.get(n)!, 0) / ns.length : y.get(id)!;
      return { id, bary, i };
    });
    keyed.sort((a, b) => a.bary - b.bary || a.i - b.i);
    const next = keyed.map((k) => k.id);
    col.splice(0, col.length, ...next);
    place(col);
  };
  for (let s = 0; s < sweeps; s++) {
    if (s % 2 === 0) for (const col of columns) reorder(col);
    else for (let c = columns.length - 1; c >= 0; c--) reorder(columns[c]!);
  }

  let maxRows = 0;
  columns.forEach((col, c) => {
    maxRows = Math.max(maxRows, col.length);
    const x = col.reduce((s, id) => s + times.get(id)!, 0) / col.length;
    col.forEach((id, row) => positions.set(id, { time: times.get(id)!, layer: c, row, y: y.get(id)!, x }));
  });
  return { positions, monthsPerLayer, layers: columns.length, maxRows, extent: [lo, hi] };
}

/** Edge crossings between straight segments of a layout (edges within one layer are ignored). */
export function countCrossings(layout: LayeredLayout, edges: readonly LayoutEdge[]): number {
  const segs = edges
    .map((e) => [layout.positions.get(e.source), layout.positions.get(e.target)] as const)
    .filter(
      (p): p is readonly [LayeredPosition, LayeredPosition] => !!p[0] && !!p[1] && p[0].layer !== p[1].layer,
    )
    .map(([a, b]): [LayeredPosition, LayeredPosition] => (a.layer < b.layer ? [a, b] : [b, a]));
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const [a1, a2] = segs[i]!;
      const [b1, b2] = segs[j]!;
      // only segments spanning the same pair of layers can be compared exactly by row order
      if (a1.layer !== b1.layer || a2.layer !== b2.layer) continue;
      if ((a1.y - b1.y) * (a2.y - b2.y) < 0) n++;
    }
  }
  return n;
}
