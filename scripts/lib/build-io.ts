/**
 * File-system side of the graph build: which files are its inputs, their hash, and an atomic
 * writer for output that comes in chunks (a 10^6-edge graph file is too big for one string).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DATASET_FILE, EDGES_DIR, LABELS_FILE, PAPERS_FILE, TAXONOMY_FILE } from '../../src/data/index';
import { cacheFiles } from './online-cache-fs';

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
 * Writes the chunks to a temporary file next to `path`, flushes it, then renames it over `path`:
 * readers see the old file or the whole new one, never a part. On any failure (including one
 * thrown by the chunk generator) the temporary file is removed and `path` is untouched.
 * Returns the number of bytes written.
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string>, bufferBytes = 1 << 20): number {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  let closed = false;
  let bytes = 0;
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      const buf = Buffer.from(pending.join(''), 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      bytes += buf.length;
      pending = [];
      pendingLength = 0;
    };
    for (const chunk of chunks) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= bufferBytes) flush();
    }
    flush();
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    renameSync(tmp, path);
    return bytes;
  } catch (e) {
    if (!closed) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
