import { describe, expect, it, vi } from 'vitest';
import { graphUrlFromQuery } from '../../src/graph/load';
import { prefetchGraph, takePrefetched } from '../../src/graph/prefetch';

const PAGE = 'https://atlas.example/app/index.html';

function fakeFetch() {
  const response = new Response('{}');
  return vi.fn((_url: string) => Promise.resolve(response)) as unknown as typeof fetch & {
    mock: { calls: string[][] };
  };
}

describe('prefetchGraph', () => {
  it('starts the default graph file, at the URL the app resolves, and hands it over once', async () => {
    const f = fakeFetch();
    const p = prefetchGraph('', PAGE, f);
    expect(f.mock.calls).toEqual([['https://atlas.example/app/graph.json']]);
    const url = graphUrlFromQuery('', PAGE);
    expect(p?.url).toBe(url);
    await expect(takePrefetched(p, url)).resolves.toBeInstanceOf(Response);
  });

  it('starts a relative ?graph= path on this site', () => {
    const f = fakeFetch();
    const p = prefetchGraph('?graph=bench/big.json', PAGE, f);
    expect(p?.url).toBe(graphUrlFromQuery('?graph=bench/big.json', PAGE));
    expect(f.mock.calls).toHaveLength(1);
  });

  it('fetches nothing for another site; the app then explains', () => {
    const f = fakeFetch();
    expect(prefetchGraph('?graph=https://evil.example/g.json', PAGE, f)).toBeNull();
    expect(prefetchGraph('?graph=//evil.example/g.json', PAGE, f)).toBeNull();
    expect(f).not.toHaveBeenCalled();
    expect(() => graphUrlFromQuery('?graph=//evil.example/g.json', PAGE)).toThrow(/must be a relative path/);
  });

  it('hands nothing over for another URL than the one fetched', () => {
    const p = prefetchGraph('', PAGE, fakeFetch());
    expect(takePrefetched(p, 'https://atlas.example/app/other.json')).toBeNull();
    expect(takePrefetched(null, 'https://atlas.example/app/graph.json')).toBeNull();
  });

  it('a failed early download rejects only for whoever reads it', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('offline'))) as unknown as typeof fetch;
    const p = prefetchGraph('', PAGE, failing);
    await expect(p!.response).rejects.toThrow('offline');
  });
});
