import { describe, expect, it, vi } from 'vitest';
import { compactSourceFor } from '../../src/graph/binary/load';
import { parseDatasetsFile } from '../../src/data/datasets-list';
import { graphUrlFromQuery } from '../../src/graph/load';
import { listedCompactFiles, prefetchedFetch, prefetchGraph } from '../../src/graph/prefetch';

const PAGE = 'https://atlas.example/app/index.html';
const DATASETS = 'https://atlas.example/app/datasets.json';

/** A fetch answering from `files` (404 for anything else), recording the URLs asked. */
function fakeFetch(files: Record<string, string> = {}) {
  return vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    const body = files[url];
    return Promise.resolve(body === undefined ? new Response('', { status: 404 }) : new Response(body));
  }) as unknown as typeof fetch & { mock: { calls: [string][] } };
}

function listWithCompact(graph = 'graph.json'): string {
  return JSON.stringify({
    format: 'lineage-atlas/datasets',
    version: 1,
    datasets: {
      [graph]: {
        name: 'Survey',
        description: 'd',
        papers: 2,
        edges: 1,
        inputsHash: 'a'.repeat(64),
        binary: { file: graph.replace(/\.json$/, '.bin'), side: graph.replace(/\.json$/, '.side.json') },
      },
    },
  });
}

describe('prefetchGraph', () => {
  it('asks for datasets.json at once, then the graph file when the list names no compact form', async () => {
    const f = fakeFetch();
    const p = prefetchGraph('', PAGE, f);
    expect(f.mock.calls.map((c) => c[0])).toEqual([DATASETS]);
    expect(p?.url).toBe(graphUrlFromQuery('', PAGE));
    const early = await p!.files;
    expect([...early.keys()]).toEqual([DATASETS, 'https://atlas.example/app/graph.json']);
    expect(f.mock.calls.map((c) => c[0])).toEqual([DATASETS, 'https://atlas.example/app/graph.json']);
  });

  it('asks for the compact form, not the graph file, when the list names one for this graph', async () => {
    const f = fakeFetch({ [DATASETS]: listWithCompact() });
    const p = prefetchGraph('', PAGE, f);
    const early = await p!.files;
    expect([...early.keys()]).toEqual([
      DATASETS,
      'https://atlas.example/app/graph.bin',
      'https://atlas.example/app/graph.side.json',
    ]);
  });

  it('asks for the binary at once when the page carries the list, without waiting for datasets.json, and the side table after it', async () => {
    const f = fakeFetch({ [DATASETS]: listWithCompact() });
    const p = prefetchGraph('', PAGE, f, listWithCompact());
    // synchronously: the list and the binary; the side table once the binary has arrived, at low priority
    expect(f.mock.calls.map((c) => c[0])).toEqual([DATASETS, 'https://atlas.example/app/graph.bin']);
    await (await p!.files).get('https://atlas.example/app/graph.side.json');
    expect(f.mock.calls.map((c) => c[0])).toEqual([
      DATASETS,
      'https://atlas.example/app/graph.bin',
      'https://atlas.example/app/graph.side.json',
    ]);
    expect((f.mock.calls[2] as unknown[])[1]).toEqual({ priority: 'low' });
    await expect(p!.compact).resolves.toEqual({
      binary: 'https://atlas.example/app/graph.bin',
      side: 'https://atlas.example/app/graph.side.json',
      inputsHash: 'a'.repeat(64),
    });
  });

  it("has a worker read a big graph's side table from the start, not the page; a small graph's the page downloads", async () => {
    const header = (nodes: number, edges: number) => {
      const bytes = new Uint8Array(64);
      bytes.set([76, 65, 71, 66]); // "LAGB"
      const view = new DataView(bytes.buffer);
      view.setUint32(8, nodes, true);
      view.setUint32(12, edges, true);
      view.setUint32(20, 0xc0ffee, true);
      return bytes;
    };
    for (const [nodes, edges, byWorker] of [
      [10_000, 30_000, true],
      [400, 1_800, false],
    ] as const) {
      const f = vi.fn((input: RequestInfo | URL) =>
        Promise.resolve(
          String(input).endsWith('.bin')
            ? new Response(header(nodes, edges))
            : new Response(listWithCompact()),
        ),
      ) as unknown as typeof fetch & { mock: { calls: [string][] } };
      const posted: unknown[] = [];
      const make = vi.fn(() => ({
        postMessage: (m: unknown) => posted.push(m),
        addEventListener() {},
        terminate() {},
      }));
      const p = prefetchGraph('', PAGE, f, listWithCompact(), {
        fromItems: 20_000,
        make: make as unknown as () => Worker,
      });
      const reading = await p!.side;
      const early = await p!.files;
      const side = 'https://atlas.example/app/graph.side.json';
      if (byWorker) {
        expect(reading?.url).toBe(side);
        expect(reading?.counts).toEqual({ nodeCount: nodes, edgeCount: edges, payloadCrc: 0xc0ffee });
        expect(posted).toEqual([
          expect.objectContaining({ url: side, file: 'graph.side.json', nodeCount: nodes, edgeCount: edges }),
        ]);
        // not downloaded by the page; asked for anyway (the worker failed), it is fetched then
        await expect(early.get(side)).resolves.toBeNull();
        expect(f.mock.calls.map((c) => c[0])).not.toContain(side);
        await prefetchedFetch(p, f)(side);
        expect(f.mock.calls.map((c) => c[0])).toContain(side);
        reading?.stop();
      } else {
        expect(reading).toBeNull();
        expect(make).not.toHaveBeenCalled();
        await early.get(side);
        expect(f.mock.calls.map((c) => c[0])).toContain(side);
      }
    }
  });

  it('ignores the carried list for a graph in another directory, whose list is another file', async () => {
    const f = fakeFetch();
    const p = prefetchGraph('?graph=bench/graph.json', PAGE, f, listWithCompact());
    expect(f.mock.calls.map((c) => c[0])).toEqual(['https://atlas.example/app/bench/datasets.json']);
    await expect(p!.compact).resolves.toBeNull();
  });

  it('names the same files as the app, which checks the list in full', () => {
    const text = listWithCompact('other.json');
    const graphUrl = 'https://atlas.example/app/other.json';
    const app = compactSourceFor(parseDatasetsFile(text, 'datasets.json'), DATASETS, graphUrl);
    expect(listedCompactFiles(text, DATASETS, graphUrl)).toEqual({
      binary: app!.binaryUrl,
      side: app!.sideUrl,
      inputsHash: app!.inputsHash,
    });
    expect(listedCompactFiles(text, DATASETS, 'https://atlas.example/app/graph.json')).toBeNull();
    expect(listedCompactFiles('{not json', DATASETS, graphUrl)).toBeNull();
    expect(listedCompactFiles('null', DATASETS, graphUrl)).toBeNull();
  });

  it('starts a relative ?graph= path on this site, and its own datasets.json', async () => {
    const f = fakeFetch();
    const p = prefetchGraph('?graph=bench/big.json', PAGE, f);
    expect(p?.url).toBe(graphUrlFromQuery('?graph=bench/big.json', PAGE));
    await p!.files;
    expect(f.mock.calls.map((c) => c[0])).toEqual([
      'https://atlas.example/app/bench/datasets.json',
      'https://atlas.example/app/bench/big.json',
    ]);
  });

  it('fetches nothing for another site; the app then explains', () => {
    const f = fakeFetch();
    expect(prefetchGraph('?graph=https://evil.example/g.json', PAGE, f)).toBeNull();
    expect(prefetchGraph('?graph=//evil.example/g.json', PAGE, f)).toBeNull();
    expect(f).not.toHaveBeenCalled();
    expect(() => graphUrlFromQuery('?graph=//evil.example/g.json', PAGE)).toThrow(/must be a relative path/);
  });
});

