/**
 * The worker's search service (src/graph/search-service.ts), driven directly: on the real graph, its
 * answers equal the page's own index's (the papers sent in chunks, as the page sends them); a query
 * before every paper has arrived is answered from those indexed, with how many; `complete` comes
 * once, when the last announced paper is in.
 */
import { existsSync, readFileSync } from 'node:fs';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, paperDoc, searchPapers, type PaperDoc } from '../../src/graph/search';
import { createSearchService, type SearchReply, type SearchRequest } from '../../src/graph/search-service';
import type { AtlasGraph } from '../../src/graph/types';
import type { GraphFile } from '../../src/model';

const GRAPH_FILE = process.env.ATLAS_GRAPH_FILE ?? 'public/graph.json';

function service(): { send: (r: SearchRequest) => void; replies: SearchReply[] } {
  const replies: SearchReply[] = [];
  // the worker clones its messages: so does the test, so nothing is shared with the page's objects
  const handle = createSearchService((m) => replies.push(structuredClone(m)));
  return { send: (r) => handle(structuredClone(r)), replies };
}

const hitsOf = (replies: SearchReply[]) => replies.filter((r) => r.type === 'hits');

describe.skipIf(!existsSync(GRAPH_FILE))('the search service on the real graph', () => {
  const file = JSON.parse(readFileSync(GRAPH_FILE, 'utf8')) as GraphFile;
  const graph: AtlasGraph = Graph.from(file.graph as never);
  const docs: PaperDoc[] = graph.nodes().map((id) => paperDoc(graph, id));
  const local = buildSearchIndex(graph);
  const queries = ['dreambooth', 'dreambth', '2208.12242', 'Ruiz', 'ip adapter', 'gan inversion', 'zzzz'];

  it("answers every query as the page's own index does", () => {
    const { send, replies } = service();
    send({ type: 'begin', total: docs.length });
    for (let i = 0; i < docs.length; i += 100) send({ type: 'docs', docs: docs.slice(i, i + 100) });
    expect(replies).toEqual([{ type: 'complete', total: docs.length }]);
    queries.forEach((query, seq) => send({ type: 'query', seq, query, limit: 8 }));
    const answers = hitsOf(replies);
    expect(answers.map((a) => a.type === 'hits' && a.seq)).toEqual(queries.map((_, i) => i));
    queries.forEach((query, i) => {
      const a = answers[i]!;
      if (a.type !== 'hits') throw new Error('not hits');
      expect(a.hits).toEqual(searchPapers(local, query, 8));
      expect([a.indexed, a.total]).toEqual([docs.length, docs.length]);
    });
    expect(answers[0]!.type === 'hits' && answers[0]!.hits[0]?.id).toBe('2208.12242');
  });

  it('answers from the papers indexed so far, says how many, and completes once', () => {
    const { send, replies } = service();
    send({ type: 'begin', total: docs.length });
    const dreambooth = docs.findIndex((d) => d.id === '2208.12242');
    const before = docs.filter((d) => d.id !== '2208.12242');
    send({ type: 'docs', docs: before.slice(0, 200) });
    send({ type: 'query', seq: 1, query: 'dreambooth', limit: 8 });
    const first = replies.at(-1)!;
    expect(first).toMatchObject({ type: 'hits', seq: 1, indexed: 200, total: docs.length });
    expect(first.type === 'hits' && first.hits.map((h) => h.id)).not.toContain('2208.12242');
    send({ type: 'docs', docs: [...before.slice(200), docs[dreambooth]!] });
    send({ type: 'query', seq: 2, query: 'dreambooth', limit: 8 });
    expect(replies.filter((r) => r.type === 'complete')).toEqual([{ type: 'complete', total: docs.length }]);
    const second = replies.at(-1)!;
    expect(second).toMatchObject({ type: 'hits', seq: 2, indexed: docs.length });
    expect(second.type === 'hits' && second.hits[0]?.id).toBe('2208.12242');
  });
});

describe('the search service on an empty graph', () => {
  it('completes at once and answers nothing', () => {
    const { send, replies } = service();
    send({ type: 'begin', total: 0 });
    send({ type: 'query', seq: 7, query: 'anything', limit: 8 });
    expect(replies).toEqual([
      { type: 'complete', total: 0 },
      { type: 'hits', seq: 7, hits: [], indexed: 0, total: 0 },
    ]);
  });
});
