/**
 * A whole `fetch:citations` run: which papers to ask each service about, skipping what the cache
 * holds, the loops of scripts/lib/fetch-sources.ts, progress and summary, and the cross-check of
 * the two citation sources. Everything it touches comes in through `FetchConfig` and `FetchIo`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAPERS_FILE, parsePapersFile } from '../../src/data/index';
import { CACHE_DIR } from '../../src/data/online-cache';
import type { CacheEntry, OnlineSource } from '../../src/model/online';
import { ONLINE_SOURCES } from '../../src/model/online';
import { crossCheck } from '../../src/online/edges';
import type { Disagreement } from '../../src/online/edges';
import type { FetchTarget } from '../../src/online/ids';
import { fetchTargets } from '../../src/online/ids';
import { emptyTally, progressLine, summaryLines } from '../../src/online/progress';
import type { SourceTally } from '../../src/online/progress';
import type { RetryPolicy } from '../../src/online/retry';
import type { Clock } from './http-client';
import { createPacer } from './http-client';
import type { Endpoint, SourceRun } from './fetch-sources';
import { runArxiv, runS2, Unreachable } from './fetch-sources';
import type { OpenAlexUsage } from './fetch-openalex';
import { BudgetSpent, runOpenAlex, usageCost } from './fetch-openalex';
import {
  readCacheEntry,
  readOnlineCache,
  removeStaleTemporaries,
  writeCacheEntry,
  writeTextDurable,
} from './online-cache-fs';

export const SOURCE_LABELS: Record<OnlineSource, string> = {
  s2: 'Semantic Scholar',
  openalex: 'OpenAlex',
  arxiv: 'arXiv',
};

export interface FetchConfig {
  dataDir: string;
  sources: OnlineSource[];
  /** Paper ids (or arXiv ids) to fetch; null for every paper. */
  only: string[] | null;
  /** Fetch again what is cached. */
  refresh: boolean;
  timeoutMs: number;
  policy: RetryPolicy;
  endpoints: Record<OnlineSource, Endpoint>;
  /** Minimum milliseconds between two requests to a service. */
  intervals: Record<OnlineSource, number>;
  batchSize: Record<OnlineSource, number>;
}

export interface FetchIo {
  clock: Clock;
  fetch?: typeof globalThis.fetch;
  /** A line of the log (retries, summary). */
  log: (line: string) => void;
  /** The current progress line of a source; `final` on its last update. */
  progress: (line: string, final: boolean) => void;
}

export interface FetchResult {
  tallies: Partial<Record<OnlineSource, SourceTally>>;
  /** Entries written in this run. */
  written: number;
  /** Set when a service could not be reached and the run stopped. */
  unreachable: Unreachable | null;
  /** Set when OpenAlex answered 429: its daily budget is spent, the rest waits for the next run. */
  budgetSpent: BudgetSpent | null;
  /** OpenAlex requests of this run by price class. */
  openalexUsage: OpenAlexUsage;
  /** Null when the cache lacks one of the two citation sources. */
  disagreements: Disagreement[] | null;
}

/**
 * Whether a cached entry holds everything this version of the fetcher asks for. Entries fetched
 * before references carried title and year (Semantic Scholar) or before the referenced works were
 * looked up (OpenAlex) are fetched again; so are entries that cannot be read.
 */
export function isComplete(entry: CacheEntry | null): boolean {
  if (!entry) return false;
  if (entry.source === 's2') return !entry.found || entry.references.every((r) => r.title !== undefined);
  if (entry.source === 'openalex')
    return !entry.found || entry.referencedWorks.length === 0 || entry.referencedWorksMeta !== undefined;
  return true;
}

const RUNNERS: Record<OnlineSource, (run: SourceRun & { usage: OpenAlexUsage }) => Promise<void>> = {
  s2: runS2,
  openalex: runOpenAlex,
  arxiv: runArxiv,
};

/** Bad `--only` ids and the like: the CLI prints them with the usage. */
export class FetchConfigError extends Error {}

/** The dataset's papers that can be fetched, restricted to `only` (paper ids or arXiv ids). */
export function selectTargets(
  dataDir: string,
  only: string[] | null,
): { targets: FetchTarget[]; all: FetchTarget[] } {
  const file = join(dataDir, PAPERS_FILE);
  if (!existsSync(file)) throw new FetchConfigError(`${file} not found: is --data a graph-data directory?`);
  const papers = parsePapersFile(readFileSync(file, 'utf8'), file).map((l) => l.value);
  const all = fetchTargets(papers);
  if (!only) return { targets: all, all };
  const byKey = new Map<string, FetchTarget>();
  for (const t of all) {
    byKey.set(t.id, t);
    if (t.arxiv) byKey.set(t.arxiv, t);
  }
  const known = new Set(papers.map((p) => p.id));
  const unknown = only.filter((id) => !byKey.has(id));
  if (unknown.length > 0) {
    const why = (id: string) => (known.has(id) ? `${id} (no arXiv id or DOI)` : `${id} (not in ${file})`);
    throw new FetchConfigError(`--only: cannot fetch ${unknown.map(why).join(', ')}`);
  }
  const chosen = new Set(only.map((id) => (byKey.get(id) as FetchTarget).id));
  return { targets: all.filter((t) => chosen.has(t.id)), all };
}

