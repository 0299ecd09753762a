/**
 * Reading the side table a line at a time as it downloads (graph/binary/side-lines.ts): the same
 * records as `parseSideTable`, whatever the pieces; a file laid out otherwise read whole; bad files
 * rejected naming the file and the line, with what was read before the problem given already.
 */
import { describe, expect, it } from 'vitest';
import { checkMetaShape, decodeGraphBinary } from '../../../src/graph/binary/decode';
import { SideLineReader, type SideRecords } from '../../../src/graph/binary/side-lines';
import { parseSideTable } from '../../../src/graph/binary/side-table';
import { fetchedSideMessages } from '../../../src/graph/binary/side-protocol';
import { bundled, encoded } from './support';

const loaded = bundled();
const file = encoded(loaded);
const bin = decodeGraphBinary(file.buffer, 'graph.bin', checkMetaShape);
const reference = parseSideTable(file.side, bin, 'graph.side.json');

/** Reads `text` in pieces of the given sizes (cycled); returns the runs in order. */
function read(text: string, sizes: number[], chunk = 100): SideRecords[] {
  const reader = new SideLineReader(bin, 'graph.side.json', chunk);
  const runs: SideRecords[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    runs.push(...reader.push(text.slice(at, at + size)));
    at += size;
  }
  runs.push(...reader.end());
  return runs;
}

/** The records of the runs, by kind, checking that the runs follow each other. */
function joined(runs: SideRecords[]) {
  const out = { nodes: [] as unknown[], edges: [] as unknown[] };
  for (const run of runs) {
    expect(run.start).toBe(out[run.of].length);
    out[run.of].push(...run.records);
  }
  return out;
}

describe('SideLineReader', () => {
  it("reads the bundled graph's side table as parseSideTable does, in any pieces", () => {
    expect(file.side.split('\n').length).toBeGreaterThan(loaded.graph.order + loaded.graph.size);
    for (const sizes of [[file.side.length], [1], [7, 1, 300], [65536]]) {
      const runs = read(file.side, sizes);
      expect(joined(runs)).toEqual(reference);
      expect(Math.max(...runs.map((r) => r.records.length))).toBeLessThanOrEqual(100);
    }
  });

  it('gives the runs as soon as their lines have arrived, before the end', () => {
    const reader = new SideLineReader(bin, 'graph.side.json', 50);
    const half = file.side.slice(0, Math.floor(file.side.length / 2));
    const early = reader.push(half);
    expect(early.length).toBeGreaterThan(3);
    expect(early[0]).toMatchObject({ of: 'nodes', start: 0 });
    expect(early[0]!.records).toEqual(reference.nodes.slice(0, 50));
  });

  it('reads a table laid out otherwise (on one line, or with other spacing) whole at the end', () => {
    for (const text of [
      JSON.stringify(JSON.parse(file.side)),
      JSON.stringify(JSON.parse(file.side), null, 2),
    ])
      expect(joined(read(text, [4096]))).toEqual(reference);
  });

  it('rejects a truncated table, naming the file and where it ends, after giving what it read', () => {
    const lines = file.side.split('\n');
    const cut = lines.slice(0, 250).join('\n') + '\n';
    const reader = new SideLineReader(bin, 'graph.side.json', 100);
    expect(reader.push(cut).length).toBe(2);
    expect(() => reader.end()).toThrow(
      /^graph\.side\.json: is not valid JSON \(truncated or corrupted\?\): it ends in the papers, at line 250$/,
    );
    // cut inside a record
    const inside = file.side.slice(0, file.side.indexOf('"edges":[') + 200);
    expect(() => read(inside, [1000])).toThrow(/^graph\.side\.json: line \d+: is not valid JSON/);
  });

  it('rejects a corrupted record, a wrong count, and a table of another build, naming the line or field', () => {
    const lines = file.side.split('\n');
    const broken = [...lines];
    broken[10] = broken[10]!.replace('"', '');
    expect(() => read(broken.join('\n'), [5000])).toThrow(/^graph\.side\.json: line 11: is not valid JSON/);
    const missing = lines.filter((_, i) => i !== 5);
    expect(() => read(missing.join('\n'), [5000])).toThrow(
      /^graph\.side\.json: field "nodes": expected 416 records, as the binary has \(it has 415\)$/,
    );
    const other = lines[0]!.replace(/"payloadCrc":\d+/, '"payloadCrc":12345');
    expect(() => read([other, ...lines.slice(1)].join('\n'), [5000])).toThrow(
      /^graph\.side\.json: field "payloadCrc": 12345 does not match the binary's/,
    );
    const array = [...lines];
    array[3] = '[1, 2]';
    expect(() => read(array.join('\n'), [5000])).toThrow(/^graph\.side\.json: line 4: expected a record/);
    expect(() => read(file.side + 'more', [5000])).toThrow(/line \d+: unexpected text after the end/);
  });
});

describe("fetchedSideMessages (the worker's messages as it downloads)", () => {
  it('posts the records of each piece as it arrives: a problem late in the table comes after them', async () => {
    const lines = file.side.split('\n');
    lines[lines.length - 4] = lines[lines.length - 4]!.slice(0, 20);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) =>
      bytes.slice(i * 65536, (i + 1) * 65536),
    );
    const fetchFn = (() =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              const next = pieces.shift();
              if (next) controller.enqueue(next);
              else controller.close();
            },
          }),
        ),
      )) as typeof fetch;
    const { nodeCount, edgeCount, payloadCrc } = bin;
    const request = {
      url: 'https://x.example/graph.side.json',
      file: 'graph.side.json',
      nodeCount,
      edgeCount,
      payloadCrc,
    };
    const messages = [];
    for await (const m of fetchedSideMessages(request, fetchFn)) messages.push(m);
    expect(messages.filter((m) => m.kind === 'records').length).toBeGreaterThan(1);
    expect(messages.at(-1)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^line \d+: is not valid JSON/) as unknown,
    });
    expect(messages.findIndex((m) => m.kind === 'error')).toBe(messages.length - 1);
  });
});
