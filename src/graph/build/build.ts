/**
 * The build pipeline: dataset → validated, joined, merged graph with metrics, layout, visuals and
 * metadata. Pure: the CLI reads the files and writes the result; everything random is seeded.
 */
import Graph from 'graphology';
import { adjacencyInDictionaryMode } from '../adjacency-mode';
import type { Dataset } from '../../model/dataset';
import type { ColorBy, GraphMeta, NodeAttributes, SizeBy } from '../../model/graph-file';
import type { Located } from '../../model/dataset';
import type { EdgeRecord } from '../../model/edge';
import type { OnlineCache, OnlineFacts } from '../../model/online';
import type { Paper, PaperRecord } from '../../model/paper';
import { onlineEdgeRecords, onlineFacts, paperIndex, type PaperIndex } from '../../online/edges';
import { selectExpansion, type ExpandedWork } from '../../online/expand';
import { outsideReferences } from '../../online/outside-refs';
import { paperDoi } from '../../online/ids';
import { compareIds, displayLabel, joinPapers } from '../join';
import type { LayoutOptions } from './layout';
import { assignLayout } from './layout';
import type { MergedEdge } from './merge-edges';
import { idRanks, mergeEdges } from './merge-edges';
import { buildMeta } from '../meta';
import type { MetricsOptions } from './metrics';
import { assignMetrics } from './metrics';
import { outsideEdgeRecords, outsideNodeAttributes } from './outside';
import { createRng } from '../random';
import { sortKeysDeep } from '../stable-json';
import type { AtlasGraph } from '../types';
import { validateDataset } from './validate';
import type { VisualOptions } from './visuals';
import { assignVisuals, communityColors } from './visuals';

/** Steps a caller can time or report: the ones that can take more than a moment on big graphs. */
export type BuildStep = 'validate' | 'assemble' | 'metrics' | 'layout' | 'visuals';

/** Runs one step; a CLI passes a runner that prints progress and timings. */
export type StepRunner = <T>(step: BuildStep, run: () => T) => T;

export interface BuildOptions {
  /** Seed of every random choice (Louvain order, layout start). */
  seed?: number;
  /** sha256 hex of the input files, recorded in the metadata. */
  inputsHash?: string;
  /** ForceAtlas2 iterations (default by graph size). */
  layoutIterations?: number;
  step?: StepRunner;
  /**
   * Empty `dataset.edges` once the records are merged, so a big build can free them (the CLI,
   * which reads the dataset only to build, sets this). Off by default: the dataset stays intact.
   */
  releaseEdgeRecords?: boolean;
  /**
   * Add at most this many works outside the list: those the most papers of the list cite, by the
   * references in the online cache (src/online/expand.ts). 0 or absent: none (and the file is what it
   * is without the option).
   */
  expand?: number;
  metrics?: Omit<MetricsOptions, 'rng'>;
  layout?: Omit<LayoutOptions, 'rng' | 'iterations'>;
  visuals?: VisualOptions;
}

export const DEFAULT_SEED = 42;

const runDirectly: StepRunner = (_step, run) => run();

export interface BuildResult {
  graph: AtlasGraph;
  meta: GraphMeta;
  /** The works outside the list the build added (`expand`), most cited first; empty without. */
  outside: ExpandedWork[];
}

const EMPTY_COLORS = {} as Record<ColorBy, string>;
const EMPTY_SIZES = {} as Record<SizeBy, number>;

/**
 * Node attributes before metrics, layout and visuals fill their fields. Keys are inserted in sorted
 * order (later steps only overwrite them), which the serialiser relies on for canonical text.
 */
export function initialNodeAttributes(paper: Paper, facts?: OnlineFacts): NodeAttributes {
  // A literal in sorted key order (cheaper than sorting 10^5 objects); small nested objects sorted.
  const base: NodeAttributes = {
    arxiv: paper.arxiv,
    authors: paper.authors,
    citations: 0,
    color: '',
    colors: EMPTY_COLORS,
    community: 0,
    ...(paper.dimensions ? { dimensions: sortKeysDeep(paper.dimensions) } : {}),
    ...(paper.family !== undefined ? { family: paper.family } : {}),
    id: paper.id,
    label: displayLabel(paper),
    links: sortKeysDeep(paper.links),
    month: paper.month,
    name: paper.name,
    pagerank: 0,
    size: 1,
    sizes: EMPTY_SIZES,
    ...(paper.tasks !== undefined ? { tasks: paper.tasks } : {}),
    taxonomy: sortKeysDeep(paper.taxonomy),
    title: paper.title,
    venue: paper.venue,
    venueYear: paper.venueYear,
    x: 0,
    y: 0,
    year: paper.year,
  };
  if (!facts || Object.keys(facts).length === 0) return base;
  // the online facts' keys fall between the others: re-sort once (only papers with cached facts)
  const merged: Record<string, unknown> = { ...base, ...facts };
  return Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((k) => [k, merged[k]]),
  ) as NodeAttributes;
}

/**
 * The edge records the online cache adds (provenance semantic-scholar / openalex), located in the
 * cache files they come from.
 */
export function onlineRecords(papers: readonly PaperRecord[], online: OnlineCache): Located<EdgeRecord>[] {
  const indexed = papers.map((p) => ({ id: p.id, arxiv: p.arxiv, doi: paperDoi(p) }));
  return onlineEdgeRecords(indexed, online).map((value) => ({
    value,
    file: `cache/${value.provenance.source === 'openalex' ? 'openalex' : 's2'}/${value.source}.json`,
    line: 1,
  }));
}

