/**
 * Completing the first frame's graph from the side table (graph/binary/side-read.ts): through a
 * worker's chunks, or on the main thread in slices where no worker runs, the graph equals the one
 * `completeGraph` completes, also from a worker that downloaded the table itself from the start (read
 * as it arrived, in pieces that cut lines and characters); a worker's problem rejects naming the
 * side file. The real worker runs in the e2e suite (compact.test.ts, preview.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkMetaShape, decodeGraphBinary } from '../../../src/graph/binary/decode';
import { completeGraphFromReading, completeGraphFromSide } from '../../../src/graph/binary/side-read';
import {
  fetchedSideMessages,
  SIDE_CHUNK,
  sideMessages,
  type SideFetchRequest,
  type SideMessage,
  type SideRequest,
} from '../../../src/graph/binary/side-protocol';
import { binaryCounts, startSideReading } from '../../../src/graph/binary/side-reading';
import { completeGraph, visualGraph } from '../../../src/graph/binary/visual';
import { BINARY_KEYS } from '../../../src/graph/binary/format';
import { encoded, synthetic } from './support';

const slices = { budgetMs: 5, pause: () => new Promise<void>((r) => setTimeout(r, 0)) };

/**
 * side-worker.ts without a thread: the worker's own messages (`sideMessages`), cloned as
 * `postMessage` clones them, delivered as tasks.
 */
