/**
 * Completing the first frame's graph from the side table (graph/binary/side-read.ts): through a
 * worker's chunks, or on the main thread in slices where no worker runs, the graph equals the one
 * `completeGraph` completes; a worker's problem rejects naming the side file. The real worker runs
 * in the e2e suite (compact.test.ts, preview.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkMetaShape, decodeGraphBinary } from '../../../src/graph/binary/decode';
import { completeGraphFromSide } from '../../../src/graph/binary/side-read';
import { SIDE_CHUNK, type SideMessage, type SideRequest } from '../../../src/graph/binary/side-protocol';
import { parseSideTable } from '../../../src/graph/binary/side-table';
import { completeGraph, visualGraph } from '../../../src/graph/binary/visual';
import { encoded, synthetic } from './support';

const slices = { budgetMs: 5, pause: () => new Promise<void>((r) => setTimeout(r, 0)) };

/** A stand-in for side-worker.ts with the same protocol, messages delivered as tasks. */
class ChunkingWorker {
  onmessage: ((e: MessageEvent<SideMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  constructor(private readonly corrupt = false) {}
  postMessage(request: SideRequest): void {
    const send = (m: SideMessage): void =>
      void setTimeout(() => {
        if (!this.terminated) {
          this.posted += 1;
          this.onmessage?.({ data: m } as MessageEvent<SideMessage>);
        }
      }, 0);
    const text = new TextDecoder().decode(request.buffer);
    if (this.corrupt) return send({ kind: 'error', message: 'is not valid JSON (truncated or corrupted?)' });
    const side = parseSideTable(text, request, request.file);
    for (const of of ['nodes', 'edges'] as const)
      for (let s = 0; s < side[of].length; s += SIDE_CHUNK)
        send({ kind: 'records', of, start: s, records: side[of].slice(s, s + SIDE_CHUNK) });
    send({ kind: 'done' });
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
  return { bin, reference, bytes };
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
    await expect(
      completeGraphFromSide(graph, bin, bytes(), 'g.side.json', {
        makeWorker: () => new ChunkingWorker(true) as unknown as Worker,
        slices,
      }),
    ).rejects.toThrow(/^g\.side\.json: is not valid JSON/);
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
});
