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
  return writeAtomic(path, (write) => {
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      write(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      pendingLength = 0;
    };
    for (const chunk of chunks) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= bufferBytes) flush();
    }
    flush();
  });
}

/** Writes `bytes` atomically, as `writeChunksAtomic` does text. Returns the number of bytes written. */
export function writeBytesAtomic(path: string, bytes: Uint8Array): number {
  return writeAtomic(path, (write) => write(bytes));
}

/** The temporary file, flush and rename of both writers; `fill` writes the content through `write`. */
function writeAtomic(path: string, fill: (write: (bytes: Uint8Array) => void) => void): number {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  let closed = false;
  let bytes = 0;
  try {
    fill((buf) => {
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      bytes += buf.length;
    });
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
