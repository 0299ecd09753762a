/**
 * The initial layout the explorer opens on: seeded start positions (communities placed apart, so
 * few iterations suffice) refined by a fixed number of synchronous ForceAtlas2 iterations.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { Rng } from '../random';
import { createRng } from '../random';
import type { NodeAttributes } from '../../model/graph-file';
import { compareIds } from '../join';
import type { AtlasGraph } from '../types';

export interface LayoutOptions {
  /** Random source for start positions; defaults to a generator seeded with 1. */
  rng?: Rng;
  /** ForceAtlas2 iterations; defaults to `defaultIterations(graph.order)`. */
  iterations?: number;
  /** Overrides of the settings inferred from the graph. */
  settings?: ForceAtlas2Settings;
  /** Decimals positions are rounded to, so the output text is stable. */
  decimals?: number;
  /**
   * Put papers without any edge, and detached groups of a few papers, on a ring just outside the
   * others, in id order, instead of where ForceAtlas2's repulsion pushes them (far away, shrinking
   * the graph on screen).
   */
  ringIsolated?: boolean;
}

interface ResolvedLayoutOptions {
  rng: Rng;
  iterations: number;
  settings: ForceAtlas2Settings;
  decimals: number;
  ringIsolated: boolean;
}

/**
 * Iterations by graph size. Exact repulsion costs n² per iteration and Barnes-Hut (used above 500
 * nodes) about n log n with a large constant, so big graphs get few: their start positions already
 * separate the communities, and the explorer can refine the layout on demand.
 */
export function defaultIterations(order: number): number {
  if (order <= 500) return 300;
  if (order <= 2_000) return 100;
  if (order <= 5_000) return 60;
  if (order <= 20_000) return 40;
  if (order <= 50_000) return 12;
  return 2;
}

