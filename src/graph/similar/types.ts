/**
 * Types of the similar-papers scores (see index.ts): the options, one scored paper, the index.
 */
import type { EdgeKind } from '../../model/edge';
import type { LineageIndex } from '../lineage/adjacency';
import type { AtlasGraph } from '../types';

/** Weights of the components in the combined similarity (see `combine` in utils.ts). */
export interface SimilarityWeights {
  coupling: number;
  cocitation: number;
  /** Counted only when the graph has abstracts and both papers have text. */
  text: number;
}

export interface SimilarityOptions {
  /** How many papers to return (default 10). */
  limit?: number;
  /** Edge kinds that count as a reference (default: builds-on, cites, compares, links; not mentions). */
  kinds?: readonly EdgeKind[];
  /** Component weights (default: coupling 1, co-citation 1, text 0.5). */
  weights?: Partial<SimilarityWeights>;
  /** Use the tf-idf text component when abstracts exist (default true). */
  text?: boolean;
  /** The graph's similarity index, built once per graph and kinds; built on the fly when absent. */
  index?: SimilarityIndex;
}

export interface ResolvedOptions {
  limit: number;
  kinds: readonly EdgeKind[];
  weights: SimilarityWeights;
  text: boolean;
}

/** One paper scored against another (or against a set: counts summed, scores averaged). */
export interface SimilarPaper {
  node: string;
  /** The combined similarity, 0–1. */
  score: number;
  /** References both cite (bibliographic coupling), in the set or outside it. */
  sharedReferences: number;
  /** Of `sharedReferences`, the ones outside the set (from the online cache). */
  sharedOutside: number;
  /** Papers of the set citing both (co-citation). */
  coCitedBy: number;
  /** Salton's cosine of the coupling: shared / sqrt(references of a · references of b). */
  couplingCosine: number;
  /** Salton's cosine of the co-citation: shared citers / sqrt(citers of a · citers of b). */
  cocitationCosine: number;
  /** tf-idf cosine of title and abstract; null when not used (no abstracts, or either paper has none). */
  text: number | null;
}

/** tf-idf vectors of the papers' titles and abstracts, as an inverted index. */
export interface TextIndex {
  /** Per paper number: its terms' ids and weights (L2-normalised), or null without an abstract. */
  docs: Array<{ terms: Int32Array; weights: Float64Array } | null>;
  /** Per term id: the papers containing it and their weights. */
  postings: Array<{ docs: number[]; weights: number[] }>;
}

/**
 * The graph's references and citers as typed arrays. Reference ids below `nodes.length` are papers
 * of the set; from there up, outside works (`outsideKeys[id - nodes.length]`).
 */
export interface SimilarityIndex {
  graph: AtlasGraph;
  lineage: LineageIndex;
  kinds: readonly EdgeKind[];
  nodes: string[];
  indexOf: Map<string, number>;
  /** References of paper i: refs[refStart[i] .. refStart[i + 1]), distinct. */
  refStart: Int32Array;
  refs: Int32Array;
  /** Papers citing reference id r (paper or outside work): citers[citerStart[r] .. citerStart[r + 1]). */
  citerStart: Int32Array;
  citers: Int32Array;
  outsideKeys: string[];
  /** Null when no paper has an abstract. */
  text: TextIndex | null;
  /** Scratch buffers of one scoring pass (length nodes.length). */
  scratch: {
    coupling: Int32Array;
    outside: Int32Array;
    cocitation: Int32Array;
    text: Float64Array;
    score: Float64Array;
    seen: Uint8Array;
  };
}
