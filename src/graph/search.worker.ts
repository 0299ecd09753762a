/** The search index of a big graph, off the main thread: search-service.ts over the worker's messages. */
import { createSearchService, type SearchReply, type SearchRequest } from './search-service';

const handle = createSearchService((m: SearchReply) => (self as unknown as Worker).postMessage(m));
self.onmessage = (e: MessageEvent<SearchRequest>) => handle(e.data);
