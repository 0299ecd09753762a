/**
 * The app's start, loaded by main.ts: reads the graph file (`graph.json`, or the relative path in
 * `?graph=`; main.ts has started its download) and the datasets.json next to it (for the dataset
 * switcher; optional), mounts the app, or shows what went wrong. Marks the load phases
 * (`atlas:fetched`, `atlas:parsed`, `atlas:assembled`, `atlas:mounted`) for the benchmark. A graph file from the reader's computer ("Open file…" or a drop) is read in a worker and
 * replaces the app only once it has been read: a file that cannot be opened leaves the graph on
 * screen. Exposes `window.__atlas` for tests and the benchmark.
 */
import { datasetChoices, datasetsUrlFor, fetchDatasetsList, type DatasetChoice } from './graph/datasets';
import { loadGraph } from './graph/binary/load';
import { fetchGraphFile, GraphLoadError, graphUrlFromQuery, parseGraphFile } from './graph/load';
import { prefetchedFetch, type GraphPrefetch } from './graph/prefetch';
import type { LoadedGraph } from './graph/types';
import { MAX_FILE_BYTES } from './foreign/limits';
import { mountApp, showError, type App } from './ui/app';
import { createInspector, type AtlasInspector } from './ui/inspect';
import { createFileOpener } from './ui/open-file';

declare global {
  interface Window {
    __atlas?: AtlasInspector;
  }
}

/** Lets the browser paint (the "Opening…" status) before a long synchronous step. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The graph file at `url` (read from the early download when there is one), each phase marked. Any
 * failure but an invalid graph loads the file again through `fetchGraphFile`, whose error names what
 * is wrong.
 */
async function loadGraphFile(url: string, fetchEarly: typeof fetch): Promise<LoadedGraph> {
  const name = new URL(url).pathname.split('/').pop() || url;
  try {
    const response = await fetchEarly(url);
    if (response.ok) {
      const text = await response.text();
      performance.mark('atlas:fetched');
      const json: unknown = JSON.parse(text);
      performance.mark('atlas:parsed');
      return parseGraphFile(json, name);
    }
  } catch (e) {
    if (e instanceof GraphLoadError) throw e;
  }
  return fetchGraphFile(url);
}

export async function start(root: HTMLElement, prefetch: GraphPrefetch | null): Promise<void> {
  let app: App | null = null;
  let datasets: DatasetChoice[] = [];
  const status = { status: 'loading', error: null as string | null };
  window.__atlas = createInspector(
    () => app,
    () => status,
  );

  const mount = (loaded: LoadedGraph, choices: readonly DatasetChoice[], localFile?: string) => {
    app = mountApp(root, loaded, {
      datasets: choices,
      headerActions: [opener.button()],
      ...(localFile !== undefined ? { localFile } : {}),
    });
    document.title = `${loaded.meta.dataset.name} · Lineage Atlas`;
  };
  const opener = createFileOpener(document, {
    maxBytes: MAX_FILE_BYTES,
    async open(file) {
      const text = await file.text();
      // the readers load on first use
      const [{ openGraphTextAsync }] = await Promise.all([import('./foreign/open-async'), nextPaint()]);
      // read and converted in a worker: the page stays responsive; throws, and the graph on screen stays
      const opened = await openGraphTextAsync(text, file.name);
      for (const w of opened.warnings) console.warn(`${file.name}: ${w}`);
      app?.cleanup();
      app = null;
      // no link can name a file from this computer: the page's address drops the last graph's view
      window.history.replaceState(null, '', window.location.pathname);
      const local: DatasetChoice = {
        label: `${opened.loaded.meta.dataset.name} (opened file)`,
        href: '',
        current: true,
      };
      mount(opened.loaded, [local, ...datasets.map((d) => ({ ...d, current: false }))], file.name);
      status.status = 'ready';
      status.error = null;
      return opened.warnings;
    },
  });

  try {
    const url = graphUrlFromQuery(window.location.search, window.location.href);
    const datasetsUrl = datasetsUrlFor(url);
    // the downloads main.ts started: datasets.json, then the compact form or the graph file
    const fetchEarly = prefetchedFetch(prefetch);
    const list = fetchDatasetsList(datasetsUrl, fetchEarly); // never rejects; a missing list is fine
    // the compact form when the list names one, else (or when it fails, with a warning) the graph file
    const loaded = await loadGraph(url, list, datasetsUrl, {
      fetchFn: fetchEarly,
      loadFile: (u) => loadGraphFile(u, fetchEarly),
    });
    performance.mark('atlas:assembled');
    const { list: entries, problem } = await list;
    if (problem) console.warn(problem);
    datasets = datasetChoices(entries, datasetsUrl, url, window.location.href, loaded.meta) ?? [];
    mount(loaded, datasets);
    performance.mark('atlas:mounted');
    status.status = 'ready';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    status.status = 'error';
    status.error = message;
    (app as App | null)?.cleanup();
    app = null;
    showError(root, message, opener.button());
    console.error(e);
  }
  window.addEventListener(
    'pagehide',
    () => {
      app?.cleanup();
      opener.cleanup();
    },
    { once: true },
  );
  // A page restored from the back-forward cache (back from another dataset, say) was cleaned up on
  // pagehide: load it afresh.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) window.location.reload();
  });
}
