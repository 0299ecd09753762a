/** The library in the view state: a precomputed set for the rings, never in the link, kept per dataset in storage. */
import { describe, expect, it } from 'vitest';
import { buildCaches, updateCaches } from '../../../src/render/caches';
import { clearLibraryMarks, setLibraryMarks } from '../../../src/state/library';
import { viewToQuery, type UrlContext } from '../../../src/state/url';
import { select } from '../../../src/state/view';
import { clearLibrary, libraryStorageKey, loadLibrary, saveLibrary } from '../../../src/library/storage';
import type { LibraryFile } from '../../../src/library/types';
import { graph, meta, s0 } from '../support/small-reducers';

/** A Storage over a Map (the Web Storage interface: https://html.spec.whatwg.org/multipage/webstorage.html#the-storage-interface). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

describe('library marks', () => {
  it('are a set in the caches, rebuilt when the library changes, with a highlight refresh', () => {
    const marked = setLibraryMarks(s0, ['2208.01618', 'not-a-paper', '1904.03189']);
    expect(setLibraryMarks(marked, ['2208.01618', 'not-a-paper', '1904.03189'])).toBe(marked);
    const c0 = buildCaches(graph, meta, s0);
    expect(c0.library).toBeNull();
    const r = updateCaches(c0, graph, meta, s0, marked);
    expect(r.refresh).toBe('highlight');
    expect([...r.caches.library!]).toEqual(['2208.01618', '1904.03189']);
    const cleared = clearLibraryMarks(marked);
    expect(cleared.library).toBeNull();
    expect(clearLibraryMarks(cleared)).toBe(cleared);
    expect(updateCaches(r.caches, graph, meta, marked, cleared).caches.library).toBeNull();
  });

  it('never go into the link', () => {
    const ctx: UrlContext = { meta, hasNode: (id) => graph.hasNode(id), communityBrush: () => null };
    const marked = setLibraryMarks(select(s0, '1904.03189'), ['2208.01618', '2308.06721']);
    const query = viewToQuery(marked, null, ctx);
    expect(query).toBe('sel=1904.03189');
    expect(query).toBe(viewToQuery({ ...marked, library: null }, null, ctx));
  });
});

describe('library storage', () => {
  const lib: LibraryFile = {
    name: 'mine.bib',
    format: 'bibtex',
    entries: [{ key: 'k', line: 3, title: 'T', doi: null, arxiv: '2208.01618', year: 2022 }],
  };

  it('keeps one library per dataset name, and clears it', () => {
    const st = memoryStorage();
    expect(saveLibrary(st, 'Survey A', lib)).toBe(true);
    expect(loadLibrary(st, 'Survey A')).toEqual(lib);
    expect(loadLibrary(st, 'Survey B')).toBeNull();
    clearLibrary(st, 'Survey A');
    expect(loadLibrary(st, 'Survey A')).toBeNull();
  });

  it('drops a damaged entry instead of failing', () => {
    const st = memoryStorage();
    st.setItem(libraryStorageKey('S'), '{"name": "x", "format": "bibtex", "entries": [{"key": 1}]}');
    expect(loadLibrary(st, 'S')).toBeNull();
    expect(st.getItem(libraryStorageKey('S'))).toBeNull();
    st.setItem(libraryStorageKey('S'), 'not json');
    expect(loadLibrary(st, 'S')).toBeNull();
  });

  it('says so when the browser refuses to store', () => {
    const st = memoryStorage();
    st.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveLibrary(st, 'S', lib)).toBe(false);
  });
});
