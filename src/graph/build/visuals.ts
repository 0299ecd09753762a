/**
 * Precomputed node visuals: a colour per colouring dimension and a size per sizing measure, so the
 * explorer switches "Color by" / "Size by" with a lookup. Colours come from the taxonomy's
 * colour-blind-safe categories, a sequential scale for years and a categorical palette for communities.
 */
import { color as d3color, interpolateCividis } from 'd3';
import type { BuiltInSizeBy, ColorBy } from '../../model/graph-file';
import type { Taxonomy, TaxonomyDimension } from '../../model/taxonomy';
import { paperCategories } from '../categories';
import type { CommunitySummary } from './metrics';
import type { AtlasGraph } from '../types';

/** Paul Tol's "muted" qualitative scheme: distinguishable under the common colour-vision deficiencies. */
export const COMMUNITY_PALETTE = [
  '#cc6677',
  '#332288',
  '#ddcc77',
  '#117733',
  '#88ccee',
  '#882255',
  '#44aa99',
  '#999933',
  '#aa4499',
] as const;

export interface VisualOptions {
  /** Smallest and largest node size in pixels. */
  minSize?: number;
  maxSize?: number;
  /** Size of every node under "uniform". */
  uniformSize?: number;
  /** Colours of the largest communities, in order; the rest are grey. */
  communityPalette?: readonly string[];
  /** Communities smaller than this are grey. */
  minCommunitySize?: number;
  /** Sequential scale for years, t in [0, 1] → any CSS colour d3 can parse. */
  yearInterpolator?: (t: number) => string;
}

type Resolved = Required<VisualOptions>;

function resolveOptions(options: VisualOptions | undefined): Resolved {
  const o: Resolved = {
    minSize: 3,
    maxSize: 18,
    uniformSize: 6,
    communityPalette: COMMUNITY_PALETTE,
    minCommunitySize: 3,
    yearInterpolator: interpolateCividis,
    ...options,
  };
  if (!(o.minSize > 0 && o.maxSize >= o.minSize)) {
    throw new Error(`visuals: need 0 < minSize <= maxSize, got ${o.minSize}, ${o.maxSize}`);
  }
  if (!(o.uniformSize > 0)) throw new Error(`visuals: uniformSize must be positive, got ${o.uniformSize}`);
  if (!Number.isInteger(o.minCommunitySize) || o.minCommunitySize < 1) {
    throw new Error(`visuals: minCommunitySize must be a positive integer, got ${o.minCommunitySize}`);
  }
  return o;
}

/** Any CSS colour as lowercase #rrggbb. */
export function toHex(css: string): string {
  const c = d3color(css);
  if (!c) throw new Error(`visuals: not a colour: ${css}`);
  return c.formatHex().toLowerCase();
}

/** Category id → colour for one taxonomy dimension (empty when the taxonomy lacks it). */
export function categoryColors(taxonomy: Taxonomy, dim: TaxonomyDimension): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of taxonomy.dimensions) if (d.id === dim) for (const c of d.categories) out.set(c.id, c.color);
  return out;
}

/** Community id → colour: the palette for the largest communities, grey for small ones. */
export function communityColors(
  communities: CommunitySummary[],
  unknownColor: string,
  options?: Pick<VisualOptions, 'communityPalette' | 'minCommunitySize'>,
): { id: number; size: number; color: string }[] {
  const o = resolveOptions(options);
  return communities.map((c, i) => {
    const colored = i < o.communityPalette.length && c.size >= o.minCommunitySize;
    return { id: c.id, size: c.size, color: colored ? (o.communityPalette[i] as string) : unknownColor };
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Writes `colors`, `sizes`, `color` (by the taxonomy's first dimension) and `size` (by citations) on every node. */
export function assignVisuals(
  graph: AtlasGraph,
  params: { taxonomy: Taxonomy; communities: { id: number; color: string }[] },
  options?: VisualOptions,
): void {
  const o = resolveOptions(options);
  const { taxonomy } = params;
  const unknown = taxonomy.unknownColor;
  const palettes = taxonomy.dimensions.map((d) => [d.id, categoryColors(taxonomy, d.id)] as const);
  const community = new Map(params.communities.map((c) => [c.id, c.color]));

  let minYear = Infinity;
  let maxYear = -Infinity;
  let maxCitations = 0;
  let minRank = Infinity;
  let maxRank = -Infinity;
  graph.forEachNode((_n, a) => {
    if (a.year !== null) {
      minYear = Math.min(minYear, a.year);
      maxYear = Math.max(maxYear, a.year);
    }
    maxCitations = Math.max(maxCitations, a.citations);
    minRank = Math.min(minRank, a.pagerank);
    maxRank = Math.max(maxRank, a.pagerank);
  });
  const yearColors = new Map<number, string>();
  for (let y = minYear; y <= maxYear; y++) {
    const t = maxYear > minYear ? (y - minYear) / (maxYear - minYear) : 0.5;
    yearColors.set(y, toHex(o.yearInterpolator(t)));
  }
  const span = o.maxSize - o.minSize;
  const sqrtScale = (v: number, lo: number, hi: number): number =>
    round2(hi > lo ? o.minSize + span * Math.sqrt((v - lo) / (hi - lo)) : o.minSize);

  graph.updateEachNodeAttributes(
    (_n, a) => {
      // Each dimension's colour is its first category's (first task, primary label).
      const entries: [ColorBy, string][] = palettes.map(([dim, palette]) => {
        const first = paperCategories(a, dim)[0];
        return [dim, (first !== undefined ? palette.get(first) : undefined) ?? unknown];
      });
      entries.push(
        ['community', community.get(a.community) ?? unknown],
        ['year', (a.year !== null ? yearColors.get(a.year) : undefined) ?? unknown],
      );
      // Keys in sorted order: the serialiser writes attributes in their own key order.
      entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      const colors: Record<ColorBy, string> = Object.fromEntries(entries);
      const sizes: Record<BuiltInSizeBy, number> = {
        citations: sqrtScale(a.citations, 0, maxCitations),
        pagerank: sqrtScale(a.pagerank, minRank, maxRank),
        uniform: o.uniformSize,
      };
      a.colors = colors;
      a.sizes = sizes;
      a.color = palettes.length > 0 ? (colors[palettes[0]![0]] ?? unknown) : (colors.community ?? unknown);
      a.size = sizes.citations;
      return a;
    },
    { attributes: ['colors', 'sizes', 'color', 'size'] },
  );
}
