/**
 * The filters' URL parameters, in the order they are written: `years=2022-2024`, one
 * `f.<dimension>=a,b` per filtered taxonomy dimension (the older `families=` and `tasks=` still
 * read), `nolabel=`, `edges=`, `survey=` and `degree=`.
 */
import { dimension, EDGE_KINDS } from '../model/vocab';
import type { GraphMeta } from '../model';
import { shownEdgeKinds } from '../graph/facets';
import { canonicalCategories } from './filters';
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

/**
 * The edge kinds shown: `edges=a,b` lists the kinds ticked among those the filters panel offers for
 * this graph (`shownEdgeKinds`); kinds it does not offer stay on. Absent when every offered kind is on.
 */
function edgeKindsCodec(): ParamCodec {
  const offered = (meta: GraphMeta) => shownEdgeKinds(meta.counts.byKind, meta.file !== undefined);
  return {
    param: 'edges',
    write(state, { meta }) {
      const kinds = offered(meta);
      const shown = kinds.filter((k) => state.filters.edgeKinds.includes(k));
      return shown.length === kinds.length ? null : shown.join(LIST_SEP);
    },
    read(value, { meta }) {
      const items = listItems(value);
      const unknown = items.filter((x) => oneOf(EDGE_KINDS, x) === null);
      if (unknown.length > 0)
        return `unknown ${unknown.length === 1 ? 'value' : 'values'} ${quoted(unknown)}`;
      const kinds = offered(meta);
      return { filters: { edgeKinds: EDGE_KINDS.filter((k) => items.includes(k) || !kinds.includes(k)) } };
    },
  };
}

/** Category filters: `f.<dimension>=a,b` (empty: none of them). */
export const CATEGORY_PARAM_PREFIX = 'f.';

/** The dimension a category parameter filters: `f.modality` → `modality`; null for other names. */
function categoryParamDimension(name: string): string | null {
  return name.startsWith(CATEGORY_PARAM_PREFIX) && name.length > CATEGORY_PARAM_PREFIX.length
    ? name.slice(CATEGORY_PARAM_PREFIX.length)
    : null;
}

/**
 * The category filters' codec. With `legacyDim` it is an older spelling (`families=` for `f.family`),
 * read only. Without, it stands for every `f.<dimension>` parameter: `writeAll` gives them in the
 * taxonomy's order, and `read` gets the parameter's name.
 */
function categoryCodec(param: string, legacyDim?: string): ParamCodec {
  const readList = (dimId: string, value: string, ctx: UrlContext): ViewPatch | string => {
    const dim = dimension(ctx.meta.taxonomy, dimId);
    if (!dim) return `the graph has no dimension "${dimId}"`;
    const items = listItems(value);
    const unknown = items.filter((x) => !dim.categories.some((c) => c.id === x));
    if (unknown.length > 0) return `unknown ${unknown.length === 1 ? 'value' : 'values'} ${quoted(unknown)}`;
    return { filters: { categories: canonicalCategories(ctx.meta, { [dimId]: items }) } };
  };
  if (legacyDim !== undefined)
    return { param, write: () => null, read: (v, ctx) => readList(legacyDim, v, ctx) };
  return {
    param,
    write: () => null,
    writeAll: (s) =>
      Object.entries(s.filters.categories).map(
        ([dim, ids]) => [`${param}${dim}`, ids.join(LIST_SEP)] as const,
      ),
    read: (v, ctx, name) => readList(categoryParamDimension(name ?? '') ?? '', v, ctx),
    prefix: true,
  };
}

export const FILTER_CODECS: readonly ParamCodec[] = [
  {
    param: 'years',
    write: (s) => (s.filters.years ? `${s.filters.years[0]}-${s.filters.years[1]}` : null),
    read(v, { meta }) {
      const m = /^(\d{4})(?:-(\d{4}))?$/.exec(v);
      if (!m) return 'expected a year range like 2022-2024';
      const a = Number(m[1]);
      const b = m[2] === undefined ? a : Number(m[2]);
      const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
      const span = meta.years;
      if (span === null) return 'the graph has no years';
      if (hi < span[0] || lo > span[1]) return `outside the graph's years ${span[0]}-${span[1]}`;
      const years: [number, number] = [Math.max(lo, span[0]), Math.min(hi, span[1])];
      return { filters: { years: years[0] === span[0] && years[1] === span[1] ? null : years } };
    },
  },
  categoryCodec(CATEGORY_PARAM_PREFIX),
  {
    // dimensions whose unlabelled papers are hidden: `nolabel=method,space`
    param: 'nolabel',
    write: (s) => (s.filters.unlabelled.length === 0 ? null : s.filters.unlabelled.join(LIST_SEP)),
    read(v, { meta }) {
      const items = listItems(v);
      const ids = meta.taxonomy.dimensions.map((d) => d.id);
      const unknown = items.filter((x) => !ids.includes(x));
      if (unknown.length > 0)
        return `the graph has no ${unknown.length === 1 ? 'dimension' : 'dimensions'} ${quoted(unknown)}`;
      return { filters: { unlabelled: ids.filter((d) => items.includes(d)) } };
    },
  },
  categoryCodec('families', 'family'),
  categoryCodec('tasks', 'task'),
  edgeKindsCodec(),
  {
    param: 'survey',
    write: (s) => (s.filters.showSurveyMentions ? '1' : null),
    read: (v) =>
      v === '1'
        ? { filters: { showSurveyMentions: true } }
        : v === '0'
          ? { filters: { showSurveyMentions: false } }
          : 'expected 0 or 1',
  },
  {
    param: 'degree',
    write: (s) => (s.filters.minDegree > 0 ? String(s.filters.minDegree) : null),
    read: (v) =>
      INT.test(v) && Number(v) >= 0 && Number(v) <= 1e6
        ? { filters: { minDegree: Number(v) } }
        : 'expected a whole number ≥ 0',
  },
];
