/**
 * A fake of the three services on 127.0.0.1 (node:http, port 0), answering as the real ones
 * document they do, and injecting faults on demand. Each behaviour names the documentation it
 * follows. Every request is logged so tests can check what was (not) asked.
 *
 * - Semantic Scholar Graph API (https://api.semanticscholar.org/api-docs/graph): the batch lists a
 *   paper's nested references in full up to 1000; `referenceCount` is the service's own count and
 *   may disagree with the list (https://github.com/allenai/s2-folks/issues/142); an answer over the
 *   size limit (10 MB) is refused with 400 "Response would exceed maximum size…" (Error400).
 * - OpenAlex works (https://developers.openalex.org): a preprint merged into its published version
 *   has the publisher's DOI as its work `doi`, so a `filter=doi:` list misses it by its arXiv DOI,
 *   while the single-work lookup of the arXiv DOI answers 301 to the merged work
 *   (api-reference/errors: "301 Moved Permanently — Entity was merged; follow the redirect");
 *   403 is "rate limit exceeded; slow down" and 429 "daily limit exceeded" (api-reference/errors),
 *   the daily budget counting list and search requests, single-work lookups being free
 *   (api-reference/authentication).
 * - arXiv API (https://info.arxiv.org/help/api/user-manual.html#errors): errors are an Atom feed with
 *   one error entry, sent with HTTP 400 (https://github.com/arXiv/arxiv-search/issues/257).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { arxivQuery } from './fake-arxiv';
import type { Answer } from './fake-common';
import { json } from './fake-common';
import { openAlexCost, openAlexList, openAlexSingle } from './fake-openalex';

export interface FakeS2Reference {
  paperId: string | null;
  externalIds: Record<string, string | number> | null;
  title?: string | null;
  year?: number | null;
}

export interface FakeS2Paper {
  paperId: string;
  externalIds: Record<string, string | number>;
  citationCount: number;
  /** Semantic Scholar's own count; the length of `references` when absent. */
  referenceCount?: number;
  /** Every reference; `citedPaper` shape: paperId may be null for unresolved references. */
  references: FakeS2Reference[];
}

export interface FakeLocation {
  landing_page_url: string | null;
  pdf_url?: string | null;
}

export interface FakeWork {
  /** Short id, "W101". */
  id: string;
  /** The work's DOI: the publisher's for a published preprint; null when it has none. */
  doi: string | null;
  title: string;
  publication_year: number;
  locations: FakeLocation[];
  referenced_works: string[];
  cited_by_count: number;
}

export interface FakeOpenAlex {
  works: Map<string, FakeWork>;
  /** DOIs of records OpenAlex merged into another work (lowercase DOI → work id). */
  merged: Map<string, string>;
  /** Dollars of list and search requests a day (undefined: unlimited). */
  dailyBudget?: number;
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
  /** Nested references the batch lists per paper at most (documented: 1000). */
  s2NestedReferenceLimit: number;
  /** Largest page of the references endpoint (documented: 1000). */
  s2PageLimit: number;
  /** Largest answer in bytes (documented: 10 MB). */
  s2MaxResponseBytes: number;
  openalex: FakeOpenAlex;
  arxiv: Map<string, FakeArxivPaper>;
  /**
   * Ids of the right form the fake arXiv refuses all the same, as it refuses a malformed id: papers.yaml
   * holds no malformed id (src/model/arxiv-id.ts), so this is how a test sends the fetcher one.
   */
  arxivRefused?: ReadonlySet<string>;
}

export type Route = 's2-batch' | 's2-references' | 'openalex-works' | 'openalex-work' | 'arxiv-query';

export type Fault =
  | { kind: '429'; retryAfter?: string }
  | { kind: '403' }
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
  status: number;
}

export interface FakeApis {
  baseUrls: { s2: string; openalex: string; arxiv: string };
  requests: LoggedRequest[];
  /** Faults the next requests of a route get, in order (one per request). */
  inject(route: Route, ...faults: Fault[]): void;
  /** Delay of every answer (to give a test time to kill a run). */
  setDelay(ms: number): void;
  /** A new day: OpenAlex's daily budget renews. */
  newDay(): void;
  close(): Promise<void>;
}

/**
 * POST /paper/batch (https://api.semanticscholar.org/api-docs/graph, post_graph_get_papers): up to
 * 500 ids, one item or null per id in order, `fields` honoured, nested references "up to 1000", and
 * 400 "Response would exceed maximum size" past the size limit (Error400).
 */
function s2Batch(world: FakeWorld, url: URL, body: string): Answer {
  const ids = (JSON.parse(body) as { ids: string[] }).ids;
  if (!Array.isArray(ids) || ids.length > 500)
    return json(400, { error: 'ids must be an array of at most 500' });
  const fields = (url.searchParams.get('fields') ?? '').split(',');
  const refFields = fields
    .filter((f) => f.startsWith('references.'))
    .map((f) => f.slice('references.'.length));
  const answer = ids.map((id) => {
    const p = world.s2.get(id);
    if (!p) return null;
    const out: Record<string, unknown> = { paperId: p.paperId };
    if (fields.includes('externalIds')) out.externalIds = p.externalIds;
    if (fields.includes('referenceCount')) out.referenceCount = p.referenceCount ?? p.references.length;
    if (fields.includes('citationCount')) out.citationCount = p.citationCount;
    if (refFields.length > 0)
      out.references = p.references
        .slice(0, world.s2NestedReferenceLimit)
        .map((r) => Object.fromEntries(['paperId', ...refFields].map((f) => [f, (r as never)[f] ?? null])));
    return out;
  });
  const text = JSON.stringify(answer);
  if (Buffer.byteLength(text) > world.s2MaxResponseBytes)
    return json(400, {
      error:
        'Response would exceed maximum size. Please break the request into smaller batches, or make use of the limit and offset features.',
    });
  return [200, 'application/json', text];
}

