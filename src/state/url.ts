/**
 * The shareable view: view state ⇄ URL query. Pure functions, one table of parameter codecs.
 *
 * `viewToQuery(state, camera)` writes only what differs from the default view, in the table's
 * order, readable (`?color=method&years=2022-2024&f.family=gan,diffusion&sel=2208.12242`).
 * Category filters take one parameter per filtered taxonomy dimension, `f.<dimension id>`; the older
 * `families=` and `tasks=` are still read, as `f.family` and `f.task`.
 * `queryToView(params, meta)` reads it back into a patch over the default view, a camera, and the
 * problems met (unknown parameters, malformed values): a bad parameter is ignored, never fatal.
 *
 * To put a new state field in the URL, add one entry to `PARAM_CODECS` (the filters' entries are in
 * url-filters.ts; what every codec shares is in url-codec.ts).
 */
import { colorByChoices, EDGE_KINDS, sizeByChoices, dimension } from '../model/vocab';
import { canonicalCategories } from './filters';
import { DEFAULT_LINEAGE_DEPTH, defaultLineage, isLineageDepth } from './lineage';
import { LAYOUT_MODES, type ViewState } from './types';
import {
  INT,
  LIST_SEP,
  listItems,
  oneOf,
  quoted,
  type ParamCodec,
  type UrlContext,
  type ViewPatch,
} from './url-codec';
import { FILTER_CODECS } from './url-filters';
import { PLAYBACK_CODECS } from './url-playback';
import { defaultColorBy, defaultLabelDensity, defaultSizeBy } from './view';

export type { ParamCodec, UrlContext, ViewPatch } from './url-codec';
export { CATEGORY_PARAM_PREFIX } from './url-filters';

/** Parameters the app owns outside the view codec (kept as they are). */
export const RESERVED_PARAMS = ['graph'] as const;

