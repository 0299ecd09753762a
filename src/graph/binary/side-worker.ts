/**
 * The worker that reads the compact form's side table off the page's main thread (see
 * side-read.ts): it decodes the bytes it is given, parses and checks them as `parseSideTable` does,
 * and posts the node records, then the edge records, SIDE_CHUNK at a time, then `done`; or the
 * problem, without the file's name (the page adds it).
 */
import { parseSideTable } from './side-table';
import { SIDE_CHUNK, type SideMessage, type SideRequest } from './side-protocol';

const post = (m: SideMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<SideRequest>) => {
  const { buffer, file, ...bin } = e.data;
  let side;
  try {
    side = parseSideTable(new TextDecoder().decode(buffer), bin, file);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // parseSideTable's errors name the file first
    post({
      kind: 'error',
      message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message,
    });
    return;
  }
  for (const of of ['nodes', 'edges'] as const) {
    const records = side[of];
    for (let start = 0; start < records.length; start += SIDE_CHUNK)
      post({ kind: 'records', of, start, records: records.slice(start, start + SIDE_CHUNK) });
  }
  post({ kind: 'done' });
};
