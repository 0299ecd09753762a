/**
 * Reads the compact graph form's binary (format.ts) into typed arrays that view the file's own
 * buffer (nothing copied), checking what is cheap and catches a bad file: the header, the version,
 * every section's place, length and CRC-32, and the bounds (node indices below the node count,
 * palette and kind indices inside their lists, finite positions and sizes, string offsets in order).
 * Per-record validation of the attributes is the JSON path's and the build's. Errors name the file,
 * the section or offset, and the problem. Pure. The metadata is checked by the caller's `MetaCheck`:
 * in full against the schema (meta-check.ts) where the schema library is loaded, or only in the shape
 * the first frame reads (`checkMetaShape`), on the boot path, which checks it in full soon after.
 */
import type { GraphMeta } from '../../model/graph-file';
import { GRAPH_FILE_VERSION } from '../../model/vocab';
import { crc32 } from './crc32';
import {
  BINARY_FORMAT_VERSION,
  BINARY_MAGIC,
  EDGE_FLAG_HAS_SURVEY_ONLY,
  EDGE_FLAG_SURVEY_ONLY,
  HEADER_BYTES,
  NO_COLOR,
  SECTION_ALIGN,
  SECTION_ENTRY_BYTES,
  SECTIONS,
  type BinaryDictionary,
  type SectionId,
} from './format';

/** The binary (or its side table) cannot be used; `message` names the file, where and what. */
export class GraphBinaryError extends Error {
  readonly file: string;
  constructor(file: string, where: string | null, problem: string) {
    super(`${file}: ${where ? `${where}: ` : ''}${problem}`);
    this.name = 'GraphBinaryError';
    this.file = file;
  }
}

/** What the binary holds, its arrays viewing one ArrayBuffer (`buffer`). */
export interface GraphBinary {
  buffer: ArrayBuffer;
  nodeCount: number;
  edgeCount: number;
  /** CRC-32 of the payload, which the side table repeats. */
  payloadCrc: number;
  meta: GraphMeta;
  graphAttributes: Record<string, unknown>;
  keys: string[];
  labels: string[];
  x: Float64Array;
  y: Float64Array;
  size: Float64Array;
  colorDimensions: string[];
  palettes: string[][];
  /** Column-major: column c (0 the default colour, then `colorDimensions`) of node i at `c * nodeCount + i`. */
  colors: Uint16Array;
  measures: string[];
  /** Column-major as `colors`, NaN where a node has no such size. */
  measureValues: Float64Array;
  source: Uint32Array;
  target: Uint32Array;
  kind: Uint8Array;
  kinds: string[];
  /** Per edge: EDGE_FLAG_* bits. */
  edgeFlags: Uint8Array;
  /** Null when every key is `source->target`. */
  edgeKeys: string[] | null;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/** Checks the DICT's `meta`: returns it, or throws an Error whose message says what is wrong. */
export type MetaCheck = (meta: unknown) => GraphMeta;

/**
 * The metadata checked only in what the first frame reads (the dataset's name, the taxonomy's
 * dimensions and unknown colour, the counts); the schema check follows once loaded.
 */
export function checkMetaShape(meta: unknown): GraphMeta {
  if (!isObject(meta)) throw new Error('expected an object');
  const dataset = meta.dataset;
  if (!isObject(dataset) || typeof dataset.name !== 'string')
    throw new Error('dataset.name: expected a string');
  const taxonomy = meta.taxonomy;
  if (!isObject(taxonomy) || !Array.isArray(taxonomy.dimensions) || typeof taxonomy.unknownColor !== 'string')
    throw new Error('taxonomy: expected dimensions and an unknown colour');
  if (!isObject(meta.counts)) throw new Error('counts: expected an object');
  return meta as unknown as GraphMeta;
}

/** Parses and checks `buffer` (the whole `.bin` file), its metadata with `checkMeta`. Throws `GraphBinaryError`. */
export function decodeGraphBinary(buffer: ArrayBuffer, file: string, checkMeta: MetaCheck): GraphBinary {
  const fail = (where: string | null, problem: string): never => {
    throw new GraphBinaryError(file, where, problem);
  };
  if (!littleEndian())
    fail(null, 'this machine is big-endian; the compact form is read on little-endian machines only');
  const bytes = new Uint8Array(buffer);
  if (bytes.length < HEADER_BYTES)
    fail('header', `truncated: the file has ${bytes.length} bytes, the header alone needs ${HEADER_BYTES}`);
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== BINARY_MAGIC)
    fail(
      'header, offset 0',
      `not a Lineage Atlas compact graph (magic ${JSON.stringify(magic)}, expected "${BINARY_MAGIC}")`,
    );
  const version = view.getUint16(4, true);
  if (version !== BINARY_FORMAT_VERSION)
    fail(
      'header, offset 4',
      `unsupported binary format version ${version}: this explorer reads version ${BINARY_FORMAT_VERSION}`,
    );
  const graphVersion = view.getUint16(6, true);
  if (graphVersion !== GRAPH_FILE_VERSION)
    fail(
      'header, offset 6',
      `graph file version ${graphVersion}, expected ${GRAPH_FILE_VERSION}; rebuild the graph with \`npm run build:graph\``,
    );
  const nodeCount = view.getUint32(8, true);
  const edgeCount = view.getUint32(12, true);
  const sectionCount = view.getUint32(16, true);
  const payloadCrc = view.getUint32(20, true);
  const fileLength = view.getUint32(24, true);
  if (fileLength !== bytes.length) {
    fail(
      'header, offset 24',
      fileLength > bytes.length
        ? `truncated: the header says ${fileLength} bytes, the file has ${bytes.length}`
        : `the header says ${fileLength} bytes, the file has ${bytes.length}`,
    );
  }
  const tableEnd = HEADER_BYTES + sectionCount * SECTION_ENTRY_BYTES;
  if (tableEnd > bytes.length)
    fail('section table', `${sectionCount} sections do not fit in ${bytes.length} bytes`);

