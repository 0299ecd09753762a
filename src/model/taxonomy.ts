/**
 * The taxonomy: categorical dimensions a paper can be coloured and filtered by.
 * Stored in graph-data/taxonomy.yaml; embedded in the graph file's metadata.
 */
import { z } from 'zod';

/**
 * The id of a categorical dimension of the taxonomy (e.g. "family", "modality"). Dimensions come from
 * the data: any lowercase slug the taxonomy defines, except the computed colourings' names.
 */
export type TaxonomyDimension = string;

/** A dimension id: a lowercase slug, short enough for a URL parameter (`f.venue-type=journal`). */
export const DIMENSION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CATEGORY_STATUS = ['confirmed', 'partly-confirmed', 'list-only', 'reconstructed'] as const;
export type CategoryStatus = (typeof CATEGORY_STATUS)[number];

const color = z.string().regex(/^#[0-9a-f]{6}$/, 'must be a lowercase hex colour like #0072b2');

export const CategorySchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  /** A short definition in the project's own words. */
  definition: z.string().optional(),
  color,
  /**
   * The category of the dimension's `parent` dimension this one belongs to (e.g. the model family
   * `gan` of an inversion method): lists group and name categories by it ("GAN · Optimization-based").
   */
  parent: z.string().min(1).optional(),
  /** Older spelling of `parent` when the parent dimension is `family`; still read, no longer written. */
  family: z.string().optional(),
  /** Survey section that defines it, e.g. "§4.2(b)". */
  section: z.string().optional(),
  /**
   * `confirmed`: the survey's outline figure names it; `partly-confirmed`: a survey figure partly
   * supports it; `list-only`: only the survey authors' paper list has it (as a section);
   * `reconstructed`: added by the compiler of the taxonomy.
   */
  status: z.enum(CATEGORY_STATUS).optional(),
  /** Finer categories (e.g. sub-spaces of an inversion space). Ids are unique within the parent. */
  children: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        label: z.string().min(1),
        definition: z.string().optional(),
      }),
    )
    .optional(),
});
export type Category = z.infer<typeof CategorySchema>;

export const DimensionSchema = z.strictObject({
  id: z.string().regex(DIMENSION_ID, 'must be a lowercase slug like "venue-type"'),
  label: z.string().min(1),
  /** The dimension whose categories group this one's (each category names its own in `parent`). */
  parent: z.string().min(1).optional(),
  /** Name of the palette the colours were drawn from, for the legend's credits. */
  palette: z.string().optional(),
  categories: z.array(CategorySchema).min(1),
});
export type Dimension = z.infer<typeof DimensionSchema>;

export const TaxonomySchema = z.strictObject({
  /** Where the tree comes from, in one line. */
  source: z.string().optional(),
  /** The colour for papers without a label in a dimension: neutral, never a category colour. */
  unknownColor: color,
  dimensions: z.array(DimensionSchema),
});
export type Taxonomy = z.infer<typeof TaxonomySchema>;

export { dimension, parentCategoryId, parentDimensionId } from './vocab';