describe('prefetchedFetch', () => {
  it('answers each prefetched URL once with its early response, and fetches the rest', async () => {
    const early = fakeFetch({ [DATASETS]: '{}', 'https://atlas.example/app/graph.json': '{"early":true}' });
    const late = fakeFetch({ 'https://atlas.example/app/graph.json': '{"late":true}' });
    const f = prefetchedFetch(prefetchGraph('', PAGE, early), late);
    await expect((await f('https://atlas.example/app/graph.json')).text()).resolves.toBe('{"early":true}');
    // the datasets list is still readable though the prefetch read it
    await expect((await f(DATASETS)).text()).resolves.toBe('{}');
    expect(late).not.toHaveBeenCalled();
    await expect((await f('https://atlas.example/app/graph.json')).text()).resolves.toBe('{"late":true}');
    await f('https://atlas.example/app/other.json');
    expect(late.mock.calls.map((c) => c[0])).toEqual([
      'https://atlas.example/app/graph.json',
      'https://atlas.example/app/other.json',
    ]);
  });

  it('is the plain fetch without a prefetch', () => {
    const late = fakeFetch();
    expect(prefetchedFetch(null, late)).toBe(late);
  });

  it('a failed early download rejects only for whoever reads it', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('offline'))) as unknown as typeof fetch;
    const f = prefetchedFetch(prefetchGraph('', PAGE, failing), failing);
    await expect(f('https://atlas.example/app/graph.json')).rejects.toThrow('offline');
  });
});
