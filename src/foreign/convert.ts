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
import { adjacencyInDictionaryMode } from '../graph/adjacency-mode';
import { SIZE_BY, type EdgeAttributes, type GraphMeta, type NodeAttributes, type Taxonomy } from '../model';
import { OWN_FIELD_DIMENSIONS } from '../graph/categories';
import { assignLayout } from '../graph/build/layout';
import { buildMeta } from '../graph/meta';
import { assignMetrics } from '../graph/build/metrics';
import { checkInt, mergeOptions } from '../graph/options';
import { createRng } from '../graph/random';
import type { AtlasGraph, LoadedGraph } from '../graph/types';
import { assignVisuals, communityColors } from '../graph/build/visuals';
import {
  UNKNOWN_COLOR,
  DRAWING_NAMES,
  type CategoricalPlan,
  type MeasurePlan,
  categorical,
  edgeKind,
  fileColors,
  labelAttribute,
  measures,
  nodeLabel,
  shownAttributes,
  slug,
  uniqueSlug,
  valueTexts,
  yearAttribute,
  yearOf,
} from './attributes';
import type { ForeignGraph } from './types';

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
  adjacencyInDictionaryMode(graph);
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

export { categoricalColors, slug, yearOf } from './attributes';
