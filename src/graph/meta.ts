/**
 * The graph file's metadata: what the dataset is, its counts, taxonomy, communities, year range,
 * the hash of its inputs and the build settings that, with those inputs, determine the file.
 */
import type { DatasetInfo } from '../model/dataset';
import { EDGE_KINDS } from '../model/vocab';
import type { GraphMeta } from '../model/graph-file';
import { dimension, type Taxonomy } from '../model/taxonomy';
import type { AtlasGraph } from './types';

export interface MetaParams {
  info: DatasetInfo;
  taxonomy: Taxonomy;
  communities: { id: number; size: number; color: string }[];
  /** sha256 (hex) of the input files' bytes. */
  inputsHash: string;
  seed: number;
  layoutIterations: number;
}

/**
 * The counts (papers, links by kind, papers by family) and the year range of a graph: null when no
 * node has a year.
 */
export function graphCounts(graph: AtlasGraph, taxonomy: Taxonomy): Pick<GraphMeta, 'counts' | 'years'> {
  // a paper dataset's kinds, zero or not; `links` (a graph file's) only when present
  const byKind: Record<string, number> = Object.fromEntries(
    EDGE_KINDS.filter((k) => k !== 'links').map((k) => [k, 0]),
  );
  const byFamily: Record<string, number> = Object.fromEntries(
    (dimension(taxonomy, 'family')?.categories ?? []).map((c) => [c.id, 0]),
  );
  graph.forEachEdge((_e, a) => {
    byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  });
  let minYear = Infinity;
  let maxYear = -Infinity;
  graph.forEachNode((_n, a) => {
    if (a.family !== undefined) byFamily[a.family] = (byFamily[a.family] ?? 0) + 1;
    if (a.year === null) return;
    minYear = Math.min(minYear, a.year);
    maxYear = Math.max(maxYear, a.year);
  });
  return {
    counts: { papers: graph.order, edges: graph.size, byKind, byFamily },
    years: minYear <= maxYear ? [minYear, maxYear] : null,
  };
}

export function buildMeta(graph: AtlasGraph, params: MetaParams): GraphMeta {
  const { counts, years } = graphCounts(graph, params.taxonomy);
  const { info } = params;
  const dataset: GraphMeta['dataset'] = { name: info.name };
  if (info.description !== undefined) dataset.description = info.description;
  if (info.source !== undefined) dataset.source = info.source;
  return {
    dataset,
    counts,
    taxonomy: params.taxonomy,
    communities: params.communities.map((c) => ({ id: c.id, size: c.size, color: c.color })),
    years,
    inputsHash: params.inputsHash,
    build: { seed: params.seed, layoutIterations: params.layoutIterations },
  };
}
