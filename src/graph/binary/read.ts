/**
 * Downloading the compact form's files, and the binary's decoding as the worker (load-worker.ts)
 * runs it; kept apart from load.ts so the worker's bundle holds only this and the decoder.
 */
import { decodeGraphBinary, GraphBinaryError, type GraphBinary } from './decode';

export interface BinaryRequest {
  url: string;
  file: string;
}

export type BinaryResponse = { ok: true; binary: GraphBinary } | { ok: false; message: string };

export const fileName = (url: string) => new URL(url).pathname.split('/').pop() || url;

/** Downloads a file of the compact form; a failed download is a `GraphBinaryError` naming it. */
export async function download(url: string, file: string, fetchFn: typeof fetch): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw new GraphBinaryError(
      file,
      null,
      `could not be downloaded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!response.ok)
    throw new GraphBinaryError(
      file,
      null,
      `could not be downloaded: the server answered ${response.status} ${response.statusText}`.trim(),
    );
  return response;
}

/** Downloads and decodes the binary (in the worker, or here when there is none). */
export async function readBinary(url: string, file: string, fetchFn: typeof fetch): Promise<GraphBinary> {
  const response = await download(url, file, fetchFn);
  return decodeGraphBinary(await response.arrayBuffer(), file);
}
