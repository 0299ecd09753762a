/**
 * Starting the graph's downloads before the app's code has loaded. The page's first, small module
 * calls `prefetchGraph`: it fetches `datasets.json` beside the graph file at once (a few hundred
 * bytes), and as soon as it has arrived, the compact form's two files when the list names them for
 * this graph (see binary/load.ts), else the graph file itself. The app reads them through
 * `prefetchedFetch`, which answers each prefetched URL once with its early response and fetches
 * anything else. Only what `graphUrlFromQuery` (load.ts) could accept is fetched early — the default
 * file or a path on this site; anything else is left to it, and it says what is wrong.
 *
 * This module stays small (no schema library): the list is read leniently here, and checked in full
 * by the app (datasets.ts), which decides what to load. A list this reading misunderstands costs
 * one wasted download, never a wrong graph.
 */
import { binaryCounts, startSideReading, type SideReading } from './binary/side-reading';

export interface GraphPrefetch {
  /** The absolute URL of the graph file. */
  url: string;
  /**
   * Early responses by absolute URL, known once the datasets list has arrived; null for a file
   * not downloaded early after all (a side table a worker reads: `side`).
   */
  files: Promise<Map<string, Promise<Response | null>>>;
  /** The compact form the list names for the graph (its files are among `files`), or null. */
  compact: Promise<CompactFiles | null>;
  /** The worker reading a big graph's side table since its binary arrived, or null. */
  side: Promise<SideReading | null>;
}

/** Which graphs' side tables a worker reads from the start (side-reading.ts), and the worker. */
export interface SideWorkerOptions {
  /** From this many papers and links on. */
  fromItems: number;
  make: () => Worker;
}

/** A compact form as the datasets list names it: its two files' absolute URLs and the graph's inputs hash. */
export interface CompactFiles {
  binary: string;
  side: string;
  /** Leniently read: a string, possibly empty when the list lacks it (the binary is then refused as stale). */
  inputsHash: string;
}

const DATASETS_FILE = 'datasets.json';

/** The compact form the list names for the graph file at `graphUrl`, or null. */
export function listedCompactFiles(
  listText: string,
  datasetsUrl: string,
  graphUrl: string,
): CompactFiles | null {
  let list: unknown;
  try {
    list = JSON.parse(listText);
  } catch {
    return null;
  }
  const datasets = (list as { datasets?: unknown } | null)?.datasets;
  if (typeof datasets !== 'object' || datasets === null) return null;
  for (const [file, entry] of Object.entries(datasets as Record<string, unknown>)) {
    const e = entry as { binary?: { file?: unknown; side?: unknown }; inputsHash?: unknown } | null;
    const binary = e?.binary;
    if (typeof binary?.file !== 'string' || typeof binary.side !== 'string') continue;
    try {
      if (new URL(file, datasetsUrl).href !== graphUrl) continue;
      return {
        binary: new URL(binary.file, datasetsUrl).href,
        side: new URL(binary.side, datasetsUrl).href,
        inputsHash: typeof e?.inputsHash === 'string' ? e.inputsHash : '',
      };
    } catch {
      return null;
    }
  }
  return null;
}

function quiet<R>(response: Promise<R>): Promise<R> {
  // a failure is reported when the app reads the response (or fetches the file again)
  response.catch(() => {});
  return response;
}

/**
 * Starts the downloads for the graph `?graph=` names (default `graph.json`); null when it names none
 * on this site. `embeddedList`: the datasets list the page carries (a copy of the `datasets.json`
 * beside it, see scripts/vite-preload-boot.ts): when it names the compact form of a graph beside the
 * page, its files are requested at once, without waiting for the list. `sideWorker`: which graphs'
 * side tables a worker downloads and reads from the start, instead of this page.
 */
export function prefetchGraph(
  search: string,
  pageUrl: string,
  fetchFn: typeof fetch = fetch,
  embeddedList: string | null = null,
  sideWorker: SideWorkerOptions | null = null,
): GraphPrefetch | null {
  const param = new URLSearchParams(search).get('graph');
  let url: URL;
  try {
    url = new URL(param === null || param === '' ? 'graph.json' : param, pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(pageUrl).origin) return null;
  url.hash = '';
  const graphUrl = url.href;
  const plainGraphUrl = graphUrl.replace(/\?.*$/, '');
  const datasetsUrl = new URL(DATASETS_FILE, graphUrl).href;
  const datasets = quiet(fetchFn(datasetsUrl));
  const embedded =
    embeddedList !== null && datasetsUrl === new URL(DATASETS_FILE, pageUrl).href
      ? listedCompactFiles(embeddedList, datasetsUrl, plainGraphUrl)
      : null;
  const compact: Promise<CompactFiles | null> = embedded
    ? Promise.resolve(embedded)
    : datasets
        .then(async (response) => (response.ok ? response.clone().text() : ''))
        .catch(() => '')
        .then((text) => listedCompactFiles(text, datasetsUrl, plainGraphUrl));
  const start = (c: CompactFiles | null) => {
    const early = new Map<string, Promise<Response | null>>([[datasetsUrl, datasets]]);
    let side: Promise<SideReading | null> = Promise.resolve(null);
    if (c) {
      const binary = quiet(fetchFn(c.binary));
      early.set(c.binary, binary);
      // the side table is read after the first frame: its download starts once the binary's has
      // ended (both at once halve the binary's bandwidth), and at low priority; a big graph's by a
      // worker that reads it as it arrives (side-reading.ts), a small one's here
      const binaryDone = binary.then((r) => r.clone().arrayBuffer()).catch(() => undefined);
      side = binaryDone.then((buffer) => readSideEarly(c.side, buffer, sideWorker));
      early.set(c.side, quiet(side.then((r) => (r ? null : fetchFn(c.side, { priority: 'low' })))));
    } else early.set(graphUrl, quiet(fetchFn(graphUrl)));
    return { early, side };
  };
  const started = embedded ? Promise.resolve(start(embedded)) : compact.then(start);
  return {
    url: graphUrl,
    files: started.then((s) => s.early),
    compact,
    side: started.then((s) => s.side),
  };
}

/** A worker reading the side table at `url` when the binary (`buffer`) is of a graph that big, else null. */
function readSideEarly(
  url: string,
  buffer: ArrayBuffer | undefined,
  sideWorker: SideWorkerOptions | null,
): SideReading | null {
  const counts = buffer && binaryCounts(buffer);
  if (!counts || !sideWorker || counts.nodeCount + counts.edgeCount < sideWorker.fromItems) return null;
  try {
    return startSideReading(url, counts, sideWorker.make);
  } catch {
    return null;
  }
}

/**
 * A fetch that answers each URL prefetched by `prefetch` once with its early response, and fetches
 * every other URL (or the same one again) with `fetchFn`.
 */
export function prefetchedFetch(prefetch: GraphPrefetch | null, fetchFn: typeof fetch = fetch): typeof fetch {
  if (prefetch === null) return fetchFn;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const early = await prefetch.files;
    const response = early.get(href);
    if (response !== undefined) {
      early.delete(href);
      const r = await response;
      if (r !== null) return r;
    }
    return fetchFn(input, init);
  }) as typeof fetch;
}
