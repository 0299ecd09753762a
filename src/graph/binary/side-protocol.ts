/** The messages between the page and the side table's worker (side-read.ts, side-worker.ts). */
import { STEP_ITEMS } from '../steps';
import { sharedValues } from './shared-values';
import { parseSideTable } from './side-table';

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
 * What the worker posts for a request: it decodes the bytes, parses and checks them as
 * `parseSideTable` does, and gives the node records, then the edge records, SIDE_CHUNK at a time
 * (equal values sharing one instance, see shared-values.ts), then `done`; or the problem, without
 * the file's name (the page adds it).
 */
export function* sideMessages(request: SideRequest): Generator<SideMessage> {
  const { buffer, file, ...bin } = request;
  let side;
  try {
    side = parseSideTable(new TextDecoder().decode(buffer), bin, file);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // parseSideTable's errors name the file first
    yield {
      kind: 'error',
      message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message,
    };
    return;
  }
  const shared = sharedValues();
  for (const of of ['nodes', 'edges'] as const) {
    const records = side[of].map(shared);
    for (let start = 0; start < records.length; start += SIDE_CHUNK)
      yield { kind: 'records', of, start, records: records.slice(start, start + SIDE_CHUNK) };
  }
  yield { kind: 'done' };
}
