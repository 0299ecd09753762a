/**
 * Loading through the compact form: used when datasets.json lists it, giving the graph file's graph;
 * a missing, corrupted, truncated or stale compact form falls back to the graph file with a warning
 * naming the file and the problem. Unit tests run without workers: the decoding runs here.
 */
import { describe, expect, it } from 'vitest';
import { emptyDatasetsFile } from '../../../src/data/datasets-list';
import type { DatasetsResult } from '../../../src/graph/datasets';
import { loadGraph } from '../../../src/graph/binary/load';
import { serializeGraphFile } from '../../../src/graph/serialize';
import type { LoadedGraph } from '../../../src/graph/types';
import { dump, encoded, synthetic } from './support';

const BASE = 'http://atlas.test/data/';

interface Site {
  files: Map<string, Uint8Array | string>;
  requested: string[];
  fetch: typeof fetch;
}

/** A site serving `files` (name → body) under BASE; anything else is a 404. */
function site(files: Record<string, Uint8Array | string>): Site {
  const s: Site = {
    files: new Map(Object.entries(files)),
    requested: [],
    fetch: async (input) => {
      const url = String(input);
      s.requested.push(url.slice(BASE.length));
      const body = s.files.get(url.slice(BASE.length));
      if (body === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
      return new Response(typeof body === 'string' ? body : body.slice());
    },
  };
  return s;
}

function listing(
  loaded: LoadedGraph,
  binary: boolean,
  inputsHash = loaded.meta.inputsHash,
): Promise<DatasetsResult> {
  const list = emptyDatasetsFile();
  list.datasets['g.json'] = {
    name: loaded.meta.dataset.name,
    papers: loaded.graph.order,
    edges: loaded.graph.size,
    inputsHash,
    ...(binary ? { binary: { file: 'g.bin', side: 'g.side.json' } } : {}),
  };
  return Promise.resolve({ list, problem: null });
}

const loaded = synthetic(120);
const files = () => {
  const e = encoded(loaded);
  return {
    'g.json': serializeGraphFile(loaded.graph, loaded.meta),
    'g.bin': new Uint8Array(e.buffer),
    'g.side.json': e.side,
  };
};

async function load(s: Site, list: Promise<DatasetsResult>) {
  const warnings: string[] = [];
  const result = await loadGraph(`${BASE}g.json`, list, `${BASE}datasets.json`, {
    fetchFn: s.fetch,
    makeWorker: null,
    warn: (m) => warnings.push(m),
  });
  return { result, warnings };
}

describe('loadGraph', () => {
  it('loads the compact form when datasets.json lists it, not the graph file, and gets the same graph', async () => {
    const s = site(files());
    const { result, warnings } = await load(s, listing(loaded, true));
    expect(warnings).toEqual([]);
    expect(s.requested.sort()).toEqual(['g.bin', 'g.side.json']);
    expect(dump(result)).toStrictEqual(dump(loaded));
    expect(result.meta).toStrictEqual(loaded.meta);
  });

  it('loads the graph file alone when no compact form is listed', async () => {
    const s = site(files());
    const { result, warnings } = await load(s, listing(loaded, false));
    expect(warnings).toEqual([]);
    expect(s.requested).toEqual(['g.json']);
    expect(dump(result)).toStrictEqual(dump(loaded));
  });

  it('falls back to the graph file, with a warning naming the file, the section and the problem', async () => {
    const f = files();
    const bin = f['g.bin'];
    bin[bin.length - 20]! ^= 0xff; // inside the last section (the edges' kinds or targets)
    const s = site(f);
    const { result, warnings } = await load(s, listing(loaded, true));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^The compact form of g\.json could not be used, loading g\.json instead: g\.bin: section E\w{3} \(entry \d+, offset \d+, \d+ bytes\): checksum mismatch/,
    );
    expect(s.requested).toContain('g.json');
    expect(dump(result)).toStrictEqual(dump(loaded));
  });

  it('falls back when the binary is truncated, missing, stale, or its side table is cut short', async () => {
    const cases: Array<
      [string, (f: ReturnType<typeof files>) => void, Promise<DatasetsResult> | null, RegExp]
    > = [
      [
        'truncated',
        (f) => (f['g.bin'] = f['g.bin'].slice(0, 1000)),
        null,
        /g\.bin: header, offset 24: truncated/,
      ],
      [
        'missing',
        (f) => delete (f as Partial<typeof f>)['g.bin'],
        null,
        /g\.bin: could not be downloaded: the server answered 404 Not Found/,
      ],
      [
        'stale',
        () => {},
        listing(loaded, true, 'cd'.repeat(32)),
        /g\.bin: section DICT, field "meta\.inputsHash": is stale/,
      ],
      [
        'side cut short',
        (f) => (f['g.side.json'] = f['g.side.json'].slice(0, 500)),
        null,
        /g\.side\.json: is not valid JSON \(truncated or corrupted\?\)/,
      ],
      [
        'side missing',
        (f) => delete (f as Partial<typeof f>)['g.side.json'],
        null,
        /g\.side\.json: could not be downloaded: the server answered 404/,
      ],
    ];
    for (const [name, spoil, list, message] of cases) {
      const f = files();
      spoil(f);
      const { result, warnings } = await load(site(f), list ?? listing(loaded, true));
      expect(warnings, name).toHaveLength(1);
      expect(warnings[0], name).toMatch(message);
      expect(result.graph.order, name).toBe(loaded.graph.order);
    }
  });

  it("gives the graph file's own error when both are broken", async () => {
    const f = files();
    f['g.bin'] = f['g.bin'].slice(0, 8);
    f['g.json'] = f['g.json'].slice(0, 100);
    const { warnings } = await load(site(f), listing(loaded, true)).catch((e: Error) => ({
      warnings: [e.message],
    }));
    expect(warnings.at(-1)).toMatch(/The graph file "g\.json" is not valid JSON/);
  });
});
