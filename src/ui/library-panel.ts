/**
 * The "My library" region (left sidebar): "Open my library…" takes a BibTeX, CSL-JSON or RIS export
 * of the reader's reference manager and marks its papers in the graph; the region then says how many
 * entries matched, lists those not in this graph, and what to read next ("Not in your library",
 * "New since"); "Clear my library" removes it. The library stays in this browser (localStorage, per
 * dataset), never in a link.
 *
 * This shell is all that loads at start-up: the parsers, the matching and the lists
 * (library-view.ts) are imported on first use, when a file is chosen or a stored library is found.
 */
import { libraryStorageKey } from '../library/storage';
import type { MountPanel } from './context';
import { h } from './dom';
import { formatBytes } from './open-file';
import type { LibraryController } from './library-view';
import './library.css';

/** What the file picker offers (BibTeX, CSL-JSON, RIS). */
const LIBRARY_ACCEPT = '.bib,.bibtex,.json,.csljson,.ris,.txt';
/** Larger files are refused before they are read (a 10,000-entry Zotero export is a few MB). */
export const MAX_LIBRARY_BYTES = 20 * 1024 * 1024;

export const mountLibrary: MountPanel = (container, ctx) => {
  const input = h('input', {
    type: 'file',
    accept: LIBRARY_ACCEPT,
    class: 'la-visually-hidden',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  const open = h('button', {
    type: 'button',
    class: 'btn',
    text: 'Open my library…',
    title: 'Mark the papers of your reference manager’s export (BibTeX, CSL-JSON or RIS) in this graph',
  });
  const clear = h('button', {
    type: 'button',
    class: 'link-btn small',
    text: 'Clear my library',
    hidden: true,
  });
  const error = h('p', {
    class: 'library-error',
    role: 'alert',
    'data-testid': 'library-error',
    hidden: true,
  });
  const status = h('p', { class: 'muted small', role: 'status' });
  const body = h('div', { class: 'library-body' });
  const region = h(
    'section',
    { class: 'library-region', role: 'region', 'aria-labelledby': 'library-title', 'data-testid': 'library' },
    h('h2', { class: 'panel-title', id: 'library-title', text: 'My library' }),
    h('div', { class: 'library-actions' }, open, input, clear),
    error,
    status,
    body,
  );
  container.append(region);

  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null; // storage disabled: the library lasts this visit
    }
  })();
  let controller: Promise<LibraryController> | null = null;
  let disposed = false;
  const load = (): Promise<LibraryController> => {
    controller ??= import('./library-view').then((m) =>
      m.createLibraryController(ctx, { body, error, status, clear }, storage),
    );
    return controller;
  };
  const fail = (e: unknown) => {
    status.textContent = '';
    error.textContent = e instanceof Error ? e.message : String(e);
    error.hidden = false;
  };

  open.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_LIBRARY_BYTES) {
      fail(
        new Error(
          `${file.name} is ${formatBytes(file.size)}: a library file of up to ${formatBytes(MAX_LIBRARY_BYTES)} is read.`,
        ),
      );
      return;
    }
    status.textContent = `Reading ${file.name}…`;
    void load()
      .then((c) => (disposed ? undefined : c.open(file)))
      .catch(fail);
  });
  clear.addEventListener(
    'click',
    () =>
      void load()
        .then((c) => c.clear())
        .catch(fail),
  );

  // a library kept from an earlier visit: load the code and mark it again
  if (storage?.getItem(libraryStorageKey(ctx.meta.dataset.name)) != null)
    void load()
      .then((c) => (disposed ? undefined : c.restore()))
      .catch(fail);

  return () => {
    disposed = true;
    void controller?.then((c) => c.cleanup());
    container.replaceChildren();
  };
};
