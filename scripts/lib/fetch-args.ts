/**
 * Options and environment of `npm run fetch:citations` → the run's configuration.
 */
import { parseArgs } from 'node:util';
import { ONLINE_SOURCES } from '../../src/model/online';
import type { OnlineSource } from '../../src/model/online';
import { ARXIV_BATCH_LIMIT, ARXIV_MIN_INTERVAL_MS } from '../../src/online/arxiv';
import { OPENALEX_BATCH_LIMIT } from '../../src/online/openalex';
import { checkRetryPolicy, DEFAULT_RETRY_POLICY } from '../../src/online/retry';
import { S2_BATCH_LIMIT } from '../../src/online/s2';
import type { FetchConfig } from './fetch-run';

export const DEFAULT_URLS: Record<OnlineSource, string> = {
  s2: 'https://api.semanticscholar.org/graph/v1',
  openalex: 'https://api.openalex.org',
  arxiv: 'https://export.arxiv.org/api',
};

export const USAGE = `Usage: npm run fetch:citations -- [options]

Fetches every paper's references (with their titles and years) and citation counts (Semantic
Scholar, OpenAlex) and its abstract, first-version date and categories (arXiv) into DIR/cache/, one
JSON file per paper per source. What is cached is not fetched again: an interrupted run resumes where
it stopped. \`npm run build:graph\` then reads the cache offline.

Options:
  --data DIR          graph-data directory (default: graph-data)
  --source S[,S]      s2, openalex and/or arxiv (default: all three)
  --only ID[,ID]      only these papers (paper ids or arXiv ids)
  --refresh           fetch again what is cached
  --timeout SECONDS   per request (default: 30)
  --batch-size N      papers per request (default and maximum: s2 ${S2_BATCH_LIMIT}, openalex ${OPENALEX_BATCH_LIMIT}, arxiv ${ARXIV_BATCH_LIMIT})
  --help              show this help

Environment:
  OPENALEX_API_KEY    OpenAlex API key (api_key parameter). Needed: OpenAlex has required a key since
                      13 February 2026; without one the daily allowance ($0.01) covers about 100
                      list requests. A free key gives $1 a day. Per paper this command makes 1/50 of a
                      list request ($0.0001 each) to find it by DOI; a paper not found that way costs
                      up to 2 single-work lookups (free) and 1 title search ($0.001); the referenced
                      works cost 1 list request per 100 distinct works. The bundled dataset (416
                      papers, about 50 references each): 9 list requests to find the papers, about
                      200 for the referenced works, and at most 416 searches, so at most about $0.44,
                      within one day of a free key. The summary prints what the run used.
  S2_API_KEY          Semantic Scholar API key (x-api-key header); with it requests are paced 1 s
                      apart, without it 3 s (unauthenticated requests share one pool)
  OPENALEX_MAILTO     e-mail address sent to OpenAlex (mailto parameter)
  S2_API_URL, OPENALEX_API_URL, ARXIV_API_URL   base URLs (default: the public services:
                      ${DEFAULT_URLS.s2}, ${DEFAULT_URLS.openalex}, ${DEFAULT_URLS.arxiv})

Every attempt, retries included, waits for the service's interval: Semantic Scholar 1 s (3 s without
a key), OpenAlex 0.1 s, arXiv 3 s. 429s from Semantic Scholar and arXiv wait for Retry-After, else
back off exponentially with jitter; so do 5xx answers, timeouts, truncated or invalid answers and
OpenAlex's 403 ("slow down"), up to ${DEFAULT_RETRY_POLICY.maxAttempts} attempts (${DEFAULT_RETRY_POLICY.maxNetworkAttempts} when the service cannot be
reached). OpenAlex's 429 means its daily budget is spent: OpenAlex stops, everything fetched is
kept, and the next run fetches the rest. A Semantic Scholar batch whose answer would exceed 10 MB is
asked for in halves; an arXiv batch refused with HTTP 400 too, so only the refused paper fails.
Exit codes: 0 all fetched or cached, 1 some papers failed, 2 bad options, 3 no network,
4 OpenAlex's daily budget spent (run again tomorrow).`;

export class UsageError extends Error {}

