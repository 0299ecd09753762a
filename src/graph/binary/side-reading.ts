/**
 * Reading a big graph's side table from the start. The page's first module (main.ts, through
 * prefetch.ts) starts it as soon as the binary has arrived: a worker (side-worker.ts) downloads the
 * side table itself and parses it as it arrives, while the page draws the papers, loads its code and
 * indexes the graph, and its records wait in a message channel until the app takes them
 * (side-read.ts `completeGraphFromReading`). On the main thread, the download was handed on between
 * the indexing's tasks, and parsing began only once the app's code had loaded: at 10⁵ papers the
 * 88 MB file took 3.4–5.7 s to arrive, and the worker then 3 s more to read.
 * Kept small: the page's first module imports it.
 */
import { BINARY_MAGIC, fileName, HEADER_BYTES } from './format';
import type { SideCounts, SideFetchRequest } from './side-protocol';

/**
 * From this many papers and links on, the side table is read from the start. Below, it is small
 * enough to be read in about a second once the app has loaded (8.7 MB at 10⁴ papers), and the
 * worker's parse on the second core meets sigma's indexing: at 10⁴, loads run one after another
 * had a task over 50 ms after the first frame in 6 of 40 with it, 2 of 48 without (not paired
 * loads, whose counts the machine's load moves as much; an earlier session saw the same).
 */
export const EARLY_FROM_ITEMS = 100_000;

/** A side table being read by a worker; its messages (side-protocol.ts) arrive on `port`. */
export interface SideReading {
  url: string;
  counts: SideCounts;
  port: MessagePort;
  /** Calls `listener` with the worker's failure (its script not loading, say), now if it has failed. */
  onProblem(listener: (problem: string) => void): void;
  /** Ends the worker and the channel. */
  stop(): void;
}

/** The counts and CRC the header of a compact binary holds (format.ts), or null for other bytes. */
export function binaryCounts(buffer: ArrayBuffer): SideCounts | null {
  if (buffer.byteLength < HEADER_BYTES) return null;
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, BINARY_MAGIC.length));
  if (magic !== BINARY_MAGIC) return null;
  const view = new DataView(buffer);
  return {
    nodeCount: view.getUint32(8, true),
    edgeCount: view.getUint32(12, true),
    payloadCrc: view.getUint32(20, true),
  };
}

/** Starts a worker (`makeWorker`) reading the side table at `url`. */
export function startSideReading(url: string, counts: SideCounts, makeWorker: () => Worker): SideReading {
  const worker = makeWorker();
  const file = fileName(url);
  const { port1, port2 } = new MessageChannel();
  let problem: string | null = null;
  let listener: ((problem: string) => void) | null = null;
  worker.addEventListener('error', (e) => {
    problem = `could not be read (${e.message || 'the worker failed'})`;
    listener?.(problem);
  });
  const request: SideFetchRequest = { url, file, ...counts, port: port1 };
  worker.postMessage(request, [port1]);
  return {
    url,
    counts,
    port: port2,
    onProblem(l) {
      listener = l;
      if (problem !== null) l(problem);
    },
    stop() {
      worker.terminate();
      port2.close();
    },
  };
}

/** The side table's worker. */
export function makeSideWorker(): Worker {
  return new Worker(new URL('./side-worker.ts', import.meta.url), { type: 'module' });
}
