/**
 * Opening off the main thread: the worker's answer (graphology's serialisation) becomes the same graph
 * as opening on the main thread, an error keeps its message, and without workers the main thread does it.
 * The worker's own code runs in the browser (tests/e2e/open-file.test.ts opens every file through it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGraphText } from '../../../src/foreign/open';
import { openGraphTextAsync, type OpenRequest, type OpenResponse } from '../../../src/foreign/open-async';
import { serializeGraphFile } from '../../../src/graph/serialize';

const DIR = join(__dirname, '../../fixtures/foreign');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** A stand-in for the worker: answers as open-worker.ts does, after a turn, through structured cloning. */
class FakeWorker {
  onmessage: ((e: MessageEvent<OpenResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(req: OpenRequest): void {
    setTimeout(() => {
      let data: OpenResponse;
      try {
        const o = openGraphText(req.text, req.file, req.options);
        data = {
          ok: true,
          format: o.format,
          warnings: o.warnings,
          meta: o.loaded.meta,
          graph: o.loaded.graph.export(),
        };
      } catch (err) {
        data = { ok: false, message: (err as Error).message };
      }
      this.onmessage?.({ data: structuredClone(data) } as MessageEvent<OpenResponse>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('openGraphTextAsync', () => {
  it('gives the graph the main thread gives, from the worker answer', async () => {
    const workers: FakeWorker[] = [];
    const make = () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    };
    const viaWorker = await openGraphTextAsync(text('karate.gexf'), 'karate.gexf', undefined, make);
    const direct = openGraphText(text('karate.gexf'), 'karate.gexf');
    expect(serializeGraphFile(viaWorker.loaded.graph, viaWorker.loaded.meta)).toBe(
      serializeGraphFile(direct.loaded.graph, direct.loaded.meta),
    );
    expect(viaWorker.format).toBe('gexf');
    expect(workers.map((w) => w.terminated)).toEqual([true]);
  });

  it("passes on the reader's error message and warnings", async () => {
    const make = () => new FakeWorker() as unknown as Worker;
    await expect(
      openGraphTextAsync(text('malformed/unclosed-tag.gexf'), 'unclosed-tag.gexf', undefined, make),
    ).rejects.toThrow(/^unclosed-tag\.gexf:\d+/);
    const multi = await openGraphTextAsync(text('multi.graphml'), 'multi.graphml', undefined, make);
    expect(multi.warnings.join(' ')).toMatch(/self-loop/);
  });

  it('opens on the main thread when no worker can be made', async () => {
    const none = await openGraphTextAsync(text('citations.json'), 'citations.json', undefined, null);
    expect(none.loaded.graph.order).toBe(12);
    const failing = await openGraphTextAsync(text('citations.json'), 'citations.json', undefined, () => {
      throw new Error('workers are not allowed here');
    });
    expect(failing.loaded.graph.size).toBe(19);
  });
});