/** A paper's online facts and, when it has any, the works it references outside the set. */
function onlineNodeFacts(id: string, online: OnlineCache, index: PaperIndex): OnlineFacts {
  const outside = outsideReferences(id, online, index);
  return outside.length > 0
    ? { ...onlineFacts(id, online), outsideReferences: outside }
    : onlineFacts(id, online);
}

/**
 * The ids of the papers and of the works outside the list that became nodes (`--expand`): a
 * reference to either is an edge of the graph, not an outside reference of the paper.
 */
function papersAndWorksIndex(
  papers: Paper[],
  outside: readonly ExpandedWork[],
  online: OnlineCache,
): PaperIndex {
  const index = paperIndex(
    papers.map((p) => ({ id: p.id, arxiv: p.arxiv, doi: paperDoi(p) })),
    online,
  );
  for (const w of outside) {
    if (w.ids.arxiv) index.byArxiv.set(w.ids.arxiv, w.id);
    if (w.ids.doi) index.byDoi.set(w.ids.doi, w.id);
    if (w.ids.s2) index.byS2.set(w.ids.s2, w.id);
    if (w.ids.openalex) index.byOpenAlex.set(w.ids.openalex, w.id);
  }
  return index;
}

/** The stable key of the edge of an ordered pair. */
export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

/**
 * A directed simple graph of the papers, the works outside the list (`outside`, if any) and merged
 * edges. Nodes in id order when the papers come sorted (joinPapers sorts them).
 */
export function assembleGraph(
  papers: Paper[],
  edges: MergedEdge[],
  online?: OnlineCache,
  outside: readonly ExpandedWork[] = [],
): AtlasGraph {
  const graph: AtlasGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const index = online ? papersAndWorksIndex(papers, outside, online) : null;
  const facts = (id: string) => (online && index ? onlineNodeFacts(id, online, index) : undefined);
  const works = [...outside].sort((a, b) => compareIds(a.id, b.id));
  let w = 0;
  for (const p of papers) {
    for (; w < works.length && compareIds(works[w]!.id, p.id) < 0; w++)
      graph.addNode(works[w]!.id, outsideNodeAttributes(works[w]!));
    graph.addNode(p.id, initialNodeAttributes(p, facts(p.id)));
  }
  for (; w < works.length; w++) graph.addNode(works[w]!.id, outsideNodeAttributes(works[w]!));
  adjacencyInDictionaryMode(graph);
  for (const { source, target, attributes } of edges) {
    graph.addDirectedEdgeWithKey(edgeKey(source, target), source, target, attributes);
  }
  return graph;
}

function checkOptions(options: BuildOptions | undefined): {
  seed: number;
  inputsHash: string;
  expand: number;
} {
  const seed = options?.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`buildGraph: seed must be an integer in [0, 2^32), got ${seed}`);
  }
  const inputsHash = options?.inputsHash ?? '';
  if (inputsHash !== '' && !/^[0-9a-f]{64}$/.test(inputsHash)) {
    throw new Error('buildGraph: inputsHash must be a sha256 hex digest');
  }
  const expand = options?.expand ?? 0;
  if (!Number.isSafeInteger(expand) || expand < 0) {
    throw new Error(`buildGraph: expand must be a non-negative integer, got ${expand}`);
  }
  return { seed, inputsHash, expand };
}

/**
 * Builds the explorer's graph from a dataset. Throws `DataErrors` (every problem, each with
 * file:line, record and field) when the dataset is inconsistent.
 */
export function buildGraph(dataset: Dataset, options?: BuildOptions): BuildResult {
  const { seed, inputsHash, expand } = checkOptions(options);
  const step = options?.step ?? runDirectly;
  step('validate', () => validateDataset(dataset));
  let outside: ExpandedWork[] = [];
  const graph = step('assemble', () => {
    const papers = joinPapers(dataset.papers, dataset.labels);
    const online = dataset.online;
    // concat, not spread: 10^5+ records
    let records = online ? dataset.edges.concat(onlineRecords(papers, online)) : dataset.edges;
    let ranks = new Map(papers.map((p, i) => [p.id, i]));
    if (online && expand > 0) {
      const indexed = papers.map((p) => ({ id: p.id, arxiv: p.arxiv, doi: paperDoi(p) }));
      outside = selectExpansion(indexed, online, expand);
      records = records.concat(outsideEdgeRecords(outside, online));
      ranks = idRanks([...papers.map((p) => p.id), ...outside.map((w) => w.id)]);
    }
    const edges = mergeEdges(records, ranks);
    if (options?.releaseEdgeRecords) dataset.edges.length = 0;
    return assembleGraph(papers, edges, online, outside);
  });
  const taxonomy = dataset.taxonomy.value;
  const communities = step('metrics', () => {
    const summary = assignMetrics(graph, { ...options?.metrics, rng: createRng(seed) });
    return communityColors(summary, taxonomy.unknownColor, options?.visuals);
  });
  const layoutIterations = step('layout', () =>
    assignLayout(graph, {
      ...options?.layout,
      rng: createRng(seed + 1),
      iterations: options?.layoutIterations,
    }),
  );
  step('visuals', () => assignVisuals(graph, { taxonomy, communities }, options?.visuals));
  const meta = buildMeta(graph, {
    info: dataset.info,
    taxonomy,
    communities,
    inputsHash,
    seed,
    layoutIterations,
  });
  if (expand > 0) {
    meta.counts.outside = outside.length;
    meta.build.expand = expand;
  }
  return { graph, meta, outside };
}
