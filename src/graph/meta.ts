/**
 * The graph file's metadata: what the dataset is, its counts, taxonomy, communities, year range,
 * the hash of its inputs and the build settings that, with those inputs, determine the file.
 */
import type { DatasetInfo } from '../model/dataset';
import { EDGE_KINDS } from '../model/edge';
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

export function buildMeta(graph: AtlasGraph, params: MetaParams): GraphMeta {
  const byKind: Record<string, number> = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0]));
  const byFamily: Record<string, number> = Object.fromEntries((dimension(params.taxonomy, 'family')?.categories ?? []).map((c) => [c.id, 0]));
  graph.forEachEdge((_e, a) => {
    byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  });
  let minYear = Infinity;
  let maxYear = -Infinity;
  graph.forEachNode((_n, a) => {
    byFamily[a.family] = (byFamily[a.family] ?? 0) + 1;
    minYear = Math.min(minYear, a.year);
    maxYear = Math.max(maxYear, a.year);
  });
  const { info } = params;
  const dataset: GraphMeta['dataset'] = { name: info.name };
  if (info.description !== undefined) dataset.description = info.description;
  if (info.source !== undefined) dataset.source = info.source;
  return {
    dataset,
    counts: { papers: graph.order, edges: graph.size, byKind, byFamily },
    taxonomy: params.taxonomy,
    communities: params.communities.map((c) => ({ id: c.id, size: c.size, color: c.color })),
    years: graph.order > 0 ? [minYear, maxYear] : [0, 0],
    inputsHash: params.inputsHash,
    build: { seed: params.seed, layoutIterations: params.layoutIterations },
  };
}
