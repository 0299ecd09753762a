/**
 * The "My library" region's working part, loaded on first use (see library-panel.ts): reads a library
 * file, matches it against the graph, marks the matched papers (view state `library`), keeps it in
 * this browser, and lists the unmatched entries, "Not in your library" and "New since" (ranked as
 * src/library/reading.ts documents). A file that cannot be read leaves the graph and any library
 * already open as they were; its error names the file, the line and what is wrong.
 */
import { lineageIndex } from '../graph/lineage/adjacency';
import { matchLibrary, matchSummary, graphIds, type LibraryMatches } from '../library/match';
import { parseLibrary } from '../library/parse';
import { newSince, notInLibrary } from '../library/reading';
import { clearLibrary, loadLibrary, saveLibrary } from '../library/storage';
import type { LibraryFile } from '../library/types';
import { clearLibraryMarks, setLibraryMarks } from '../state/library';
import type { ViewState } from '../state/types';
import { select } from '../state/view';
import type { AppContext } from './context';
import { h } from './dom';

/** Rows shown per list. */
const LIST_LIMIT = 15;

export interface LibraryElements {
  body: HTMLElement;
  error: HTMLElement;
  status: HTMLElement;
  clear: HTMLElement;
}

export interface LibraryController {
  open(file: File): Promise<void>;
  restore(): void;
  clear(): void;
  cleanup(): void;
}

export function createLibraryController(
  ctx: AppContext,
  els: LibraryElements,
  storage: Storage | null,
): LibraryController {
  const { graph, meta, store } = ctx;
  const dataset = meta.dataset.name;
  const ids = graphIds(graph);
  const index = lineageIndex(graph);
  let current: { file: LibraryFile; matches: LibraryMatches } | null = null;
  const years = meta.years;
  let since: number | null = null;

  const row = (node: string, count: string) => {
    const a = graph.getNodeAttributes(node);
    const b = h(
      'button',
      {
        type: 'button',
        class: 'library-row',
        'data-node': node,
        title: `${a.title ?? a.label} (${a.year ?? 'no year'})`,
      },
      h('span', { class: 'library-title', text: `${a.label}${a.year !== null ? ` · ${a.year}` : ''}` }),
      h('span', { class: 'library-count', text: count }),
    );
    b.addEventListener('click', () => {
      store.update((s) => select(s, node));
      ctx.view.focusNode(node);
    });
    return h('li', {}, b);
  };

  // the year field and the "New since" list live as long as the region: re-rendering the lists never
  // takes the field away from under the reader's typing
  const yearInput = h('input', {
    type: 'number',
    min: years?.[0] ?? 1900,
    max: years?.[1] ?? 2100,
    step: 1,
    'aria-label': 'New since the end of year',
  });
  const newHeading = h('h3', { class: 'library-heading' });
  const newList = h('ol', { class: 'library-list', 'data-testid': 'library-new' });
  const renderNew = (s: ViewState, mine: readonly string[]) => {
    const year = since ?? defaultSince(mine);
    yearInput.value = String(year);
    const fresh = newSince(graph, mine, year, s.lineage.kinds, index);
    newHeading.textContent = `New since (${fresh.length})`;
    newList.replaceChildren(...fresh.slice(0, LIST_LIMIT).map((r) => row(r.node, `from ${r.from} of yours`)));
  };
  yearInput.addEventListener('change', () => {
    const y = Number(yearInput.value);
    if (!Number.isInteger(y) || !current || y === since) return;
    since = y;
    renderNew(store.get(), current.matches.nodes);
  });

  const render = (s: ViewState) => {
    if (!current) {
      els.body.replaceChildren();
      els.clear.hidden = true;
      return;
    }
    els.clear.hidden = false;
    const { file, matches } = current;
    const mine = matches.nodes;
    const unmatched = h(
      'details',
      { class: 'library-unmatched', 'data-testid': 'library-unmatched' },
      h('summary', { text: `Not in this graph (${matches.unmatched.length})` }),
      h(
        'ul',
        {},
        ...matches.unmatched.map((e) =>
          h('li', {
            text: `${e.key} (line ${e.line})${e.title ? `: ${e.title}` : e.doi ? `: doi ${e.doi}` : e.arxiv ? `: arXiv ${e.arxiv}` : ''}`,
          }),
        ),
      ),
    );
    const ranked = notInLibrary(graph, mine, s.lineage.kinds, index);
    const notIn = h(
      'ol',
      { class: 'library-list', 'data-testid': 'library-not-in' },
      ...ranked.slice(0, LIST_LIMIT).map((r) => row(r.node, `${r.direct} direct · ${r.indirect} at 2 steps`)),
    );
    renderNew(s, mine);
    els.body.replaceChildren(
      h('p', { class: 'library-summary', 'data-testid': 'library-summary', text: matchSummary(matches) }),
      h('p', {
        class: 'muted small',
        text: `${file.name}: ${mine.length} ${mine.length === 1 ? 'paper' : 'papers'} ringed in the graph`,
      }),
      unmatched,
      h('h3', { class: 'library-heading', text: `Not in your library (${ranked.length})` }),
      h('p', {
        class: 'muted small',
        text: 'What your papers cite or build on most: by how many cite it directly, then at two steps.',
      }),
      notIn,
      newHeading,
      h('label', { class: 'library-since' }, 'Published after', yearInput),
      newList,
    );
  };

  /** The year before the newest of the library's papers: what came out since the reader last added one. */
  const defaultSince = (mine: readonly string[]): number => {
    const ys = mine.map((n) => graph.getNodeAttribute(n, 'year')).filter((y): y is number => y !== null);
    return ys.length > 0 ? Math.max(...ys) - 1 : (years?.[0] ?? 2000);
  };

  const apply = (file: LibraryFile) => {
    const matches = matchLibrary(graph, file.entries, ids);
    current = { file, matches };
    since = null;
    store.update((s) => setLibraryMarks(s, matches.nodes));
    render(store.get());
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (current && s.lineage.kinds !== prev.lineage.kinds) render(s);
  });

  return {
    async open(file) {
      const text = await file.text();
      // throws with file, line and problem: nothing changes until the file has been read whole
      const lib = parseLibrary(text, file.name);
      apply(lib);
      els.error.hidden = true;
      els.error.textContent = '';
      const kept = storage ? saveLibrary(storage, dataset, lib) : false;
      els.status.textContent = kept
        ? `Opened ${file.name}; kept in this browser only.`
        : `Opened ${file.name}; the browser would not store it, so it lasts this visit.`;
    },
    restore() {
      const lib = storage ? loadLibrary(storage, dataset) : null;
      if (!lib) return;
      apply(lib);
      els.status.textContent = `${lib.name}, kept in this browser.`;
    },
    clear() {
      if (storage) clearLibrary(storage, dataset);
      current = null;
      store.update(clearLibraryMarks);
      els.error.hidden = true;
      els.status.textContent = 'Library cleared.';
      render(store.get());
    },
    cleanup() {
      unsubscribe();
    },
  };
}
