/**
 * The timeline layout: x is the publication date, y a band per category of a colour-by dimension
 * (in the legend's order, the unlabelled papers last), each band a "beeswarm": every paper keeps
 * the x of its date and is placed at the free height nearest its band's middle, the largest papers
 * first, so no two discs overlap. Pure and deterministic: the same graph and options give the same
 * positions. Coordinates follow sigma's convention (y grows upwards): the first band is on top.
 */
import type { ColorBy, NodeAttributes } from '../model';
import { nodeCategory, UNKNOWN_CATEGORY, UNKNOWN_LABEL } from './categories';
import { compareIds } from './join';
import { blockedIntervals, swarm, type Item } from './timeline-swarm';
import type { AtlasGraph } from './types';

export interface TimelineCategory {
  id: string;
  label: string;
}

export interface TimelineOptions {
  /** The dimension whose categories make the bands. */
  dimension: ColorBy;
  /**
   * The bands, top to bottom (the legend's entries). Papers whose category is not listed go to the
   * unlabelled band: `UNKNOWN_CATEGORY` where the list has it, else one appended at the bottom.
   */
  categories: readonly TimelineCategory[];
  /** Width of the whole time span, in graph units (default 1000). */
  width?: number;
  /** First and last year shown (inclusive); defaults to the graph's range. */
  years?: [number, number] | null;
  /**
   * How wide each year is: `linear` (every year alike, the default) or `balanced` (a year with n
   * papers gets 1 + √n / 2 shares of the width, so busy years have room and quiet ones stay visible).
   * Either way x grows with the date.
   */
  yearScale?: 'linear' | 'balanced';
  /** A paper's disc radius in graph units (default: its `size` attribute). */
  radius?: (node: string, attributes: NodeAttributes) => number;
  /** Smallest clearance between two discs (default 1). */
  gap?: number;
  /** Space between two bands (default 16). */
  bandGap?: number;
  /** Smallest band height, so a band with few papers still has room for its label (default 36). */
  minBandHeight?: number;
  /** Space between a band's edge and its outermost disc (default 4). */
  bandPadding?: number;
  /**
   * Papers of one band published in the same month are spread evenly over this share of the
   * month (0: all at its middle; default 0.8). Papers without a month sit at mid-year.
   */
  monthSpread?: number;
}

export interface TimelineBand {
  id: string;
  label: string;
  /** Papers in the band. */
  count: number;
  /** Upper and lower edge (graph coordinates, `top > bottom`). */
  top: number;
  bottom: number;
}

export interface TimelineResult {
  positions: Map<string, { x: number; y: number }>;
  bands: TimelineBand[];
  firstYear: number;
  lastYear: number;
  /** The time axis: `yearStarts[i]` is the x where year `firstYear + i` begins; one more entry ends lastYear. */
  yearStarts: number[];
}

interface Resolved {
  width: number;
  years: [number, number] | null;
  yearScale: 'linear' | 'balanced';
  radius: (node: string, attributes: NodeAttributes) => number;
  gap: number;
  bandGap: number;
  minBandHeight: number;
  bandPadding: number;
  monthSpread: number;
}

function resolve(options: TimelineOptions): Resolved {
  const o: Resolved = {
    width: options.width ?? 1000,
    years: options.years ?? null,
    yearScale: options.yearScale ?? 'linear',
    radius: options.radius ?? ((_n, a) => a.size),
    gap: options.gap ?? 1,
    bandGap: options.bandGap ?? 16,
    minBandHeight: options.minBandHeight ?? 36,
    bandPadding: options.bandPadding ?? 4,
    monthSpread: options.monthSpread ?? 0.8,
  };
  const check = (ok: boolean, what: string, value: unknown) => {
    if (!ok) throw new Error(`timelineLayout: ${what}, got ${JSON.stringify(value)}`);
  };
  check(Number.isFinite(o.width) && o.width > 0, 'width must be a positive number', o.width);
  for (const k of ['gap', 'bandGap', 'minBandHeight', 'bandPadding'] as const) {
    check(Number.isFinite(o[k]) && o[k] >= 0, `${k} must be a non-negative number`, o[k]);
  }
  check(
    o.yearScale === 'linear' || o.yearScale === 'balanced',
    'yearScale must be "linear" or "balanced"',
    o.yearScale,
  );
  check(o.monthSpread >= 0 && o.monthSpread <= 1, 'monthSpread must be in [0, 1]', o.monthSpread);
  if (o.years) {
    const [a, b] = o.years;
    check(
      Number.isInteger(a) && Number.isInteger(b) && a <= b,
      'years must be two integers, first <= last',
      o.years,
    );
  }
  return o;
}

