/**
 * The graph file (public/graph.json) the build writes and the explorer loads:
 * graphology's serialisation plus metadata.
 */
import { z } from 'zod';
import { GRAPH_FILE_VERSION } from './vocab';
import { EdgeSchema } from './edge';
import { PaperSchema } from './paper';
import { TaxonomySchema } from './taxonomy';

export const GRAPH_FILE_FORMAT = 'lineage-atlas/graph';
export { GRAPH_FILE_VERSION } from './vocab';

export {
  COMPUTED_COLOR_BY,
  colorByChoices,
  isComputedColorBy,
  nodeNoun,
  SIZE_BY,
  sizeByChoices,
  type BuiltInSizeBy,
  type ColorBy,
  type ComputedColorBy,
  type SizeBy,
} from './vocab';

/** A value a node holds for an attribute of a file it was read from. */
export const FileValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** Node attributes: the paper plus layout, metrics and precomputed visual attributes. */
export const NodeAttributesSchema = PaperSchema.extend({
  /** Display label: the method name, else a shortened title. */
  label: z.string(),
  /** As for papers; null only for a node of a graph file that gives no year. */
  year: z.int().min(1900).max(2100).nullable(),
  /** As for papers; absent for a node of a graph file (its categories are all in `dimensions`). */
  family: z.string().min(1).optional(),
  tasks: z.array(z.string().min(1)).min(1).optional(),
  /** A node of a graph file opened in the explorer: its attributes there, by name, in the file's order. */
  attributes: z.record(z.string(), FileValueSchema).optional(),
  x: z.number(),
  y: z.number(),
  /** In-set citations: how many papers of the set point to this one (any edge kind but survey-only mentions). */
  citations: z.int().min(0),
  pagerank: z.number().min(0),
  /** Louvain community index (0 = largest). */
  community: z.int().min(0),
  /** Colour per colouring dimension. */
  colors: z.record(z.string(), z.string()),
  /** Size in pixels per sizing measure. */
  sizes: z.record(z.string(), z.number()),
  /** Default colour and size (family colour, citations size) so any graphology/sigma tool can show it. */
  color: z.string(),
  size: z.number(),
  /** From the online cache (npm run fetch:citations), when fetched: every reference the paper makes, in the set or not. */
  totalReferences: z.int().min(0).optional(),
  /** Every citation the paper receives, worldwide (Semantic Scholar, else OpenAlex). */
  totalCitations: z.int().min(0).optional(),
  /** The abstract, from arXiv. */
  abstract: z.string().optional(),
  /**
   * From the online cache, when fetched: the works the paper references outside the set, one
   * compact key each ("arxiv:…", "doi:…", "s2:…", "openalex:…"), sorted. Similar papers count
   * shared outside references (bibliographic coupling) with them.
   */
  outsideReferences: z.array(z.string().min(1)).optional(),
  /** Date of the first arXiv version (YYYY-MM-DD). */
  firstVersion: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** arXiv categories, primary first. */
  categories: z.array(z.string().min(1)).optional(),
  /**
   * A work outside the list, added by `build:graph --expand N` because papers of the list cite it
   * (absent for the list's own papers). It has no taxonomy labels.
   */
  outside: z.literal(true).optional(),
  /** Why an outside work was added: how many papers of the list cite it. */
  expandedBecause: z.strictObject({ citedBy: z.int().min(1) }).optional(),
  /** An outside work's ids at the services that named it (its arXiv id, when new-style, is `arxiv`). */
  externalIds: z
    .strictObject({
      arxiv: z.string().min(1).optional(),
      doi: z.string().min(1).optional(),
      openalex: z.string().min(1).optional(),
      s2: z.string().min(1).optional(),
    })
    .optional(),
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
    /** Works outside the list among `papers` (a graph built with `--expand`). */
    outside: z.int().min(0).optional(),
  }),
  taxonomy: TaxonomySchema,
  /** Community index → size, colour. */
  communities: z.array(z.strictObject({ id: z.int(), size: z.int(), color: z.string() })),
  /** First and last year of the papers; null when no node has a year (a graph file without years). */
  years: z.tuple([z.int(), z.int()]).nullable(),
  /** Set when the graph was opened from a graph file made elsewhere (not built from a dataset): its name and format. */
  file: z
    .strictObject({
      name: z.string().min(1),
      format: z.enum(['gexf', 'graphml', 'json']),
      /** The file's node attributes and their types, in its order (exports write them back). */
      attributes: z.array(
        z.strictObject({ name: z.string().min(1), type: z.enum(['string', 'integer', 'float', 'boolean']) }),
      ),
    })
    .optional(),
  /** Further sizing measures (numeric attributes of a graph file), after the built-in SIZE_BY. */
  measures: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), label: z.string().min(1) }))
    .optional(),
  /** sha256 of the inputs (hex); the same inputs always give the same file. */
  inputsHash: z.string(),
  build: z.strictObject({
    seed: z.int(),
    layoutIterations: z.int(),
    /** `--expand N`: at most N works outside the list were added (absent without the option). */
    expand: z.int().min(1).optional(),
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
