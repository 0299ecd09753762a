/**
 * Labels of the Louvain communities (node attribute `community`, listed in meta.communities): each
 * community's dominant categories with their shares (the model family and tasks of a paper dataset;
 * the first two dimensions of a graph without them), its most distinctive title terms
 * (log-likelihood G² against the other papers, as CiteSpace labels clusters; abstracts count too
 * when papers have an `abstract` attribute) and its most central papers. Pure.
 */
import { type GraphMeta, type NodeAttributes } from '../../model';
import { paperCategories } from '../categories';
import { categoryLabel } from '../dimension-labels';
import { checkInt, checkOneOf, mergeOptions } from '../options';
import { distinctiveTerms, termIndex, tokenize, type ScoredTerm } from './title-terms';
import type { AtlasGraph } from '../types';

export const CENTRALITIES = ['pagerank', 'degree'] as const;
export type Centrality = (typeof CENTRALITIES)[number];

export interface ClusterLabelOptions {
  /** Distinctive terms per community. */
  terms: number;
  /** Central papers per community. */
  papers: number;
  /** Categories of the secondary dimension listed per community (most common first). */
  secondary: number;
  /** `pagerank`: the node attribute; `degree`: edges (either direction) to papers of the same community. */
  centrality: Centrality;
  /** A term must be used by this many of the community's papers (fewer when the community is smaller). */
  minTermCount: number;
  /** Whether bigrams ("textual inversion") can be terms. */
  bigrams: boolean;
}

export const DEFAULT_CLUSTER_LABEL_OPTIONS: ClusterLabelOptions = {
  terms: 5,
  papers: 3,
  secondary: 2,
  centrality: 'pagerank',
  minTermCount: 2,
  bigrams: true,
};

export interface Share {
  id: string;
  label: string;
  /** Papers of the community with it. */
  count: number;
  /** count / community size. */
  share: number;
}

export interface CentralPaper {
  id: string;
  label: string;
  year: number | null;
  /** The centrality score (PageRank, or in-community degree). */
  score: number;
}

export interface ClusterLabel {
  community: number;
  size: number;
  color: string;
  /** "Diffusion · Subject": the dominant primary and secondary categories, else "Community 3". Never empty. */
  label: string;
  /** The dominant category of the primary dimension (`family`, else the taxonomy's first); null when none. */
  primary: Share | null;
  /** The most common categories of the secondary dimension (`task`, else the taxonomy's second). */
  secondary: Share[];
  terms: ScoredTerm[];
  papers: CentralPaper[];
  /** The community's papers, by id. */
  nodes: string[];
}

/** A paper's optional abstract (another tool may add it to the graph). */
function abstractOf(a: NodeAttributes): string {
  const abstract = (a as { abstract?: unknown }).abstract;
  return typeof abstract === 'string' ? abstract : '';
}

function shares(
  counts: Map<string, number>,
  size: number,
  label: (id: string) => string,
  order: (id: string) => number,
): Share[] {
  return [...counts]
    .map(([id, count]) => ({ id, label: label(id), count, share: count / size }))
    .sort((a, b) => b.count - a.count || order(a.id) - order(b.id) || (a.id < b.id ? -1 : 1));
}

export function clusterLabels(
  graph: AtlasGraph,
  meta: GraphMeta,
  options?: Partial<ClusterLabelOptions>,
): ClusterLabel[] {
  const fn = 'clusterLabels';
  const o = mergeOptions(fn, DEFAULT_CLUSTER_LABEL_OPTIONS, options);
  checkInt(fn, 'terms', o.terms, 0);
  checkInt(fn, 'papers', o.papers, 0);
  checkInt(fn, 'secondary', o.secondary, 0);
  checkInt(fn, 'minTermCount', o.minTermCount, 1);
  checkOneOf(fn, 'centrality', o.centrality, CENTRALITIES);
  if (typeof o.bigrams !== 'boolean')
    throw new Error(`${fn}: bigrams must be true or false, got ${String(o.bigrams)}`);

  const members = new Map<number, string[]>();
  const docs = new Map<string, Set<string>>();
  graph.forEachNode((node, a) => {
    if (!Number.isInteger(a.community) || a.community < 0)
      throw new Error(`${fn}: node "${node}" has no valid community attribute (got ${String(a.community)})`);
    let list = members.get(a.community);
    if (!list) members.set(a.community, (list = []));
    list.push(node);
    docs.set(node, new Set(tokenize(`${a.title} ${abstractOf(a)}`, { bigrams: o.bigrams })));
  });
  const index = termIndex(docs);
  const colors = new Map(meta.communities.map((c) => [c.id, c.color]));
  const orderIn = (dim: string) => {
    const index = new Map(
      (meta.taxonomy.dimensions.find((d) => d.id === dim)?.categories ?? []).map((c, i) => [c.id, i]),
    );
    return (id: string) => index.get(id) ?? -1;
  };
  const dims = meta.taxonomy.dimensions.map((d) => d.id);
  const primaryDim = dims.includes('family') ? 'family' : dims[0];
  const secondaryDim = dims.includes('task') ? 'task' : dims.find((d) => d !== primaryDim);
  const primaryOrder = orderIn(primaryDim ?? '');
  const secondaryOrder = orderIn(secondaryDim ?? '');

  const centrality = (node: string, a: NodeAttributes, community: number): number => {
    if (o.centrality === 'pagerank') return a.pagerank;
    let degree = 0;
    graph.forEachNeighbor(node, (_n, b) => {
      if (b.community === community) degree += 1;
    });
    return degree;
  };

  const labels: ClusterLabel[] = [];
  for (const [community, nodes] of [...members].sort((a, b) => a[0] - b[0])) {
    nodes.sort();
    const size = nodes.length;
    const primaries = new Map<string, number>();
    const secondaries = new Map<string, number>();
    const papers: CentralPaper[] = [];
    for (const node of nodes) {
      const a = graph.getNodeAttributes(node);
      if (primaryDim !== undefined) {
        const first = paperCategories(a, primaryDim)[0];
        if (first !== undefined) primaries.set(first, (primaries.get(first) ?? 0) + 1);
      }
      if (secondaryDim !== undefined) {
        for (const t of new Set(paperCategories(a, secondaryDim)))
          secondaries.set(t, (secondaries.get(t) ?? 0) + 1);
      }
      papers.push({ id: node, label: a.label, year: a.year, score: centrality(node, a, community) });
    }
    const primary =
      primaryDim === undefined
        ? null
        : (shares(primaries, size, (id) => categoryLabel(meta, primaryDim, id), primaryOrder)[0] ?? null);
    const secondary =
      secondaryDim === undefined
        ? []
        : shares(secondaries, size, (id) => categoryLabel(meta, secondaryDim, id), secondaryOrder);
    const top = secondary[0];
    const parts = [primary?.label, top && top.label !== primary?.label ? top.label : undefined].filter(
      (s): s is string => !!s,
    );
    const label = parts.length > 0 ? parts.join(' · ') : `Community ${community + 1}`;
    papers.sort(
      (a, b) => b.score - a.score || (a.year ?? Infinity) - (b.year ?? Infinity) || (a.id < b.id ? -1 : 1),
    );
    labels.push({
      community,
      size,
      color: colors.get(community) ?? meta.taxonomy.unknownColor,
      label,
      primary,
      secondary: secondary.slice(0, o.secondary),
      terms: distinctiveTerms(index, nodes, { limit: o.terms, minCount: o.minTermCount }),
      papers: papers.slice(0, o.papers),
      nodes,
    });
  }
  return labels;
}
