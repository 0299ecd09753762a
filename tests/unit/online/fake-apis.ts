/**
 * A fake of the three services on 127.0.0.1 (node:http, port 0), answering in the documented shapes
 * of the real ones (Semantic Scholar Graph API, OpenAlex works, arXiv's Atom feed), and injecting
 * faults on demand: 429 with or without Retry-After, 500, answers slower than the client's timeout,
 * truncated or invalid bodies. Every request is logged so tests can check what was (not) asked.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS2Paper {
  paperId: string;
  externalIds: Record<string, string | number>;
  citationCount: number;
  /** Every reference; `citedPaper` shape: paperId may be null for unresolved references. */
  references: { paperId: string | null; externalIds: Record<string, string | number> | null }[];
}

export interface FakeWork {
  id: string;
  doi: string;
  referenced_works: string[];
  cited_by_count: number;
}

export interface FakeArxivPaper {
  id: string;
  version: number;
  published: string;
  updated: string;
  title: string;
  summary: string;
  primary: string;
  categories: string[];
  authors: string[];
}

export interface FakeWorld {
  /** Keyed by the id the batch is asked with ("ARXIV:2208.12242"). */
  s2: Map<string, FakeS2Paper>;
  /** References the batch endpoint lists per paper at most (the rest needs paging). */
  s2BatchReferenceLimit: number;
  /** Page size cap of the references endpoint (small, to exercise paging). */
  s2PageLimit: number;
  /** Keyed by lowercase DOI. */
  openalex: Map<string, FakeWork>;
  arxiv: Map<string, FakeArxivPaper>;
}

export type Route = 's2-batch' | 's2-references' | 'openalex-works' | 'arxiv-query';

export type Fault =
  | { kind: '429'; retryAfter?: string }
  | { kind: '500' }
  | { kind: 'slow'; ms: number }
  | { kind: 'truncated' }
  | { kind: 'invalid' }
  | { kind: 'html-error' };

export interface LoggedRequest {
  route: Route | 'unknown';
  method: string;
  url: URL;
  body: string;
  headers: IncomingMessage['headers'];
  fault: Fault['kind'] | null;
}