/**
 * GET /paper/{id}/references (get_graph_get_paper_references): `offset`/`limit` paging, `next`
 * absent on the last page, `citedPaper` per row.
 */
function s2References(world: FakeWorld, url: URL, rawId: string): Answer {
  const id = decodeURIComponent(rawId);
  const paper = [...world.s2.values()].find((p) => p.paperId === id) ?? world.s2.get(id);
  if (!paper) return json(404, { error: 'Paper not found' });
  const fields = (url.searchParams.get('fields') ?? 'paperId').split(',');
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), world.s2PageLimit);
  const data = paper.references.slice(offset, offset + limit).map((r) => ({
    citedPaper: Object.fromEntries(['paperId', ...fields].map((f) => [f, (r as never)[f] ?? null])),
  }));
  const page: Record<string, unknown> = { offset, data };
  if (offset + limit < paper.references.length) page.next = offset + limit;
  return json(200, page);
}

function routeOf(path: string): Route | 'unknown' {
  if (path.endsWith('/paper/batch')) return 's2-batch';
  if (path.endsWith('/references')) return 's2-references';
  if (path === '/openalex/works') return 'openalex-works';
  if (path.startsWith('/openalex/works/')) return 'openalex-work';
  if (path === '/arxiv/query') return 'arxiv-query';
  return 'unknown';
}

function answer(world: FakeWorld, method: string, url: URL, rawPath: string, body: string): Answer {
  const path = url.pathname;
  if (method === 'POST' && path === '/s2/graph/v1/paper/batch') return s2Batch(world, url, body);
  const refs = /^\/s2\/graph\/v1\/paper\/([^/]+)\/references$/.exec(path);
  if (method === 'GET' && refs) return s2References(world, url, refs[1] as string);
  if (method === 'GET' && path === '/openalex/works') return openAlexList(world, url);
  // the raw path: a DOI keeps its slashes (/works/doi:10.48550/arxiv.…)
  const single = /^\/openalex\/works\/(.+)$/.exec(rawPath);
  if (method === 'GET' && single) return openAlexSingle(world, url, single[1] as string);
  if (method === 'GET' && path === '/arxiv/query') return arxivQuery(world, url);
  return json(404, { error: `no route ${method} ${path}` });
}

export async function startFakeApis(world: FakeWorld): Promise<FakeApis> {
  const requests: LoggedRequest[] = [];
  const faults = new Map<Route, Fault[]>();
  let delay = 0;
  let spent = 0;
  const sockets = new Set<import('node:net').Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = (req.url ?? '/').split('?')[0] as string;
    const method = req.method ?? 'GET';
    const route = routeOf(url.pathname);
    const fault = route === 'unknown' ? undefined : faults.get(route)?.shift();
    const logged: LoggedRequest = {
      route,
      method,
      url,
      body,
      headers: req.headers,
      fault: fault?.kind ?? null,
      status: 0,
    };
    requests.push(logged);
    const send = (status: number, headers: Record<string, string>, text: string) => {
      logged.status = status;
      res.writeHead(status, headers).end(text);
    };
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (fault?.kind === '429') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      send(429, headers, JSON.stringify({ message: 'Too Many Requests', code: '429' }));
      return;
    }
    if (fault?.kind === '403') {
      // OpenAlex: "403 Forbidden — Rate limit exceeded; slow down" (api-reference/errors)
      send(
        403,
        { 'content-type': 'application/json' },
        JSON.stringify({ error: 'Forbidden', message: 'Rate limit exceeded; slow down' }),
      );
      return;
    }
    if (fault?.kind === '500') {
      send(500, { 'content-type': 'application/json' }, '{"message": "Internal Server Error"}');
      return;
    }
    if (fault?.kind === 'html-error') {
      send(502, { 'content-type': 'text/html' }, '<html><body>Bad Gateway</body></html>');
      return;
    }
    const cost = openAlexCost(route, url);
    const budget = world.openalex.dailyBudget;
    if (cost > 0 && budget !== undefined) {
      // OpenAlex: "429 Too Many Requests — Daily limit exceeded" (api-reference/errors)
      if (spent + cost > budget + 1e-12) {
        send(
          429,
          { 'content-type': 'application/json' },
          JSON.stringify({ error: 'Rate limit exceeded', message: 'Daily limit exceeded' }),
        );
        return;
      }
      spent += cost;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    const [status, type, text, extra] = answer(world, method, url, rawPath, body);
    const headers = { 'content-type': type, ...(extra ?? {}) };
    if (fault?.kind === 'truncated') {
      send(status, headers, text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    if (fault?.kind === 'invalid') {
      send(
        status,
        headers,
        type.includes('json')
          ? '{"message": "Endpoint request timed out"}'
          : '<html><p>Rate exceeded.</html>',
      );
      return;
    }
    send(status, headers, text);
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
    newDay() {
      spent = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
