/**
 * The online citation cache (graph-data/cache/<source>/<paper id>.json): one entry per paper per
 * source, written by `npm run fetch:citations` and read offline by the build.
 *
 * Every entry records what was asked (`query`), when (`fetched`), and whether the service knew
 * the paper (`found`). References to papers outside the dataset are kept, so totals can be counted.
 */
import { z } from 'zod';

/** The services the fetcher asks, in the order it asks them. */
export const ONLINE_SOURCES = ['s2', 'openalex', 'arxiv'] as const;
export type OnlineSource = (typeof ONLINE_SOURCES)[number];

/** Format version of the cache entries; an entry of another version is refetched. */
export const CACHE_VERSION = 1;

const common = {
  version: z.literal(CACHE_VERSION),
  /** The dataset paper this entry is about. */
  id: z.string().min(1),
  /** The identifier sent to the service, e.g. "ARXIV:2208.12242" or "10.48550/arxiv.2208.12242". */
  query: z.string().min(1),
  /** When the entry was fetched (ISO 8601 date-time). */
  fetched: z.iso.datetime(),
  /** False when the service answered that it does not know the paper. */
  found: z.boolean(),
};

/** One reference of a paper as Semantic Scholar identifies it; any id may be missing. */
export const S2ReferenceSchema = z.strictObject({
  /** Semantic Scholar's paperId. */
  s2: z.string().nullable(),
  arxiv: z.string().nullable(),
  /** Lowercase DOI without resolver prefix. */
  doi: z.string().nullable(),
  /** The reference's title and year as the service gives them (absent in entries fetched before they were asked for). */
  title: z.string().nullable().optional(),
  year: z.int().nullable().optional(),
});
export type S2Reference = z.infer<typeof S2ReferenceSchema>;

export const S2EntrySchema = z.strictObject({
  ...common,
  source: z.literal('s2'),
  paperId: z.string().nullable(),
  /** The total number of references Semantic Scholar lists (in the dataset or not). */
  referenceCount: z.int().min(0).nullable(),
  citationCount: z.int().min(0).nullable(),
  /** Every reference, in the order the service gave them (the truncated list completed by paging). */
  references: z.array(S2ReferenceSchema),
});
export type S2Entry = z.infer<typeof S2EntrySchema>;

/** A referenced work's identity, title and year, from OpenAlex. */
export const OpenAlexWorkMetaSchema = z.strictObject({
  /** Short OpenAlex work id, e.g. "W2194775991". */
  openalex: z.string().min(1),
  /** Lowercase DOI without resolver prefix. */
  doi: z.string().nullable(),
  arxiv: z.string().nullable(),
  title: z.string().nullable(),
  year: z.int().nullable(),
});
export type OpenAlexWorkMeta = z.infer<typeof OpenAlexWorkMetaSchema>;

export const OpenAlexEntrySchema = z.strictObject({
  ...common,
  source: z.literal('openalex'),
  /** Short OpenAlex work id, e.g. "W4306311211". */
  openalexId: z.string().nullable(),
  /** Short ids of the works this one cites. */
  referencedWorks: z.array(z.string().min(1)),
  referencedWorksCount: z.int().min(0).nullable(),
  citedByCount: z.int().min(0).nullable(),
  /**
   * What OpenAlex says of the referenced works (one batched works lookup), in the order of
   * `referencedWorks`; absent in entries fetched before it was asked for. Works OpenAlex no longer
   * has are left out.
   */
  referencedWorksMeta: z.array(OpenAlexWorkMetaSchema).optional(),
});
export type OpenAlexEntry = z.infer<typeof OpenAlexEntrySchema>;

export const ArxivEntrySchema = z.strictObject({
  ...common,
  source: z.literal('arxiv'),
  /** When the first version was submitted (ISO 8601). */
  published: z.string().nullable(),
  title: z.string().nullable(),
  abstract: z.string().nullable(),
  primaryCategory: z.string().nullable(),
  categories: z.array(z.string().min(1)),
});
export type ArxivEntry = z.infer<typeof ArxivEntrySchema>;

export const CacheEntrySchema = z.discriminatedUnion('source', [
  S2EntrySchema,
  OpenAlexEntrySchema,
  ArxivEntrySchema,
]);
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

/** Every cached entry by source, keyed by dataset paper id. */
export interface OnlineCache {
  s2: Map<string, S2Entry>;
  openalex: Map<string, OpenAlexEntry>;
  arxiv: Map<string, ArxivEntry>;
}

export function emptyOnlineCache(): OnlineCache {
  return { s2: new Map(), openalex: new Map(), arxiv: new Map() };
}

/** What the online sources add to a node of the built graph. */
export interface OnlineFacts {
  /** Every reference the paper makes, in the dataset or not. */
  totalReferences?: number;
  /** Every citation the paper receives, worldwide. */
  totalCitations?: number;
  abstract?: string;
  /** First arXiv version (YYYY-MM-DD). */
  firstVersion?: string;
  /** arXiv categories, primary first. */
  categories?: string[];
  /** The works referenced outside the dataset, one key each, sorted (see `outsideReferences`). */
  outsideReferences?: string[];
}
