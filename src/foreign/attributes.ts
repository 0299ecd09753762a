/**
 * What a graph file's attributes become in the explorer (see convert.ts): the label and year read
 * from them, the categorical ones as dimensions (text, booleans, integers named like groups, lists),
 * the numeric ones as size measures, the file's own colours, the kinds of its links. Pure.
 */
import { interpolateSinebow } from 'd3';
import { EDGE_KINDS, type Category, type Dimension, type EdgeKind } from '../model';
import { COMMUNITY_PALETTE, toHex } from '../graph/build/visuals';
import { LIST_SEPARATOR } from './lists';
import type { ConvertOptions } from './convert';
import type { ForeignAttribute, ForeignGraph, ForeignNode, ForeignValue } from './types';

/** The neutral colour of nodes without a value in a dimension. */
export const UNKNOWN_COLOR = '#b8bcc2';

/** Attribute names (lowercase) a node's label is read from when the format has no label of its own. */
export const LABEL_NAMES = ['label', 'name', 'title'];
/** Attribute names (lowercase) a node's year is read from. */
export const YEAR_NAMES = ['year', 'date', 'published', 'publication_year', 'pubyear'];
/** Attributes that place or paint a node rather than describe it. */
export const DRAWING_NAMES = new Set(['x', 'y', 'z', 'size', 'color', 'colour', 'r', 'g', 'b']);

/** A lowercase slug ("Modularity Class" → "modularity-class"); "attribute" when nothing is left. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'attribute';
}

/** A slug not yet in `taken` (then added to it): "venue", "venue-2", … */
export function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slug(name);
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** `n` distinguishable colours: Paul Tol's muted scheme when it has enough, else evenly spaced hues. */
export function categoricalColors(n: number): string[] {
  if (n <= COMMUNITY_PALETTE.length) return COMMUNITY_PALETTE.slice(0, n);
  return Array.from({ length: n }, (_, i) => toHex(interpolateSinebow(i / n)));
}

/** A node's year and month from a year-like value: 2019, "2019", "2019-05-17". */
export function yearOf(v: ForeignValue | undefined): { year: number; month: number | null } | null {
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= 1900 && v <= 2100 ? { year: v, month: null } : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:\D|$))?/.exec(v);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] !== undefined ? Number(m[2]) : null;
  if (year < 1900 || year > 2100) return null;
  return { year, month: month !== null && month >= 1 && month <= 12 ? month : null };
}

export function findByName(attrs: readonly ForeignAttribute[], names: readonly string[]): ForeignAttribute[] {
  return names.flatMap((n) => attrs.filter((a) => a.name.toLowerCase() === n));
}

/** The attribute every node takes its year from, if one gives every node a year. */
export function yearAttribute(g: ForeignGraph): string | null {
  for (const a of findByName(g.nodeAttributes, YEAR_NAMES)) {
    if (g.nodes.every((n) => yearOf(n.attributes[a.name]) !== null)) return a.name;
  }
  return null;
}

/** The attribute labels are read from, when the format gives no label of its own. */
export function labelAttribute(g: ForeignGraph): string | null {
  const found = findByName(
    g.nodeAttributes.filter((a) => a.type === 'string' && !a.list),
    LABEL_NAMES,
  );
  return found[0]?.name ?? null;
}

/** A value's category texts: a list's items, else the value as text; trimmed, empty ones dropped. */
export function valueTexts(v: ForeignValue | undefined): string[] {
  if (v === undefined) return [];
  const texts = Array.isArray(v) ? v.map((item) => item.trim()) : [String(v).trim()];
  return [...new Set(texts.filter((t) => t !== ''))];
}