function resolveOptions(graph: AtlasGraph, options: LayoutOptions | undefined): ResolvedLayoutOptions {
  const o: ResolvedLayoutOptions = {
    rng: options?.rng ?? createRng(1),
    iterations: options?.iterations ?? defaultIterations(graph.order),
    settings: {
      ...forceAtlas2.inferSettings(Math.max(graph.order, 1)),
      barnesHutOptimize: graph.order > 500,
      barnesHutTheta: 1,
      ...options?.settings,
    },
    decimals: options?.decimals ?? 2,
    ringIsolated: options?.ringIsolated ?? true,
  };
  if (typeof o.rng !== 'function') throw new Error('layout: rng must be a function');
  if (!Number.isInteger(o.iterations) || o.iterations < 0) {
    throw new Error(`layout: iterations must be a non-negative integer, got ${o.iterations}`);
  }
  if (!Number.isInteger(o.decimals) || o.decimals < 0 || o.decimals > 8) {
    throw new Error(`layout: decimals must be an integer in [0, 8], got ${o.decimals}`);
  }
  return o;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

interface Disc {
  x: number;
  y: number;
  r: number;
}

/** Communities up to which their discs are laid out with exact forces and all the iterations asked. */
export const QUOTIENT_EXACT_MAX = 2_000;

/**
 * Community centres: one disc per community (area ∝ size) laid out by ForceAtlas2 on the quotient
 * graph (edge weight = edges between two communities), with overlap prevention. Deterministic:
 * the discs start on a golden-angle spiral, largest first.
 */
export function communityDiscs(graph: AtlasGraph, iterations = 200): Map<number, Disc> {
  const sizes = new Map<number, number>();
  graph.forEachNode((_n, a) => sizes.set(a.community, (sizes.get(a.community) ?? 0) + 1));
  const ids = [...sizes.keys()].sort((a, b) => a - b);
  const q = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let area = 0;
  ids.forEach((c, k) => {
    const size = sizes.get(c) as number;
    const r = 10 * Math.sqrt(size);
    const dist = k === 0 ? 0 : 10 * Math.sqrt(area) + r;
    q.addNode(String(c), {
      x: dist * Math.cos(k * GOLDEN_ANGLE),
      y: dist * Math.sin(k * GOLDEN_ANGLE),
      size: r,
    });
    area += size;
  });
  if (q.order > 1) {
    const n = (ids[ids.length - 1] as number) + 1;
    const weights = new Map<number, number>();
    graph.forEachEdge((_e, _a, _s, _t, sa, ta) => {
      const [lo, hi] =
        sa.community < ta.community ? [sa.community, ta.community] : [ta.community, sa.community];
      if (lo !== hi) weights.set(lo * n + hi, (weights.get(lo * n + hi) ?? 0) + 1);
    });
    for (const [key, weight] of [...weights.entries()].sort((a, b) => a[0] - b[0])) {
      q.addEdge(String(Math.floor(key / n)), String(key % n), { weight });
    }
    // a field with many papers outside any link has as many communities: exact forces are
    // quadratic in them (10⁵ singletons would take hours), so Barnes–Hut and the iterations the
    // papers' own layout gets at that size (defaultIterations) take over there
    const big = q.order > QUOTIENT_EXACT_MAX;
    const settings = { ...forceAtlas2.inferSettings(q), adjustSizes: true, barnesHutOptimize: big };
    forceAtlas2.assign(q, {
      iterations: big ? Math.min(iterations, defaultIterations(q.order)) : iterations,
      settings,
      getEdgeWeight: 'weight',
    });
  }
  const out = new Map<number, Disc>();
  q.forEachNode((c, a) => out.set(Number(c), { x: a.x as number, y: a.y as number, r: a.size as number }));
  return out;
}

/** Seeded start positions: each paper uniformly in its community's disc. */
export function startPositions(graph: AtlasGraph, rng: Rng): Map<string, { x: number; y: number }> {
  const discs = communityDiscs(graph);
  const out = new Map<string, { x: number; y: number }>();
  graph.forEachNode((n, a) => {
    const c = discs.get(a.community) as Disc;
    const rho = c.r * Math.sqrt(rng());
    const theta = 2 * Math.PI * rng();
    out.set(n, { x: c.x + rho * Math.cos(theta), y: c.y + rho * Math.sin(theta) });
  });
  return out;
}

/** Largest group of papers a detached component may have to go on the ring. */
export const RING_COMPONENT_MAX = 4;

/** Weakly connected components as lists of keys, each sorted by id, in order of their first key. */
function components(graph: AtlasGraph): string[][] {
  const parent = new Map<string, string>();
  const find = (n: string): string => {
    let root = n;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    for (let m = n; m !== root;) {
      const next = parent.get(m) as string;
      parent.set(m, root);
      m = next;
    }
    return root;
  };
  graph.forEachNode((n) => parent.set(n, n));
  graph.forEachEdge((_e, _a, s, t) => {
    const a = find(s);
    const b = find(t);
    if (a !== b) parent.set(a, b);
  });
  const groups = new Map<string, string[]>();
  graph.forEachNode((n) => {
    const root = find(n);
    const group = groups.get(root);
    if (group) group.push(n);
    else groups.set(root, [n]);
  });
  return [...groups.values()].map((g) => g.sort(compareIds)).sort((a, b) => compareIds(a[0]!, b[0]!));
}

/**
 * Moves papers without edges, and detached groups of at most `RING_COMPONENT_MAX` papers, onto a
 * ring 15% outside the other papers (the 95th percentile of their distances to their centroid),
 * evenly spaced in id order; a group keeps its shape around its slot. ForceAtlas2 would push them
 * far away and shrink the graph on screen. Nothing moves when there is no such paper or nothing else.
 */
export function ringIsolated(graph: AtlasGraph, decimals = 2): void {
  const groups = components(graph);
  const ringed = groups.filter((g) => g.length <= RING_COMPONENT_MAX && g.length < graph.order);
  const onRing = new Set(ringed.flat());
  if (ringed.length === 0 || onRing.size === graph.order) return;
  let cx = 0;
  let cy = 0;
  graph.forEachNode((n, a) => {
    if (onRing.has(n)) return;
    cx += a.x;
    cy += a.y;
  });
  const rest = graph.order - onRing.size;
  cx /= rest;
  cy /= rest;
  // the 95th percentile, so one far-flung group does not blow the ring up
  const dist: number[] = [];
  graph.forEachNode((n, a) => {
    if (!onRing.has(n)) dist.push(Math.hypot(a.x - cx, a.y - cy));
  });
  dist.sort((a, b) => a - b);
  const r = dist[Math.min(dist.length - 1, Math.floor(0.95 * dist.length))] as number;
  const radius = 1.15 * r + 10;
  ringed.forEach((group, k) => {
    const angle = (2 * Math.PI * k) / ringed.length;
    let gx = 0;
    let gy = 0;
    for (const n of group) {
      gx += graph.getNodeAttribute(n, 'x') / group.length;
      gy += graph.getNodeAttribute(n, 'y') / group.length;
    }
    for (const n of group) {
      const a = graph.getNodeAttributes(n);
      graph.mergeNodeAttributes(n, {
        x: round(cx + radius * Math.cos(angle) + (a.x - gx), decimals),
        y: round(cy + radius * Math.sin(angle) + (a.y - gy), decimals),
      });
    }
  });
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Writes seeded start positions into `x`, `y`, then runs ForceAtlas2 in place and rounds the result.
 * Reads the `community` attribute (assign metrics first). Returns the number of iterations run.
 */
export function assignLayout(graph: AtlasGraph, options?: LayoutOptions): number {
  const o = resolveOptions(graph, options);
  const start = startPositions(graph, o.rng);
  const decimals = o.decimals;
  const roundAttributes = (_n: string, a: NodeAttributes): NodeAttributes => {
    a.x = round(a.x, decimals);
    a.y = round(a.y, decimals);
    return a;
  };
  graph.updateEachNodeAttributes(
    (n, a) => {
      const p = start.get(n) as { x: number; y: number };
      a.x = p.x;
      a.y = p.y;
      return a;
    },
    { attributes: ['x', 'y'] },
  );
  if (o.iterations > 0 && graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: o.iterations,
      settings: o.settings,
      getEdgeWeight: null,
      outputReducer: roundAttributes,
    });
  } else {
    graph.updateEachNodeAttributes(roundAttributes, { attributes: ['x', 'y'] });
  }
  if (o.ringIsolated) ringIsolated(graph, decimals);
  return o.iterations;
}
