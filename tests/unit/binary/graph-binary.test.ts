/**
 * The compact graph form: the binary and its side table give back exactly the graph of the JSON file
 * (the bundled graph and a synthetic one), byte-identically for the same graph; a truncated or
 * corrupted file gets an error naming the file, the section or offset and the problem.
 */
import { describe, expect, it } from 'vitest';
import { assembleGraphBinary } from '../../../src/graph/binary/assemble';
import { crc32 } from '../../../src/graph/binary/crc32';
import { decodeGraphBinary, GraphBinaryError } from '../../../src/graph/binary/decode';
import { checkMetaSchema } from '../../../src/graph/binary/meta-check';
import { encodeGraphBinary } from '../../../src/graph/binary/encode';
import { HEADER_BYTES, SECTION_ENTRY_BYTES } from '../../../src/graph/binary/format';
import { bundled, dump, encoded, synthetic } from './support';

const roundTrip = (file: { buffer: ArrayBuffer; side: string }) =>
  assembleGraphBinary(decodeGraphBinary(file.buffer, 'g.bin', checkMetaSchema), file.side, 'g.side.json');

/** Where a section is in the file: its table entry, offset and length. */
function sectionOf(buffer: ArrayBuffer, id: string) {
  const view = new DataView(buffer);
  const count = view.getUint32(16, true);
  for (let s = 0; s < count; s++) {
    const at = HEADER_BYTES + s * SECTION_ENTRY_BYTES;
    const name = String.fromCharCode(...new Uint8Array(buffer, at, 4));
    if (name === id)
      return { entry: at, offset: view.getUint32(at + 4, true), length: view.getUint32(at + 8, true) };
  }
  throw new Error(`no section ${id}`);
}

/** Sets a Uint32 inside a section and fixes the section's CRC, so only the bounds check can catch it. */
function pokeU32(buffer: ArrayBuffer, id: string, index: number, value: number): void {
  const s = sectionOf(buffer, id);
  const view = new DataView(buffer);
  view.setUint32(s.offset + 4 * index, value, true);
  view.setUint32(s.entry + 12, crc32(new Uint8Array(buffer, s.offset, s.length)), true);
}

describe('compact graph form: round trip', () => {
  it('gives the bundled graph back exactly: nodes, edges, keys, attributes and their order', () => {
    const loaded = bundled();
    const back = roundTrip(encoded(loaded));
    expect(back.graph.order).toBe(416);
    expect(dump(back)).toStrictEqual(dump(loaded));
    expect(back.meta).toStrictEqual(loaded.meta);
  });

  it('gives a synthetic graph back exactly', () => {
    const loaded = synthetic(400);
    const back = roundTrip(encoded(loaded));
    expect(back.graph.size).toBe(loaded.graph.size);
    expect(dump(back)).toStrictEqual(dump(loaded));
    expect(back.meta).toStrictEqual(loaded.meta);
  });

  it('keeps edge keys that are not source->target, and nodes without some colours or sizes', () => {
    const loaded = synthetic(60);
    const { graph } = loaded;
    const [first] = graph.edges();
    const [s, t] = graph.extremities(first!);
    const attrs = graph.getEdgeAttributes(first!);
    graph.dropEdge(first!);
    graph.addDirectedEdgeWithKey('custom key', s, t, attrs);
    const node = graph.nodes()[5]!;
    const a = graph.getNodeAttributes(node);
    delete a.colors.year;
    delete a.sizes.pagerank;
    const back = roundTrip(encoded(loaded));
    expect(back.graph.hasEdge('custom key')).toBe(true);
    expect(dump(back)).toStrictEqual(dump(loaded));
  });

  it('writes the same bytes for the same graph', () => {
    const a = encodeGraphBinary(synthetic(200).graph, synthetic(200).meta);
    const b = encodeGraphBinary(synthetic(200).graph, synthetic(200).meta);
    expect(Buffer.from(a.binary).equals(Buffer.from(b.binary))).toBe(true);
    expect([...a.side()].join('')).toBe([...b.side()].join(''));
  });

  it('refuses to write a node with a non-finite position', () => {
    const loaded = synthetic(20);
    loaded.graph.setNodeAttribute(loaded.graph.nodes()[3]!, 'x', NaN);
    expect(() => encodeGraphBinary(loaded.graph, loaded.meta)).toThrow(/node ".*" has a non-finite x/);
  });
});