const LIMITS: Record<OnlineSource, number> = {
  s2: S2_BATCH_LIMIT,
  openalex: OPENALEX_BATCH_LIMIT,
  arxiv: ARXIV_BATCH_LIMIT,
};
/**
 * Minimum milliseconds between two attempts: Semantic Scholar 1 request/s with a key
 * (https://www.semanticscholar.org/product/api#api-key); OpenAlex at most 100 requests/s
 * (https://developers.openalex.org/api-reference/authentication), kept at 10; arXiv one request
 * every three seconds (https://info.arxiv.org/help/api/tou.html#rate-limits).
 */
const INTERVALS: Record<OnlineSource, number> = { s2: 1000, openalex: 100, arxiv: ARXIV_MIN_INTERVAL_MS };
const S2_UNAUTHENTICATED_INTERVAL_MS = 3000;

function list(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): FetchConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        source: { type: 'string', multiple: true },
        only: { type: 'string' },
        refresh: { type: 'boolean' },
        timeout: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  if (values.data === '') throw new UsageError('--data must not be empty');
  const sourceNames = (values.source ?? []).flatMap((s) => list(s) ?? []);
  for (const s of sourceNames) {
    if (!(ONLINE_SOURCES as readonly string[]).includes(s))
      throw new UsageError(`--source must be s2, openalex or arxiv, got "${s}"`);
  }
  const sources = sourceNames.length > 0 ? (sourceNames as OnlineSource[]) : [...ONLINE_SOURCES];
  const only = list(values.only);
  if (only && only.length === 0) throw new UsageError('--only needs at least one paper id');
  const timeoutText = values.timeout ?? '30';
  const timeout = Number(timeoutText);
  if (!/^\d+(\.\d+)?$/.test(timeoutText) || timeout <= 0 || timeout > 600)
    throw new UsageError(`--timeout must be a number of seconds in (0, 600], got "${timeoutText}"`);
  const batchSize = { ...LIMITS };
  if (values['batch-size'] !== undefined) {
    const n = Number(values['batch-size']);
    if (!/^\d+$/.test(values['batch-size']) || n < 1)
      throw new UsageError(`--batch-size must be a positive integer, got "${values['batch-size']}"`);
    for (const s of ONLINE_SOURCES) batchSize[s] = Math.min(n, LIMITS[s]);
  }
  const url = (name: string, source: OnlineSource) => {
    const raw = env[name] || DEFAULT_URLS[source];
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      throw new UsageError(`${name} must be an http(s) URL, got "${raw}"`);
    }
    return raw.replace(/\/+$/, '');
  };
  const endpoints = {
    s2: { baseUrl: url('S2_API_URL', 's2'), ...(env.S2_API_KEY ? { apiKey: env.S2_API_KEY } : {}) },
    openalex: {
      baseUrl: url('OPENALEX_API_URL', 'openalex'),
      ...(env.OPENALEX_API_KEY ? { apiKey: env.OPENALEX_API_KEY } : {}),
      ...(env.OPENALEX_MAILTO ? { mailto: env.OPENALEX_MAILTO } : {}),
    },
    arxiv: { baseUrl: url('ARXIV_API_URL', 'arxiv') },
  };
  const intervals = { ...INTERVALS };
  // Semantic Scholar: 1 request/s with a key; unauthenticated requests share one pool
  // (https://www.semanticscholar.org/product/api#api-key): 3 s apart without one.
  if (!env.S2_API_KEY) intervals.s2 = S2_UNAUTHENTICATED_INTERVAL_MS;
  const policy = { ...DEFAULT_RETRY_POLICY };
  // Tests run against a fake server on loopback: there, and only there, pacing and backoff may be shortened.
  const pace = env.FETCH_LOOPBACK_PACE_MS;
  if (pace !== undefined && ONLINE_SOURCES.every((s) => isLoopback(endpoints[s].baseUrl))) {
    const ms = Number(pace);
    if (!Number.isFinite(ms) || ms < 0)
      throw new UsageError(`FETCH_LOOPBACK_PACE_MS must be a number, got "${pace}"`);
    for (const s of ONLINE_SOURCES) intervals[s] = ms;
    policy.baseDelayMs = ms;
  }
  return {
    dataDir: values.data ?? 'graph-data',
    sources,
    only,
    refresh: values.refresh ?? false,
    timeoutMs: timeout * 1000,
    policy: checkRetryPolicy(policy),
    endpoints,
    intervals,
    batchSize,
  };
}
