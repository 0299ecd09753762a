/**
 * Loading a graph through its compact form (format.ts) when datasets.json lists one, else, or when
 * the compact form is missing, stale, truncated or corrupted, through the graph file (with a console
 * warning saying why). The binary is downloaded and decoded in a worker (load-worker.ts) and its
 * buffer transferred; the side table is downloaded meanwhile, and both are put together here (where
 * workers cannot run, all of it on the main thread). The result equals the graph file's.
 */
import type { DatasetsResult } from '../datasets';
import { fetchGraphFile } from '../load';
import type { LoadedGraph } from '../types';
import { assembleGraphBinary } from './assemble';
import { decodeGraphBinary, GraphBinaryError, type GraphBinary } from './decode';
import { checkMetaSchema } from './meta-check';
import { download, downloadBinary, type BinaryRequest, type BinaryResponse } from './read';
import { fileName } from './format';

/**
 * The binary, downloaded with `fetchFn` (which may answer with a response the page started early,
 * see ../prefetch.ts) and decoded by a worker made by `makeWorker`, its bytes moved there and back;
 * decoded on the main thread when there is no worker.
 */
export async function readBinaryInWorker(
  url: string,
  fetchFn: typeof fetch,
  makeWorker: (() => Worker) | null,
): Promise<GraphBinary> {
  const file = fileName(url);
  const buffer = await downloadBinary(url, file, fetchFn);
  let worker: Worker;
  try {
    if (!makeWorker) throw new Error('no worker');
    worker = makeWorker();
  } catch {
    return decodeGraphBinary(buffer, file, checkMetaSchema);
  }
  return new Promise<GraphBinary>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<BinaryResponse>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.binary);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new GraphBinaryError(file, null, `could not be read (${e.message || 'the worker failed'})`));
    };
    const request: BinaryRequest = { buffer, file };
    worker.postMessage(request, [buffer]);
  });
}

export interface CompactSource {
  binaryUrl: string;
  sideUrl: string;
  /** The inputs hash datasets.json records for the graph: a binary with another one is stale. */
  inputsHash: string;
}

/** The graph of a compact form. Throws an error naming the file and what is wrong with it. */
export async function loadCompactGraph(
  src: CompactSource,
  fetchFn: typeof fetch = fetch,
  makeWorker: (() => Worker) | null = defaultWorker,
): Promise<LoadedGraph> {
  const sideFile = fileName(src.sideUrl);
  const side = download(src.sideUrl, sideFile, fetchFn).then((r) => r.text());
  side.catch(() => {}); // reported below, after the binary's own problem if it has one
  const binary = await readBinaryInWorker(src.binaryUrl, fetchFn, makeWorker);
  if (binary.meta.inputsHash !== src.inputsHash) {
    throw new GraphBinaryError(
      fileName(src.binaryUrl),
      'section DICT, field "meta.inputsHash"',
      `is stale: built from other inputs than the graph file (${binary.meta.inputsHash.slice(0, 12)}…, datasets.json says ${src.inputsHash.slice(0, 12)}…)`,
    );
  }
  return assembleGraphBinary(binary, await side, sideFile);
}

/**
 * The compact form datasets.json lists for the graph file at `graphUrl`, or null. `datasetsUrl` is
 * where the list was read.
 */
export function compactSourceFor(
  list: DatasetsResult['list'],
  datasetsUrl: string,
  graphUrl: string,
): CompactSource | null {
  if (!list) return null;
  const open = new URL(graphUrl);
  open.search = '';
  open.hash = '';
  for (const [file, entry] of Object.entries(list.datasets)) {
    if (new URL(file, datasetsUrl).href !== open.href || !entry.binary) continue;
    return {
      binaryUrl: new URL(entry.binary.file, datasetsUrl).href,
      sideUrl: new URL(entry.binary.side, datasetsUrl).href,
      inputsHash: entry.inputsHash,
    };
  }
  return null;
}

export interface LoadGraphOptions {
  fetchFn?: typeof fetch;
  makeWorker?: (() => Worker) | null;
  warn?: (message: string) => void;
  /** Loads the graph file itself (default: `fetchGraphFile` with `fetchFn`). */
  loadFile?: (graphUrl: string) => Promise<LoadedGraph>;
}

/**
 * The graph at `graphUrl`: through its compact form when the datasets list (`datasets`, the pending
 * result of `fetchDatasetsList(datasetsUrl)`) names one, falling back to the graph file with a
 * warning; otherwise through the graph file. Errors of the graph file are `GraphLoadError`s.
 */
export async function loadGraph(
  graphUrl: string,
  datasets: Promise<DatasetsResult>,
  datasetsUrl: string,
  options: LoadGraphOptions = {},
): Promise<LoadedGraph> {
  const fetchFn = options.fetchFn ?? fetch;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const compact = compactSourceFor((await datasets).list, datasetsUrl, graphUrl);
  if (compact) {
    try {
      return await loadCompactGraph(
        compact,
        fetchFn,
        options.makeWorker === undefined ? defaultWorker : options.makeWorker,
      );
    } catch (e) {
      warn(
        `The compact form of ${fileName(graphUrl)} could not be used, loading ${fileName(graphUrl)} instead: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return options.loadFile ? options.loadFile(graphUrl) : fetchGraphFile(graphUrl, fetchFn);
}

function defaultWorker(): Worker {
  return new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' });
}
