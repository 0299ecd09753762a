/**
 * The datasets list (datasets.json, next to the graph files): the pure producer the build uses to
 * record what it built, its deterministic serialiser, and the parser the build and the explorer share.
 * No file system here (see scripts/build-graph.ts) and no YAML: the explorer imports this file.
 */
import { DataError } from '../model/errors';
import {
  DATASETS_FILE_FORMAT,
  DATASETS_FILE_VERSION,
  DatasetFileNameSchema,
  DatasetsFileSchema,
  type DatasetEntry,
  type DatasetsFile,
} from '../model/datasets';
import type { GraphMeta } from '../model/graph-file';

/** An empty list, for a directory with no datasets.json yet. */
export function emptyDatasetsFile(): DatasetsFile {
  return { format: DATASETS_FILE_FORMAT, version: DATASETS_FILE_VERSION, datasets: {} };
}

/** What a graph file's entry records, from its metadata. */
export function datasetEntryFromMeta(meta: GraphMeta): DatasetEntry {
  const { name, description } = meta.dataset;
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    papers: meta.counts.papers,
    edges: meta.counts.edges,
    inputsHash: meta.inputsHash,
  };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The next list: `previous` with `file`'s entry set to `entry` (replacing any earlier one), without
 * the entries whose graph file is not among `existingFiles` (the names in the directory, which must
 * include `file` once written), sorted by file name. Pure: `previous` is left as it is.
 */
export function nextDatasetsFile(
  previous: DatasetsFile,
  file: string,
  entry: DatasetEntry,
  existingFiles: Iterable<string>,
): DatasetsFile {
  const name = DatasetFileNameSchema.safeParse(file);
  if (!name.success)
    throw new Error(
      `nextDatasetsFile: graph file name "${file}" ${name.error.issues[0]?.message ?? 'is invalid'}`,
    );
  const present = new Set(existingFiles);
  present.add(file);
  const merged: Record<string, DatasetEntry> = { ...previous.datasets, [file]: entry };
  const datasets: Record<string, DatasetEntry> = {};
  for (const key of Object.keys(merged).sort(compareNames)) {
    if (present.has(key)) datasets[key] = merged[key]!;
  }
  return { format: DATASETS_FILE_FORMAT, version: DATASETS_FILE_VERSION, datasets };
}

/** The file's text: entries sorted by file name, fields in a fixed order, two-space indent, final newline. */
export function stringifyDatasetsFile(list: DatasetsFile): string {
  const datasets: Record<string, DatasetEntry> = {};
  for (const key of Object.keys(list.datasets).sort(compareNames)) {
    const e = list.datasets[key]!;
    datasets[key] = {
      name: e.name,
      ...(e.description !== undefined ? { description: e.description } : {}),
      papers: e.papers,
      edges: e.edges,
      inputsHash: e.inputsHash,
      ...(e.binary ? { binary: { file: e.binary.file, side: e.binary.side } } : {}),
    };
  }
  return `${JSON.stringify({ format: list.format, version: list.version, datasets }, null, 2)}\n`;
}

/**
 * Parses datasets.json text. Throws a DataError naming `file`, the entry (by its graph file name)
 * and the field that is wrong.
 */
export function parseDatasetsFile(text: string, file: string): DatasetsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataError({ file }, `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = DatasetsFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  const record = path[0] === 'datasets' && path.length > 1 ? `entry "${path[1]}"` : undefined;
  const fieldPath = record ? path.slice(2) : path;
  let problem = issue.message;
  if (issue.code === 'unrecognized_keys')
    problem = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_key')
    problem = `the key is not a graph file name: ${issue.issues[0]?.message ?? 'invalid'}`;
  if (path.length === 0 && issue.code === 'invalid_type') problem = 'expected a JSON object';
  return fail(file, record, fieldPath.length > 0 ? fieldPath.join('.') : undefined, problem);
}

function fail(file: string, record: string | undefined, field: string | undefined, problem: string): never {
  throw new DataError({ file, ...(record ? { record } : {}), ...(field ? { field } : {}) }, problem);
}