function disagreementsTsv(list: Disagreement[]): string {
  const rows = list.map((d) => `${d.source}\t${d.target}\t${d.onlyIn}`);
  return `source\ttarget\tonly_in\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}

/** The cross-check over the whole cache; written to cache/cross-check.tsv. Null without both sources. */
function runCrossCheck(dataDir: string, all: FetchTarget[]): Disagreement[] | null {
  const cache = readOnlineCache(dataDir, []);
  if (!cache || cache.s2.size === 0 || cache.openalex.size === 0) return null;
  const list = crossCheck(all, cache);
  writeTextDurable(join(dataDir, CACHE_DIR, 'cross-check.tsv'), disagreementsTsv(list));
  return list;
}

export async function runFetch(config: FetchConfig, io: FetchIo): Promise<FetchResult> {
  const { targets, all } = selectTargets(config.dataDir, config.only);
  const result: FetchResult = {
    tallies: {},
    written: 0,
    unreachable: null,
    budgetSpent: null,
    openalexUsage: { single: 0, list: 0, search: 0 },
    disagreements: null,
  };
  const stale = removeStaleTemporaries(config.dataDir);
  if (stale > 0) io.log(`removed ${stale} temporary file(s) an interrupted run left in the cache`);
  const stamp = () => new Date(io.clock.now()).toISOString();

  for (const source of ONLINE_SOURCES.filter((s) => config.sources.includes(s))) {
    const label = SOURCE_LABELS[source];
    const eligible = source === 'arxiv' ? targets.filter((t) => t.arxiv) : targets;
    const tally = emptyTally(eligible.length);
    result.tallies[source] = tally;
    const pending: FetchTarget[] = [];
    for (const t of eligible) {
      if (!config.refresh && isComplete(readCacheEntry(config.dataDir, source, t.id))) tally.fromCache++;
      else pending.push(t);
    }
    const start = io.clock.now();
    const report = (final = false) => io.progress(progressLine(label, tally, io.clock.now() - start), final);
    report(pending.length === 0);
    if (pending.length === 0) continue;
    try {
      await RUNNERS[source]({
        source,
        endpoint: config.endpoints[source],
        pending,
        batchSize: config.batchSize[source],
        http: {
          policy: config.policy,
          timeoutMs: config.timeoutMs,
          clock: io.clock,
          fetch: io.fetch,
          onRetry: ({ attempt, delayMs, reason }) =>
            io.log(`${label}: ${reason}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
        },
        pace: createPacer(config.intervals[source], io.clock),
        tally,
        now: stamp,
        write: (entry) => {
          writeCacheEntry(config.dataDir, entry);
          result.written++;
        },
        onProgress: () => report(),
        log: (line) => io.log(line),
        usage: result.openalexUsage,
      });
      report(true);
    } catch (e) {
      if (e instanceof BudgetSpent) {
        // OpenAlex stops for today; the other sources and the cross-check go on
        report(true);
        result.budgetSpent = e;
        continue;
      }
      if (!(e instanceof Unreachable)) throw e;
      report(true);
      result.unreachable = e;
      return result;
    }
  }
  if (config.sources.includes('s2') || config.sources.includes('openalex')) {
    result.disagreements = runCrossCheck(config.dataDir, all);
  }
  return result;
}

/** The summary printed at the end of a run. */
export function summaryText(config: FetchConfig, result: FetchResult, maxListed = 20): string[] {
  const lines: string[] = [];
  for (const source of ONLINE_SOURCES) {
    const tally = result.tallies[source];
    if (tally) lines.push(...summaryLines(SOURCE_LABELS[source], tally, maxListed));
  }
  const u = result.openalexUsage;
  if (u.single + u.list + u.search > 0)
    lines.push(
      `OpenAlex requests: ${u.single} single-work (free), ${u.list} list, ${u.search} search: about $${usageCost(u).toFixed(4)} of the daily budget`,
    );
  if (result.budgetSpent) lines.push(`${result.budgetSpent.message}.`);
  if (result.unreachable) {
    lines.push(`${result.unreachable.message}.`);
    lines.push(
      result.written === 0
        ? 'No network? Nothing was fetched and nothing was changed.'
        : `The ${result.written} entries fetched before are kept in ${join(config.dataDir, CACHE_DIR)}; run the command again to resume.`,
    );
  }
  const d = result.disagreements;
  if (d) {
    const s2Only = d.filter((x) => x.onlyIn === 'semantic-scholar').length;
    lines.push(
      `cross-check: ${d.length} pair(s) where Semantic Scholar and OpenAlex disagree (${s2Only} only in Semantic Scholar, ${d.length - s2Only} only in OpenAlex); all in ${join(config.dataDir, CACHE_DIR, 'cross-check.tsv')}`,
    );
    for (const x of d.slice(0, maxListed))
      lines.push(
        `  ${x.source} -> ${x.target}: only in ${x.onlyIn === 'openalex' ? 'OpenAlex' : 'Semantic Scholar'}`,
      );
    if (d.length > maxListed) lines.push(`  … and ${d.length - maxListed} more`);
  }
  return lines;
}

/** True when every paper of the run ended fetched or cached. */
export function allDone(result: FetchResult): boolean {
  return (
    !result.unreachable &&
    !result.budgetSpent &&
    Object.values(result.tallies).every((t) => t.failed.size === 0)
  );
}
