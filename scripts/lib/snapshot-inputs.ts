/**
 * import:snapshot's inputs besides the works: topic arguments, the seeds (a file or a graph-data
 * directory) and the merged-id CSVs found next to the works or named with --merged.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGraphData } from './graph-data-fs';
import type { SnapshotFile } from './snapshot-files';
import { parseSeedsText, seedsOfPapers } from '../../src/snapshot/seeds';
import type { Seed } from '../../src/snapshot/seeds';
import { entityNumber } from '../../src/snapshot/work';

export type Log = (line: string) => void;

/** Topic arguments: "T10001", "https://openalex.org/T10001" or "10001". */
export function parseTopicArg(raw: string): number | null {
  return /^(?:https?:\/\/openalex\.org\/)?T?\d+$/i.test(raw.trim()) ? entityNumber(raw.trim()) : null;
}

/**
 * The merged-id CSVs next to the works, where the snapshot keeps them
 * (https://developers.openalex.org/download/snapshot-format): the current snapshot has its works
 * under data/jsonl/works/ or data/parquet/works/ and the merged ids under
 * legacy-data/merged_ids/works/, beside the pre-2026 layout it preserves under legacy-data/; a
 * pre-2026 copy has its works under data/works/ and the merged ids under data/merged_ids/works/.
 * Every one of the candidate folders that exists is read (the table keeps each merge once).
 */
export function mergedDirs(worksFile: string): string[] {
  const path = resolve(worksFile).replace(/\\/g, '/');
  const m = /^(.*)\/(data\/(?:jsonl|parquet)|data|legacy-data)\/works\//.exec(path);
  if (!m) return [];
  const root = m[1] as string;
  const legacy = join(root, 'legacy-data', 'merged_ids', 'works');
  const old = join(root, 'data', 'merged_ids', 'works');
  const dirs = m[2] === 'legacy-data' ? [legacy] : m[2] === 'data' ? [old, legacy] : [legacy, old];
  return dirs.filter((d) => existsSync(d) && statSync(d).isDirectory());
}

/** The merged-id CSVs: `merged` (a CSV or a folder of them) when given, else those next to the works (mergedDirs). */
export function mergedFiles(merged: string, files: readonly SnapshotFile[]): string[] {
  if (merged) return listCsv(merged);
  const first = files[0]?.path;
  return first === undefined ? [] : mergedDirs(first).flatMap(listCsv);
}

function listCsv(dirOrFile: string): string[] {
  if (!existsSync(dirOrFile)) return [];
  if (!statSync(dirOrFile).isDirectory()) return [dirOrFile];
  return readdirSync(dirOrFile)
    .filter((n) => /\.csv(\.gz)?$/i.test(n))
    .sort()
    .map((n) => join(dirOrFile, n));
}

/** The seeds of a seeds file or a graph-data directory; null (each problem logged) when they cannot be read. */
export function readSeeds(path: string, log: Log): Seed[] | null {
  if (!existsSync(path)) {
    log(`${path}: seeds file not found`);
    return null;
  }
  if (statSync(path).isDirectory()) {
    const ds = readGraphData(path);
    return seedsOfPapers(ds.papers.map((p) => p.value));
  }
  const { seeds, errors } = parseSeedsText(readFileSync(path, 'utf8'));
  for (const e of errors) log(`${path}:${e.line}: "${e.text}" is not an OpenAlex work id, DOI or arXiv id`);
  return errors.length > 0 ? null : seeds;
}
