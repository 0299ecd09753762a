/**
 * Completing the first frame's graph with the side table off the main thread. The side table of a
 * big graph is one JSON document (tens of MB at 10⁵ papers); `JSON.parse` of it held the page for
 * about half a second. Here a worker (side-worker.ts) receives the downloaded bytes (moved, not
 * copied), decodes, parses and checks them a line at a time (side-lines.ts), and posts the records
 * back a chunk at a time as they are read, so that the page puts them into the graph while it parses
 * the rest; each chunk goes into the graph in a task of its own (`completeRecords`). Where no worker
 * can run, the same steps run on the main thread, in slices.
 */
import type { AtlasGraph } from '../types';
import { runStepsSliced, type SliceOptions } from '../steps';
import { GraphBinaryError, type GraphBinary } from './decode';
import type { SideMessage, SideRequest } from './side-protocol';
import { completeGraphSteps, completeRecords } from './visual';

/**
 * Puts the side table (`buffer`, the bytes of `sideFile`) into the attribute objects of `graph`,
 * which `visualGraph(bin)` built: through a worker made by `makeWorker`, else on the main thread
 * in `slices`. Rejects with a `GraphBinaryError` naming `sideFile`; the graph may then be partly
 * completed.
 */
export async function completeGraphFromSide(
  graph: AtlasGraph,
  bin: GraphBinary,
  buffer: ArrayBuffer,
  sideFile: string,
  options: { makeWorker: (() => Worker) | null; slices: SliceOptions },
): Promise<void> {
  let worker: Worker | null = null;
  try {
    worker = options.makeWorker ? options.makeWorker() : null;
  } catch {
    worker = null;
  }
  if (!worker) {
    const text = new TextDecoder().decode(buffer);
    await runStepsSliced(completeGraphSteps(graph, bin, text, sideFile), options.slices);
    return;
  }
  const w = worker;
  await new Promise<void>((resolve, reject) => {
    let finished = false;
    const fail = (e: unknown) => {
      finished = true;
      w.terminate();
      reject(e);
    };
    w.onmessage = (e: MessageEvent<SideMessage>) => {
      if (finished) return;
      const m = e.data;
      if (m.kind === 'error') return fail(new GraphBinaryError(sideFile, null, m.message));
      if (m.kind === 'done') {
        finished = true;
        w.terminate();
        return resolve();
      }
      try {
        completeRecords(graph, bin, m.of, m.start, m.records, sideFile);
      } catch (err) {
        fail(err);
      }
    };
    w.onerror = (e) =>
      fail(new GraphBinaryError(sideFile, null, `could not be read (${e.message || 'the worker failed'})`));
    const request: SideRequest = {
      buffer,
      file: sideFile,
      nodeCount: bin.nodeCount,
      edgeCount: bin.edgeCount,
      payloadCrc: bin.payloadCrc,
    };
    w.postMessage(request, [buffer]);
  });
}

export function defaultSideWorker(): Worker {
  return new Worker(new URL('./side-worker.ts', import.meta.url), { type: 'module' });
}
