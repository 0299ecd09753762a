/**
 * File-system side of the graph-data format: read a whole graph-data directory into a Dataset,
 * and write files atomically. The parsing itself is pure (src/data/).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Dataset, DatasetInfo, Located } from '../../src/model/dataset';
import type { EdgeRecord } from '../../src/model/edge';
import type { PaperLabels, PaperRecord } from '../../src/model/paper';
import type { Taxonomy } from '../../src/model/taxonomy';
import { DataError, DataErrors } from '../../src/model/errors';
import {
  DATASET_FILE,
  EDGES_DIR,
  LABELS_FILE,
  PAPERS_FILE,
  TAXONOMY_FILE,
  parseDatasetFile,
  parseEdgesTsv,
  parseLabelsFile,
  parsePapersFile,
  parseTaxonomyFile,
} from '../../src/data/index';
import { readOnlineCache } from './online-cache-fs';

/**
 * Read and validate every file of a graph-data directory. dataset.yaml, papers.yaml and
 * taxonomy.yaml are required; labels.yaml, edges/*.tsv and the online cache (cache/) are optional.
 * Every file's errors are collected and thrown together as DataErrors.
 */
export function readGraphData(dir: string): Dataset {
  const errors: DataError[] = [];
  if (!existsSync(dir)) {
    throw new DataErrors([new DataError({ file: dir }, 'graph-data directory not found')]);
  }
  function load<T>(name: string, required: boolean, parse: (text: string, file: string) => T): T | undefined {
    const file = join(dir, name);
    if (!existsSync(file)) {
      if (required)
        errors.push(new DataError({ file }, `required file is missing (expected ${name} in ${dir})`));
      return undefined;
    }
    try {
      return parse(readFileSync(file, 'utf8'), file);
    } catch (e) {
      if (e instanceof DataErrors) for (const error of e.errors) errors.push(error);
      else if (e instanceof DataError) errors.push(e);
      else throw e;
      return undefined;
    }
  }
  const info = load<DatasetInfo>(DATASET_FILE, true, parseDatasetFile);
  const papers = load<Located<PaperRecord>[]>(PAPERS_FILE, true, parsePapersFile);
  const labels = load<Located<PaperLabels>[]>(LABELS_FILE, false, parseLabelsFile) ?? [];
  const taxonomy = load<Located<Taxonomy>>(TAXONOMY_FILE, true, parseTaxonomyFile);
  const edges: Located<EdgeRecord>[] = [];
  const edgesDir = join(dir, EDGES_DIR);
  if (existsSync(edgesDir)) {
    const names = readdirSync(edgesDir)
      .filter((n) => n.endsWith('.tsv'))
      .sort();
    for (const name of names) {
      const records = load(join(EDGES_DIR, name), false, (text, file) => parseEdgesTsv(text, file)) ?? [];
      // a loop, not push(...records): spreading 10^5+ arguments overflows the call stack
      for (const record of records) edges.push(record);
    }
  }
  const online = readOnlineCache(dir, errors);
  if (errors.length > 0 || !info || !papers || !taxonomy) throw new DataErrors(errors);
  return online
    ? { info, papers, labels, taxonomy, edges, online }
    : { info, papers, labels, taxonomy, edges };
}

/**
 * Write `text` to `path` atomically: write a temporary file in the same directory, then rename it
 * over the target, so readers never see a half-written file and a failure leaves the old one.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
