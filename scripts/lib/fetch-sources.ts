/**
 * One fetch loop per service (OpenAlex's is scripts/lib/fetch-openalex.ts). Each asks for the
 * papers that are not cached yet, in batches, writes each paper's entry as soon as it is complete
 * (so a killed run loses at most the batch in flight), and tallies fetched / not found / failed with
 * the reason. Every attempt, retries included, goes through the service's pacer.
 */
import type { OnlineSource } from '../../src/model/online';
import type { FetchTarget } from '../../src/online/ids';
import { batches } from '../../src/online/ids';
import type { CacheEntry, S2Reference } from '../../src/model/online';
import {
  isOversized,
  isTruncated,
  parseS2Batch,
  parseS2ReferencePage,
  S2_BATCH_FIELDS,
  S2_MAX_PAGES,
  S2_PAGE_LIMIT,
  S2_REFERENCE_FIELDS,
  s2Entry,
  s2ErrorDetail,
  s2Query,
} from '../../src/online/s2';
import type { S2Paper } from '../../src/online/s2';
import { arxivEntry, arxivErrorDetail, arxivParams, parseArxivFeed } from '../../src/online/arxiv';
import type { SourceTally } from '../../src/online/progress';
import type { HttpOptions, RequestSpec } from './http-client';
import { request, RequestFailed } from './http-client';

export interface Endpoint {
  baseUrl: string;
  apiKey?: string;
  /** OpenAlex's polite pool. */
  mailto?: string;
}

/** The service could not be reached: the run stops (what was written stays). */
export class Unreachable extends Error {
  readonly url: string;
  constructor(url: string, reason: string) {
    super(`cannot reach ${url}: ${reason}`);
    this.name = 'Unreachable';
    this.url = url;
  }
}

export interface SourceRun {
  source: OnlineSource;
  endpoint: Endpoint;
  /** The targets not cached yet. */
  pending: FetchTarget[];
  batchSize: number;
  http: HttpOptions;
  /** Waits for the service's minimum interval before every attempt (retries included). */
  pace: () => Promise<void>;
  tally: SourceTally;
  now: () => string;
  write: (entry: CacheEntry) => void;
  onProgress: () => void;
  /** A line of the run's log (batch splits and the like). */
  log?: (line: string) => void;
}

