/**
 * The graph file (public/graph.json) the build writes and the explorer loads:
 * graphology's serialisation plus metadata.
 */
import { z } from 'zod';
import { EdgeSchema } from './edge';
import { PaperSchema } from './paper';
import { TaxonomySchema, TAXONOMY_DIMENSIONS } from './taxonomy';

export const GRAPH_FILE_FORMAT = 'lineage-atlas/graph';
/** 2: papers carry `venueYear` beside `year`. */
export const GRAPH_FILE_VERSION = 2;

/** Dimensions a node can be coloured by: the taxonomy's plus computed ones. */
export const COLOR_BY = [...TAXONOMY_DIMENSIONS, 'year', 'community'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** Measures a node can be sized by. */
export const SIZE_BY = ['citations', 'pagerank', 'uniform'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/** Node attributes: the paper plus layout, metrics and precomputed visual attributes. */
export const NodeAttributesSchema = PaperSchema.extend({
  /** Display label: the method name, else a shortened title. */
  label: z.string(),
  x: z.number(),
  y: z.number(),
  /** In-set citations: how many papers of the set point to this one (any edge kind but survey-only mentions). */
  citations: z.int().min(0),
  pagerank: z.number().min(0),
  /** Louvain community index (0 = largest). */
  community: z.int().min(0),
  /** Colour per colouring dimension. */
  colors: z.record(z.enum(COLOR_BY), z.string()),
  /** Size in pixels per sizing measure. */
  sizes: z.record(z.enum(SIZE_BY), z.number()),
  /** Default colour and size (family colour, citations size) so any graphology/sigma tool can show it. */
  color: z.string(),
  size: z.number(),
  /** From the online cache (npm run fetch:citations), when fetched: every reference the paper makes, in the set or not. */
  totalReferences: z.int().min(0).optional(),
  /** Every citation the paper receives, worldwide (Semantic Scholar, else OpenAlex). */
  totalCitations: z.int().min(0).optional(),
  /** The abstract, from arXiv. */
  abstract: z.string().optional(),
  /** Date of the first arXiv version (YYYY-MM-DD). */
  firstVersion: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** arXiv categories, primary first. */
  categories: z.array(z.string().min(1)).optional(),
});
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;

export const EdgeAttributesSchema = EdgeSchema.omit({ source: true, target: true });
export type EdgeAttributes = z.infer<typeof EdgeAttributesSchema>;

export const GraphMetaSchema = z.strictObject({
  dataset: z.strictObject({
    name: z.string(),
    description: z.string().optional(),
    source: z.string().optional(),
  }),
  counts: z.strictObject({
    papers: z.int(),
    edges: z.int(),
    byKind: z.record(z.string(), z.int()),
    byFamily: z.record(z.string(), z.int()),
  }),
  taxonomy: TaxonomySchema,
  /** Community index → size, colour. */
  communities: z.array(z.strictObject({ id: z.int(), size: z.int(), color: z.string() })),
  years: z.tuple([z.int(), z.int()]),
  /** sha256 of the inputs (hex); the same inputs always give the same file. */
  inputsHash: z.string(),
  build: z.strictObject({
    seed: z.int(),
    layoutIterations: z.int(),
  }),
});
export type GraphMeta = z.infer<typeof GraphMetaSchema>;

export interface SerializedNode {
  key: string;
  attributes: NodeAttributes;
}
export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

export interface GraphFile {
  format: typeof GRAPH_FILE_FORMAT;
  version: typeof GRAPH_FILE_VERSION;
  meta: GraphMeta;
  /** graphology's `graph.export()` of a directed simple graph. */
  graph: {
    options: { type: 'directed'; multi: false; allowSelfLoops: false };
    attributes: Record<string, unknown>;
    nodes: SerializedNode[];
    edges: SerializedEdge[];
  };
}
