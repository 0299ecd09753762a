/**
 * The timeline worker's request and messages (see timeline-job.ts), and the conversion of a result
 * to arrays and back; kept apart so the worker's bundle holds only this and the packing.
 */
import type { TimelineInput, TimelineResult } from '../graph/timeline';
import type { TimelineScreen } from '../graph/timeline-fit';

export interface TimelineRequest {
  input: TimelineInput;
  screen: TimelineScreen;
}

/** The worker's messages: progress (0–1), then the result (positions as arrays, in the result's order) or an error. */
export type TimelineMessage =
  | { type: 'progress'; fraction: number }
  | {
      type: 'done';
      /** Input index of each position, in the order of the result's `positions`. */
      order: Int32Array;
      x: Float64Array;
      y: Float64Array;
      rest: Omit<TimelineResult, 'positions'>;
    }
  | { type: 'error'; message: string };

/** The worker's answer for a result (its arrays transferable). */
export function toMessage(
  input: TimelineInput,
  result: TimelineResult,
): Extract<TimelineMessage, { type: 'done' }> {
  const index = new Map(input.nodes.map((node, i) => [node, i]));
  const order = new Int32Array(result.positions.size);
  const x = new Float64Array(order.length);
  const y = new Float64Array(order.length);
  let k = 0;
  for (const [node, p] of result.positions) {
    order[k] = index.get(node)!;
    x[k] = p.x;
    y[k] = p.y;
    k++;
  }
  const { positions: _positions, ...rest } = result;
  return { type: 'done', order, x, y, rest };
}

/** The result of a worker's answer, as `fitTimeline` gave it. */
export function fromMessage(
  input: TimelineInput,
  m: Extract<TimelineMessage, { type: 'done' }>,
): TimelineResult {
  const positions = new Map<string, { x: number; y: number }>();
  for (let k = 0; k < m.order.length; k++)
    positions.set(input.nodes[m.order[k]!]!, { x: m.x[k]!, y: m.y[k]! });
  return { ...m.rest, positions };
}
