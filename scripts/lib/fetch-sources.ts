/**
 * One fetch loop per service. Each asks for the papers that are not cached yet, in batches, writes
 * each paper's entry as soon as it is complete (so a killed run loses at most the batch in flight),
 * and tallies fetched / not found / failed with the reason.
 */
import type { OnlineSource } from '../../src/model/online';
import type { FetchTarget } from '../../src/online/ids';
import { batches } from '../../src/online/ids';
import type { CacheEntry, S2Reference } from '../../src/model/online';
import {
  isTruncated,
  parseS2Batch,
  parseS2ReferencePage,
  S2_BATCH_FIELDS,
  S2_MAX_PAGES,
  S2_PAGE_LIMIT,
  S2_REFERENCE_FIELDS,
  s2Entry,
  s2Query,
} from '../../src/online/s2';
import type { S2Paper } from '../../src/online/s2';
import {
  matchWorks,
  openAlexEntry,
  openAlexParams,
  openAlexQuery,
  parseOpenAlexWorks,
} from '../../src/online/openalex';
import { arxivEntry, arxivParams, parseArxivFeed } from '../../src/online/arxiv';
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
  /** Waits for the service's minimum interval before a request. */
  pace: () => Promise<void>;
  tally: SourceTally;
  now: () => string;
  write: (entry: CacheEntry) => void;
  onProgress: () => void;
}

function withQuery(base: string, path: string, params: Record<string, string>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** Sends a paced request; a network failure stops the whole run. */
async function send<T>(run: SourceRun, spec: RequestSpec<T>): Promise<T> {
  await run.pace();
  try {
    return await request(spec, run.http);
  } catch (e) {
    if (e instanceof RequestFailed && e.unreachable)
      throw new Unreachable(new URL(spec.url).origin, e.message);
    throw e;
  }
}

function reasonOf(e: unknown): string {
  if (e instanceof RequestFailed) return e.message;
  throw e;
}

function failAll(run: SourceRun, batch: FetchTarget[], reason: string): void {
  for (const t of batch) run.tally.failed.set(t.id, reason);
  run.onProgress();
}

function record(run: SourceRun, entry: CacheEntry): void {
  run.write(entry);
  run.tally.fetched++;
  if (!entry.found) run.tally.notFound++;
  run.onProgress();
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

export async function runS2(run: SourceRun): Promise<void> {
  for (const batch of batches(run.pending, run.batchSize)) {
    const ids = batch.map(s2Query);
    let papers: (S2Paper | null)[];
    try {
      papers = await send(run, {
        url: withQuery(run.endpoint.baseUrl, '/paper/batch', { fields: S2_BATCH_FIELDS }),
        method: 'POST',
        headers: { 'content-type': 'application/json', ...s2Headers(run.endpoint) },
        body: JSON.stringify({ ids }),
        parse: (t) => parseS2Batch(JSON.parse(t), ids.length),
      });
    } catch (e) {
      failAll(run, batch, reasonOf(e));
      continue;
    }
    for (const [i, target] of batch.entries()) {
      const paper = papers[i] ?? null;
      let refs = paper?.references ?? [];
      if (paper && isTruncated(paper)) {
        try {
          refs = await allReferences(run, paper, ids[i] as string);
        } catch (e) {
          run.tally.failed.set(target.id, `references: ${reasonOf(e)}`);
          run.onProgress();
          continue;
        }
      }
      record(run, s2Entry(target, paper, refs, run.now()));
    }
  }
}

export async function runOpenAlex(run: SourceRun): Promise<void> {
  const auth: Record<string, string> = {};
  if (run.endpoint.apiKey) auth.api_key = run.endpoint.apiKey;
  if (run.endpoint.mailto) auth.mailto = run.endpoint.mailto;
  for (const batch of batches(run.pending, run.batchSize)) {
    const dois = batch.map(openAlexQuery);
    let works;
    try {
      works = await send(run, {
        url: withQuery(run.endpoint.baseUrl, '/works', { ...openAlexParams(dois), ...auth }),
        parse: (t) => parseOpenAlexWorks(JSON.parse(t)),
      });
    } catch (e) {
      failAll(run, batch, reasonOf(e));
      continue;
    }
    const matched = matchWorks(dois, works);
    for (const [i, target] of batch.entries())
      record(run, openAlexEntry(target, matched[i] ?? null, run.now()));
  }
}

export async function runArxiv(run: SourceRun): Promise<void> {
  for (const batch of batches(run.pending, run.batchSize)) {
    const ids = batch.map((t) => t.arxiv as string);
    let records;
    try {
      records = await send(run, {
        url: withQuery(run.endpoint.baseUrl, '/query', arxivParams(ids)),
        parse: parseArxivFeed,
      });
    } catch (e) {
      failAll(run, batch, reasonOf(e));
      continue;
    }
    const byId = new Map(records.map((r) => [r.arxiv, r]));
    for (const target of batch)
      record(run, arxivEntry(target, byId.get(target.arxiv as string) ?? null, run.now()));
  }
}

export const SOURCE_RUNNERS: Record<OnlineSource, (run: SourceRun) => Promise<void>> = {
  s2: runS2,
  openalex: runOpenAlex,
  arxiv: runArxiv,
};