export interface FakeApis {
  baseUrls: { s2: string; openalex: string; arxiv: string };
  requests: LoggedRequest[];
  /** Faults the next requests of a route get, in order (one per request). */
  inject(route: Route, ...faults: Fault[]): void;
  /** Delay of every answer (to give a test time to kill a run). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function arxivFeed(query: string, entries: FakeArxivPaper[]): string {
  const entry = (p: FakeArxivPaper) => `  <entry>
    <id>http://arxiv.org/abs/${p.id}v${p.version}</id>
    <updated>${p.updated}</updated>
    <published>${p.published}</published>
    <title>${escapeXml(p.title)}</title>
    <summary>  ${escapeXml(p.summary)}
</summary>
${p.authors.map((a) => `    <author>\n      <name>${escapeXml(a)}</name>\n    </author>`).join('\n')}
    <link href="http://arxiv.org/abs/${p.id}v${p.version}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.id}v${p.version}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${p.primary}" scheme="http://arxiv.org/schemas/atom"/>
${p.categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n')}
  </entry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?${escapeXml(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: ${escapeXml(query)}</title>
  <id>http://arxiv.org/api/fake</id>
  <updated>2026-11-29T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:itemsPerPage>
${entries.map(entry).join('\n')}
</feed>
`;
}

function arxivError(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#${escapeXml(message.replace(/\s+/g, '_'))}</id>
    <title>Error</title>
    <summary>${escapeXml(message)}</summary>
    <updated>2026-11-29T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#${escapeXml(message.replace(/\s+/g, '_'))}" rel="alternate" type="text/html"/>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>
`;
}

/** The route and answer (status, content type, body) of a request when no fault applies. */
function answer(world: FakeWorld, method: string, url: URL, body: string): [number, string, string] {
  const json = (status: number, value: unknown): [number, string, string] => [
    status,
    'application/json',
    JSON.stringify(value),
  ];
  const path = url.pathname;
  if (method === 'POST' && path === '/s2/graph/v1/paper/batch') {
    const ids = (JSON.parse(body) as { ids: string[] }).ids;
    if (!Array.isArray(ids) || ids.length > 500)
      return json(400, { error: 'ids must be an array of at most 500' });
    const fields = (url.searchParams.get('fields') ?? '').split(',');
    return json(
      200,
      ids.map((id) => {
        const p = world.s2.get(id);
        if (!p) return null;
        const out: Record<string, unknown> = { paperId: p.paperId };
        if (fields.includes('externalIds')) out.externalIds = p.externalIds;
        if (fields.includes('referenceCount')) out.referenceCount = p.references.length;
        if (fields.includes('citationCount')) out.citationCount = p.citationCount;
        if (fields.some((f) => f.startsWith('references.')))
          out.references = p.references.slice(0, world.s2BatchReferenceLimit);
        return out;
      }),
    );
  }
  const refs = /^\/s2\/graph\/v1\/paper\/([^/]+)\/references$/.exec(path);
  if (method === 'GET' && refs) {
    const id = decodeURIComponent(refs[1] as string);
    const paper = [...world.s2.values()].find((p) => p.paperId === id) ?? world.s2.get(id);
    if (!paper) return json(404, { error: 'Paper not found' });
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), world.s2PageLimit);
    const data = paper.references.slice(offset, offset + limit).map((citedPaper) => ({ citedPaper }));
    const page: Record<string, unknown> = { offset, data };
    if (offset + limit < paper.references.length) page.next = offset + limit;
    return json(200, page);
  }
  if (method === 'GET' && path === '/openalex/works') {
    const filter = url.searchParams.get('filter') ?? '';
    if (!filter.startsWith('doi:')) return json(400, { error: 'Invalid query parameters error.' });
    const dois = filter.slice(4).split('|');
    const results = dois.flatMap((d) => {
      const w = world.openalex.get(d.toLowerCase());
      return w
        ? [
            {
              id: `https://openalex.org/${w.id}`,
              doi: `https://doi.org/${w.doi}`,
              referenced_works: w.referenced_works.map((r) => `https://openalex.org/${r}`),
              referenced_works_count: w.referenced_works.length,
              cited_by_count: w.cited_by_count,
            },
          ]
        : [];
    });
    return json(200, {
      meta: { count: results.length, db_response_time_ms: 12, page: 1, per_page: 50, groups_count: null },
      results,
      group_by: [],
    });
  }
  if (method === 'GET' && path === '/arxiv/query') {
    const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    const bad = ids.find((id) => !/^\d{4}\.\d{4,5}(v\d+)?$/.test(id));
    if (bad) return [200, 'application/atom+xml', arxivError(`incorrect id format for ${bad}`)];
    const entries = ids.flatMap((id) => {
      const p = world.arxiv.get(id);
      return p ? [p] : [];
    });
    return [200, 'application/atom+xml', arxivFeed(url.search.slice(1), entries)];
  }
  return json(404, { error: `no route ${method} ${path}` });
}

function routeOf(method: string, path: string): Route | 'unknown' {
  if (path.endsWith('/paper/batch')) return 's2-batch';
  if (path.endsWith('/references')) return 's2-references';
  if (path === '/openalex/works') return 'openalex-works';
  if (path === '/arxiv/query') return 'arxiv-query';
  return 'unknown';
}

export async function startFakeApis(world: FakeWorld): Promise<FakeApis> {
  const requests: LoggedRequest[] = [];
  const faults = new Map<Route, Fault[]>();
  let delay = 0;
  const sockets = new Set<import('node:net').Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    const fault = route === 'unknown' ? undefined : faults.get(route)?.shift();
    requests.push({ route, method, url, body, headers: req.headers, fault: fault?.kind ?? null });
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (fault?.kind === '429') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      res.writeHead(429, headers).end(JSON.stringify({ message: 'Too Many Requests', code: '429' }));
      return;
    }
    if (fault?.kind === '500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message": "Internal Server Error"}');
      return;
    }
    if (fault?.kind === 'html-error') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>');
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    const [status, type, text] = answer(world, method, url, body);
    if (fault?.kind === 'truncated') {
      res.writeHead(status, { 'content-type': type }).end(text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    if (fault?.kind === 'invalid') {
      res
        .writeHead(status, { 'content-type': type })
        .end(
          type.includes('json')
            ? '{"message": "Endpoint request timed out"}'
            : '<html><p>Rate exceeded.</html>',
        );
      return;
    }
    res.writeHead(status, { 'content-type': type }).end(text);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    baseUrls: { s2: `${base}/s2/graph/v1`, openalex: `${base}/openalex`, arxiv: `${base}/arxiv` },
    requests,
    inject(route, ...fs) {
      faults.set(route, [...(faults.get(route) ?? []), ...fs]);
    },
    setDelay(ms) {
      delay = ms;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
