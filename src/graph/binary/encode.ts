/**
 * Writes the compact graph form (format.ts): the binary and its side table, byte-identical for the
 * same graph and metadata (palettes, kinds and measures in order of first appearance, nodes and
 * edges in the graph's order). Pure: the build script writes the bytes.
 */
import type { GraphMeta } from '../../model/graph-file';
import { stableStringify } from '../stable-json';
import type { AtlasGraph } from '../types';
import { crc32 } from './crc32';
import {
  BINARY_EDGE_KEYS,
  EDGE_FLAG_HAS_SURVEY_ONLY,
  EDGE_FLAG_SURVEY_ONLY,
  BINARY_FORMAT_VERSION,
  BINARY_MAGIC,
  BINARY_NODE_KEYS,
  HEADER_BYTES,
  NO_COLOR,
  SECTION_ALIGN,
  SECTION_ENTRY_BYTES,
  SIDE_FORMAT,
  SIDE_FORMAT_VERSION,
  type BinaryDictionary,
  type SectionId,
} from './format';
import { GRAPH_FILE_VERSION } from '../../model/graph-file';

export interface EncodedGraph {
  /** The whole `.bin` file. */
  binary: Uint8Array;
  /** The side table's text in pieces (JSON, one node or edge per line). */
  side(): Generator<string>;
}

function fail(problem: string): never {
  throw new Error(`encodeGraphBinary: ${problem}`);
}

/** Index of `value` in `list`, appending it the first time it is seen. */
function indexer(list: string[]): (value: string) => number {
  const index = new Map<string, number>();
  return (value) => {
    let i = index.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      index.set(value, i);
    }
    return i;
  };
}

/** Strings laid end to end (UTF-8) and their UTF-16 offsets in the decoded text. */
function stringSections(strings: readonly string[]): { text: Uint8Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(strings.length + 1);
  let at = 0;
  strings.forEach((s, i) => {
    offsets[i] = at;
    at += s.length;
  });
  offsets[strings.length] = at;
  if (at > 0xffffffff) fail('the strings are too long for 32-bit offsets');
  return { text: new TextEncoder().encode(strings.join('')), offsets };
}

