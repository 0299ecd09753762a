/**
 * What every data export shares: the papers and links in scope (in the graph's own order, so the
 * same input gives the same file), the colours and sizes as drawn, and the export's provenance —
 * the dataset, its build hash, the scope, the date and the filters — which every file names.
 */
import type { EdgeAttributes, NodeAttributes } from '../model';
import type { ExportInput } from './types';

export interface ScopedNode {
  key: string;
  attributes: NodeAttributes;
}
export interface ScopedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** The papers in scope, in graph order. Throws if the scope names a paper the graph lacks. */
export function scopedNodes(input: ExportInput): ScopedNode[] {
  for (const key of input.nodes) {
    if (!input.graph.hasNode(key))
      throw new Error(`export: the scope names the paper "${key}", which is not in the graph`);
  }
  const out: ScopedNode[] = [];
  input.graph.forEachNode((key, attributes) => {
    if (input.nodes.has(key)) out.push({ key, attributes });
  });
  return out;
}

/** The links in scope whose two ends are in scope too, in graph order. */
export function scopedEdges(input: ExportInput): ScopedEdge[] {
  const out: ScopedEdge[] = [];
  input.graph.forEachEdge((key, attributes, source, target) => {
    if (input.edges.has(key) && input.nodes.has(source) && input.nodes.has(target)) {
      out.push({ key, source, target, attributes });
    }
  });
  return out;
}

/** The node's colour as drawn (input.colors), else its default colour. */
export function drawnColor(input: ExportInput, node: ScopedNode): string {
  return input.colors?.get(node.key) ?? node.attributes.color;
}

/** The node's size as drawn (input.sizes), else its default size. */
export function drawnSize(input: ExportInput, node: ScopedNode): number {
  return input.sizes?.get(node.key) ?? node.attributes.size;
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1; absent when opaque. */
  a?: number;
}

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)` and `rgba(r, g, b, a)`. */
export function parseColor(color: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (hex) {
    let h = hex[1] ?? '';
    if (h.length === 3) h = [...h].map((c) => c + c).join('');
    const byte = (i: number) => parseInt(h.slice(i, i + 2), 16);
    const rgba: Rgba = { r: byte(0), g: byte(2), b: byte(4) };
    if (h.length === 8 && byte(6) !== 255) rgba.a = Math.round((byte(6) / 255) * 1000) / 1000;
    return rgba;
  }
  const fn = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(
    color.trim(),
  );
  if (fn) {
    const [r, g, b] = [fn[1], fn[2], fn[3]].map((v) => Math.min(255, Number(v))) as [number, number, number];
    const rgba: Rgba = { r, g, b };
    if (fn[4] !== undefined && Number(fn[4]) < 1) rgba.a = Math.max(0, Number(fn[4]));
    return rgba;
  }
  throw new Error(`export: cannot read the colour "${color}" (expected #rrggbb or rgb()/rgba())`);
}

/** `#rrggbb` of a colour (alpha dropped). */
export function hexColor(c: Rgba): string {
  return `#${[c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** The export date as YYYY-MM-DD (UTC, so the same instant gives the same name anywhere). */
export function isoDay(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('export: invalid export date');
  return date.toISOString().slice(0, 10);
}

/** What every export records about itself, so a file can be traced to the exact build it came from. */
export interface ExportProvenance {
  creator: 'Lineage Atlas';
  dataset: string;
  /** meta.inputsHash: sha256 of the build's inputs. */
  inputsHash: string;
  scope: ExportInput['scope'];
  /** ISO 8601 timestamp of the export. */
  exported: string;
  filters: string;
  papers: number;
  links: number;
}

export function exportProvenance(input: ExportInput, papers: number, links: number): ExportProvenance {
  return {
    creator: 'Lineage Atlas',
    dataset: input.meta.dataset.name,
    inputsHash: input.meta.inputsHash,
    scope: input.scope,
    exported: input.date.toISOString(),
    filters: input.filtersSummary,
    papers,
    links,
  };
}

/** The provenance in one sentence, for file descriptions and comments. */
export function describeExport(p: ExportProvenance): string {
  const what = p.scope === 'visible' ? 'the visible papers' : 'the whole graph';
  const filters = p.filters.trim() === '' ? 'none' : p.filters;
  return `Lineage Atlas export of ${what} of "${p.dataset}" (build ${p.inputsHash}): ${p.papers} papers, ${p.links} links; filters: ${filters}; exported ${p.exported}.`;
}
