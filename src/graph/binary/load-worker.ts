/**
 * The worker that reads the compact form's binary off the page's main thread: downloads it, decodes
 * and checks it (decode.ts), and posts the arrays back with their buffer in the transfer list (moved,
 * not copied), or the error message. See load.ts for the page's side.
 */
import { readBinary, type BinaryRequest, type BinaryResponse } from './read';

self.onmessage = async (e: MessageEvent<BinaryRequest>) => {
  let response: BinaryResponse;
  let transfer: Transferable[] = [];
  try {
    const binary = await readBinary(e.data.url, e.data.file, fetch);
    response = { ok: true, binary };
    transfer = [binary.buffer];
  } catch (err) {
    response = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(response, transfer);
};
