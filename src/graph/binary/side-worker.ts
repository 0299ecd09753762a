/**
 * The worker that reads the compact form's side table off the page's main thread (see
 * side-read.ts): it posts what `sideMessages` makes of the bytes it is given, a piece at a time, or
 * what `fetchedSideMessages` makes of the file it downloads itself, to the port it is given
 * (side-reading.ts).
 */
import {
  fetchedSideMessages,
  sideMessages,
  type SideFetchRequest,
  type SideMessage,
  type SideRequest,
} from './side-protocol';

self.onmessage = async (e: MessageEvent<SideRequest | SideFetchRequest>) => {
  const request = e.data;
  if ('url' in request) {
    const { port, ...file } = request;
    for await (const m of fetchedSideMessages(file)) port.postMessage(m satisfies SideMessage);
    return;
  }
  for (const m of sideMessages(request)) (self as unknown as Worker).postMessage(m satisfies SideMessage);
};
