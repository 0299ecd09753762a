/**
 * The snapshot's files on disk: expanding --works, and reading gzipped JSON Lines in Node so that
 * every line is accounted for. DuckDB's JSON reader with ignore_errors turns a bad line into a row
 * of NULLs without saying where, and reads a truncated gzip member without complaint
 * (https://duckdb.org/docs/stable/data/json/loading_json, `ignore_errors`); so each file is also
 * decompressed here (zlib checks the gzip trailer's CRC and length), its non-empty lines counted,
 * and a file whose count or rows disagree is read line by line to name each bad line.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parseWorkLine } from '../../src/snapshot/work';

export type SnapshotFileKind = 'jsonl-gz' | 'jsonl' | 'parquet';

export interface SnapshotFile {
  path: string;
  kind: SnapshotFileKind;
  bytes: number;
}

/**
 * What kind of works file a path is, or null for anything else. The snapshot's manifests list its
 * files and are no works: `manifest` beside the works in a pre-2026 copy, `manifest.json` under
 * each format prefix (data/jsonl/, data/parquet/) now
 * (https://developers.openalex.org/download/snapshot-format).
 */
export function fileKind(path: string): SnapshotFileKind | null {
  if (/^manifest(\.json)?$/i.test(basename(path))) return null;
  if (/\.parquet$/i.test(path)) return 'parquet';
  if (/\.gz$/i.test(path)) return 'jsonl-gz';
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return 'jsonl';
  return null;
}

function globRegex(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/**
 * The files a --works argument names: a file; a directory (every works file below it); or a
 * glob with `*`, `?` and `**` (any depth), e.g. "snapshot/data/jsonl/works/updated_date=*\/*.gz".
 * Sorted by path; only JSON Lines (.gz, .jsonl, .json) and Parquet files, never a manifest.
 */
export function expandWorks(pattern: string): string[] {
  let paths: string[] = [];
  if (!/[*?]/.test(pattern)) {
    if (!existsSync(pattern)) return [];
    if (statSync(pattern).isDirectory()) walk(pattern, paths);
    else paths = [pattern];
  } else {
    const parts = pattern.split(/[\\/]/);
    const absolute = pattern.startsWith('/');
    let bases = [absolute ? '/' : '.'];
    parts.forEach((part, i) => {
      if (part === '' && i === 0) return;
      const last = i === parts.length - 1;
      const next: string[] = [];
      for (const base of bases) {
        if (part === '**') {
          const all: string[] = [base];
          const dirs = (d: string) => {
            for (const n of readdirSync(d).sort()) {
              const p = join(d, n);
              if (statSync(p).isDirectory()) {
                all.push(p);
                dirs(p);
              }
            }
          };
          if (existsSync(base) && statSync(base).isDirectory()) dirs(base);
          next.push(...all);
        } else if (!/[*?]/.test(part)) {
          const p = join(base, part);
          if (existsSync(p)) next.push(p);
        } else if (existsSync(base) && statSync(base).isDirectory()) {
          const re = globRegex(part);
          for (const n of readdirSync(base).sort()) {
            const p = join(base, n);
            if (re.test(n) && (last || statSync(p).isDirectory())) next.push(p);
          }
        }
      }
      bases = next;
    });
    paths = bases.filter((p) => existsSync(p) && statSync(p).isFile());
    if (!absolute) paths = paths.map((p) => (p.startsWith(`.${sep}`) ? p.slice(2) : p));
  }
  return [...new Set(paths)].filter((p) => fileKind(p) !== null).sort();
}

export function snapshotFiles(pattern: string): SnapshotFile[] {
  return expandWorks(pattern).map((path) => ({
    path,
    kind: fileKind(path) as SnapshotFileKind,
    bytes: statSync(path).size,
  }));
}

/** The latest `updated_date=YYYY-MM-DD` partition among the paths, if any. */
export function latestPartition(paths: readonly string[]): string | null {
  let best: string | null = null;
  for (const p of paths) {
    const m = /updated_date=(\d{4}-\d{2}-\d{2})/.exec(p);
    if (m && (best === null || (m[1] as string) > best)) best = m[1] as string;
  }
  return best;
}

function lineStream(file: SnapshotFile, onBytes?: (n: number) => void): NodeJS.ReadableStream {
  const raw = createReadStream(file.path);
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (file.kind !== 'jsonl-gz') return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

export interface LineCount {
  /** Non-empty lines (DuckDB's reader skips empty ones). */
  lines: number;
  /** Why the file could not be read to its end (a truncated or corrupt gzip), after `lines` lines. */
  error: string | null;
}

/** Decompress a JSON Lines file and count its non-empty lines; `onBytes` gets the bytes read from disk. */
export async function countLines(file: SnapshotFile, onBytes?: (n: number) => void): Promise<LineCount> {
  let lines = 0;
  let current = 0;
  try {
    for await (const chunk of lineStream(file, onBytes)) {
      const buf = chunk as Buffer;
      let from = 0;
      for (;;) {
        const nl = buf.indexOf(10, from);
        const end = nl === -1 ? buf.length : nl;
        for (let i = from; i < end; i++) {
          const c = buf[i] as number;
          if (c !== 13 && c !== 32 && c !== 9) {
            current += 1;
            break;
          }
        }
        if (nl === -1) break;
        if (current > 0) lines += 1;
        current = 0;
        from = nl + 1;
      }
    }
  } catch (e) {
    return { lines, error: gzipMessage(e) };
  }
  if (current > 0) lines += 1;
  return { lines, error: null };
}

function gzipMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return /unexpected end of file/i.test(msg) ? `truncated gzip (${msg})` : `unreadable gzip (${msg})`;
}

export interface BadLine {
  file: string;
  /** 1-based line in the decompressed file. */
  line: number;
  reason: string;
}

/**
 * Read a file line by line: every line that is not a work (invalid JSON, not an object, no id, an
 * id that is not a work's) is a BadLine; so is the rest of a file whose gzip stream breaks off (a
 * partial last line, at the line where it broke). The good lines go to `goodOut` as JSON Lines.
 * Returns the bad lines and the number of good ones.
 */
export async function locateBadLines(
  file: SnapshotFile,
  goodOut: string,
): Promise<{ bad: BadLine[]; good: number }> {
  const out = createWriteStream(goodOut);
  const bad: BadLine[] = [];
  let good = 0;
  let lineNo = 0;
  let rest = '';
  const take = (text: string) => {
    lineNo += 1;
    if (text.trim() === '') return;
    const res = parseWorkLine(text);
    if ('bad' in res) bad.push({ file: file.path, line: lineNo, reason: res.bad });
    else {
      good += 1;
      out.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  };
  try {
    const stream = lineStream(file);
    stream.setEncoding?.('utf8');
    for await (const chunk of stream) {
      const text = rest + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) take(p);
    }
    if (rest !== '') take(rest);
  } catch (e) {
    bad.push({ file: file.path, line: lineNo + 1, reason: `${gzipMessage(e)}; the file ends here` });
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return { bad, good };
}