  const sections = new Map<string, { offset: number; length: number }>();
  for (let s = 0; s < sectionCount; s++) {
    const at = HEADER_BYTES + s * SECTION_ENTRY_BYTES;
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const offset = view.getUint32(at + 4, true);
    const length = view.getUint32(at + 8, true);
    const crc = view.getUint32(at + 12, true);
    const where = `section ${id} (entry ${s}, offset ${offset}, ${length} bytes)`;
    if (!(id in SECTIONS)) fail(`section table entry ${s}`, `unknown section id ${JSON.stringify(id)}`);
    if (sections.has(id)) fail(where, 'listed twice');
    if (offset < tableEnd || offset % SECTION_ALIGN !== 0)
      fail(
        where,
        `bad offset: sections start after the table (${tableEnd}) at a multiple of ${SECTION_ALIGN}`,
      );
    if (offset + length > bytes.length)
      fail(where, `runs past the end of the file (${bytes.length} bytes): truncated`);
    if (crc32(bytes.subarray(offset, offset + length)) !== crc)
      fail(where, 'checksum mismatch: the section is corrupted');
    sections.set(id, { offset, length });
  }

  const section = (
    id: SectionId,
    elementBytes: number,
    count: number | null,
  ): { offset: number; length: number } => {
    const s = sections.get(id);
    if (!s) return fail(`section ${id}`, 'missing');
    if (count !== null && s.length !== count * elementBytes)
      fail(
        `section ${id} (offset ${s.offset})`,
        `expected ${count * elementBytes} bytes (${count} × ${elementBytes}), got ${s.length}`,
      );
    return s;
  };
  const f64 = (id: SectionId, count: number) => {
    const s = section(id, 8, count);
    return new Float64Array(buffer, s.offset, count);
  };
  const u32 = (id: SectionId, count: number) => {
    const s = section(id, 4, count);
    return new Uint32Array(buffer, s.offset, count);
  };
  const text = (id: SectionId) => {
    const s = section(id, 1, null);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(s.offset, s.offset + s.length));
    } catch {
      return fail(`section ${id} (offset ${s.offset})`, 'is not valid UTF-8');
    }
  };
  const strings = (str: SectionId, off: SectionId, count: number): string[] => {
    const all = text(str);
    const offsets = u32(off, count + 1);
    const out = new Array<string>(count);
    if (offsets[0] !== 0 || offsets[count] !== all.length)
      fail(`section ${off}`, `offsets must run from 0 to ${all.length}, the length of ${str}`);
    for (let i = 0; i < count; i++) {
      const a = offsets[i]!;
      const b = offsets[i + 1]!;
      if (b < a) fail(`section ${off}, entry ${i + 1}`, `offset ${b} is before the previous one (${a})`);
      out[i] = all.slice(a, b);
    }
    return out;
  };

  let dict: unknown;
  try {
    dict = JSON.parse(text('DICT'));
  } catch (e) {
    if (e instanceof GraphBinaryError) throw e;
    fail('section DICT', `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(dict)) return fail('section DICT', 'expected a JSON object');
  const d = dict as Partial<BinaryDictionary>;
  let meta!: GraphMeta;
  try {
    meta = checkMeta(d.meta);
  } catch (e) {
    fail('section DICT, field "meta"', e instanceof Error ? e.message : String(e));
  }
  for (const k of ['colorDimensions', 'measures', 'kinds'] as const) {
    if (!isStringList(d[k])) fail(`section DICT, field "${k}"`, 'expected a list of strings');
  }
  if (!isObject(d.graphAttributes)) fail('section DICT, field "graphAttributes"', 'expected an object');
  const colorDimensions = d.colorDimensions!;
  const cols = 1 + colorDimensions.length;
  if (!Array.isArray(d.palettes) || d.palettes.length !== cols || !d.palettes.every(isStringList)) {
    fail(
      'section DICT, field "palettes"',
      `expected ${cols} lists of colours (the default colour and one per colour dimension)`,
    );
  }
  if (d.edgeKeys !== 'derived' && d.edgeKeys !== 'table')
    fail('section DICT, field "edgeKeys"', 'expected "derived" or "table"');

  const keys = strings('KSTR', 'KOFF', nodeCount);
  const labels = strings('LSTR', 'LOFF', nodeCount);
  const x = f64('POSX', nodeCount);
  const y = f64('POSY', nodeCount);
  const size = f64('SIZE', nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!) || !Number.isFinite(size[i]!)) {
      fail(`node ${i} ("${keys[i]}")`, 'x, y or size is not a finite number');
    }
  }
  const colrSection = section('COLR', 2 * cols, nodeCount);
  const colors = new Uint16Array(buffer, colrSection.offset, nodeCount * cols);
  const palettes = d.palettes as string[][];
  for (let c = 0; c < cols; c++) {
    const limit = palettes[c]!.length;
    for (let i = 0; i < nodeCount; i++) {
      const v = colors[c * nodeCount + i]!;
      if (v >= limit && !(c > 0 && v === NO_COLOR)) {
        fail(
          `section COLR, node ${i} ("${keys[i]}")`,
          `colour index ${v} is outside the palette of ${c === 0 ? 'the default colour' : `"${colorDimensions[c - 1]}"`} (${limit} colours)`,
        );
      }
    }
  }
  const measures = d.measures!;
  const measSection = section('MEAS', 8 * measures.length, nodeCount);
  const measureValues = new Float64Array(buffer, measSection.offset, nodeCount * measures.length);

  const source = u32('ESRC', edgeCount);
  const target = u32('ETGT', edgeCount);
  const kindSection = section('EKND', 1, edgeCount);
  const kind = new Uint8Array(buffer, kindSection.offset, edgeCount);
  const flagSection = section('EFLG', 1, edgeCount);
  const edgeFlags = new Uint8Array(buffer, flagSection.offset, edgeCount);
  const kinds = d.kinds!;
  for (let e = 0; e < edgeCount; e++) {
    if (source[e]! >= nodeCount || target[e]! >= nodeCount)
      fail(
        `section ${source[e]! >= nodeCount ? 'ESRC' : 'ETGT'}, edge ${e}`,
        `node index ${Math.max(source[e]!, target[e]!)} is not below the node count ${nodeCount}`,
      );
    if (edgeFlags[e]! > (EDGE_FLAG_HAS_SURVEY_ONLY | EDGE_FLAG_SURVEY_ONLY))
      fail(`section EFLG, edge ${e}`, `unknown flags ${edgeFlags[e]}`);
    if (kind[e]! >= kinds.length)
      fail(`section EKND, edge ${e}`, `kind index ${kind[e]} is outside the ${kinds.length} kinds`);
  }
  const edgeKeys = d.edgeKeys === 'table' ? strings('ESTR', 'EOFF', edgeCount) : null;

  return {
    buffer,
    nodeCount,
    edgeCount,
    payloadCrc,
    meta,
    graphAttributes: d.graphAttributes!,
    keys,
    labels,
    x,
    y,
    size,
    colorDimensions,
    palettes,
    colors,
    measures,
    measureValues,
    source,
    target,
    kind,
    kinds,
    edgeFlags,
    edgeKeys,
  };
}
