/**
 * The compact graph form (`graph.bin` beside `graph.json`, see README "How it is built"): a header,
 * then typed-array sections a browser can view without copying, and a side table (`graph.side.json`)
 * with the per-paper and per-edge attributes the arrays do not hold. Together they give exactly the
 * graph of the JSON file. All numbers little-endian; every section starts at a multiple of 8.
 *
 * Header (32 bytes), then `sectionCount` entries of 16 bytes:
 *   0  magic "LAGB"            4  u16 binary format version   6  u16 graph file version (the JSON's)
 *   8  u32 node count          12 u32 edge count              16 u32 section count
 *   20 u32 CRC-32 of everything after the section table       24 u32 file length   28 u32 reserved (0)
 *   entry: u32 section id (4 ASCII bytes) · u32 offset · u32 length in bytes · u32 CRC-32 of the section
 */

export const BINARY_MAGIC = 'LAGB';
/** 1: the first version. 2: edge flags (EFLG), so that a first frame knows which links hide by default. */
export const BINARY_FORMAT_VERSION = 2;
export const HEADER_BYTES = 32;
export const SECTION_ENTRY_BYTES = 16;
/** Every section starts at a multiple of this (Float64Array views need 8). */
export const SECTION_ALIGN = 8;

export const SIDE_FORMAT = 'lineage-atlas/graph-side';
export const SIDE_FORMAT_VERSION = 1;

/**
 * The sections, in file order. `DICT` is UTF-8 JSON (see `BinaryDictionary`); `*STR` sections are
 * UTF-8 strings laid end to end, their `*OFF` sections the UTF-16 offsets of each string in the
 * decoded text (count + 1 entries).
 */
export const SECTIONS = {
  DICT: 'DICT',
  KSTR: 'KSTR',
  KOFF: 'KOFF',
  LSTR: 'LSTR',
  LOFF: 'LOFF',
  /** Float64 × nodes: x, y, size. Float64, not Float32: the graph must come back exactly as in the JSON. */
  POSX: 'POSX',
  POSY: 'POSY',
  SIZE: 'SIZE',
  /** Uint16 × nodes × (1 + colour dimensions): per column (the default `color` first), an index into its palette. */
  COLR: 'COLR',
  /** Float64 × nodes × measures: per column, the node's `sizes[measure]` (NaN: the node has none). */
  MEAS: 'MEAS',
  /** Uint32 × edges: source and target node indices. */
  ESRC: 'ESRC',
  ETGT: 'ETGT',
  /** Uint8 × edges: index into `kinds`. */
  EKND: 'EKND',
  /** Uint8 × edges: bit 0 `surveyOnly` is true, bit 1 the edge has `surveyOnly` (EDGE_FLAG_*). */
  EFLG: 'EFLG',
  /** Edge keys, only when some key is not `source->target`. */
  ESTR: 'ESTR',
  EOFF: 'EOFF',
} as const;
export type SectionId = keyof typeof SECTIONS;

/** A node has no colour in a colour dimension (its `colors` lacks the key). */
export const NO_COLOR = 0xffff;

/** The binary's small JSON section: what the typed arrays index into. */
export interface BinaryDictionary {
  /** The graph file's metadata, as in the JSON. */
  meta: unknown;
  /** graphology's graph attributes. */
  graphAttributes: Record<string, unknown>;
  /** The keys of `colors`, in the order the columns of COLR after the first follow. */
  colorDimensions: string[];
  /** One palette per COLR column: the default `color` first, then each colour dimension. */
  palettes: string[][];
  /** The keys of `sizes`, in the order of the MEAS columns. */
  measures: string[];
  /** Edge kinds, indexed by EKND. */
  kinds: string[];
  /** `derived`: every edge key is `source->target`; `table`: the keys are in ESTR/EOFF. */
  edgeKeys: 'derived' | 'table';
}

/** Node attributes the binary holds; the side table has a `0` in their place (keeping the key order). */
export const BINARY_NODE_KEYS = ['color', 'colors', 'label', 'size', 'sizes', 'x', 'y'] as const;
/** Edge attributes the binary holds (`surveyOnly` when the edge has it, see EFLG). */
export const BINARY_EDGE_KEYS = ['kind', 'surveyOnly'] as const;
/** The attribute keys the binary holds, by kind of record: the side table's records skip them. */
export const BINARY_KEYS: Readonly<Record<'nodes' | 'edges', ReadonlySet<string>>> = {
  nodes: new Set(BINARY_NODE_KEYS),
  edges: new Set(BINARY_EDGE_KEYS),
};
export const EDGE_FLAG_SURVEY_ONLY = 1;
export const EDGE_FLAG_HAS_SURVEY_ONLY = 2;

/** The file name a URL ends with (the name the compact form's problems give). */
export const fileName = (url: string) => new URL(url).pathname.split('/').pop() || url;

/** The binary and side-table files that go with a graph file: `x.json` → `x.bin`, `x.side.json`. */
export function binaryFileNames(graphFile: string): { binary: string; side: string } {
  const stem = graphFile.endsWith('.json') ? graphFile.slice(0, -'.json'.length) : graphFile;
  return { binary: `${stem}.bin`, side: `${stem}.side.json` };
}
