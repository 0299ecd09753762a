/**
 * The OpenAlex loop of `fetch:citations`: finds each paper's work the ways src/online/openalex.ts
 * describes (a list request by DOI per batch, then the free single-work lookups, then a title
 * search), looks up the referenced works' ids, titles and years in batches of 100, and writes each
 * paper's entry once all of that is known.
 *
 * Errors as OpenAlex documents them (https://developers.openalex.org/api-reference/errors):
 * - 403 "rate limit exceeded; slow down": backed off and retried like a 429 elsewhere;
 * - 429 "daily limit exceeded": the daily budget is spent (https://developers.openalex.org/api-reference/authentication),
 *   so the loop stops at once: what was written stays, the rest is fetched by the next run.
 * "Not found" is cached only when the list request, both single-work lookups and the title search
 * all found nothing.
 */
import type { OpenAlexWorkMeta } from '../../src/model/online';
import type { FetchTarget } from '../../src/online/ids';
import { batches } from '../../src/online/ids';
import {
  filterSafe,
  findWork,
  OPENALEX_OR_LIMIT,
  openAlexEntry,
  openAlexErrorDetail,
  openAlexParams,
  parseOpenAlexWork,
  parseOpenAlexWorks,
  pickTitleMatch,
  singleWorkPath,
  targetDois,
  titleSearchParams,
  workIdsParams,
  workMeta,
} from '../../src/online/openalex';
import type { OpenAlexWork } from '../../src/online/openalex';
import type { AttemptOutcome } from '../../src/online/retry';
import type { HttpOptions } from './http-client';
import { RequestFailed } from './http-client';
import type { SourceRun } from './fetch-sources';
import { failAll, reasonOf, record, send, Unreachable, withQuery } from './fetch-sources';

/** OpenAlex answered 429: the day's budget is spent. */
export class BudgetSpent extends Error {
  constructor(detail: string | null) {
    super(
      `OpenAlex's daily budget is spent (HTTP 429${detail ? `: ${detail}` : ''}); everything fetched so far is kept, run the command again tomorrow (the budget renews daily) to fetch the rest`,
    );
    this.name = 'BudgetSpent';
  }
}

/** Requests made, by OpenAlex's price class. */
export interface OpenAlexUsage {
  single: number;
  list: number;
  search: number;
}

/** Dollars a usage costs at the documented prices (single free, list $0.10 and search $1 per 1,000). */
export function usageCost(u: OpenAlexUsage): number {
  return u.list * 0.0001 + u.search * 0.001;
}

const retryAndStop: Partial<HttpOptions> = {
  // 403 means "slow down" at OpenAlex: back off and retry
  retryStatuses: [403],
  stopOn: (o: AttemptOutcome) =>
    o.kind === 'http' && o.status === 429 ? new BudgetSpent(o.detail ?? null) : null,
};

export interface OpenAlexRun extends SourceRun {
  usage: OpenAlexUsage;
}

function authParams(run: SourceRun): Record<string, string> {
  const auth: Record<string, string> = {};
  if (run.endpoint.apiKey) auth.api_key = run.endpoint.apiKey;
  if (run.endpoint.mailto) auth.mailto = run.endpoint.mailto;
  return auth;
}

async function listWorks(run: OpenAlexRun, params: Record<string, string>, kind: 'list' | 'search') {
  run.usage[kind]++;
  return send(
    run,
    {
      url: withQuery(run.endpoint.baseUrl, '/works', { ...params, ...authParams(run) }),
      parse: (t) => parseOpenAlexWorks(JSON.parse(t)),
      errorDetail: openAlexErrorDetail,
    },
    retryAndStop,
  );
}

