/**
 * Papers: the nodes of the citation graph.
 *
 * A paper's `id` is its arXiv id without version when it has one (e.g. "2208.01618"),
 * else a stable slug derived from its title (see `slugId` in scripts' importers).
 */
import { z } from 'zod';
import { isNewStyleArxivId } from './arxiv-id';

/**
 * The bundled survey's model families and tasks, as its importer files papers. The app and the build
 * never enumerate them: a paper's family and tasks are checked against the taxonomy's `family` and
 * `task` dimensions (src/graph/build/validate.ts).
 */
export const FAMILIES = ['diffusion', 'gan', 'ar', 'survey'] as const;
export type Family = (typeof FAMILIES)[number];

/** The bundled list's sections a paper is filed under (see FAMILIES). */
export const TASKS = [
  'subject',
  'face',
  'character',
  'style',
  'semantics',
  'multi-concept',
  'video',
  '3d',
  'text-editing',
  'ar-personalization',
  'gan-inversion',
  'latent-editing',
  'survey',
] as const;
export type Task = (typeof TASKS)[number];

/** Where a taxonomy label comes from. */
export const EVIDENCE = ['survey-figure', 'inferred'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const CONFIDENCE = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/** One labelled taxonomy field of a paper, with how sure we are of it. */
export const TaxonomyFieldSchema = z.strictObject({
  /** A category id of the taxonomy (e.g. "dm.textual"), or a sub-space id for `subspace`. */
  value: z.string().min(1),
  evidence: z.enum(EVIDENCE),
  /** Only for inferred labels: how confident the compiler of the label was. */
  confidence: z.enum(CONFIDENCE).optional(),
  /** Only for inferred labels: what the inference rests on (e.g. "awesome-list" section). */
  basis: z.enum(['paper-reading', 'awesome-list']).optional(),
});
export type TaxonomyField = z.infer<typeof TaxonomyFieldSchema>;

export const PaperTaxonomySchema = z.strictObject({
  space: TaxonomyFieldSchema.optional(),
  subspace: TaxonomyFieldSchema.optional(),
  method: TaxonomyFieldSchema.optional(),
  scheme: TaxonomyFieldSchema.optional(),
  /** Further inversion spaces a method uses besides its primary one (category ids). */
  secondarySpaces: z.array(z.string().min(1)).optional(),
  /** Further schemes a method serves besides its primary one (category ids). */
  secondarySchemes: z.array(z.string().min(1)).optional(),
});
export type PaperTaxonomy = z.infer<typeof PaperTaxonomySchema>;

const url = z.url({ protocol: /^https?$/ });

export const PaperLinksSchema = z.strictObject({
  pdf: url.optional(),
  project: url.optional(),
  code: url.optional(),
  demo: url.optional(),
  dataset: url.optional(),
});
export type PaperLinks = z.infer<typeof PaperLinksSchema>;

export const SLUG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A paper as stored in graph-data/papers.yaml (facts from the list; labels live in labels.yaml). */
export const PaperRecordSchema = z.strictObject({
  id: z.string().refine((s) => isNewStyleArxivId(s) || SLUG_ID.test(s), {
    message: 'must be an arXiv id as arXiv issues it, without version (e.g. 2208.01618), or a lowercase slug',
  }),
  title: z.string().trim().min(1),
  /** The method's short name, e.g. "DreamBooth"; null when the title names none. */
  name: z.string().trim().min(1).nullable(),
  authors: z.array(z.string().trim().min(1)),
  /**
   * Date of first appearance: the arXiv id's year and month when the paper has one, else the venue's
   * year (month null). Used for ordering, the year filter and lineage.
   */
  year: z.int().min(1900).max(2100),
  month: z.int().min(1).max(12).nullable(),
  /** Venue as printed by the source without the year, e.g. "CVPR", "Arxiv", "NeurIPS". */
  venue: z.string().trim().min(1).nullable(),
  /** The venue's own year as printed by the source ("CVPR 2023" → 2023), which may differ from `year`. */
  venueYear: z.int().min(1900).max(2100).nullable(),
  /** arXiv id without version, as arXiv issues it (src/model/arxiv-id.ts); null when none. */
  arxiv: z
    .string()
    .refine((s) => isNewStyleArxivId(s), {
      message: 'must be an arXiv id as arXiv issues it, without version (e.g. 2208.01618), or null',
    })
    .nullable(),
  links: PaperLinksSchema,
  /** A category id of the taxonomy's `family` dimension; absent when the taxonomy has none. */
  family: z.string().min(1).optional(),
  /** Category ids of the taxonomy's `task` dimension; absent when the taxonomy has none. */
  tasks: z.array(z.string().min(1)).min(1).optional(),
  /** Categories in further dimensions of the taxonomy, by dimension id (e.g. `modality: [image, text]`). */
  dimensions: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
});
export type PaperRecord = z.infer<typeof PaperRecordSchema>;

/** A paper as the app sees it: the record joined with its taxonomy labels. */
export const PaperSchema = PaperRecordSchema.extend({
  taxonomy: PaperTaxonomySchema,
});
export type Paper = z.infer<typeof PaperSchema>;

/** Per-paper labels as stored in graph-data/labels.yaml. */
export const PaperLabelsSchema = z.strictObject({
  id: z.string().min(1),
  /** The survey's spelling of the method name, which wins over the list's. */
  name: z.string().trim().min(1).optional(),
  taxonomy: PaperTaxonomySchema,
});
export type PaperLabels = z.infer<typeof PaperLabelsSchema>;
