/** The messages between the page and the side table's worker (side-read.ts, side-worker.ts). */
import { STEP_ITEMS } from '../steps';

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
 * Records a worker's message carries: half a step's worth (graph/steps.ts). Each message goes into
 * the graph in a task of its own, and a step's worth of records took 45–55 ms there (a young-
 * generation collection included) at 10⁴ papers.
 */
export const SIDE_CHUNK = STEP_ITEMS / 2;
