/**
 * Edges: directed, `source` cites / builds on / compares with / mentions `target`.
 * One edge per ordered pair of papers; its `kind` is the strongest relation any provenance gives,
 * and `provenance` keeps what every source said.
 */
import { z } from 'zod';

import { EDGE_KINDS, type EdgeKind } from './vocab';

export { EDGE_KINDS, kindRank, type EdgeKind } from './vocab';

/** The kinds an edge record of a dataset (edge files, CSV, online sources) can state: all but `links`. */
export const RECORD_EDGE_KINDS = [
  'builds-on',
  'cites',
  'compares',
  'mentions',
] as const satisfies readonly EdgeKind[];
export type RecordEdgeKind = (typeof RECORD_EDGE_KINDS)[number];

export const PROVENANCE_SOURCES = [
  'fulltext-references',
  'code-readme',
  'curated',
  'semantic-scholar',
  'openalex',
  'openalex-snapshot',
  'file',
] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];

export const FulltextProvenanceSchema = z.strictObject({
  source: z.literal('fulltext-references'),
  /** How the reference was matched to the list paper. */
  match: z.enum(['arxiv-id', 'title']),
});

export const CodeReadmeProvenanceSchema = z.strictObject({
  source: z.literal('code-readme'),
  /** GitHub "owner/name" of the README's repository. */
  repo: z.string().min(1),
  /** The README heading the mention sits under, if any. */
  section: z.string().nullable(),
  /** What was found: arxiv-link, repo-link and/or name, joined with "+". */
  evidence: z.string().min(1),
  /** The repository is another survey's / awesome list's, not the paper's own code. */
  surveyRepo: z.boolean(),
});

export const CuratedProvenanceSchema = z.strictObject({
  source: z.literal('curated'),
  by: z.string().optional(),
});

export const OnlineProvenanceSchema = z.strictObject({
  source: z.enum(['semantic-scholar', 'openalex']),
  /** When the record was fetched (ISO date). */
  fetched: z.string().optional(),
});

/** A reference read from the OpenAlex bulk snapshot (npm run import:snapshot). */
export const SnapshotProvenanceSchema = z.strictObject({
  source: z.literal('openalex-snapshot'),
  /** The snapshot's date (ISO date): the latest `updated_date` partition it was read from. */
  snapshot: z.string().optional(),
});

/** An edge of a graph file opened in the explorer. */
export const FileProvenanceSchema = z.strictObject({
  source: z.literal('file'),
  /** The file's name and format. */
  file: z.string().min(1),
  format: z.enum(['gexf', 'graphml', 'json']),
});

export const ProvenanceSchema = z.discriminatedUnion('source', [
  FulltextProvenanceSchema,
  CodeReadmeProvenanceSchema,
  CuratedProvenanceSchema,
  OnlineProvenanceSchema,
  SnapshotProvenanceSchema,
  FileProvenanceSchema,
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** One row of an edge file: one source's statement about one ordered pair. */
export const EdgeRecordSchema = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  kind: z.enum(RECORD_EDGE_KINDS),
  provenance: ProvenanceSchema,
  note: z.string().optional(),
});
export type EdgeRecord = z.infer<typeof EdgeRecordSchema>;

/** An edge of the built graph: every record of the same ordered pair merged. */
export const EdgeSchema = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  /** The strongest kind among the records. */
  kind: z.enum(EDGE_KINDS),
  /** Every kind any record gave, strongest first. */
  kinds: z.array(z.enum(EDGE_KINDS)).min(1),
  provenance: z.array(ProvenanceSchema).min(1),
  /** True when every record comes from another survey's repository (hidden by default). */
  surveyOnly: z.boolean(),
  note: z.string().optional(),
  /** The file that gave the edge declares it undirected: `source` and `target` are only its order there. */
  undirected: z.literal(true).optional(),
  /** The edge's weight in the file it comes from. */
  weight: z.number().optional(),
});
export type Edge = z.infer<typeof EdgeSchema>;
