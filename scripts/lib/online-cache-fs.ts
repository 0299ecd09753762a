/**
 * File-system side of the online citation cache (graph-data/cache/<source>/<paper id>.json):
 * reading every entry for the build, reading one for the fetcher, writing one atomically.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, cacheEntryPath, parseCacheEntry, stringifyCacheEntry } from '../../src/data/online-cache';
import { DataError } from '../../src/model/errors';
import { emptyOnlineCache, ONLINE_SOURCES } from '../../src/model/online';
import { writeChunksAtomic } from './atomic-write';
import type { CacheEntry, OnlineCache, OnlineSource } from '../../src/model/online';

/** Files of the cache the build reads, relative to the data directory, in a fixed order. */
export function cacheFiles(dataDir: string): string[] {
  const files: string[] = [];
  for (const source of ONLINE_SOURCES) {
    const dir = join(dataDir, CACHE_DIR, source);
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort();
    files.push(...names.map((n) => `${CACHE_DIR}/${source}/${n}`));
  }
  return files;
}

/**
 * Every entry of the cache, or undefined when the directory has no cache. Problems (invalid JSON,
 * wrong fields, an entry under another paper's name) are collected into `errors`.
 */
export function readOnlineCache(dataDir: string, errors: DataError[]): OnlineCache | undefined {
  const files = cacheFiles(dataDir);
  if (files.length === 0) return undefined;
  const cache = emptyOnlineCache();
  for (const rel of files) {
    const [, source, name] = rel.split('/') as [string, OnlineSource, string];
    const file = join(dataDir, rel);
    try {
      const entry = parseCacheEntry(readFileSync(file, 'utf8'), file, {
        source,
        id: name.slice(0, -'.json'.length),
      });
      (cache[entry.source] as Map<string, CacheEntry>).set(entry.id, entry);
    } catch (e) {
      if (e instanceof DataError) errors.push(e);
      else throw e;
    }
  }
  return cache;
}

/** One entry, or null when it is missing or unreadable (the fetcher then fetches it again). */
export function readCacheEntry(dataDir: string, source: OnlineSource, id: string): CacheEntry | null {
  const file = join(dataDir, cacheEntryPath(source, id));
  if (!existsSync(file)) return null;
  try {
    return parseCacheEntry(readFileSync(file, 'utf8'), file, { source, id });
  } catch {
    return null;
  }
}

/** Writes text to a temporary file, flushes it to disk, then renames it over `path`. */
export function writeTextDurable(path: string, text: string): void {
  writeChunksAtomic(path, [text]);
}

/** Writes one entry atomically: a reader (or a killed run) sees the old file or the whole new one. */
export function writeCacheEntry(dataDir: string, entry: CacheEntry): void {
  writeTextDurable(join(dataDir, cacheEntryPath(entry.source, entry.id)), stringifyCacheEntry(entry));
}

/** Removes temporary files a killed run left in the cache; returns how many. */
export function removeStaleTemporaries(dataDir: string): number {
  let removed = 0;
  for (const source of ONLINE_SOURCES) {
    const dir = join(dataDir, CACHE_DIR, source);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        rmSync(join(dir, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
