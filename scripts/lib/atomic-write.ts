/** Atomic file writes for the command-line tools (the only code that touches the file system). */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
