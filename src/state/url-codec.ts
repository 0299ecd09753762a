/**
 * What every URL parameter codec shares: the context it checks values against, the patch it reads a
 * value into, and the small helpers of list values. See url.ts for the table of codecs.
 */
import type { GraphMeta } from '../model';
import type { Brush, Filters, LineageSettings, ViewState } from './types';

/** Part of a view state; `filters` and `lineage` may themselves be partial. */
export type ViewPatch = Partial<Omit<ViewState, 'filters' | 'lineage'>> & {
  filters?: Partial<Filters>;
  lineage?: Partial<LineageSettings>;
};

/** What a codec needs to check values: the graph's metadata and which paper ids exist. */
export interface UrlContext {
  meta: GraphMeta;
  hasNode(id: string): boolean;
  /** The brush of a Louvain community (its label and papers), for `community=`; absent: not restored. */
  communityBrush?(community: number): Brush | null;
}

export interface ParamCodec {
  /** The query parameter's name. */
  param: string;
  /** The value to write, or null when the state has the default (the parameter is left out). */
  write(state: ViewState, ctx: UrlContext): string | null;
  /** The patch a value stands for, or a short problem ("not a year range") when it is malformed. */
  read(value: string, ctx: UrlContext, name?: string): ViewPatch | string;
  /** A codec for every parameter whose name starts with `param` (read gets the name). */
  prefix?: boolean;
  /** For a prefix codec: the parameters to write, names and values. */
  writeAll?(state: ViewState, ctx: UrlContext): ReadonlyArray<readonly [string, string]>;
}

/** What separates the items of a list value (`f.family=gan,diffusion`). */
export const LIST_SEP = ',';

/** A whole number, possibly negative. */
export const INT = /^-?\d+$/;

/** `value` when it is one of `values`, else null. */
export function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The items of a list value, trimmed and lowercased; none for an empty value. */
export function listItems(value: string): string[] {
  return value === '' ? [] : value.split(LIST_SEP).map((s) => s.trim().toLowerCase());
}

/** `"a", "b"`: unknown items named for a problem message. */
export function quoted(items: readonly string[]): string {
  return items.map((u) => JSON.stringify(u)).join(', ');
}
