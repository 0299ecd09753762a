/**
 * graph-data/cache/<source>/<paper id>.json: one online-cache entry per file (see src/model/online.ts).
 * Pure parser and serialiser; the file system side is scripts/lib/online-cache-fs.ts.
 */
import { CacheEntrySchema } from '../model/online';
import type { CacheEntry, OnlineSource } from '../model/online';
import { DataError } from '../model/errors';

export const CACHE_DIR = 'cache';

/** Where an entry lives, relative to the graph-data directory. */
export function cacheEntryPath(source: OnlineSource, id: string): string {
  return `${CACHE_DIR}/${source}/${id}.json`;
}

/**
 * Parses one entry and checks it is the one its path says (source and paper id). Throws a
 * DataError naming the file and the field.
 */
export function parseCacheEntry(
  text: string,
  file: string,
  expected: { source: OnlineSource; id: string },
): CacheEntry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataError({ file }, `is not valid JSON (${(e as Error).message})`);
  }
  const parsed = CacheEntrySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    throw new DataError({ file, ...(field ? { field } : {}) }, issue?.message ?? 'invalid cache entry');
  }
  const entry = parsed.data;
  if (entry.source !== expected.source)
    throw new DataError(
      { file, field: 'source' },
      `is "${entry.source}" in the ${expected.source} directory`,
    );
  if (entry.id !== expected.id)
    throw new DataError(
      { file, field: 'id' },
      `is "${entry.id}" but the file is named after "${expected.id}"`,
    );
  return entry;
}

/** An entry's file text: two-space JSON in the schema's key order, with a final newline. */
export function stringifyCacheEntry(entry: CacheEntry): string {
  return `${JSON.stringify(entry, null, 2)}\n`;
}