/** The x of the start of a month (the middle of the year without one) on the timeline's axis. */
export function timelineX(
  t: Pick<TimelineResult, 'firstYear' | 'yearStarts'>,
  year: number,
  month: number | null = null,
): number {
  const last = t.yearStarts.length - 1;
  const i = year - t.firstYear;
  if (i < 0) return t.yearStarts[0] ?? 0;
  if (i >= last) return t.yearStarts[last] ?? 0;
  const within = month === null ? 0.5 : (month - 1) / 12;
  const start = t.yearStarts[i]!;
  return start + within * (t.yearStarts[i + 1]! - start);
}

/** Year boundaries over `width`: equal shares, or shares of 1 + √papers / 2 (`balanced`). */
function yearStarts(
  firstYear: number,
  lastYear: number,
  width: number,
  scale: 'linear' | 'balanced',
  counts: Map<number, number>,
): number[] {
  const shares: number[] = [];
  for (let y = firstYear; y <= lastYear; y++)
    shares.push(scale === 'linear' ? 1 : 1 + Math.sqrt(counts.get(y) ?? 0) / 2);
  const total = shares.reduce((a, b) => a + b, 0);
  const starts = [0];
  let x = 0;
  for (const share of shares) {
    x += (share / total) * width;
    starts.push(x);
  }
  starts[starts.length - 1] = width;
  return starts;
}

/**
 * What the packing needs of the graph, in plain arrays (a worker can take them): the papers in the
 * graph's order, their years, months, bands and radii, and the bands (the unlabelled one appended
 * when a paper needs it and the list has none).
 */
export interface TimelineInput {
  nodes: string[];
  years: Int32Array;
  /** 1–12, or 0 for a paper without a month. */
  months: Uint8Array;
  /** Index into `bands`. */
  bandOf: Int32Array;
  radii: Float64Array;
  bands: TimelineCategory[];
}

/** The packing's input from the graph; checks years, radii and the category list. */
export function timelineInput(
  graph: AtlasGraph,
  options: Pick<TimelineOptions, 'dimension' | 'categories' | 'radius'>,
): TimelineInput {
  const radius = options.radius ?? ((_n: string, a: NodeAttributes) => a.size);
  const bands: TimelineCategory[] = [];
  const bandIndex = new Map<string, number>();
  for (const c of options.categories) {
    if (bandIndex.has(c.id)) throw new Error(`timelineLayout: category "${c.id}" is listed twice`);
    bandIndex.set(c.id, bands.length);
    bands.push({ id: c.id, label: c.label });
  }
  let unknownIndex = bandIndex.get(UNKNOWN_CATEGORY) ?? -1;
  const n = graph.order;
  const input: TimelineInput = {
    nodes: [],
    years: new Int32Array(n),
    months: new Uint8Array(n),
    bandOf: new Int32Array(n),
    radii: new Float64Array(n),
    bands,
  };
  graph.forEachNode((node, a) => {
    if (a.year === null || !Number.isInteger(a.year))
      throw new Error(`timelineLayout: node "${node}" has no integer year`);
    const i = input.nodes.length;
    input.nodes.push(node);
    input.years[i] = a.year;
    input.months[i] = a.month ?? 0;
    let band = bandIndex.get(nodeCategory(a, options.dimension));
    if (band === undefined) {
      if (unknownIndex < 0) {
        unknownIndex = bands.length;
        bands.push({ id: UNKNOWN_CATEGORY, label: UNKNOWN_LABEL });
      }
      band = unknownIndex;
    }
    input.bandOf[i] = band;
    const r = radius(node, a);
    if (!(Number.isFinite(r) && r >= 0))
      throw new Error(`timelineLayout: radius of node "${node}" must be a non-negative number, got ${r}`);
    input.radii[i] = r;
  });
  return input;
}