const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The binary and side table of a built graph. Throws when the graph cannot be written in this form. */
export function encodeGraphBinary(graph: AtlasGraph, meta: GraphMeta): EncodedGraph {
  if (graph.type !== 'directed' || graph.multi || graph.allowSelfLoops)
    fail('expected a directed simple graph without self-loops');
  const n = graph.order;
  const m = graph.size;
  const keys: string[] = [];
  const labels: string[] = [];
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const size = new Float64Array(n);
  const colorDimensions: string[] = [];
  const dimIndex = indexer(colorDimensions);
  const measures: string[] = [];
  const measureIndex = indexer(measures);
  const palettes: string[][] = [[]];
  const paletteIndex: Array<(v: string) => number> = [indexer(palettes[0]!)];
  // columns are only known once every node is seen: collect per node, then lay out
  const colorRows: Array<Array<[number, number]>> = [];
  const measureRows: Array<Array<[number, number]>> = [];
  const nodeIndex = new Map<string, number>();

  graph.forEachNode((node, a) => {
    const i = keys.length;
    nodeIndex.set(node, i);
    keys.push(node);
    if (typeof a.label !== 'string') fail(`node "${node}" has no string label`);
    labels.push(a.label);
    for (const [k, v] of [
      ['x', a.x],
      ['y', a.y],
      ['size', a.size],
    ] as const) {
      if (!Number.isFinite(v)) fail(`node "${node}" has a non-finite ${k}`);
    }
    x[i] = a.x;
    y[i] = a.y;
    size[i] = a.size;
    if (typeof a.color !== 'string') fail(`node "${node}" has no colour`);
    const row: Array<[number, number]> = [[0, paletteIndex[0]!(a.color)]];
    for (const [dim, colour] of Object.entries(a.colors ?? {})) {
      const col = dimIndex(dim) + 1;
      if (!palettes[col]) {
        palettes[col] = [];
        paletteIndex[col] = indexer(palettes[col]);
      }
      row.push([col, paletteIndex[col]!(colour)]);
    }
    colorRows.push(row);
    measureRows.push(
      Object.entries(a.sizes ?? {}).map(([k, v]) => {
        if (!Number.isFinite(v)) fail(`node "${node}" has a non-finite sizes.${k}`);
        return [measureIndex(k), v];
      }),
    );
  });
  if (palettes.some((p) => p.length >= NO_COLOR)) fail(`a colour dimension has ${NO_COLOR} colours or more`);
  const cols = 1 + colorDimensions.length;
  const colr = new Uint16Array(n * cols).fill(NO_COLOR);
  colorRows.forEach((row, i) => {
    for (const [c, v] of row) colr[c * n + i] = v;
  });
  const meas = new Float64Array(n * measures.length).fill(NaN);
  measureRows.forEach((row, i) => {
    for (const [c, v] of row) meas[c * n + i] = v;
  });

  const src = new Uint32Array(m);
  const tgt = new Uint32Array(m);
  const kind = new Uint8Array(m);
  const flags = new Uint8Array(m);
  const kinds: string[] = [];
  const kindIndex = indexer(kinds);
  const edgeKeys: string[] = [];
  let derived = true;
  let e = 0;
  graph.forEachEdge((edge, a, source, target) => {
    src[e] = nodeIndex.get(source)!;
    tgt[e] = nodeIndex.get(target)!;
    if (typeof a.kind !== 'string') fail(`edge "${edge}" has no kind`);
    kind[e] = kindIndex(a.kind);
    if (a.surveyOnly !== undefined) {
      if (typeof a.surveyOnly !== 'boolean')
        fail(`edge "${edge}" has a surveyOnly that is not true or false`);
      flags[e] = EDGE_FLAG_HAS_SURVEY_ONLY | (a.surveyOnly ? EDGE_FLAG_SURVEY_ONLY : 0);
    }
    edgeKeys.push(edge);
    if (edge !== `${source}->${target}`) derived = false;
    e++;
  });
  if (kinds.length > 256) fail('more than 256 edge kinds');

  const dictionary: BinaryDictionary = {
    meta,
    graphAttributes: graph.getAttributes(),
    colorDimensions,
    palettes,
    measures,
    kinds,
    edgeKeys: derived ? 'derived' : 'table',
  };
  const k = stringSections(keys);
  const l = stringSections(labels);
  const sections: Array<[SectionId, Uint8Array]> = [
    ['DICT', new TextEncoder().encode(stableStringify(dictionary))],
    ['KSTR', k.text],
    ['KOFF', bytesOf(k.offsets)],
    ['LSTR', l.text],
    ['LOFF', bytesOf(l.offsets)],
    ['POSX', bytesOf(x)],
    ['POSY', bytesOf(y)],
    ['SIZE', bytesOf(size)],
    ['COLR', bytesOf(colr)],
    ['MEAS', bytesOf(meas)],
    ['ESRC', bytesOf(src)],
    ['ETGT', bytesOf(tgt)],
    ['EKND', bytesOf(kind)],
    ['EFLG', bytesOf(flags)],
  ];
  if (!derived) {
    const ek = stringSections(edgeKeys);
    sections.push(['ESTR', ek.text], ['EOFF', bytesOf(ek.offsets)]);
  }
  const binary = layout(sections, n, m);
  const payloadCrc = new DataView(binary.buffer).getUint32(20, true);

  function* side(): Generator<string> {
    yield `{"format":${JSON.stringify(SIDE_FORMAT)},"version":${SIDE_FORMAT_VERSION},"payloadCrc":${payloadCrc},\n"nodes":[`;
    let first = true;
    for (const { attributes } of graph.nodeEntries()) {
      const rest: Record<string, unknown> = { ...attributes };
      for (const key of BINARY_NODE_KEYS) rest[key] = 0;
      yield `${first ? '\n' : ',\n'}${JSON.stringify(rest)}`;
      first = false;
    }
    yield '\n],\n"edges":[';
    first = true;
    for (const { attributes } of graph.edgeEntries()) {
      const rest: Record<string, unknown> = { ...attributes };
      for (const key of BINARY_EDGE_KEYS) if (key in rest) rest[key] = 0;
      yield `${first ? '\n' : ',\n'}${JSON.stringify(rest)}`;
      first = false;
    }
    yield '\n]}\n';
  }
  return { binary, side };
}

const align = (at: number) => Math.ceil(at / SECTION_ALIGN) * SECTION_ALIGN;

/** Header, section table and the sections, each at a multiple of 8, padding zeroed. */
function layout(sections: Array<[SectionId, Uint8Array]>, n: number, m: number): Uint8Array {
  const tableEnd = HEADER_BYTES + sections.length * SECTION_ENTRY_BYTES;
  let at = align(tableEnd);
  const placed = sections.map(([id, bytes]) => {
    const offset = at;
    at = align(offset + bytes.length);
    return { id, bytes, offset };
  });
  if (at > 0xffffffff) fail('the graph is too large for 32-bit offsets');
  const out = new Uint8Array(at);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = BINARY_MAGIC.charCodeAt(i);
  view.setUint16(4, BINARY_FORMAT_VERSION, true);
  view.setUint16(6, GRAPH_FILE_VERSION, true);
  view.setUint32(8, n, true);
  view.setUint32(12, m, true);
  view.setUint32(16, sections.length, true);
  view.setUint32(24, out.length, true);
  placed.forEach(({ id, bytes, offset }, s) => {
    const entry = HEADER_BYTES + s * SECTION_ENTRY_BYTES;
    for (let i = 0; i < 4; i++) out[entry + i] = id.charCodeAt(i);
    view.setUint32(entry + 4, offset, true);
    view.setUint32(entry + 8, bytes.length, true);
    out.set(bytes, offset);
    view.setUint32(entry + 12, crc32(bytes), true);
  });
  view.setUint32(20, crc32(out.subarray(tableEnd)), true);
  return out;
}