describe('compact graph form: bad files', () => {
  const file = () => encoded(synthetic(50));

  it('names a truncated file', () => {
    const { buffer } = file();
    expect(() => decodeGraphBinary(buffer.slice(0, 10), 'g.bin', checkMetaSchema)).toThrow(
      /^g\.bin: header: truncated: the file has 10 bytes, the header alone needs 32$/,
    );
    expect(() =>
      decodeGraphBinary(buffer.slice(0, buffer.byteLength - 100), 'g.bin', checkMetaSchema),
    ).toThrow(/^g\.bin: header, offset 24: truncated: the header says \d+ bytes, the file has \d+$/);
  });

  it('names a section cut short, even when the header was rewritten to match', () => {
    const { buffer } = file();
    const s = sectionOf(buffer, 'ETGT');
    const cut = buffer.slice(0, s.offset + 8);
    new DataView(cut).setUint32(24, cut.byteLength, true);
    expect(() => decodeGraphBinary(cut, 'g.bin', checkMetaSchema)).toThrow(
      /^g\.bin: section ETGT \(entry \d+, offset \d+, \d+ bytes\): runs past the end of the file \(\d+ bytes\): truncated$/,
    );
  });

  it('names the corrupted section by its checksum', () => {
    const { buffer } = file();
    const s = sectionOf(buffer, 'POSX');
    new Uint8Array(buffer)[s.offset + 3]! ^= 0x40;
    expect(() => decodeGraphBinary(buffer, 'g.bin', checkMetaSchema)).toThrow(
      /^g\.bin: section POSX \(entry 5, offset \d+, 400 bytes\): checksum mismatch: the section is corrupted$/,
    );
  });

  it('refuses another file, another format version and a different graph version', () => {
    const enc = new TextEncoder();
    expect(() =>
      decodeGraphBinary(
        enc.encode('{"format":"lineage-atlas/graph"} and more padding').slice().buffer,
        'g.bin',
        checkMetaSchema,
      ),
    ).toThrow(/offset 0: not a Lineage Atlas compact graph \(magic "\{\\"fo"/);
    const { buffer } = file();
    new DataView(buffer).setUint16(4, 9, true);
    expect(() => decodeGraphBinary(buffer, 'g.bin', checkMetaSchema)).toThrow(
      /offset 4: unsupported binary format version 9/,
    );
    const other = file().buffer;
    new DataView(other).setUint16(6, 1, true);
    expect(() => decodeGraphBinary(other, 'g.bin', checkMetaSchema)).toThrow(
      /offset 6: graph file version 1, expected 2; rebuild/,
    );
  });

  it('checks bounds: node indices of edges, kind and colour indices, finite positions', () => {
    const a = file().buffer;
    pokeU32(a, 'ESRC', 7, 50);
    expect(() => decodeGraphBinary(a, 'g.bin', checkMetaSchema)).toThrow(
      /^g\.bin: section ESRC, edge 7: node index 50 is not below the node count 50$/,
    );
    const b = file().buffer;
    const k = sectionOf(b, 'EKND');
    new Uint8Array(b)[k.offset + 2] = 200;
    new DataView(b).setUint32(k.entry + 12, crc32(new Uint8Array(b, k.offset, k.length)), true);
    expect(() => decodeGraphBinary(b, 'g.bin', checkMetaSchema)).toThrow(
      /section EKND, edge 2: kind index 200 is outside the \d kinds/,
    );
    const c = file().buffer;
    const p = sectionOf(c, 'POSY');
    new DataView(c).setFloat64(p.offset + 8 * 4, Infinity, true);
    new DataView(c).setUint32(p.entry + 12, crc32(new Uint8Array(c, p.offset, p.length)), true);
    expect(() => decodeGraphBinary(c, 'g.bin', checkMetaSchema)).toThrow(
      /node 4 \(".*"\): x, y or size is not a finite number/,
    );
    const d = file().buffer;
    const col = sectionOf(d, 'COLR');
    new DataView(d).setUint16(col.offset + 2 * 50 + 2 * 3, 999, true); // column 1 (the first dimension), node 3
    new DataView(d).setUint32(col.entry + 12, crc32(new Uint8Array(d, col.offset, col.length)), true);
    expect(() => decodeGraphBinary(d, 'g.bin', checkMetaSchema)).toThrow(
      /section COLR, node 3 \(".*"\): colour index 999 is outside the palette of "/,
    );
  });

  it('refuses a side table that is truncated, from another build, or of the wrong size', () => {
    const { buffer, side } = file();
    const bin = decodeGraphBinary(buffer, 'g.bin', checkMetaSchema);
    expect(() => assembleGraphBinary(bin, side.slice(0, side.length / 2), 'g.side.json')).toThrow(
      /^g\.side\.json: is not valid JSON \(truncated or corrupted\?\)/,
    );
    const other = encoded(synthetic(50, 4)).side;
    expect(() => assembleGraphBinary(bin, other, 'g.side.json')).toThrow(
      /^g\.side\.json: field "payloadCrc": \d+ does not match the binary's \(\d+\): the two files come from different builds$/,
    );
    const json = JSON.parse(side);
    json.nodes.pop();
    expect(() => assembleGraphBinary(bin, JSON.stringify(json), 'g.side.json')).toThrow(
      /field "nodes": expected 50 records/,
    );
  });

  it('throws GraphBinaryError, with the file', () => {
    try {
      decodeGraphBinary(new ArrayBuffer(4), 'x.bin', checkMetaSchema);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GraphBinaryError);
      expect((e as GraphBinaryError).file).toBe('x.bin');
    }
  });
});
