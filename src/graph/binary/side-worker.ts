/**
 * The worker that reads the compact form's side table off the page's main thread (see
 * side-read.ts): it posts what `sideMessages` makes of the bytes it is given, a piece at a time.
 */
import { sideMessages, type SideMessage, type SideRequest } from './side-protocol';

self.onmessage = (e: MessageEvent<SideRequest>) => {
  for (const m of sideMessages(e.data)) (self as unknown as Worker).postMessage(m satisfies SideMessage);
};
