/** The messages between the page and the side table's worker (side-read.ts, side-worker.ts). */
import { STEP_ITEMS } from '../steps';
import { sharedValues } from './shared-values';
import { SideLineReader, type SideRecords } from './side-lines';

export interface SideRequest {
  buffer: ArrayBuffer;
  file: string;
  nodeCount: number;
  edgeCount: number;
  payloadCrc: number;
}

export type SideMessage =
  | { kind: 'records'; of: 'nodes' | 'edges'; start: number; records: unknown[] }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/**
 * Records a worker's message carries: a quarter of a step's worth (graph/steps.ts). Each message
 * goes into the graph in a task of its own (its records rebuilt from the message, then set on the
 * graph), and a step's worth took 45–55 ms there at 10⁴ papers, half a step's 50–53 ms in some
 * loads (a young-generation collection included), traced.
 */
export const SIDE_CHUNK = STEP_ITEMS / 4;

/**
 * What the worker posts for a request: it decodes the bytes a piece at a time, parses and checks them a
 * line at a time (side-lines.ts; as `parseSideTable` does where the file is laid out otherwise),
 * and gives the node records, then the edge records, in runs of SIDE_CHUNK as soon as each is read
 * (equal values sharing one instance, see shared-values.ts), then `done`; or the problem, without
 * the file's name (the page adds it), after the runs read before it.
 */
export function* sideMessages(request: SideRequest): Generator<SideMessage> {
  const { buffer, file, ...bin } = request;
  const reader = new SideLineReader(bin, file, SIDE_CHUNK);
  const shared = sharedValues();
  const messages = (runs: SideRecords[]): SideMessage[] =>
    runs.map(({ of, start, records }) => ({ kind: 'records', of, start, records: records.map(shared) }));
  try {
    for (const text of decodedText(buffer)) yield* messages(reader.push(text));
    yield* messages(reader.end());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // the reader's errors name the file first
    yield {
      kind: 'error',
      message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message,
    };
    return;
  }
  yield { kind: 'done' };
}

/**
 * Bytes decoded and read at a time: the records of each piece are posted before the next piece is
 * parsed, so that the page puts them into the graph while the worker parses the rest.
 */
const TEXT_PIECE = 1 << 18;

/** UTF-8 text of `bytes`, a piece at a time (a character split between pieces kept whole). */
function* decodedText(bytes: ArrayBuffer): Generator<string> {
  const decoder = new TextDecoder();
  for (let at = 0; at < bytes.byteLength; at += TEXT_PIECE)
    yield decoder.decode(new Uint8Array(bytes, at, Math.min(TEXT_PIECE, bytes.byteLength - at)), {
      stream: true,
    });
  yield decoder.decode();
}
