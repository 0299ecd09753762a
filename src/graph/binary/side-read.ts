/**
 * Completing the first frame's graph with the side table off the main thread. The side table of a
 * big graph is one JSON document (tens of MB at 10⁵ papers); `JSON.parse` of it held the page for
 * about half a second. Here a worker (side-worker.ts) decodes, parses and checks it a line at a time
 * (side-lines.ts), and posts the records back a chunk at a time; each chunk goes into the graph in a
 * task of its own (`completeRecords`). The worker either downloaded the file itself from the start,
 * reading it as it arrived (side-reading.ts: `completeGraphFromReading`), or receives the downloaded
 * bytes, moved, not copied (`completeGraphFromSide`). Where no worker can run, the same steps run on
 * the main thread, in slices.
 */
import type { AtlasGraph } from '../types';
import { runStepsSliced, type SliceOptions } from '../steps';
import { GraphBinaryError, type GraphBinary } from './decode';
import type { SideMessage, SideRequest } from './side-protocol';
import type { SideReading } from './side-reading';
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
  const received = receiveRecords(graph, bin, sideFile, (onMessage, onProblem) => {
    w.onmessage = onMessage;
    w.onerror = (e) => onProblem(`could not be read (${e.message || 'the worker failed'})`);
    return () => w.terminate();
  });
  const request: SideRequest = {
    buffer,
    file: sideFile,
    nodeCount: bin.nodeCount,
    edgeCount: bin.edgeCount,
    payloadCrc: bin.payloadCrc,
  };
  w.postMessage(request, [buffer]);
  await received;
}

/**
 * Puts the side table a worker has been reading since the binary arrived (`reading`, see
 * side-reading.ts) into the attribute objects of `graph`, which `visualGraph(bin)` built. Rejects
 * with a `GraphBinaryError` naming `sideFile`, without taking any record, when the reading was
 * started for another binary; the reading is ended either way.
 */
export async function completeGraphFromReading(
  graph: AtlasGraph,
  bin: GraphBinary,
  reading: SideReading,
  sideFile: string,
): Promise<void> {
  const { nodeCount, edgeCount, payloadCrc } = reading.counts;
  if (nodeCount !== bin.nodeCount || edgeCount !== bin.edgeCount || payloadCrc !== bin.payloadCrc) {
    reading.stop();
    throw new GraphBinaryError(sideFile, null, 'was being read for another binary');
  }
  await receiveRecords(graph, bin, sideFile, (onMessage, onProblem) => {
    reading.port.onmessage = onMessage;
    reading.onProblem(onProblem);
    return () => reading.stop();
  });
}

/**
 * Takes a worker's messages (side-protocol.ts) into `graph` as they come: `listen` sets the
 * handlers and returns what ends the worker. Resolves at `done`; rejects on a problem.
 */
function receiveRecords(
  graph: AtlasGraph,
  bin: GraphBinary,
  sideFile: string,
  listen: (
    onMessage: (e: MessageEvent<SideMessage>) => void,
    onProblem: (problem: string) => void,
  ) => () => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    let stop: (() => void) | null = null;
    const end = (e?: unknown) => {
      if (finished) return;
      finished = true;
      stop?.();
      if (e === undefined) resolve();
      else reject(e);
    };
    stop = listen(
      (e) => {
        if (finished) return;
        const m = e.data;
        if (m.kind === 'error') return end(new GraphBinaryError(sideFile, null, m.message));
        if (m.kind === 'done') return end();
        try {
          completeRecords(graph, bin, m.of, m.start, m.records, sideFile);
        } catch (err) {
          end(err);
        }
      },
      (problem) => end(new GraphBinaryError(sideFile, null, problem)),
    );
    // a problem known before the handlers were set
    if (finished) stop();
  });
}
