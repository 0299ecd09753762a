/**
 * A graph file made elsewhere, as the explorer's graph: its nodes become papers that have only a
 * label (and a year when the file gives every node one), its categorical attributes become taxonomy
 * dimensions (colour and filter), its numeric attributes size measures, and all its attributes stay
 * on the node for the details. A list attribute (GEXF `liststring`, a declared GraphML list, JSON
 * arrays) is a dimension whose categories are its items: a node is in each of its items'
 * categories, as a paper is in each of its tasks; the details show the items joined by "; ". Metrics, communities, the layout (when the file has no positions) and
 * the visuals are computed as the build computes them. Pure and seeded: the same file gives the same
 * graph.
 */
import Graph from 'graphology';
import { interpolateSinebow } from 'd3';
import {
  EDGE_KINDS,
  SIZE_BY,
  type Category,
  type Dimension,
  type EdgeAttributes,
  type EdgeKind,
  type GraphMeta,
  type NodeAttributes,
  type Taxonomy,
} from '../model';
import { OWN_FIELD_DIMENSIONS } from '../graph/categories';
import { assignLayout } from '../graph/build/layout';
import { buildMeta } from '../graph/meta';
import { assignMetrics } from '../graph/build/metrics';
import { checkInt, mergeOptions } from '../graph/clusters/options';
import { createRng } from '../graph/random';
import type { AtlasGraph, LoadedGraph } from '../graph/types';
import { assignVisuals, communityColors, COMMUNITY_PALETTE, toHex } from '../graph/build/visuals';
import { LIST_SEPARATOR } from './lists';
import type { ForeignAttribute, ForeignGraph, ForeignNode, ForeignValue } from './types';

export interface ConvertOptions {
  /** Seed of Louvain and of the layout's start positions. */
  seed: number;
  /** An attribute with more distinct values than this is not a category (it is shown in the details only). */
  maxCategories: number;
  /** Smallest and largest node size in pixels of the file's own measures (as the build's). */
  minSize: number;
  maxSize: number;
}

export const DEFAULT_CONVERT_OPTIONS: ConvertOptions = {
  seed: 42,
  maxCategories: 40,
  minSize: 3,
  maxSize: 18,
};

/** The neutral colour of nodes without a value in a dimension. */
const UNKNOWN_COLOR = '#b8bcc2';

/** Attribute names (lowercase) a node's label is read from when the format has no label of its own. */
const LABEL_NAMES = ['label', 'name', 'title'];
/** Attribute names (lowercase) a node's year is read from. */
const YEAR_NAMES = ['year', 'date', 'published', 'publication_year', 'pubyear'];
/** Attributes that place or paint a node rather than describe it. */
const DRAWING_NAMES = new Set(['x', 'y', 'z', 'size', 'color', 'colour', 'r', 'g', 'b']);

/** A lowercase slug ("Modularity Class" → "modularity-class"); "attribute" when nothing is left. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'attribute';
}

/** A slug not yet in `taken` (then added to it): "venue", "venue-2", … */
function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slug(name);
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** `n` distinguishable colours: Paul Tol's muted scheme when it has enough, else evenly spaced hues. */
export function categoricalColors(n: number): string[] {
  if (n <= COMMUNITY_PALETTE.length) return COMMUNITY_PALETTE.slice(0, n);
  return Array.from({ length: n }, (_, i) => toHex(interpolateSinebow(i / n)));
}

/** A node's year and month from a year-like value: 2019, "2019", "2019-05-17". */
export function yearOf(v: ForeignValue | undefined): { year: number; month: number | null } | null {
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= 1900 && v <= 2100 ? { year: v, month: null } : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:\D|$))?/.exec(v);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] !== undefined ? Number(m[2]) : null;
  if (year < 1900 || year > 2100) return null;
  return { year, month: month !== null && month >= 1 && month <= 12 ? month : null };
}

function findByName(attrs: readonly ForeignAttribute[], names: readonly string[]): ForeignAttribute[] {
  return names.flatMap((n) => attrs.filter((a) => a.name.toLowerCase() === n));
}

