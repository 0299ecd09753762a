/**
 * A fetch run in-process against the fake services on loopback: batches, paging, not-found answers,
 * the cache and resuming from it, every injected fault, no network, and the cross-check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFetch, summaryText } from '../../../scripts/lib/fetch-run';
import type { FetchIo } from '../../../scripts/lib/fetch-run';
import { startFakeApis } from './fake-apis';
import type { FakeApis } from './fake-apis';
import { cacheSnapshot, fakeClock, removeCopies, smallCopy, testConfig } from './support';
import type { FakeClock } from './support';
import { A, B, C, D, E, smallWorld } from './world';

let apis: FakeApis;
beforeAll(async () => {
  apis = await startFakeApis(smallWorld());
});
afterAll(async () => {
  await apis.close();
  removeCopies();
});
afterEach(() => {
  apis.requests.length = 0;
});

interface TestIo extends FetchIo {
  clock: FakeClock;
  logs: string[];
  lines: string[];
}

function io(clock: FakeClock = fakeClock()): TestIo {
  const logs: string[] = [];
  const lines: string[] = [];
  return { clock, log: (l) => void logs.push(l), progress: (l) => void lines.push(l), logs, lines };
}

const read = (dir: string, rel: string) =>
  JSON.parse(readFileSync(join(dir, 'cache', rel), 'utf8')) as Record<string, unknown>;

describe('fetch run', () => {
  it('fetches every source in batches, pages truncated reference lists and caches not-found answers', async () => {
    const dir = smallCopy();
    const out = io();
    const config = testConfig(dir, apis);
    config.endpoints.s2.apiKey = 'test-key';
    config.endpoints.openalex.mailto = 'atlas@example.org';
    const result = await runFetch(config, out);

    // one batch per service for five papers, and four pages of D's 15 references
    const routes = apis.requests.map((r) => r.route);
    expect(routes).toEqual(['s2-batch', ...Array(4).fill('s2-references'), 'openalex-works', 'arxiv-query']);
    const batch = apis.requests[0]!;
    expect(JSON.parse(batch.body)).toEqual({ ids: [A, B, C, D, E].map((id) => `ARXIV:${id}`) });
    expect(batch.headers['x-api-key']).toBe('test-key');
    expect(batch.url.searchParams.get('fields')).toContain('references.externalIds');
    expect(apis.requests[1]!.url.pathname).toBe('/s2/graph/v1/paper/s2-220300004/references');
    expect(apis.requests.slice(1, 5).map((r) => r.url.searchParams.get('offset'))).toEqual([
      '0',
      '4',
      '8',
      '12',
    ]);
    expect(apis.requests[5]!.url.searchParams.get('mailto')).toBe('atlas@example.org');
    expect(apis.requests[6]!.url.searchParams.get('id_list')).toBe([A, B, C, D, E].join(','));

    // D's whole list, in order, with the references outside the set kept
    const d = read(dir, `s2/${D}.json`);
    expect(d.referenceCount).toBe(15);
    const refs = d.references as { arxiv: string | null; s2: string | null }[];
    expect(refs).toHaveLength(15);
    expect(refs.filter((r) => r.arxiv).map((r) => r.arxiv)).toEqual([B, C, A]);
    expect(new Set(refs.map((r) => r.s2)).size).toBe(15);
    // E is unknown to Semantic Scholar (a null in the batch) and to arXiv: cached as not found
    expect(read(dir, `s2/${E}.json`)).toMatchObject({ found: false, references: [] });
    expect(read(dir, `arxiv/${E}.json`)).toMatchObject({ found: false, abstract: null });
    expect(read(dir, `arxiv/${A}.json`)).toMatchObject({
      found: true,
      published: '2020-01-15T17:45:49Z',
      title: 'AlphaGAN: Inverting generators by optimisation',
      abstract: 'We invert a GAN generator <by> optimisation & projection of latent codes.',
      categories: ['cs.CV', 'cs.LG'],
    });
    expect(read(dir, `openalex/${C}.json`)).toMatchObject({
      openalexId: 'W103',
      referencedWorks: ['W102', 'W9003'],
    });

    expect(result.written).toBe(15);
    expect(result.tallies.s2).toMatchObject({ total: 5, fetched: 5, notFound: 1, fromCache: 0 });
    expect(result.tallies.arxiv).toMatchObject({ total: 5, fetched: 5, notFound: 1 });
    // the sources disagree on exactly two pairs
    expect(result.disagreements).toEqual([
      { source: B, target: C, onlyIn: 'openalex' },
      { source: C, target: A, onlyIn: 'semantic-scholar' },
    ]);
    expect(readFileSync(join(dir, 'cache', 'cross-check.tsv'), 'utf8')).toBe(
      `source\ttarget\tonly_in\n${B}\t${C}\topenalex\n${C}\t${A}\tsemantic-scholar\n`,
    );
    const summary = summaryText(config, result);
    expect(summary[0]).toBe(
      'Semantic Scholar: 5 fetched (1 not known to the service), 0 from cache, 0 failed',
    );
    expect(summary).toContain(`  ${C} -> ${A}: only in Semantic Scholar`);
    expect(out.lines.at(-1)).toMatch(/^arXiv \[#{20}\] 5\/5 · done in/);

    // requests are paced: 1 s between Semantic Scholar's, nothing waits before the first
    expect(out.clock.sleeps.filter((ms) => ms === 1000)).toHaveLength(4);

    // a second run finds everything cached and asks nothing
    apis.requests.length = 0;
    const again = await runFetch(config, io());
    expect(apis.requests).toEqual([]);
    expect(again.written).toBe(0);
    expect(again.tallies.openalex).toMatchObject({ fetched: 0, fromCache: 5 });
    expect(summaryText(config, again)[1]).toBe('OpenAlex: 0 fetched, 5 from cache, 0 failed');
  });

  it('--only and --refresh fetch just the named papers again', async () => {
    const dir = smallCopy();
    await runFetch(testConfig(dir, apis), io());
    apis.requests.length = 0;
    const result = await runFetch(
      testConfig(dir, apis, { only: [C], refresh: true, sources: ['s2', 'arxiv'] }),
      io(),
    );
    expect(apis.requests.map((r) => r.route)).toEqual(['s2-batch', 'arxiv-query']);
    expect(JSON.parse(apis.requests[0]!.body)).toEqual({ ids: [`ARXIV:${C}`] });
    expect(result.tallies.s2).toMatchObject({ total: 1, fetched: 1 });
  });

  it('rides out 429s (with and without Retry-After), 500s, slow answers and truncated or invalid bodies', async () => {
    const clean = smallCopy();
    await runFetch(testConfig(clean, apis), io());
    apis.requests.length = 0;

    const dir = smallCopy();
    apis.inject('s2-batch', { kind: '429', retryAfter: '7' }, { kind: '500' });
    apis.inject('s2-references', { kind: 'truncated' }, { kind: 'slow', ms: 1500 });
    apis.inject('openalex-works', { kind: '429' }, { kind: 'invalid' });
    apis.inject('arxiv-query', { kind: 'html-error' }, { kind: 'truncated' }, { kind: 'invalid' });
    const out = io();
    const result = await runFetch(testConfig(dir, apis), out);

    // nothing lost, nothing duplicated: the same cache as a run without faults
    expect(cacheSnapshot(dir)).toEqual(cacheSnapshot(clean));
    expect(Object.values(result.tallies).every((t) => t.failed.size === 0)).toBe(true);
    // each fault cost one retry
    const count = (route: string) => apis.requests.filter((r) => r.route === route).length;
    expect(count('s2-batch')).toBe(3);
    expect(count('s2-references')).toBe(6);
    expect(count('openalex-works')).toBe(3);
    expect(count('arxiv-query')).toBe(4);
    // Retry-After was honoured; without it, backoff (base 1 s, jitter 0.5 → 0.75 s, then 1.5 s)
    expect(out.clock.sleeps).toContain(7000);
    expect(out.logs).toContain(
      'Semantic Scholar: HTTP 429 (rate limited), Retry-After 7 s; retry 1 in 7.0 s',
    );
    expect(out.logs).toContain('Semantic Scholar: HTTP 500; retry 2 in 1.5 s');
    expect(out.logs).toContain('OpenAlex: HTTP 429 (rate limited); retry 1 in 0.8 s');
    expect(out.logs.some((l) => /^Semantic Scholar: no answer within 0.4 s; retry 2/.test(l))).toBe(true);
    expect(out.logs.some((l) => /^Semantic Scholar: invalid response \(.*JSON.*\); retry 1/.test(l))).toBe(
      true,
    );
    expect(out.logs.some((l) => /^arXiv: invalid response \(arXiv feed is not well-formed XML/.test(l))).toBe(
      true,
    );
    expect(out.logs.some((l) => /^arXiv: HTTP 502; retry 1/.test(l))).toBe(true);
  });

  it('reports papers that keep failing with the reason, writes nothing for them, and fetches only them next time', async () => {
    const dir = smallCopy();
    apis.inject('openalex-works', ...Array(6).fill({ kind: '500' }));
    apis.inject('arxiv-query', { kind: '429', retryAfter: '3600' });
    const config = testConfig(dir, apis);
    const result = await runFetch(config, io());
    expect(apis.requests.filter((r) => r.route === 'openalex-works')).toHaveLength(6);
    expect(apis.requests.filter((r) => r.route === 'arxiv-query')).toHaveLength(1);
    expect(result.tallies.openalex!.failed.get(C)).toBe('HTTP 500; gave up after 6 attempts');
    expect(result.tallies.arxiv!.failed.get(A)).toBe(
      'HTTP 429 (rate limited); Retry-After asks for 3600 s, more than the 300 s limit',
    );
    expect(existsSync(join(dir, 'cache', 'openalex'))).toBe(false);
    expect(existsSync(join(dir, 'cache', 'arxiv'))).toBe(false);
    expect(result.disagreements).toBeNull();
    const summary = summaryText(config, result);
    expect(summary).toContain('OpenAlex: 0 fetched, 0 from cache, 5 failed');
    expect(summary).toContain(`  failed ${A}: HTTP 500; gave up after 6 attempts`);

    apis.requests.length = 0;
    const resumed = await runFetch(config, io());
    expect(apis.requests.map((r) => r.route)).toEqual(['openalex-works', 'arxiv-query']);
    expect(resumed.tallies.s2).toMatchObject({ fetched: 0, fromCache: 5 });
    expect(resumed.tallies.openalex).toMatchObject({ fetched: 5, fromCache: 0 });
    expect(resumed.disagreements).toHaveLength(2);
  });

  it('a failed page of references fails that paper only; the others of its batch are kept', async () => {
    const dir = smallCopy();
    apis.inject('s2-references', { kind: 'html-error' }, ...Array(5).fill({ kind: '500' }));
    const result = await runFetch(testConfig(dir, apis, { sources: ['s2'] }), io());
    expect(result.tallies.s2!.failed.get(D)).toBe('references: HTTP 500; gave up after 6 attempts');
    expect(result.tallies.s2).toMatchObject({ fetched: 4 });
    expect(existsSync(join(dir, 'cache', 's2', `${D}.json`))).toBe(false);
    expect(existsSync(join(dir, 'cache', 's2', `${C}.json`))).toBe(true);
  });

  it('with no network, says so and changes nothing', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const base = `http://127.0.0.1:${closed}`;
    const dir = smallCopy();
    const config = testConfig(dir, {
      baseUrls: { s2: `${base}/s2`, openalex: `${base}/oa`, arxiv: `${base}/ax` },
    });
    const out = io();
    const result = await runFetch(config, out);
    expect(result.unreachable?.message).toBe(
      `cannot reach ${base}: network error ECONNREFUSED; gave up after 3 attempts`,
    );
    expect(result.written).toBe(0);
    expect(existsSync(join(dir, 'cache'))).toBe(false);
    expect(result.tallies.openalex).toBeUndefined();
    const summary = summaryText(config, result);
    expect(summary.at(-1)).toBe('No network? Nothing was fetched and nothing was changed.');
    // bounded, and quick: three attempts with backoff 0.75 and 1.5 s between them (fake clock)
    expect(out.clock.sleeps).toEqual([750, 1500]);
  });
});