class ChunkingWorker {
  onmessage: ((e: MessageEvent<SideMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  readonly delivered: SideMessage[] = [];
  postMessage(request: SideRequest): void {
    for (const m of sideMessages(request)) {
      const copy = structuredClone(m);
      setTimeout(() => {
        if (this.terminated) return;
        this.posted += 1;
        this.delivered.push(copy);
        this.onmessage?.({ data: copy } as MessageEvent<SideMessage>);
      }, 0);
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

function setup(n: number) {
  const file = encoded(synthetic(n));
  const bin = decodeGraphBinary(file.buffer, 'g.bin', checkMetaShape);
  const reference = visualGraph(bin, 'g.bin');
  completeGraph(reference, bin, file.side, 'g.side.json');
  const bytes = () => new TextEncoder().encode(file.side).buffer as ArrayBuffer;
  return { bin, reference, bytes, buffer: file.buffer };
}

describe('completeGraphFromSide', () => {
  it("through a worker's chunks, completes the graph as completeGraph does", async () => {
    const { bin, reference, bytes } = setup(3000);
    const graph = visualGraph(bin, 'g.bin');
    const worker = new ChunkingWorker();
    await completeGraphFromSide(graph, bin, bytes(), 'g.side.json', {
      makeWorker: () => worker as unknown as Worker,
      slices,
    });
    expect(graph.export()).toEqual(reference.export());
    expect(worker.posted).toBeGreaterThan(2);
    expect(worker.terminated).toBe(true);
    // a message's equal values arrive as one instance: the links' provenance, the papers' tasks
    const edges = worker.delivered.find((m) => m.kind === 'records' && m.of === 'edges');
    const nodes = worker.delivered.find((m) => m.kind === 'records' && m.of === 'nodes');
    const distinct = (m: SideMessage | undefined, field: string) => {
      const records = (m?.kind === 'records' ? m.records : []) as Record<string, unknown>[];
      return { records: records.length, instances: new Set(records.map((r) => r[field])).size };
    };
    const provenance = distinct(edges, 'provenance');
    expect(provenance.records).toBe(SIDE_CHUNK);
    expect(provenance.instances).toBeLessThan(provenance.records / 3);
    const tasks = distinct(nodes, 'tasks');
    expect(tasks.instances).toBeLessThan(tasks.records / 3);
    // the authors' lists differ from paper to paper: nothing to share
    expect(distinct(nodes, 'authors').instances).toBeGreaterThan(distinct(nodes, 'authors').records / 2);
    // what the binary holds is not posted (the page would skip it), the rest is
    const keys = (m: SideMessage | undefined) =>
      new Set((m?.kind === 'records' ? m.records : []).flatMap((r) => Object.keys(r as object)));
    expect([...keys(nodes)].filter((k) => BINARY_KEYS.nodes.has(k))).toEqual([]);
    expect([...keys(edges)].filter((k) => BINARY_KEYS.edges.has(k))).toEqual([]);
    expect(keys(nodes)).toContain('title');
    expect(keys(edges)).toContain('provenance');
  });

  it('without a worker (none made, or making one fails), completes it on the main thread', async () => {
    const { bin, reference, bytes } = setup(500);
    for (const makeWorker of [
      null,
      () => {
        throw new Error('workers are not allowed here');
      },
    ]) {
      const graph = visualGraph(bin, 'g.bin');
      await completeGraphFromSide(graph, bin, bytes(), 'g.side.json', { makeWorker, slices });
      expect(graph.export()).toEqual(reference.export());
    }
  });

  it("rejects with the worker's problem, naming the side file", async () => {
    const { bin, bytes } = setup(200);
    const graph = visualGraph(bin, 'g.bin');
    const truncated = bytes().slice(0, 5000);
    await expect(
      completeGraphFromSide(graph, bin, truncated, 'g.side.json', {
        makeWorker: () => new ChunkingWorker() as unknown as Worker,
        slices,
      }),
    ).rejects.toThrow(/^g\.side\.json: line \d+: is not valid JSON/);
  });

  it('rejects a side table of another build on the main thread too, naming the file', async () => {
    const { bin } = setup(200);
    const other = encoded(synthetic(200, 9)).side;
    const graph = visualGraph(bin, 'g.bin');
    await expect(
      completeGraphFromSide(
        graph,
        bin,
        new TextEncoder().encode(other).buffer as ArrayBuffer,
        'g.side.json',
        {
          makeWorker: null,
          slices,
        },
      ),
    ).rejects.toThrow(/^g\.side\.json: /);
  });

  it('completes it from a worker that downloaded the side table itself from the start, read as it arrived', async () => {
    const { bin, reference, bytes, buffer } = setup(1500);
    const all = new Uint8Array(bytes());
    // the download's pieces: 1 to 4,000 bytes, cutting records, lines and characters anywhere
    const pieces: Uint8Array[] = [];
    for (let at = 0, seed = 7; at < all.length;) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const size = 1 + (seed % 4000);
      pieces.push(all.slice(at, at + size));
      at += size;
    }
    const asked: Array<[string, RequestInit | undefined]> = [];
    const fetchFn = ((url: string, init?: RequestInit) => {
      asked.push([url, init]);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = pieces.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      return Promise.resolve(new Response(body));
    }) as typeof fetch;
    // side-worker.ts without a thread: `fetchedSideMessages` posting to the port it is given
    let terminated = false;
    const worker = {
      addEventListener() {},
      terminate: () => (terminated = true),
      postMessage(request: SideFetchRequest) {
        const { port, ...rest } = request;
        void (async () => {
          for await (const m of fetchedSideMessages(rest, fetchFn)) port.postMessage(m);
        })();
      },
    };
    const counts = binaryCounts(buffer)!;
    expect(counts).toEqual({
      nodeCount: bin.nodeCount,
      edgeCount: bin.edgeCount,
      payloadCrc: bin.payloadCrc,
    });
    const reading = startSideReading(
      'https://x.example/g.side.json',
      counts,
      () => worker as unknown as Worker,
    );
    const graph = visualGraph(bin, 'g.bin');
    await completeGraphFromReading(graph, bin, reading, 'g.side.json');
    expect(graph.export()).toEqual(reference.export());
    expect(asked).toEqual([['https://x.example/g.side.json', { priority: 'low' }]]);
    expect(terminated).toBe(true);
  });

  it("rejects a reading's download problem or another binary's reading, naming the side file", async () => {
    const { bin, buffer } = setup(200);
    const counts = binaryCounts(buffer)!;
    const failing = (status: number) => {
      const fetchFn = (() => Promise.resolve(new Response('gone', { status }))) as typeof fetch;
      return {
        addEventListener() {},
        terminate() {},
        postMessage(request: SideFetchRequest) {
          const { port, ...rest } = request;
          void (async () => {
            for await (const m of fetchedSideMessages(rest, fetchFn)) port.postMessage(m);
          })();
        },
      } as unknown as Worker;
    };
    const graph = visualGraph(bin, 'g.bin');
    const missing = startSideReading('https://x.example/g.side.json', counts, () => failing(404));
    await expect(completeGraphFromReading(graph, bin, missing, 'g.side.json')).rejects.toThrow(
      /^g\.side\.json: could not be loaded \(HTTP 404\)$/,
    );
    const other = startSideReading('https://x.example/g.side.json', { ...counts, payloadCrc: 1 }, () =>
      failing(200),
    );
    await expect(completeGraphFromReading(graph, bin, other, 'g.side.json')).rejects.toThrow(
      /^g\.side\.json: was being read for another binary$/,
    );
  });
});