/** The attribute every node takes its year from, if one gives every node a year. */
function yearAttribute(g: ForeignGraph): string | null {
  for (const a of findByName(g.nodeAttributes, YEAR_NAMES)) {
    if (g.nodes.every((n) => yearOf(n.attributes[a.name]) !== null)) return a.name;
  }
  return null;
}

/** The attribute labels are read from, when the format gives no label of its own. */
function labelAttribute(g: ForeignGraph): string | null {
  const found = findByName(
    g.nodeAttributes.filter((a) => a.type === 'string' && !a.list),
    LABEL_NAMES,
  );
  return found[0]?.name ?? null;
}

/** A value's category texts: a list's items, else the value as text; trimmed, empty ones dropped. */
function valueTexts(v: ForeignValue | undefined): string[] {
  if (v === undefined) return [];
  const texts = Array.isArray(v) ? v.map((item) => item.trim()) : [String(v).trim()];
  return [...new Set(texts.filter((t) => t !== ''))];
}

/** The node's attributes as the details show them: a list's items joined by "; ". */
function shownAttributes(
  attributes: Record<string, ForeignValue>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, v] of Object.entries(attributes)) {
    const shown = Array.isArray(v) ? v.join(LIST_SEPARATOR) : v;
    if (name === '__proto__')
      Object.defineProperty(out, name, {
        value: shown,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[name] = shown;
  }
  return out;
}

function nodeLabel(n: ForeignNode, labelAttr: string | null): string {
  if (n.label !== undefined && n.label.trim() !== '') return n.label.trim();
  const v = labelAttr !== null ? n.attributes[labelAttr] : undefined;
  if (v !== undefined && String(v).trim() !== '') return String(v).trim();
  return n.key;
}

interface CategoricalPlan {
  attribute: string;
  dimension: Dimension;
  /** Value text → category id. */
  ids: Map<string, string>;
}

/** Names of integer attributes that number groups rather than measure something (Gephi's `modularity_class`). */
const GROUP_NAME = /class|cluster|communit|group|partition|component|categor|type|kind/i;

/**
 * A categorical dimension of an attribute: strings and booleans, and integers named like groups,
 * when between 2 and `maxCategories` distinct values occur and they repeat; a list's values are its
 * items. Categories ordered by count.
 */
function categorical(
  g: ForeignGraph,
  attr: ForeignAttribute,
  id: string,
  o: ConvertOptions,
): CategoricalPlan | null {
  if (attr.type === 'float' || (attr.type === 'integer' && !GROUP_NAME.test(attr.name))) return null;
  const counts = new Map<string, number>();
  let valued = 0;
  for (const n of g.nodes) {
    for (const text of valueTexts(n.attributes[attr.name])) {
      valued += 1;
      counts.set(text, (counts.get(text) ?? 0) + 1);
      if (counts.size > o.maxCategories) return null;
    }
  }
  if (counts.size < 2 || counts.size === valued) return null; // one value, or each value once: no grouping
  const values = [...counts].sort((a, b) => b[1] - a[1] || compareValues(a[0], b[0])).map(([v]) => v);
  const colors = categoricalColors(values.length);
  // ids are slugs, as a taxonomy's are (they go into links: `f.club=officer`); labels keep the text
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const categories: Category[] = values.map((v, i) => {
    const id = uniqueSlug(v, taken);
    ids.set(v, id);
    return { id, label: v, color: colors[i]! };
  });
  return { attribute: attr.name, dimension: { id, label: attr.name, categories }, ids };
}

function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's own node colours as a dimension ("Colour in file"), when it gives some and few enough. */
function fileColors(g: ForeignGraph, id: string, o: ConvertOptions): CategoricalPlan | null {
  const counts = new Map<string, number>();
  for (const n of g.nodes) if (n.color !== undefined) counts.set(n.color, (counts.get(n.color) ?? 0) + 1);
  if (counts.size === 0 || counts.size > o.maxCategories) return null;
  const categories = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c]): Category => ({ id: c.slice(1), label: c, color: c }));
  return {
    attribute: '',
    dimension: { id, label: 'Colour in file', categories },
    ids: new Map(categories.map((c) => [c.label, c.id])),
  };
}

