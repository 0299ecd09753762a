/** The messages between the page and the side table's worker (side-read.ts, side-worker.ts). */
import { STEP_ITEMS } from '../steps';
import { BINARY_KEYS } from './format';
import { sharedValues } from './shared-values';
import { SideLineReader, type SideRecords } from './side-lines';

/** The counts and CRC of the binary a side table must match (the binary's header has them). */
export interface SideCounts {
  nodeCount: number;
  edgeCount: number;
  payloadCrc: number;
}

/** The side file's bytes, downloaded; the messages go back to the page (`postMessage`). */
export interface SideRequest extends SideCounts {
  buffer: ArrayBuffer;
  file: string;
}

/** The side file to download in the worker and read as it arrives; the messages go to `port`. */
export interface SideFetchRequest extends SideCounts {
  url: string;
  file: string;
  port: MessagePort;
}

export type SideMessage =
  | { kind: 'records'; of: 'nodes' | 'edges'; start: number; records: unknown[] }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/**
 * Records a worker's message carries: a sixteenth of a step's worth (graph/steps.ts), 128. Each
 * message goes into the graph in a task of its own (its records rebuilt from the message, then set
 * on the graph). A step's worth took 45–55 ms there at 10⁴ papers, half a step's 50–53 ms in some
 * loads (a young-generation collection included), traced. At 10⁵ the page's heap is 300 MB and a
 * major collection marks it while the records arrive: the main thread's share of that marking goes
 * with what a task allocates, and tasks of a quarter step's worth reached 120–196 ms, nearly all of
 * it `V8.GCIncrementalMarking` (traced); with 128 records, 52–90 ms in four loads (54–142 before),
 * for 1% more heap (a message shares its equal values, shared-values.ts: 305 MB against 301).
 */
export const SIDE_CHUNK = STEP_ITEMS / 16;

/**
 * What the worker posts for a request: it decodes the bytes, parses and checks them a line at a time
 * (side-lines.ts; as `parseSideTable` does where the file is laid out otherwise), and gives the node
 * records, then the edge records, SIDE_CHUNK at a time (equal values sharing one instance, see
 * shared-values.ts), then `done`; or the problem, without the file's name (the page adds it). All of
 * it is read before the first message; the big graphs whose pages would gain from records posted
 * as they are read have their side tables read from the start (`fetchedSideMessages`).
 */
export function* sideMessages(request: SideRequest): Generator<SideMessage> {
  const messenger = new SideMessenger(request, request.file);
  let messages: SideMessage[];
  try {
    messages = [...messenger.read(new TextDecoder().decode(request.buffer)), ...messenger.end()];
  } catch (err) {
    messages = [messenger.problem(err)];
  }
  yield* messages;
}

/**
 * The same messages for a file the worker downloads itself (`fetchFn`, at low priority), read as
 * it arrives and posted as they are read: nothing of it passes through the page's main thread,
 * whose busy tasks would slow the download (they hand the response's bytes on between them), and
 * the records wait for the page (side-reading.ts). A problem comes after the records read before it.
 */
export async function* fetchedSideMessages(
  request: Omit<SideFetchRequest, 'port'>,
  fetchFn: typeof fetch = fetch,
): AsyncGenerator<SideMessage> {
  const messenger = new SideMessenger(request, request.file);
  try {
    let response: Response;
    try {
      response = await fetchFn(request.url, { priority: 'low' } as RequestInit);
    } catch (err) {
      throw new Error(`could not be loaded (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!response.ok || !response.body) throw new Error(`could not be loaded (HTTP ${response.status})`);
    for await (const text of streamedText(response.body)) yield* messenger.read(text);
    yield* messenger.end();
  } catch (err) {
    yield messenger.problem(err);
  }
}

/** Text in, messages out: the line reader, the shared values, the file's name off the problems. */
class SideMessenger {
  private readonly reader: SideLineReader;
  private readonly shared = sharedValues();

  constructor(
    counts: SideCounts,
    private readonly file: string,
  ) {
    const { nodeCount, edgeCount, payloadCrc } = counts;
    this.reader = new SideLineReader({ nodeCount, edgeCount, payloadCrc }, file, SIDE_CHUNK);
  }

  read(text: string): SideMessage[] {
    return this.messages(this.reader.push(text));
  }

  end(): SideMessage[] {
    return [...this.messages(this.reader.end()), { kind: 'done' }];
  }

  problem(err: unknown): SideMessage {
    const message = err instanceof Error ? err.message : String(err);
    // the reader's errors name the file first
    const prefix = `${this.file}: `;
    return { kind: 'error', message: message.startsWith(prefix) ? message.slice(prefix.length) : message };
  }

  private messages(runs: SideRecords[]): SideMessage[] {
    return runs.map(({ of, start, records }) => ({
      kind: 'records',
      of,
      start,
      records: records.map((r) => this.shared(withoutKeys(r, BINARY_KEYS[of]))),
    }));
  }
}

/**
 * A record without `keys`: those the binary holds, which the page skips (posted, they were rebuilt
 * on the page for nothing: 7 of a paper's 20-odd keys, 2 of a link's 4). Anything but an object is
 * left for the page to refuse.
 */
function withoutKeys(record: unknown, keys: ReadonlySet<string>): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!keys.has(k)) out[k] = v;
  return out;
}

/** UTF-8 text of a stream's bytes, a piece as each arrives (a character split between pieces kept whole). */
async function* streamedText(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  yield decoder.decode();
}
