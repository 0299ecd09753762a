/**
 * File-system side of the graph build: which files are its inputs, their hash, and an atomic
 * writer for output that comes in chunks (a 10^6-edge graph file is too big for one string).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DATASET_FILE, EDGES_DIR, LABELS_FILE, PAPERS_FILE, TAXONOMY_FILE } from '../../src/data/index';
import { datasetEntryFromMeta } from '../../src/data/datasets-list';
import { encodeGraphBinary } from '../../src/graph/binary/encode';
import { binaryFileNames } from '../../src/graph/binary/format';
import type { AtlasGraph } from '../../src/graph/types';
import type { DatasetEntry } from '../../src/model/datasets';
import type { GraphMeta } from '../../src/model/graph-file';
import { writeBytesAtomic, writeChunksAtomic } from './atomic-write';
import { cacheFiles } from './online-cache-fs';

export { writeChunksAtomic };

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

/**
 * Writes the compact form of the graph file at `graphPath` beside it (`x.bin`, `x.side.json`, each
 * atomically) and returns its datasets.json entry, which names both files.
 */
export function writeCompactForm(graphPath: string, graph: AtlasGraph, meta: GraphMeta): DatasetEntry {
  const names = binaryFileNames(basename(graphPath));
  const encoded = encodeGraphBinary(graph, meta);
  writeBytesAtomic(join(dirname(graphPath), names.binary), encoded.binary);
  writeChunksAtomic(join(dirname(graphPath), names.side), encoded.side());
  return { ...datasetEntryFromMeta(meta), binary: { file: names.binary, side: names.side } };
}