export function withQuery(base: string, path: string, params: Record<string, string>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** Sends a request, every attempt paced; a network failure stops the whole run. */
export async function send<T>(
  run: SourceRun,
  spec: RequestSpec<T>,
  extra: Partial<HttpOptions> = {},
): Promise<T> {
  try {
    return await request(spec, { ...run.http, pace: run.pace, ...extra });
  } catch (e) {
    if (e instanceof RequestFailed && e.unreachable)
      throw new Unreachable(new URL(spec.url).origin, e.message);
    throw e;
  }
}

export function reasonOf(e: unknown): string {
  if (e instanceof RequestFailed) return e.message;
  throw e;
}

export function failAll(run: SourceRun, batch: readonly FetchTarget[], reason: string): void {
  for (const t of batch) run.tally.failed.set(t.id, reason);
  run.onProgress();
}

export function record(run: SourceRun, entry: CacheEntry): void {
  run.write(entry);
  run.tally.fetched++;
  if (!entry.found) run.tally.notFound++;
  run.onProgress();
}

/** The HTTP status and the service's message of a failed request, when it got an answer. */
function httpFailure(e: unknown): { status: number; detail: string | null } | null {
  if (!(e instanceof RequestFailed) || e.outcome?.kind !== 'http') return null;
  return { status: e.outcome.status, detail: e.outcome.detail ?? null };
}

/**
 * Asks for a batch; when the service refuses it for a reason that a smaller batch avoids
 * (`splittable`), asks for each half instead, down to single papers.
 */
async function inHalves(
  run: SourceRun,
  batch: FetchTarget[],
  ask: (part: FetchTarget[]) => Promise<void>,
  splittable: (e: unknown) => boolean,
  why: string,
): Promise<void> {
  try {
    await ask(batch);
  } catch (e) {
    if (batch.length > 1 && splittable(e)) {
      const mid = Math.ceil(batch.length / 2);
      run.log?.(`${why}: asking for ${batch.length} papers in two halves`);
      await inHalves(run, batch.slice(0, mid), ask, splittable, why);
      await inHalves(run, batch.slice(mid), ask, splittable, why);
      return;
    }
    failAll(run, batch, reasonOf(e));
  }
}

async function allReferences(run: SourceRun, paper: S2Paper, query: string): Promise<S2Reference[]> {
  const id = encodeURIComponent(paper.paperId ?? query);
  const refs: S2Reference[] = [];
  let offset = 0;
  for (let page = 0; page < S2_MAX_PAGES; page++) {
    const url = withQuery(run.endpoint.baseUrl, `/paper/${id}/references`, {
      fields: S2_REFERENCE_FIELDS,
      offset: String(offset),
      limit: String(S2_PAGE_LIMIT),
    });
    const result = await send(run, {
      url,
      headers: s2Headers(run.endpoint),
      parse: (t) => parseS2ReferencePage(JSON.parse(t)),
      errorDetail: s2ErrorDetail,
    });
    if (result.offset !== offset)
      throw new RequestFailed(`references page: asked for offset ${offset}, got ${result.offset}`, null, 1);
    for (const r of result.references) refs.push(r);
    if (result.next === null) return refs;
    offset = result.next;
  }
  throw new RequestFailed(`references: more than ${S2_MAX_PAGES} pages`, null, 1);
}

function s2Headers(e: Endpoint): Record<string, string> {
  return e.apiKey ? { 'x-api-key': e.apiKey } : {};
}

async function s2Batch(run: SourceRun, batch: FetchTarget[]): Promise<void> {
  const ids = batch.map(s2Query);
  const papers = await send(run, {
    url: withQuery(run.endpoint.baseUrl, '/paper/batch', { fields: S2_BATCH_FIELDS }),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...s2Headers(run.endpoint) },
    body: JSON.stringify({ ids }),
    parse: (t) => parseS2Batch(JSON.parse(t), ids.length),
    errorDetail: s2ErrorDetail,
  });
  for (const [i, target] of batch.entries()) {
    const paper = papers[i] ?? null;
    let refs = paper?.references ?? [];
    if (paper && isTruncated(paper)) {
      try {
        refs = await allReferences(run, paper, ids[i] as string);
      } catch (e) {
        if (e instanceof Unreachable) throw e;
        run.tally.failed.set(target.id, `references: ${reasonOf(e)}`);
        run.onProgress();
        continue;
      }
    }
    record(run, s2Entry(target, paper, refs, run.now()));
  }
}

/**
 * Semantic Scholar: batches of ids; an answer over 10 MB is refused with 400 "Response would exceed
 * maximum size" (https://api.semanticscholar.org/api-docs/graph, Error400), so that batch is asked
 * for in halves until each part passes.
 */
export async function runS2(run: SourceRun): Promise<void> {
  const oversized = (e: unknown) => {
    const f = httpFailure(e);
    return f !== null && f.status === 400 && isOversized(f.detail);
  };
  for (const batch of batches(run.pending, run.batchSize))
    await inHalves(
      run,
      batch,
      (part) => s2Batch(run, part),
      oversized,
      'Semantic Scholar: answer over 10 MB',
    );
}

async function arxivBatch(run: SourceRun, batch: FetchTarget[]): Promise<void> {
  const ids = batch.map((t) => t.arxiv as string);
  const records = await send(run, {
    url: withQuery(run.endpoint.baseUrl, '/query', arxivParams(ids)),
    parse: parseArxivFeed,
    errorDetail: arxivErrorDetail,
  });
  const byId = new Map(records.map((r) => [r.arxiv, r]));
  for (const target of batch)
    record(run, arxivEntry(target, byId.get(target.arxiv as string) ?? null, run.now()));
}

/**
 * arXiv: batches of ids, one request every 3 s. An error is HTTP 400 with an Atom error entry
 * (https://info.arxiv.org/help/api/user-manual.html#errors): the batch is asked for in halves, so
 * only the paper arXiv refuses fails, with arXiv's message.
 */
export async function runArxiv(run: SourceRun): Promise<void> {
  // an id arXiv refuses fails the whole batch: halve it until the refused id is alone
  const refused = (e: unknown) => {
    const f = httpFailure(e);
    return f !== null && f.status === 400 && /incorrect id format/i.test(f.detail ?? '');
  };
  for (const batch of batches(run.pending, run.batchSize))
    await inHalves(run, batch, (part) => arxivBatch(run, part), refused, 'arXiv: HTTP 400');
}
