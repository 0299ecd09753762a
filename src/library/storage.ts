/**
 * The reader's library kept in this browser (localStorage), one per dataset name, never in a link:
 * the file's name, format and entries as read, so a reload marks the same papers again.
 */
import type { LibraryEntry, LibraryFile, LibraryFormat } from './types';

const PREFIX = 'lineage-atlas:library:';
const FORMATS: readonly LibraryFormat[] = ['bibtex', 'csl-json', 'ris'];

export function libraryStorageKey(dataset: string): string {
  return `${PREFIX}${dataset}`;
}

function isEntry(e: unknown): e is LibraryEntry {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  const strOrNull = (v: unknown) => v === null || typeof v === 'string';
  return (
    typeof o.key === 'string' &&
    typeof o.line === 'number' &&
    strOrNull(o.title) &&
    strOrNull(o.doi) &&
    strOrNull(o.arxiv) &&
    (o.year === null || typeof o.year === 'number')
  );
}

/** The library stored for `dataset`, or null (none, or unreadable: then it is dropped). */
export function loadLibrary(storage: Storage, dataset: string): LibraryFile | null {
  const key = libraryStorageKey(dataset);
  const raw = storage.getItem(key);
  if (raw === null) return null;
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    if (
      typeof o.name === 'string' &&
      FORMATS.includes(o.format as LibraryFormat) &&
      Array.isArray(o.entries) &&
      o.entries.every(isEntry)
    ) {
      return { name: o.name, format: o.format as LibraryFormat, entries: o.entries };
    }
  } catch {
    // fall through: not ours, or damaged
  }
  storage.removeItem(key);
  return null;
}

/** Stores the library; false when the browser refuses (storage full or disabled). */
export function saveLibrary(storage: Storage, dataset: string, library: LibraryFile): boolean {
  try {
    storage.setItem(libraryStorageKey(dataset), JSON.stringify(library));
    return true;
  } catch {
    return false;
  }
}

export function clearLibrary(storage: Storage, dataset: string): void {
  storage.removeItem(libraryStorageKey(dataset));
}
