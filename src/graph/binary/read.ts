/**
 * Downloading the compact form's files, and the messages of the worker (load-worker.ts) that decodes
 * the binary; kept apart from load.ts so the worker's bundle holds only this and the decoder.
 */
import { GraphBinaryError, type GraphBinary } from './decode';

/** The downloaded binary, moved to the worker (in the transfer list), and its file name for errors. */
export interface BinaryRequest {
  buffer: ArrayBuffer;
  file: string;
}

export type BinaryResponse = { ok: true; binary: GraphBinary } | { ok: false; message: string };

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

/** Downloads the binary's bytes; a failed download is a `GraphBinaryError` naming it. */
export async function downloadBinary(url: string, file: string, fetchFn: typeof fetch): Promise<ArrayBuffer> {
  const response = await download(url, file, fetchFn);
  return response.arrayBuffer();
}
