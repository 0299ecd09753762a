/**
 * Opening a graph file without freezing the page: the reading and conversion run in a worker
 * (open-worker.ts) and the graph comes back serialised; where workers cannot run, on the main thread.
 * Same results and the same error messages as `openGraphText`.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, GraphMeta, NodeAttributes } from '../model';
import type { AtlasGraph } from '../graph/types';
import { openGraphText, type OpenedGraph, type OpenOptions } from './open';

export interface OpenRequest {
  text: string;
  file: string;
  options?: OpenOptions;
}

export type OpenResponse =
  | {
      ok: true;
      format: OpenedGraph['format'];
      warnings: string[];
      meta: GraphMeta;
      graph: SerializedGraph<NodeAttributes, EdgeAttributes>;
    }
  | { ok: false; message: string };

/** The graph of a worker's answer, as `openGraphText` would have given it. */
export function fromResponse(r: Extract<OpenResponse, { ok: true }>): OpenedGraph {
  const graph: AtlasGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  graph.import(r.graph);
  return { loaded: { graph, meta: r.meta }, format: r.format, warnings: r.warnings };
}

/** Opens `text` in a worker made by `makeWorker`; on the main thread when there is none. */
export function openGraphTextAsync(
  text: string,
  file: string,
  options?: OpenOptions,
  makeWorker: (() => Worker) | null = defaultWorker,
): Promise<OpenedGraph> {
  let worker: Worker;
  try {
    if (!makeWorker) throw new Error('no worker');
    worker = makeWorker();
  } catch {
    return Promise.resolve().then(() => openGraphText(text, file, options));
  }
  return new Promise<OpenedGraph>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<OpenResponse>) => {
      worker.terminate();
      if (e.data.ok) resolve(fromResponse(e.data));
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`${file}: the file could not be opened (${e.message || 'the worker failed'})`));
    };
    const request: OpenRequest = { text, file, ...(options ? { options } : {}) };
    worker.postMessage(request);
  });
}

function defaultWorker(): Worker {
  return new Worker(new URL('./open-worker.ts', import.meta.url), { type: 'module' });
}
