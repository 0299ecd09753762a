/**
 * The faults and answers the services document, each driven through the fetcher against the fakes:
 * OpenAlex's "not found" only after every lookup and its daily 429, Semantic Scholar's nested
 * maximum and oversized answers, and arXiv's 400 errors, every attempt paced.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allDone, runFetch, summaryText } from '../../../scripts/lib/fetch-run';
import type { FetchIo } from '../../../scripts/lib/fetch-run';
import { S2_BATCH_FIELDS } from '../../../src/online/s2';
import { startFakeApis } from './fake-apis';
import { cacheSnapshot, fakeClock, removeCopies, smallCopy, testConfig } from './support';
import type { FakeClock } from './support';
import { A, B, C, D, E, chainPapersYaml, chainWorld, smallWorld } from './world';

afterAll(removeCopies);

interface TestIo extends FetchIo {
  clock: FakeClock;
  logs: string[];
}

function io(clock: FakeClock = fakeClock()): TestIo {
  const logs: string[] = [];
  return { clock, log: (l) => void logs.push(l), progress: () => {}, logs };
}

const read = (dir: string, rel: string) =>
  JSON.parse(readFileSync(join(dir, 'cache', rel), 'utf8')) as Record<string, unknown>;

describe('documented faults through the fetcher', () => {
  it('caches "not found" in OpenAlex only after the list, both single lookups and the title search found nothing', async () => {
    const world = smallWorld();
    world.openalex.works.delete('W105');
    world.openalex.works.delete('W777');
    const own = await startFakeApis(world);
    try {
      const dir = smallCopy();
      // E gets a publisher DOI as well: both single-work lookups are asked
      const papers = join(dir, 'papers.yaml');
      writeFileSync(
        papers,
        readFileSync(papers, 'utf8').replace(
          `arxiv: "${E}"\n  links: {}`,
          `arxiv: "${E}"\n  links:\n    pdf: https://doi.org/10.5555/Epsilon.2022`,
        ),
      );
      const result = await runFetch(testConfig(dir, own, { sources: ['openalex'], only: [E] }), io());
      expect(own.requests.map((r) => `${r.route} ${r.status}`)).toEqual([
        'openalex-works 200',
        'openalex-work 404',
        'openalex-work 404',
        'openalex-works 200',
      ]);
      expect(own.requests[0]!.url.searchParams.get('filter')).toBe(
        `doi:10.5555/epsilon.2022|10.48550/arxiv.${E}`,
      );
      expect(own.requests[1]!.url.pathname).toBe('/openalex/works/doi:10.5555/epsilon.2022');
      expect(own.requests[2]!.url.pathname).toBe(`/openalex/works/doi:10.48550/arxiv.${E}`);
      expect(own.requests[3]!.url.searchParams.get('filter')).toBe(
        'title.search:epsilon personalizing an autoregressive model',
      );
      expect(result.tallies.openalex).toMatchObject({ fetched: 1, notFound: 1 });
      expect(read(dir, `openalex/${E}.json`)).toMatchObject({
        found: false,
        openalexId: null,
        referencedWorks: [],
      });
    } finally {
      await own.close();
    }
  });

  it("stops OpenAlex at its 429 (daily budget spent), keeps what was fetched, and resumes on the next day's run", async () => {
    const world = smallWorld();
    // list requests $0.0001, searches $0.001: room for the first batch and a little more
    world.openalex.dailyBudget = 0.0005;
    const own = await startFakeApis(world);
    try {
      const dir = smallCopy();
      const config = testConfig(dir, own, { batchSize: { s2: 100, openalex: 2, arxiv: 50 } });
      const out = io();
      const result = await runFetch(config, out);
      // one 429, not retried
      expect(own.requests.filter((r) => r.status === 429)).toHaveLength(1);
      expect(own.requests.at(-2)!.status).toBe(429);
      expect(result.budgetSpent?.message).toMatch(
        /^OpenAlex's daily budget is spent \(HTTP 429: Rate limit exceeded: Daily limit exceeded\)/,
      );
      expect(result.tallies.openalex).toMatchObject({ fetched: 2, fromCache: 0 });
      expect(result.tallies.openalex!.failed.get(E)).toBe('not fetched: OpenAlex daily budget spent');
      expect(readdirSync(join(dir, 'cache', 'openalex')).sort()).toEqual([`${A}.json`, `${B}.json`]);
      // the other sources went on
      expect(result.tallies.arxiv).toMatchObject({ fetched: 5 });
      expect(allDone(result)).toBe(false);
      const summary = summaryText(config, result);
      expect(summary).toContain(`${result.budgetSpent!.message}.`);
      expect(summary.at(-1)).toMatch(/^cross-check/);

      own.newDay();
      world.openalex.dailyBudget = 1;
      own.requests.length = 0;
      const next = await runFetch(config, io());
      expect(next.budgetSpent).toBeNull();
      expect(next.tallies.openalex).toMatchObject({ fetched: 3, fromCache: 2 });
      expect(own.requests.some((r) => r.route.startsWith('s2') || r.route === 'arxiv-query')).toBe(false);
      expect(allDone(next)).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('pages a reference list that stops at the nested maximum of 1000; a failed page fails that paper only', async () => {
    const world = smallWorld();
    const d = world.s2.get(`ARXIV:${D}`)!;
    const many = Array.from({ length: 1000 }, (_, i) => ({
      paperId: `far-${i}`,
      externalIds: { DOI: `10.1000/far.${i}` },
      title: `Far work ${i}`,
      year: 1990 + (i % 30),
    }));
    d.references = [...d.references, ...many];
    const own = await startFakeApis(world);
    try {
      const dir = smallCopy();
      await runFetch(testConfig(dir, own, { sources: ['s2'] }), io());
      expect(own.requests.map((r) => r.route)).toEqual(['s2-batch', 's2-references', 's2-references']);
      expect(own.requests.slice(1).map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '1000']);
      expect(own.requests[1]!.url.searchParams.get('fields')).toBe('paperId,externalIds,title,year');
      const refs = read(dir, `s2/${D}.json`).references as { arxiv: string | null; title: string }[];
      expect(refs).toHaveLength(1015);
      expect(refs.filter((r) => r.arxiv).map((r) => r.arxiv)).toEqual([B, C, A]);
      expect(refs.at(-1)!.title).toBe('Far work 999');

      own.requests.length = 0;
      const again = smallCopy();
      own.inject('s2-references', { kind: 'html-error' }, ...Array(5).fill({ kind: '500' }));
      const result = await runFetch(testConfig(again, own, { sources: ['s2'] }), io());
      expect(result.tallies.s2!.failed.get(D)).toBe('references: HTTP 500; gave up after 6 attempts');
      expect(result.tallies.s2).toMatchObject({ fetched: 4 });
      expect(existsSync(join(again, 'cache', 's2', `${D}.json`))).toBe(false);
      expect(existsSync(join(again, 'cache', 's2', `${C}.json`))).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('asks Semantic Scholar for a batch in halves while its answer would exceed the maximum size', async () => {
    const world = smallWorld();
    const own = await startFakeApis(world);
    try {
      const clean = smallCopy();
      await runFetch(testConfig(clean, own, { sources: ['s2'] }), io());
      // the limit: D's answer alone fits, D's with E's (a null) does not; A, B and C together fit
      const size = async (ids: string[]) =>
        (
          await (
            await fetch(`${own.baseUrls.s2}/paper/batch?fields=${S2_BATCH_FIELDS}`, {
              method: 'POST',
              body: JSON.stringify({ ids: ids.map((id) => `ARXIV:${id}`) }),
            })
          ).text()
        ).length;
      world.s2MaxResponseBytes = (await size([D])) + 3;
      expect(await size([A, B, C])).toBeLessThan(world.s2MaxResponseBytes);
      own.requests.length = 0;
      const dir = smallCopy();
      const out = io();
      const result = await runFetch(testConfig(dir, own, { sources: ['s2'] }), out);
      const asked = own.requests.map(
        (r) => `${(JSON.parse(r.body) as { ids: string[] }).ids.length} ${r.status}`,
      );
      expect(asked).toEqual(['5 400', '3 200', '2 400', '1 200', '1 200']);
      expect(out.logs).toEqual([
        'Semantic Scholar: answer over 10 MB: asking for 5 papers in two halves',
        'Semantic Scholar: answer over 10 MB: asking for 2 papers in two halves',
      ]);
      expect(result.tallies.s2).toMatchObject({ fetched: 5, failed: new Map() });
      expect(cacheSnapshot(dir)).toEqual(cacheSnapshot(clean));
    } finally {
      await own.close();
    }
  });

  it('reads arXiv errors sent as HTTP 400, fails only the refused paper, and keeps 3 s between attempts', async () => {
    // 2301.99999: an id the fake arXiv refuses as malformed (papers.yaml can hold no malformed one)
    const own = await startFakeApis({ ...chainWorld(3), arxivRefused: new Set(['2301.99999']) });
    try {
      const dir = smallCopy();
      writeFileSync(
        join(dir, 'papers.yaml'),
        `${chainPapersYaml(3)}${chainPapersYaml(1)
          .replace(/2301\.00001/g, '2301.99999')
          .replace('Chain paper 1', 'Malformed')}`,
      );
      const out = io();
      const starts: number[] = [];
      out.fetch = (url, init) => {
        starts.push(out.clock.now());
        return globalThis.fetch(url, init);
      };
      const result = await runFetch(testConfig(dir, own, { sources: ['arxiv'] }), out);
      expect(own.requests.map((r) => `${r.url.searchParams.get('id_list')} ${r.status}`)).toEqual([
        '2301.00001,2301.00002,2301.00003,2301.99999 400',
        '2301.00001,2301.00002 200',
        '2301.00003,2301.99999 400',
        '2301.00003 200',
        '2301.99999 400',
      ]);
      expect(result.tallies.arxiv).toMatchObject({ fetched: 3 });
      expect(result.tallies.arxiv!.failed.get('2301.99999')).toBe(
        'HTTP 400: arXiv API error: incorrect id format for 2301.99999',
      );
      expect(starts.slice(1).map((t, i) => t - (starts[i] as number))).toEqual([3000, 3000, 3000, 3000]);
    } finally {
      await own.close();
    }
  });
});
