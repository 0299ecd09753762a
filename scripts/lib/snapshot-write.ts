/**
 * import:snapshot's output: a graph-data directory written whole or not at all (written into a
 * sibling directory, then renamed into place), with the project's writers (src/data/).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DATASET_FILE,
  EDGES_DIR,
  PAPERS_FILE,
  TAXONOMY_FILE,
  stringifyDatasetFile,
  papersFileChunks,
  stringifyEdgesTsv,
  stringifyTaxonomyFile,
} from '../../src/data/index';
import type { DatasetInfo } from '../../src/model/dataset';
import type { EdgeRecord } from '../../src/model/edge';
import type { PaperRecord } from '../../src/model/paper';
import type { Taxonomy } from '../../src/model/taxonomy';
import { validateDataset } from '../../src/graph/build/validate';
import { writeChunksAtomic } from './atomic-write';

/** A file's text, whole or in pieces written one after the other. */
export type FileText = string | Iterable<string>;

export const SNAPSHOT_EDGES_FILE = join(EDGES_DIR, 'openalex-snapshot.tsv');

export interface SnapshotDataset {
  info: DatasetInfo;
  papers: PaperRecord[];
  taxonomy: Taxonomy;
  edges: EdgeRecord[];
}

/**
 * The directory's files. Papers and taxonomy are checked as build:graph checks them (throws
 * DataErrors); the edges are made from the papers' own ids, so only their ends are checked here
 * (validating 10^6 edge records one by one would double the import's time).
 */
export function datasetFiles(dir: string, ds: SnapshotDataset): [string, FileText][] {
  validateDataset({
    info: ds.info,
    papers: ds.papers.map((value, i) => ({ value, file: join(dir, PAPERS_FILE), line: i + 1 })),
    labels: [],
    taxonomy: { value: ds.taxonomy, file: join(dir, TAXONOMY_FILE), line: 1 },
    edges: [],
  });
  const ids = new Set(ds.papers.map((p) => p.id));
  const loose = ds.edges.find((e) => !ids.has(e.source) || !ids.has(e.target) || e.source === e.target);
  if (loose)
    throw new Error(`edge ${loose.source} → ${loose.target}: not between two distinct papers of the dataset`);
  return [
    [DATASET_FILE, stringifyDatasetFile(ds.info)],
    // a record at a time: the whole list's YAML document would take twenty times the file's size
    [PAPERS_FILE, papersFileChunks(ds.papers)],
    [TAXONOMY_FILE, stringifyTaxonomyFile(ds.taxonomy, 'npm run import:snapshot')],
    [SNAPSHOT_EDGES_FILE, stringifyEdgesTsv('openalex-snapshot', ds.edges)],
  ];
}

/** Whether `dir` can be written: absent or empty, or `force` to replace it. Returns a problem or null. */
export function outputProblem(dir: string, force: boolean): string | null {
  if (!existsSync(dir)) return null;
  if (!statSync(dir).isDirectory()) return `${dir}: exists and is not a directory; nothing written`;
  if (readdirSync(dir).length > 0 && !force)
    return `${dir}: not empty; choose a new directory, or --force to replace it`;
  return null;
}

/** Write every file into a sibling directory, then rename it into place (the old one removed after). */
export function writeDirectoryAtomic(dir: string, files: readonly [string, FileText][]): void {
  const target = dir.replace(/[\\/]+$/, '');
  const tmp = `${target}.importing-${process.pid}`;
  const old = `${target}.replaced-${process.pid}`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    for (const [name, text] of files) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeChunksAtomic(join(tmp, name), typeof text === 'string' ? [text] : text);
    }
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(target)) renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
