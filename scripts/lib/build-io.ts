/**
 * File-system side of the graph build: which files are its inputs, their hash, and an atomic
 * writer for output that comes in chunks (a 10^6-edge graph file is too big for one string).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILE, EDGES_DIR, LABELS_FILE, PAPERS_FILE, TAXONOMY_FILE } from '../../src/data/index';
import { cacheFiles } from './online-cache-fs';

export { writeChunksAtomic } from './atomic-write';

/** The files of a graph-data directory the build reads (the online cache's too), relative to it, in a fixed order. */
export function inputFiles(dir: string): string[] {
  const files = [DATASET_FILE, PAPERS_FILE, LABELS_FILE, TAXONOMY_FILE].filter((f) =>
    existsSync(join(dir, f)),
  );
  const edgesDir = join(dir, EDGES_DIR);
  if (existsSync(edgesDir)) {
    const names = readdirSync(edgesDir)
      .filter((n) => n.endsWith('.tsv'))
      .sort();
    files.push(...names.map((n) => `${EDGES_DIR}/${n}`));
  }
  for (const f of cacheFiles(dir)) files.push(f);
  return files;
}

/**
 * sha256 (hex) over the input files: each file's relative path and bytes, length-prefixed, so
 * renaming or moving content between files changes the hash too.
 */
export function hashInputs(dir: string): string {
  const hash = createHash('sha256');
  for (const file of inputFiles(dir)) {
    const bytes = readFileSync(join(dir, file));
    hash.update(`${file}\u0000${bytes.length}\u0000`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
