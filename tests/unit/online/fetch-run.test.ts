/**
 * A fetch run in-process against the fake services on loopback: batches, paging, not-found answers,
 * published preprints in OpenAlex, the cache and resuming from it, every fault the services
 * document (OpenAlex 403 and daily 429, Semantic Scholar's oversized answers, arXiv's 400 errors)
 * and every injected one, pacing of every attempt, no network, and the cross-check.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('fetches every source in batches, finds published preprints in OpenAlex and caches not-found answers', async () => {
    const dir = smallCopy();
    const out = io();
    const config = testConfig(dir, apis);
    config.endpoints.s2.apiKey = 'test-key';
    config.endpoints.openalex.mailto = 'atlas@example.org';
    config.endpoints.openalex.apiKey = 'oa-key';
    const result = await runFetch(config, out);

    // Semantic Scholar: one batch (every reference listed, no paging). OpenAlex: one list request by
    // DOI (finds A and D); B's arXiv DOI looked up alone and redirected to the merged work; C and E
    // not known by DOI, so a title search each; one list request for the referenced works. arXiv: one.
    const routes = apis.requests.map((r) => r.route);
    expect(routes).toEqual([
      's2-batch',
      'openalex-works',
      'openalex-work',
      'openalex-work',
      'openalex-work',
      'openalex-works',
      'openalex-work',
      'openalex-works',
      'openalex-works',
      'arxiv-query',
    ]);
    const batch = apis.requests[0]!;
    expect(JSON.parse(batch.body)).toEqual({ ids: [A, B, C, D, E].map((id) => `ARXIV:${id}`) });
    expect(batch.headers['x-api-key']).toBe('test-key');
    expect(batch.url.searchParams.get('fields')).toContain('references.externalIds');
    expect(batch.url.searchParams.get('fields')).toContain('references.title,references.year');
    const oa = apis.requests.filter((r) => r.route.startsWith('openalex'));
    expect(oa.every((r) => r.url.searchParams.get('api_key') === 'oa-key')).toBe(true);
    expect(oa[0]!.url.searchParams.get('mailto')).toBe('atlas@example.org');
    expect(oa[0]!.url.searchParams.get('filter')).toBe(
      `doi:${[A, B, C, D, E].map((id) => `10.48550/arxiv.${id}`).join('|')}`,
    );
    expect(oa[1]!.url.pathname).toBe(`/openalex/works/doi:10.48550/arxiv.${B}`);
    expect(oa[1]!.status).toBe(301);
    expect(oa[2]!.url.pathname).toBe('/openalex/works/W102');
    expect(oa[4]!.url.searchParams.get('filter')).toBe(
      'title.search:gamma fine tuning the whole model for one subject',
    );
    expect(oa.at(-1)!.url.searchParams.get('filter')).toBe(
      'ids.openalex:W9001|W9002|W102|W103|W101|W9004|W9003|W104',
    );
    expect(oa.at(-1)!.url.searchParams.get('select')).toBe('id,doi,ids,title,publication_year,locations');
    expect(apis.requests[9]!.url.searchParams.get('id_list')).toBe([A, B, C, D, E].join(','));

    // D's whole list, in order, with the references outside the set kept, titles and years included;
    // A's count (3) disagrees with its list (2) and is kept as Semantic Scholar gives it
    const d = read(dir, `s2/${D}.json`);
    expect(d.referenceCount).toBe(15);
    const refs = d.references as { arxiv: string | null; s2: string | null; title: string; year: number }[];
    expect(refs).toHaveLength(15);
    expect(refs.filter((r) => r.arxiv).map((r) => r.arxiv)).toEqual([B, C, A]);
    expect(refs[1]).toMatchObject({ title: 'Outside work 0', year: 2010 });
    expect(new Set(refs.map((r) => r.s2)).size).toBe(15);
    expect(read(dir, `s2/${A}.json`)).toMatchObject({ referenceCount: 3 });
    expect((read(dir, `s2/${A}.json`).references as unknown[]).length).toBe(2);
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
    // OpenAlex: every paper found, by its work id; the referenced works' ids, titles and years, in
    // order, W9003 left out (OpenAlex no longer has it)
    expect([A, B, C, D, E].map((id) => read(dir, `openalex/${id}.json`).openalexId)).toEqual([
      'W101',
      'W102',
      'W103',
      'W104',
      'W105',
    ]);
    expect(read(dir, `openalex/${B}.json`)).toMatchObject({
      found: true,
      query: `10.48550/arxiv.${B}`,
      referencedWorks: ['W101', 'W103'],
      referencedWorksMeta: [
        {
          openalex: 'W101',
          doi: `10.48550/arxiv.${A}`,
          arxiv: A,
          title: 'AlphaGAN: Inverting generators by optimisation',
          year: 2020,
        },
        {
          openalex: 'W103',
          doi: '10.5555/neurips.2021.00003',
          arxiv: C,
          title: 'Gamma: whole-model fine-tuning for one subject',
          year: 2021,
        },
      ],
    });
    expect(read(dir, `openalex/${C}.json`)).toMatchObject({
      referencedWorks: ['W102', 'W9003'],
      referencedWorksMeta: [{ openalex: 'W102', doi: '10.5555/cvpr.2021.00002', arxiv: B }],
    });
    expect((read(dir, `openalex/${C}.json`).referencedWorksMeta as unknown[]).length).toBe(1);

    expect(result.written).toBe(15);
    expect(result.tallies.s2).toMatchObject({ total: 5, fetched: 5, notFound: 1, fromCache: 0 });
    expect(result.tallies.openalex).toMatchObject({ total: 5, fetched: 5, notFound: 0 });
    expect(result.tallies.arxiv).toMatchObject({ total: 5, fetched: 5, notFound: 1 });
    expect(result.openalexUsage).toEqual({ single: 3, list: 2, search: 2 });
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
    expect(summary).toContain(
      'OpenAlex requests: 3 single-work (free), 2 list, 2 search: about $0.0022 of the daily budget',
    );
    expect(summary).toContain(`  ${C} -> ${A}: only in Semantic Scholar`);
    expect(out.lines.at(-1)).toMatch(/^arXiv \[#{20}\] 5\/5 · done in/);

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

  it('rides out 429s, OpenAlex 403s, 500s, slow answers and truncated or invalid bodies, every attempt paced', async () => {
    const clean = smallCopy();
    await runFetch(testConfig(clean, apis), io());
    apis.requests.length = 0;

    const dir = smallCopy();
    apis.inject('s2-batch', { kind: '429', retryAfter: '7' }, { kind: '500' }, { kind: 'slow', ms: 1500 });
    apis.inject('openalex-works', { kind: '403' }, { kind: 'invalid' });
    apis.inject('openalex-work', { kind: '500' });
    apis.inject('arxiv-query', { kind: 'html-error' }, { kind: 'truncated' }, { kind: 'invalid' });
    const out = io();
    const starts: { url: string; t: number }[] = [];
    out.fetch = (url, init) => {
      starts.push({ url: String(url), t: out.clock.now() });
      return globalThis.fetch(url, init);
    };
    const result = await runFetch(testConfig(dir, apis), out);

    // nothing lost, nothing duplicated: the same cache as a run without faults
    expect(cacheSnapshot(dir)).toEqual(cacheSnapshot(clean));
    expect(Object.values(result.tallies).every((t) => t.failed.size === 0)).toBe(true);
    // each fault cost one retry
    const count = (route: string) => apis.requests.filter((r) => r.route === route).length;
    expect(count('s2-batch')).toBe(4);
    expect(count('openalex-works')).toBe(6);
    expect(count('openalex-work')).toBe(5);
    expect(count('arxiv-query')).toBe(4);
    // Retry-After was honoured; without it, backoff (base 1 s, jitter 0.5 → 0.75 s, then 1.5 s)
    expect(out.clock.sleeps).toContain(7000);
    expect(out.logs).toContain(
      'Semantic Scholar: HTTP 429 (rate limited), Retry-After 7 s; retry 1 in 7.0 s',
    );
    expect(out.logs).toContain('Semantic Scholar: HTTP 500; retry 2 in 1.5 s');
    expect(out.logs).toContain(
      'OpenAlex: HTTP 403: Forbidden: Rate limit exceeded; slow down; retry 1 in 0.8 s',
    );
    expect(out.logs.some((l) => /^Semantic Scholar: no answer within 0.4 s; retry 3/.test(l))).toBe(true);
    expect(out.logs.some((l) => /^OpenAlex: invalid response \(.*\); retry 2/.test(l))).toBe(true);
    expect(out.logs.some((l) => /^arXiv: invalid response \(arXiv feed is not well-formed XML/.test(l))).toBe(
      true,
    );
    expect(out.logs.some((l) => /^arXiv: HTTP 502; retry 1/.test(l))).toBe(true);
    // every attempt, retries included, started at least the service's interval after the one before
    // (arXiv: one request every 3 s, https://info.arxiv.org/help/api/tou.html#rate-limits)
    const gaps = (prefix: string) => {
      const t = starts.filter((s) => s.url.startsWith(prefix)).map((s) => s.t);
      return t.slice(1).map((x, i) => x - (t[i] as number));
    };
    expect(gaps(apis.baseUrls.arxiv)).toHaveLength(3);
    expect(Math.min(...gaps(apis.baseUrls.arxiv))).toBeGreaterThanOrEqual(3000);
    expect(Math.min(...gaps(apis.baseUrls.s2))).toBeGreaterThanOrEqual(1000);
    expect(Math.min(...gaps(apis.baseUrls.openalex))).toBeGreaterThanOrEqual(100);
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
    expect(apis.requests.filter((r) => r.route === 's2-batch')).toEqual([]);
    expect(apis.requests.filter((r) => r.route === 'arxiv-query')).toHaveLength(1);
    expect(resumed.tallies.s2).toMatchObject({ fetched: 0, fromCache: 5 });
    expect(resumed.tallies.openalex).toMatchObject({ fetched: 5, fromCache: 0 });
    expect(resumed.disagreements).toHaveLength(2);
  });

  it('fetches again the entries written before reference titles and referenced works were asked for', async () => {
    const dir = smallCopy();
    await runFetch(testConfig(dir, apis, { sources: ['s2', 'openalex'] }), io());
    // make B's entries look like the older format: no title/year on references, no referencedWorksMeta
    const s2File = join(dir, 'cache', 's2', `${B}.json`);
    const old = JSON.parse(readFileSync(s2File, 'utf8')) as { references: Record<string, unknown>[] };
    for (const r of old.references) {
      delete r.title;
      delete r.year;
    }
    writeFileSync(s2File, JSON.stringify(old));
    const oaFile = join(dir, 'cache', 'openalex', `${B}.json`);
    const oldOa = JSON.parse(readFileSync(oaFile, 'utf8')) as Record<string, unknown>;
    delete oldOa.referencedWorksMeta;
    writeFileSync(oaFile, JSON.stringify(oldOa));
    apis.requests.length = 0;
    const result = await runFetch(testConfig(dir, apis, { sources: ['s2', 'openalex'] }), io());
    expect(result.tallies.s2).toMatchObject({ fetched: 1, fromCache: 4 });
    expect(result.tallies.openalex).toMatchObject({ fetched: 1, fromCache: 4 });
    expect(JSON.parse(apis.requests[0]!.body)).toEqual({ ids: [`ARXIV:${B}`] });
    expect(read(dir, `s2/${B}.json`).references).toEqual([
      { s2: 's2-200100001', arxiv: A, doi: null, title: `Paper ${A}`, year: 2020 },
    ]);
    expect((read(dir, `openalex/${B}.json`).referencedWorksMeta as unknown[]).length).toBe(2);
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
    // the backoff and the pacer (1 s for Semantic Scholar) both apply: 0.75 s, then 0.25 s more
    expect(out.clock.sleeps).toEqual([750, 250, 1500]);
  });
});
