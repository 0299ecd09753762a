/**
 * The worker that opens a graph file off the page's main thread: reads the text, converts it, and
 * posts back the graph (graphology's serialisation), its metadata and the reader's notes, or the error
 * message. Runs `openGraphText` unchanged; see open-async.ts for the page's side.
 */
import { openGraphText } from './open';
import type { OpenRequest, OpenResponse } from './open-async';

self.onmessage = (e: MessageEvent<OpenRequest>) => {
  const { text, file, options } = e.data;
  let response: OpenResponse;
  try {
    const opened = openGraphText(text, file, options);
    response = {
      ok: true,
      format: opened.format,
      warnings: opened.warnings,
      meta: opened.loaded.meta,
      graph: opened.loaded.graph.export(),
    };
  } catch (err) {
    response = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(response);
};