/** The camera as the URL keeps it (sigma's camera state, graph-normalised coordinates). */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A number written short: no trailing zeros, no "-0". */
function num(value: number, digits: number): string {
  const r = round(value, digits);
  return String(Object.is(r, -0) ? 0 : r);
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;

/** Whether a colour-by dimension has a category `id` (so `iso=` names something real). */
function hasCategory(ctx: UrlContext, colorBy: ViewState['colorBy'], id: string): boolean {
  if (id === 'unknown') return colorBy !== 'year' && colorBy !== 'community';
  if (colorBy === 'year')
    return (
      INT.test(id) &&
      ctx.meta.years !== null &&
      Number(id) >= ctx.meta.years[0] &&
      Number(id) <= ctx.meta.years[1]
    );
  if (colorBy === 'community') return INT.test(id) && ctx.meta.communities.some((c) => c.id === Number(id));
  const dim = dimension(ctx.meta.taxonomy, colorBy);
  return !!dim?.categories.some((c) => c.id === id);
}

/**
 * The parameters, in the order they are written. Each reads and writes one field (or one filter);
 * `iso` is read after `color`, whose dimension it names a category of (checked in `queryToView`).
 */
export const PARAM_CODECS: readonly ParamCodec[] = [
  {
    param: 'color',
    write: (s, { meta }) => (s.colorBy === defaultColorBy(meta) ? null : s.colorBy),
    read(v, { meta }) {
      const choices = colorByChoices(meta);
      const colorBy = oneOf(choices, v);
      return colorBy ? { colorBy } : `expected one of ${choices.join(', ')}`;
    },
  },
  {
    param: 'iso',
    write: (s) => s.isolated,
    read: (v) => (v === '' ? 'empty category' : { isolated: v }),
  },
  {
    param: 'size',
    write: (s, { meta }) => (s.sizeBy === defaultSizeBy(meta) ? null : s.sizeBy),
    read: (v, { meta }) => {
      const choices = sizeByChoices(meta);
      const sizeBy = oneOf(choices, v);
      return sizeBy ? { sizeBy } : `expected one of ${choices.join(', ')}`;
    },
  },
  ...FILTER_CODECS,
  ...PLAYBACK_CODECS,
  {
    param: 'sel',
    write: (s) => s.selected,
    read: (v, ctx) => (ctx.hasNode(v) ? { selected: v } : 'no paper with this id'),
  },
  {
    // a brushed community, as the Clusters column names it (1-based): `community=2`
    param: 'community',
    write: (s) => (s.brush?.community !== undefined ? String(s.brush.community + 1) : null),
    read(v, ctx) {
      if (!INT.test(v) || Number(v) < 1) return 'expected a community number like 2';
      const brush = ctx.communityBrush?.(Number(v) - 1) ?? null;
      return brush ? { brush } : `the graph has no community ${v}`;
    },
  },
  {
    param: 'clusters',
    write: (s) => (s.clusters ? '1' : null),
    read: (v) =>
      v === '1' ? { clusters: true } : v === '0' ? { clusters: false } : 'expected 1 (open) or 0',
  },
  {
    // read after `sel`: a comparison needs a selection (checked in `queryToView`)
    param: 'vs',
    write: (s) => (s.selected !== null ? s.compareWith : null),
    read: (v, ctx) => (ctx.hasNode(v) ? { compareWith: v } : 'no paper with this id'),
  },
  {
    param: 'depth',
    write: (s) => (s.lineage.depth === DEFAULT_LINEAGE_DEPTH ? null : String(s.lineage.depth)),
    read(v) {
      const depth = v === 'all' ? v : INT.test(v) ? Number(v) : null;
      return isLineageDepth(depth) ? { lineage: { depth } } : 'expected 1, 2, 3 or all';
    },
  },
  {
    param: 'follow',
    write(s, { meta }) {
      const kinds = s.lineage.kinds;
      const def = defaultLineage(meta).kinds;
      return kinds.length === def.length && def.every((k) => kinds.includes(k)) ? null : kinds.join(LIST_SEP);
    },
    read(v) {
      const items = listItems(v);
      const unknown = items.filter((x) => oneOf(EDGE_KINDS, x) === null);
      if (unknown.length > 0)
        return `unknown edge ${unknown.length === 1 ? 'kind' : 'kinds'} ${quoted(unknown)}`;
      return { lineage: { kinds: EDGE_KINDS.filter((k) => items.includes(k)) } };
    },
  },
  {
    param: 'layout',
    write: (s) => (s.layout === 'force' ? null : s.layout),
    read: (v, { meta }) => {
      const layout = oneOf(LAYOUT_MODES, v);
      if (layout === 'timeline' && meta.years === null)
        return 'the graph has no years to lay out on a timeline';
      return layout ? { layout } : `expected one of ${LAYOUT_MODES.join(', ')}`;
    },
  },
  {
    param: 'labels',
    write: (s, { meta }) => (s.labelDensity === defaultLabelDensity(meta) ? null : num(s.labelDensity, 2)),
    read(v) {
      const d = Number(v);
      return DECIMAL.test(v) && d >= 0 && d <= 1
        ? { labelDensity: round(d, 2) }
        : 'expected a number from 0 to 1';
    },
  },
];

/** The camera parameter: `cam=x,y,ratio` (and `,angle` when rotated). */
export const CAMERA_PARAM = 'cam';

export function writeCamera(c: CameraView): string {
  const parts = [num(c.x, 4), num(c.y, 4), num(c.ratio, 4)];
  if (round(c.angle, 4) !== 0) parts.push(num(c.angle, 4));
  return parts.join(',');
}

export function readCamera(value: string): CameraView | string {
  const parts = value.split(',');
  if (parts.length < 3 || parts.length > 4 || !parts.every((p) => DECIMAL.test(p.trim()))) {
    return 'expected x,y,zoom like 0.5,0.5,1';
  }
  const [x, y, ratio, angle = 0] = parts.map(Number) as [number, number, number, number?];
  if (![x, y, ratio, angle].every(Number.isFinite) || Math.abs(x) > 1e3 || Math.abs(y) > 1e3)
    return 'coordinates out of range';
  if (!(ratio >= 0.001 && ratio <= 100)) return 'zoom out of range';
  return { x, y, ratio, angle };
}

/** Encodes a value for the query, leaving separators readable (`,` `-` `.` `/` `:`). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

/**
 * The query string (without "?") of a view: the non-default fields in table order, then the camera.
 * `keep` holds parameters written first as they are (e.g. `graph`).
 */
export function viewToQuery(
  state: ViewState,
  camera: CameraView | null,
  ctx: UrlContext,
  keep: ReadonlyArray<readonly [string, string]> = [],
): string {
  const parts: string[] = keep.map(([k, v]) => `${encodeValue(k)}=${encodeValue(v)}`);
  for (const codec of PARAM_CODECS) {
    for (const [name, value] of codec.writeAll?.(state, ctx) ?? [])
      parts.push(`${encodeValue(name)}=${encodeValue(value)}`);
    const value = codec.write(state, ctx);
    if (value !== null) parts.push(`${codec.param}=${encodeValue(value)}`);
  }
  if (camera) parts.push(`${CAMERA_PARAM}=${writeCamera(camera)}`);
  return parts.join('&');
}

export interface QueryView {
  patch: ViewPatch;
  camera: CameraView | null;
  /** One short sentence per ignored parameter, e.g. `years "20x1": expected a year range like 2022-2024`. */
  problems: string[];
  /** The ignored parameters as written, for a short notice: `foo`, `years=20x1`. */
  ignored: string[];
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Reads a query into a patch over the default view. Never throws: what it cannot use is reported in `problems`. */
export function queryToView(params: URLSearchParams, ctx: UrlContext): QueryView {
  const patch: ViewPatch = {};
  const problems: string[] = [];
  const ignored: string[] = [];
  const skip = (name: string, value: string | null, problem: string) => {
    problems.push(problem);
    ignored.push(value === null ? clip(name) : `${clip(name)}=${clip(value, 24)}`);
  };
  let camera: CameraView | null = null;
  const known = new Set<string>([
    ...RESERVED_PARAMS,
    CAMERA_PARAM,
    ...PARAM_CODECS.filter((c) => !c.prefix).map((c) => c.param),
  ]);
  const prefixes = PARAM_CODECS.filter((c) => c.prefix);
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!known.has(name) && !prefixes.some((c) => name.startsWith(c.param)))
      skip(name, null, `unknown parameter "${clip(name)}"`);
    else if (seen.has(name)) skip(name, value, `${clip(name)}: given more than once (the first one is used)`);
    seen.add(name);
  }
  for (const codec of PARAM_CODECS) {
    const names = codec.prefix
      ? [...new Set(params.keys())].filter((n) => n.startsWith(codec.param))
      : [codec.param];
    for (const name of names) {
      const value = params.get(name);
      if (value === null) continue;
      const result = codec.read(value, ctx, name);
      if (typeof result === 'string') {
        skip(name, value, `${clip(name)} "${clip(value)}": ${result}`);
        continue;
      }
      const { filters, lineage, ...rest } = result;
      Object.assign(patch, rest);
      if (filters) {
        const categories = filters.categories
          ? canonicalCategories(ctx.meta, { ...filters.categories, ...patch.filters?.categories })
          : undefined;
        patch.filters = { ...patch.filters, ...filters, ...(categories ? { categories } : {}) };
      }
      if (lineage) patch.lineage = { ...patch.lineage, ...lineage };
    }
  }
  if (
    patch.compareWith !== undefined &&
    patch.compareWith !== null &&
    (patch.selected == null || patch.selected === patch.compareWith)
  ) {
    skip(
      'vs',
      patch.compareWith,
      `vs "${clip(patch.compareWith)}": a comparison needs another selected paper (sel)`,
    );
    delete patch.compareWith;
  }
  if (
    patch.isolated !== undefined &&
    patch.isolated !== null &&
    !hasCategory(ctx, patch.colorBy ?? defaultColorBy(ctx.meta), patch.isolated)
  ) {
    skip('iso', patch.isolated, `iso "${clip(patch.isolated)}": not a category of the colour-by dimension`);
    delete patch.isolated;
  }
  const cam = params.get(CAMERA_PARAM);
  if (cam !== null) {
    const result = readCamera(cam);
    if (typeof result === 'string') skip(CAMERA_PARAM, cam, `${CAMERA_PARAM} "${clip(cam)}": ${result}`);
    else camera = result;
  }
  return { patch, camera, problems, ignored };
}

/** `base` with a patch applied (filters merged field by field). */
export function applyViewPatch(base: ViewState, patch: ViewPatch): ViewState {
  const { filters, lineage, ...rest } = patch;
  return {
    ...base,
    ...rest,
    filters: filters ? { ...base.filters, ...filters } : base.filters,
    lineage: lineage ? { ...base.lineage, ...lineage } : base.lineage,
  };
}

/** The view a query stands for: the default view with the query's patch (hover cleared). */
export function viewFromQuery(
  initial: ViewState,
  params: URLSearchParams,
  ctx: UrlContext,
): { state: ViewState } & QueryView {
  const read = queryToView(params, ctx);
  return { ...read, state: { ...applyViewPatch(initial, read.patch), hovered: null } };
}
