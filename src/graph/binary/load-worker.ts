/**
 * The worker that decodes the compact form's binary off the page's main thread: it receives the
 * downloaded bytes (moved, not copied), decodes and checks them (decode.ts), and posts the arrays
 * back with their buffer in the transfer list, or the error message. See load.ts for the page's side.
 */
import { decodeGraphBinary } from './decode';
import { checkMetaSchema } from './meta-check';
import type { BinaryRequest, BinaryResponse } from './read';

self.onmessage = (e: MessageEvent<BinaryRequest>) => {
  let response: BinaryResponse;
  let transfer: Transferable[] = [];
  try {
    const binary = decodeGraphBinary(e.data.buffer, e.data.file, checkMetaSchema);
    response = { ok: true, binary };
    transfer = [binary.buffer];
  } catch (err) {
    response = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(response, transfer);
};
