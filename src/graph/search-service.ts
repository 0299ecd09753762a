/**
 * The search index kept by a worker (search.worker.ts) for a big graph: the page sends the papers
 * in chunks (`docs`), and queries, each answered with the hits from the papers indexed so far and
 * how many those are; once every paper announced (`begin`) is indexed, the service says so
 * (`complete`). Pure: the worker only wires it to its messages, and a test drives it directly.
 */
import { createDocIndex, searchPapers, type PaperDoc, type SearchHit } from './search';

export type SearchRequest =
  | { type: 'begin'; total: number }
  | { type: 'docs'; docs: PaperDoc[] }
  | { type: 'query'; seq: number; query: string; limit: number };

export type SearchReply =
  | { type: 'hits'; seq: number; hits: SearchHit[]; indexed: number; total: number }
  | { type: 'complete'; total: number };

/** A handler of the page's requests that answers through `reply`. */
export function createSearchService(reply: (message: SearchReply) => void): (request: SearchRequest) => void {
  const docs = createDocIndex();
  let total = 0;
  return (request) => {
    switch (request.type) {
      case 'begin':
        total = request.total;
        if (total === 0) reply({ type: 'complete', total });
        break;
      case 'docs': {
        const before = docs.count();
        for (const doc of request.docs) docs.add(doc);
        if (before < total && docs.count() >= total) reply({ type: 'complete', total });
        break;
      }
      case 'query':
        reply({
          type: 'hits',
          seq: request.seq,
          hits: searchPapers(docs.index, request.query, request.limit),
          indexed: docs.count(),
          total,
        });
        break;
    }
  };
}
