/**
 * The app's start, loaded by main.ts once the first frame is drawn (or at once when the boot path
 * does not apply): takes the first frame over (boot/first-frame.ts: its graph completed with the
 * side table, its store and renderer handed to `mountApp`), or reads the graph itself (the compact
 * form, else `graph.json` or the relative path in `?graph=`, from the downloads main.ts started),
 * with the datasets.json next to it (for the dataset switcher; optional); mounts the app, or shows
 * what went wrong. Marks the load phases (`atlas:fetched`, `atlas:parsed`, `atlas:assembled`,
 * `atlas:mounted`) for the benchmark. A graph file from the reader's computer ("Open file…" or a
 * drop) is read in a worker and replaces the app only once it has been read: a file that cannot be
 * opened leaves the graph on screen. Exposes `window.__atlas` for tests and the benchmark.
 */
import { datasetChoices, datasetsUrlFor, fetchDatasetsList, type DatasetChoice } from './graph/datasets';
import { loadGraph } from './graph/binary/load';
import { fetchGraphFile, GraphLoadError, graphUrlFromQuery, parseGraphFile } from './graph/load';
import type { FirstFrame } from './boot/first-frame';
import { completeGraphFromReading, completeGraphFromSide } from './graph/binary/side-read';
import { makeSideWorker, type SideReading } from './graph/binary/side-reading';
import { checkMetaSchema } from './graph/binary/meta-check';
import { GraphBinaryError } from './graph/binary/decode';
import { fileName } from './graph/binary/format';
import { buildOutside } from './render/caches';
import { isUndirected } from './graph/undirected';
import type { LoadedGraph } from './graph/types';
import { MAX_FILE_BYTES } from './foreign/limits';
import { mountApp, showError, type App } from './ui/app';
import { createInspector, type AtlasInspector } from './ui/inspect';
import { createFileOpener } from './ui/open-file';
import { nextPaint } from './boot/next-paint';
import { MAIN_THREAD_SLICES, SLICED_FROM_ITEMS, yieldToBrowser } from './render/slices';

declare global {
  interface Window {
    __atlas?: AtlasInspector;
  }
}

/**
 * The graph file at `url` (read from the early download when there is one), each phase marked. Any
 * failure but an invalid graph loads the file again through `fetchGraphFile`, whose error names what
 * is wrong.
 */
async function loadGraphFile(url: string, fetchEarly: typeof fetch): Promise<LoadedGraph> {
  const name = fileName(url);
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

/**
 * The graph the first frame drew (boot/first-frame.ts), completed with its side table and its
 * metadata checked in full, and whether the app can take the first frame's renderer over (not when
 * the graph needs what the first frame cannot draw: works outside the list, undirected links; the
 * renderer is then undone). Null, with a warning and the renderer undone, when that fails: the graph
 * is then loaded the usual way.
 */
async function completeFirstFrame(
  ff: FirstFrame,
  fetchEarly: typeof fetch,
  side: Promise<SideReading | null>,
): Promise<{ loaded: LoadedGraph; adopt: boolean } | null> {
  const sideFile = fileName(ff.compact.side);
  try {
    const reading = await side;
    if (reading && reading.url === ff.compact.side) {
      // read by a worker since the binary arrived, put into the graph a chunk a task
      // (graph/binary/side-reading.ts)
      await completeGraphFromReading(ff.graph, ff.bin, reading, sideFile);
    } else {
      reading?.stop();
      const response = await fetchEarly(ff.compact.side);
      if (!response.ok)
        throw new GraphBinaryError(sideFile, null, `could not be loaded (HTTP ${response.status})`);
      // parsed in a worker, put into the graph a chunk a task (graph/binary/side-read.ts)
      await completeGraphFromSide(ff.graph, ff.bin, await response.arrayBuffer(), sideFile, {
        makeWorker: ff.bin.nodeCount + ff.bin.edgeCount >= SLICED_FROM_ITEMS ? makeSideWorker : null,
        slices: MAIN_THREAD_SLICES,
      });
    }
    let meta;
    try {
      meta = checkMetaSchema(ff.bin.meta);
    } catch (e) {
      throw new GraphBinaryError(
        fileName(ff.compact.binary),
        'section DICT, field "meta"',
        (e as Error).message,
      );
    }
    const adopt = !isUndirected(ff.graph) && buildOutside(ff.graph).size === 0;
    if (!adopt) ff.cleanup();
    return { loaded: { graph: ff.graph, meta }, adopt };
  } catch (e) {
    ff.cleanup();
    console.warn(
      `The compact form could not be used, loading the graph file instead: ${e instanceof Error ? e.message : String(e)}`,
    );
    return null;
  }
}

export async function start(
  root: HTMLElement,
  fetchEarly: typeof fetch,
  firstFrame: Promise<FirstFrame | null>,
  side: Promise<SideReading | null>,
): Promise<void> {
  let app: App | null = null;
  let datasets: DatasetChoice[] = [];
  const status = { status: 'loading', error: null as string | null };
  window.__atlas = createInspector(
    () => app,
    () => status,
  );

  const mount = (
    loaded: LoadedGraph,
    choices: readonly DatasetChoice[],
    localFile?: string,
    early?: FirstFrame['early'],
  ) => {
    app = mountApp(root, loaded, {
      datasets: choices,
      headerActions: [opener.button()],
      ...(localFile !== undefined ? { localFile } : {}),
      ...(early ? { early } : {}),
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
      // ready once the graph is indexed and drawn (a big graph is indexed in slices)
      await (app as App | null)?.ready();
      status.status = 'ready';
      status.error = null;
      return opened.warnings;
    },
  });

  try {
    const url = graphUrlFromQuery(window.location.search, window.location.href);
    const datasetsUrl = datasetsUrlFor(url);
    // the downloads main.ts started (`fetchEarly` answers with them): datasets.json, then the
    // compact form or the graph file
    const list = fetchDatasetsList(datasetsUrl, fetchEarly); // never rejects; a missing list is fine
    // the first frame drawn from the binary, completed here; else the compact form when the list
    // names one, else (or when it fails, with a warning) the graph file
    const ff = await firstFrame;
    // without a first frame, nothing takes the side table a worker may be reading
    if (!ff) void side.then((reading) => reading?.stop());
    const completed = ff ? await completeFirstFrame(ff, fetchEarly, side) : null;
    const early = ff && completed?.adopt ? ff.early : undefined;
    const loaded =
      completed?.loaded ??
      // the first frame's compact form failed (and said why): the graph file, not that form again
      (ff
        ? await loadGraphFile(url, fetchEarly)
        : await loadGraph(url, list, datasetsUrl, {
            fetchFn: fetchEarly,
            loadFile: (u) => loadGraphFile(u, fetchEarly),
          }));
    performance.mark('atlas:assembled');
    // not in the task that completed the graph (the side table's last chunk, the checks of its meta,
    // its links and works outside the list): the dataset switcher's choices (the page's first number
    // formatting, about 10 ms), then the panels, each in a task of its own (together, tasks of
    // 40-66 ms after the bundled graph's first frame, traced)
    await yieldToBrowser();
    const { list: entries, problem } = await list;
    if (problem) console.warn(problem);
    datasets = datasetChoices(entries, datasetsUrl, url, window.location.href, loaded.meta) ?? [];
    await yieldToBrowser();
    mount(loaded, datasets, undefined, early);
    performance.mark('atlas:mounted');
    await (app as App | null)?.ready();
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
