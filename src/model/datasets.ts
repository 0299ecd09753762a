/**
 * The datasets list (public/datasets.json): what `npm run build:graph` has built into a directory,
 * one entry per graph file, keyed by the file's name relative to that directory. The explorer reads
 * it next to the graph file it opens and offers a dataset switcher when it lists several.
 * No build date: the same graph files give the same bytes.
 */
import { z } from 'zod';

export const DATASETS_FILE = 'datasets.json';
export const DATASETS_FILE_FORMAT = 'lineage-atlas/datasets';
export const DATASETS_FILE_VERSION = 1;

/** A graph file's name in the directory of datasets.json: no path, not hidden, not datasets.json itself. */
export const DatasetFileNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[^/\\]+$/, 'must be a file name in the same directory, without "/" or "\\"')
  .refine((name) => !name.startsWith('.'), 'must not start with "."')
  .refine((name) => name !== DATASETS_FILE, `must not be ${DATASETS_FILE} itself`);

export const DatasetEntrySchema = z.strictObject({
  /** meta.dataset.name of the graph file. */
  name: z.string().min(1),
  description: z.string().optional(),
  papers: z.int().min(0),
  edges: z.int().min(0),
  /** meta.inputsHash of the graph file: which inputs it was built from. */
  inputsHash: z.string().min(1),
  /**
   * The graph's compact form, written by the same build beside it (see src/graph/binary/format.ts):
   * the binary and its side table. The explorer loads these first, and the graph file when they fail.
   */
  binary: z.strictObject({ file: DatasetFileNameSchema, side: DatasetFileNameSchema }).optional(),
});
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>;

export const DatasetsFileSchema = z.strictObject({
  format: z.literal(DATASETS_FILE_FORMAT),
  version: z.literal(DATASETS_FILE_VERSION),
  /** Graph file name → what it holds; written sorted by file name. */
  datasets: z.record(DatasetFileNameSchema, DatasetEntrySchema),
});
export type DatasetsFile = z.infer<typeof DatasetsFileSchema>;