interface MeasurePlan {
  id: string;
  label: string;
  value: (n: ForeignNode) => number | undefined;
}

/** Numeric attributes (and the file's node sizes) with at least two distinct finite values, but `skip` (the year's). */
function measures(g: ForeignGraph, taken: Set<string>, skip: string | null): MeasurePlan[] {
  const plans: MeasurePlan[] = [];
  const varies = (value: (n: ForeignNode) => number | undefined) => {
    let first: number | undefined;
    for (const n of g.nodes) {
      const v = value(n);
      if (v === undefined || !Number.isFinite(v)) continue;
      if (first === undefined) first = v;
      else if (v !== first) return true;
    }
    return false;
  };
  const sizeOf = (n: ForeignNode) => n.size;
  if (varies(sizeOf))
    plans.push({ id: uniqueSlug('size-in-file', taken), label: 'Size in file', value: sizeOf });
  for (const attr of g.nodeAttributes) {
    if (attr.type !== 'integer' && attr.type !== 'float') continue;
    if (DRAWING_NAMES.has(attr.name.toLowerCase()) || attr.name === skip) continue;
    const value = (n: ForeignNode) => {
      const v = n.attributes[attr.name];
      return typeof v === 'number' ? v : undefined;
    };
    if (varies(value)) plans.push({ id: uniqueSlug(attr.name, taken), label: attr.name, value });
  }
  return plans;
}

/** The kind of a file's edge: its label or kind when it names one of ours ("cites"), else `links`. */
function edgeKind(label: string | undefined, attributes: Record<string, ForeignValue>): EdgeKind {
  const candidates = [label, attributes.kind, attributes.type, attributes.relation];
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const k = c.trim().toLowerCase();
    if ((EDGE_KINDS as readonly string[]).includes(k)) return k as EdgeKind;
  }
  return 'links';
}