/** The node's attributes as the details show them: a list's items joined by "; ". */
export function shownAttributes(
  attributes: Record<string, ForeignValue>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, v] of Object.entries(attributes)) {
    const shown = Array.isArray(v) ? v.join(LIST_SEPARATOR) : v;
    if (name === '__proto__')
      Object.defineProperty(out, name, {
        value: shown,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[name] = shown;
  }
  return out;
}

export function nodeLabel(n: ForeignNode, labelAttr: string | null): string {
  if (n.label !== undefined && n.label.trim() !== '') return n.label.trim();
  const v = labelAttr !== null ? n.attributes[labelAttr] : undefined;
  if (v !== undefined && String(v).trim() !== '') return String(v).trim();
  return n.key;
}

export interface CategoricalPlan {
  attribute: string;
  dimension: Dimension;
  /** Value text → category id. */
  ids: Map<string, string>;
}

/** Names of integer attributes that number groups rather than measure something (Gephi's `modularity_class`). */
export const GROUP_NAME = /class|cluster|communit|group|partition|component|categor|type|kind/i;

/**
 * A categorical dimension of an attribute: strings and booleans, and integers named like groups,
 * when between 2 and `maxCategories` distinct values occur and they repeat; a list's values are its
 * items. Categories ordered by count.
 */
export function categorical(
  g: ForeignGraph,
  attr: ForeignAttribute,
  id: string,
  o: ConvertOptions,
): CategoricalPlan | null {
  if (attr.type === 'float' || (attr.type === 'integer' && !GROUP_NAME.test(attr.name))) return null;
  const counts = new Map<string, number>();
  let valued = 0;
  for (const n of g.nodes) {
    for (const text of valueTexts(n.attributes[attr.name])) {
      valued += 1;
      counts.set(text, (counts.get(text) ?? 0) + 1);
      if (counts.size > o.maxCategories) return null;
    }
  }
  if (counts.size < 2 || counts.size === valued) return null; // one value, or each value once: no grouping
  const values = [...counts].sort((a, b) => b[1] - a[1] || compareValues(a[0], b[0])).map(([v]) => v);
  const colors = categoricalColors(values.length);
  // ids are slugs, as a taxonomy's are (they go into links: `f.club=officer`); labels keep the text
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const categories: Category[] = values.map((v, i) => {
    const id = uniqueSlug(v, taken);
    ids.set(v, id);
    return { id, label: v, color: colors[i]! };
  });
  return { attribute: attr.name, dimension: { id, label: attr.name, categories }, ids };
}

export function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's own node colours as a dimension ("Colour in file"), when it gives some and few enough. */
export function fileColors(g: ForeignGraph, id: string, o: ConvertOptions): CategoricalPlan | null {
  const counts = new Map<string, number>();
  for (const n of g.nodes) if (n.color !== undefined) counts.set(n.color, (counts.get(n.color) ?? 0) + 1);
  if (counts.size === 0 || counts.size > o.maxCategories) return null;
  const categories = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c]): Category => ({ id: c.slice(1), label: c, color: c }));
  return {
    attribute: '',
    dimension: { id, label: 'Colour in file', categories },
    ids: new Map(categories.map((c) => [c.label, c.id])),
  };
}

export interface MeasurePlan {
  id: string;
  label: string;
  value: (n: ForeignNode) => number | undefined;
}

/** Numeric attributes (and the file's node sizes) with at least two distinct finite values, but `skip` (the year's). */
export function measures(g: ForeignGraph, taken: Set<string>, skip: string | null): MeasurePlan[] {
  const plans: MeasurePlan[] = [];
  const varies = (value: (n: ForeignNode) => number | undefined) => {
    let first: number | undefined;
    for (const n of g.nodes) {
      const v = value(n);
      if (v === undefined || !Number.isFinite(v)) continue;
      if (first === undefined) first = v;
      else if (v !== first) return true;
    }
    return false;
  };
  const sizeOf = (n: ForeignNode) => n.size;
  if (varies(sizeOf))
    plans.push({ id: uniqueSlug('size-in-file', taken), label: 'Size in file', value: sizeOf });
  for (const attr of g.nodeAttributes) {
    if (attr.type !== 'integer' && attr.type !== 'float') continue;
    if (DRAWING_NAMES.has(attr.name.toLowerCase()) || attr.name === skip) continue;
    const value = (n: ForeignNode) => {
      const v = n.attributes[attr.name];
      return typeof v === 'number' ? v : undefined;
    };
    if (varies(value)) plans.push({ id: uniqueSlug(attr.name, taken), label: attr.name, value });
  }
  return plans;
}

/** The kind of a file's edge: its label or kind when it names one of ours ("cites"), else `links`. */
export function edgeKind(label: string | undefined, attributes: Record<string, ForeignValue>): EdgeKind {
  const candidates = [label, attributes.kind, attributes.type, attributes.relation];
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const k = c.trim().toLowerCase();
    if ((EDGE_KINDS as readonly string[]).includes(k)) return k as EdgeKind;
  }
  return 'links';
}