/** A single-work lookup by DOI (free); null when OpenAlex has no such work (404). */
async function singleWork(run: OpenAlexRun, doi: string): Promise<OpenAlexWork | null> {
  run.usage.single++;
  try {
    return await send(
      run,
      {
        url: withQuery(run.endpoint.baseUrl, singleWorkPath(doi), authParams(run)),
        parse: (t) => parseOpenAlexWork(JSON.parse(t)),
        errorDetail: openAlexErrorDetail,
      },
      retryAndStop,
    );
  } catch (e) {
    if (e instanceof RequestFailed && e.outcome?.kind === 'http' && e.outcome.status === 404) return null;
    throw e;
  }
}

/** Finds the work of every target of a batch; throws on a failed list request. */
async function findWorks(
  run: OpenAlexRun,
  batch: FetchTarget[],
  failed: Map<string, string>,
): Promise<Map<string, OpenAlexWork>> {
  const found = new Map<string, OpenAlexWork>();
  // 1. one list request with every DOI of the batch
  const dois = [...new Set(batch.flatMap(targetDois))].filter(filterSafe);
  for (const part of batches(dois, OPENALEX_OR_LIMIT)) {
    const works = await listWorks(run, openAlexParams(part), 'list');
    for (const t of batch) {
      const w = found.has(t.id) ? null : findWork(t, works);
      if (w) found.set(t.id, w);
    }
  }
  // 2. single-work lookups (free): publisher DOI, then the arXiv DOI, which OpenAlex resolves to
  //    the published version when it merged the preprint into it
  // 3. a title search, kept only for a close title and year or a location naming the arXiv id
  for (const t of batch) {
    if (found.has(t.id)) continue;
    try {
      let work: OpenAlexWork | null = null;
      for (const doi of targetDois(t)) {
        const w = await singleWork(run, doi);
        if (w) {
          work = w;
          break;
        }
      }
      const params = work || !t.title ? null : titleSearchParams(t.title);
      if (params) work = pickTitleMatch(t, await listWorks(run, params, 'search'));
      if (work) found.set(t.id, work);
    } catch (e) {
      if (e instanceof BudgetSpent || e instanceof Unreachable) throw e;
      failed.set(t.id, reasonOf(e));
    }
  }
  return found;
}

/** Fills `known` with the referenced works OpenAlex has (null for those it no longer has). */
async function lookUpReferenced(
  run: OpenAlexRun,
  works: Iterable<OpenAlexWork>,
  known: Map<string, OpenAlexWorkMeta | null>,
): Promise<void> {
  const wanted = new Set<string>();
  for (const w of works) for (const r of w.referencedWorks) if (!known.has(r)) wanted.add(r);
  for (const part of batches([...wanted], OPENALEX_OR_LIMIT)) {
    const answer = await listWorks(run, workIdsParams(part), 'list');
    for (const w of answer) known.set(w.openalexId, workMeta(w));
    for (const id of part) if (!known.has(id)) known.set(id, null);
  }
}

export async function runOpenAlex(run: OpenAlexRun): Promise<void> {
  const known = new Map<string, OpenAlexWorkMeta | null>();
  const all = batches(run.pending, run.batchSize);
  for (const [n, batch] of all.entries()) {
    try {
      const failed = new Map<string, string>();
      const found = await findWorks(run, batch, failed);
      await lookUpReferenced(run, found.values(), known);
      for (const t of batch) {
        const reason = failed.get(t.id);
        if (reason !== undefined) {
          run.tally.failed.set(t.id, reason);
          run.onProgress();
          continue;
        }
        const work = found.get(t.id) ?? null;
        const meta = work
          ? [...new Set(work.referencedWorks)]
              .map((r) => known.get(r) ?? null)
              .filter((m): m is OpenAlexWorkMeta => m !== null)
          : undefined;
        record(run, openAlexEntry(t, work, run.now(), meta));
      }
    } catch (e) {
      if (e instanceof BudgetSpent) {
        failAll(run, all.slice(n).flat(), 'not fetched: OpenAlex daily budget spent');
        throw e;
      }
      if (e instanceof Unreachable) throw e;
      failAll(run, batch, reasonOf(e));
    }
  }
}
