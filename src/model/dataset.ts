/**
 * A dataset as read from a graph-data directory, before the build joins and validates it.
 * Every record keeps where it came from, so the build's errors can name the file and line.
 */
import type { EdgeRecord } from './edge';
import type { OnlineCache } from './online';
import type { PaperLabels, PaperRecord } from './paper';
import type { Taxonomy } from './taxonomy';

export interface Located<T> {
  value: T;
  /** Path of the file, as given to the reader (e.g. "graph-data/papers.yaml"). */
  file: string;
  /** 1-based line of the record's start in that file. */
  line: number;
}

/** Lines of taxonomy.yaml where each dimension and each of its categories starts, for error messages. */
export interface TaxonomyLines {
  dimensions: number[];
  /** Per dimension, per category. */
  categories: number[][];
}

export interface DatasetInfo {
  name: string;
  description?: string;
  /** Where the facts come from, in one line. */
  source?: string;
  /** The date (ISO) of the bulk snapshot the dataset was selected from, when it comes from one. */
  snapshot?: string;
}

export interface Dataset {
  info: DatasetInfo;
  papers: Located<PaperRecord>[];
  labels: Located<PaperLabels>[];
  taxonomy: Located<Taxonomy> & { lines?: TaxonomyLines };
  edges: Located<EdgeRecord>[];
  /** Entries of the online citation cache (graph-data/cache/), when there is one. */
  online?: OnlineCache;
}