/** The explorer's graph and metadata for a graph file; see the module comment. */
export function convertForeignGraph(g: ForeignGraph, options?: Partial<ConvertOptions>): LoadedGraph {
  const fn = 'convertForeignGraph';
  const o = mergeOptions(fn, DEFAULT_CONVERT_OPTIONS, options);
  checkInt(fn, 'seed', o.seed, 0);
  checkInt(fn, 'maxCategories', o.maxCategories, 2);
  if (!(o.minSize > 0 && o.maxSize >= o.minSize))
    throw new Error(`${fn}: need 0 < minSize <= maxSize, got ${o.minSize}, ${o.maxSize}`);

  const labelAttr = labelAttribute(g);
  const yearAttr = yearAttribute(g);

  // dimensions: the file's colours first (what its author saw), then each categorical attribute
  const dimIds = new Set<string>(['year', 'community', ...OWN_FIELD_DIMENSIONS]);
  const plans: CategoricalPlan[] = [];
  const colorPlan = fileColors(g, 'color-in-file', o);
  if (colorPlan) {
    dimIds.add(colorPlan.dimension.id);
    plans.push(colorPlan);
  }
  for (const attr of g.nodeAttributes) {
    if (attr.name === labelAttr || DRAWING_NAMES.has(attr.name.toLowerCase())) continue;
    const plan = categorical(g, attr, slug(attr.name), o);
    if (!plan) continue;
    plan.dimension.id = uniqueSlug(attr.name, dimIds);
    plans.push(plan);
  }
  const taxonomy: Taxonomy = {
    source: `Attributes of ${g.file}`,
    unknownColor: UNKNOWN_COLOR,
    dimensions: plans.map((p) => p.dimension),
  };
  const measurePlans = measures(g, new Set<string>(SIZE_BY), yearAttr);

  const graph: AtlasGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const positioned = g.nodes.length > 0 && g.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y));
  for (const n of g.nodes) {
    const label = nodeLabel(n, labelAttr);
    const when = yearAttr !== null ? yearOf(n.attributes[yearAttr]) : null;
    const dimensions: Record<string, string[]> = {};
    for (const p of plans) {
      const texts = p.attribute === '' ? valueTexts(n.color) : valueTexts(n.attributes[p.attribute]);
      const ids = texts.map((t) => p.ids.get(t)).filter((id): id is string => id !== undefined);
      if (ids.length > 0) dimensions[p.dimension.id] = ids;
    }
    const attrs: NodeAttributes = {
      id: n.key,
      title: label,
      name: null,
      label,
      authors: [],
      year: when?.year ?? null,
      month: when?.month ?? null,
      venue: null,
      venueYear: null,
      arxiv: null,
      links: {},
      taxonomy: {},
      dimensions,
      attributes: shownAttributes(n.attributes),
      x: positioned ? n.x! : 0,
      y: positioned ? n.y! : 0,
      citations: 0,
      pagerank: 0,
      community: 0,
      colors: {},
      sizes: {},
      color: UNKNOWN_COLOR,
      size: 1,
    };
    graph.addNode(n.key, attrs);
  }
  for (const e of g.edges) {
    if (e.source === e.target || graph.hasEdge(e.source, e.target)) continue;
    // an undirected link joins the pair once, whichever way the file wrote it
    if (!e.directed && graph.hasEdge(e.target, e.source)) continue;
    const kind = edgeKind(e.label, e.attributes);
    const attrs: EdgeAttributes = {
      kind,
      kinds: [kind],
      provenance: [{ source: 'file', file: g.file, format: g.format }],
      surveyOnly: false,
      ...(e.directed ? {} : { undirected: true as const }),
      ...(e.weight !== undefined && Number.isFinite(e.weight) ? { weight: e.weight } : {}),
    };
    graph.addDirectedEdgeWithKey(`${e.source}->${e.target}`, e.source, e.target, attrs);
  }

  const summary = assignMetrics(graph, { rng: createRng(o.seed) });
  const communities = communityColors(summary, UNKNOWN_COLOR);
  const layoutIterations = positioned ? 0 : assignLayout(graph, { rng: createRng(o.seed + 1) });
  assignVisuals(graph, { taxonomy, communities }, { minSize: o.minSize, maxSize: o.maxSize });
  assignMeasureSizes(graph, g, measurePlans, o);

  const meta: GraphMeta = buildMeta(graph, {
    info: {
      name: g.name?.trim() || g.file,
      description: `Opened from ${g.file} (${g.format.toUpperCase()})`,
      source: g.file,
    },
    taxonomy,
    communities,
    inputsHash: '',
    seed: o.seed,
    layoutIterations,
  });
  meta.file = {
    name: g.file,
    format: g.format,
    attributes: g.nodeAttributes.map((a) => ({ name: a.name, type: a.type })),
  };
  if (measurePlans.length > 0) meta.measures = measurePlans.map((m) => ({ id: m.id, label: m.label }));
  return { graph, meta };
}

/** Each node's size under each of the file's measures (square-root scale, as the build's; the smallest without a value). */
function assignMeasureSizes(
  graph: AtlasGraph,
  g: ForeignGraph,
  plans: readonly MeasurePlan[],
  o: ConvertOptions,
): void {
  if (plans.length === 0) return;
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const ranges = plans.map((p) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const n of g.nodes) {
      const v = p.value(n);
      if (v === undefined || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return [lo, hi] as const;
  });
  const span = o.maxSize - o.minSize;
  graph.updateEachNodeAttributes(
    (key, a) => {
      const n = byKey.get(key)!;
      const sizes = { ...a.sizes };
      plans.forEach((p, i) => {
        const [lo, hi] = ranges[i]!;
        const v = p.value(n);
        const t = v !== undefined && Number.isFinite(v) && hi > lo ? Math.sqrt((v - lo) / (hi - lo)) : 0;
        sizes[p.id] = Math.round((o.minSize + span * t) * 100) / 100;
      });
      a.sizes = sizes;
      return a;
    },
    { attributes: ['sizes'] },
  );
}