export type TimelinePackOptions = Omit<TimelineOptions, 'dimension' | 'categories' | 'radius'>;

/**
 * Positions the input's papers on the timeline; see the module comment. `onProgress(done, total)`
 * is called as papers are placed (every 1024 of them, and at the end).
 */
export function timelinePack(
  input: TimelineInput,
  options: TimelinePackOptions,
  onProgress?: (done: number, total: number) => void,
): TimelineResult {
  const o = resolve({ ...options, dimension: '', categories: [] });
  const n = input.nodes.length;
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (let i = 0; i < n; i++) {
    firstYear = Math.min(firstYear, input.years[i]!);
    lastYear = Math.max(lastYear, input.years[i]!);
  }
  if (o.years) [firstYear, lastYear] = o.years;
  if (!Number.isFinite(firstYear)) [firstYear, lastYear] = [0, 0];
  const clampYear = (y: number) => Math.min(lastYear, Math.max(firstYear, y));
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++)
    counts.set(clampYear(input.years[i]!), (counts.get(clampYear(input.years[i]!)) ?? 0) + 1);
  const axis = { firstYear, yearStarts: yearStarts(firstYear, lastYear, o.width, o.yearScale, counts) };
  const members: Item[][] = input.bands.map(() => []);

  // papers grouped by band and month slot, to spread each slot evenly over its month
  const slots = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = `${input.bandOf[i]}\u0000${clampYear(input.years[i]!)}\u0000${input.months[i] || 'mid'}`;
    const slot = slots.get(key);
    if (slot) slot.push(i);
    else slots.set(key, [i]);
  }
  for (const [key, papers] of slots) {
    const [band, year] = key.split('\u0000').map(Number) as [number, number];
    const month = input.months[papers[0]!]! || null;
    const slotWidth = (axis.yearStarts[year - firstYear + 1]! - axis.yearStarts[year - firstYear]!) / 12;
    const middle = timelineX(axis, year, month) + (month === null ? 0 : slotWidth / 2);
    papers.sort((p, q) => compareIds(input.nodes[p]!, input.nodes[q]!));
    papers.forEach((p, i) => {
      const t = (i + 0.5) / papers.length - 0.5;
      members[band]!.push({
        i: p,
        node: input.nodes[p]!,
        x: middle + t * o.monthSpread * slotWidth,
        r: input.radii[p]!,
        dy: 0,
      });
    });
  }

  let done = 0;
  const progress = () => {
    done++;
    if ((done & 1023) === 0) onProgress?.(done, n);
  };
  const blocked = blockedIntervals();
  const positions = new Map<string, { x: number; y: number }>();
  const bands: TimelineBand[] = [];
  let top = 0;
  input.bands.forEach((def, b) => {
    const items = members[b]!;
    swarm(items, o.gap, blocked, progress);
    const extent = items.reduce((m, it) => Math.max(m, Math.abs(it.dy) + it.r), 0);
    const height = Math.max(o.minBandHeight, 2 * (extent + o.bandPadding));
    const middle = top - height / 2;
    for (const it of items) positions.set(it.node, { x: it.x, y: middle + it.dy });
    bands.push({ id: def.id, label: def.label, count: items.length, top, bottom: top - height });
    top -= height + o.bandGap;
  });
  onProgress?.(n, n);
  return { positions, bands, firstYear, lastYear, yearStarts: axis.yearStarts };
}

/** Positions every paper of the graph on the timeline; see the module comment. */
export function timelineLayout(graph: AtlasGraph, options: TimelineOptions): TimelineResult {
  resolve(options); // bad options first, as before the graph is read
  return timelinePack(timelineInput(graph, options), options);
}
