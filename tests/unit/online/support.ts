/** Shared pieces of the fetch tests: a fake clock, a fixture copy, a config pointing at the fake services. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchConfig } from '../../../scripts/lib/fetch-run';
import type { Clock } from '../../../scripts/lib/http-client';
import { ONLINE_SOURCES } from '../../../src/model';
import type { FakeApis } from './fake-apis';

export const SMALL_DIR = 'tests/fixtures/graph-data/small';

export interface FakeClock extends Clock {
  sleeps: number[];
}

/** Time moves only when the code sleeps; every sleep is recorded. */
export function fakeClock(start = Date.parse('2026-11-29T12:00:00Z')): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

const dirs: string[] = [];

/** A temporary copy of the small fixture (no cache). */
export function smallCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-fetch-'));
  dirs.push(dir);
  cpSync(SMALL_DIR, dir, { recursive: true });
  return dir;
}

export function removeCopies(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function testConfig(
  dataDir: string,
  apis: Pick<FakeApis, 'baseUrls'>,
  over: Partial<FetchConfig> = {},
): FetchConfig {
  return {
    dataDir,
    sources: [...ONLINE_SOURCES],
    only: null,
    refresh: false,
    timeoutMs: 400,
    policy: {
      maxAttempts: 6,
      maxNetworkAttempts: 3,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      maxWaitMs: 300_000,
    },
    endpoints: {
      s2: { baseUrl: apis.baseUrls.s2 },
      openalex: { baseUrl: apis.baseUrls.openalex },
      arxiv: { baseUrl: apis.baseUrls.arxiv },
    },
    intervals: { s2: 1000, openalex: 100, arxiv: 3000 },
    batchSize: { s2: 100, openalex: 50, arxiv: 50 },
    ...over,
  };
}

/** Every cache entry of a directory as parsed JSON, `fetched` removed, keyed by "source/file". */
export function cacheSnapshot(dataDir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of ONLINE_SOURCES) {
    const dir = join(dataDir, 'cache', source);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const entry = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
      delete entry.fetched;
      out[`${source}/${name}`] = entry;
    }
  }
  return out;
}
