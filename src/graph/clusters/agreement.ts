/**
 * How well the communities agree with a taxonomy dimension: normalised mutual information between
 * each paper's community and its category. Papers without a label in the dimension are left out
 * (and counted). Pure.
 */
import type { TaxonomyDimension } from '../../model';
import { checkDimension, paperCategory } from '../dimension-labels';
import { checkOneOf, mergeOptions } from '../options';
import type { AtlasGraph } from '../types';

/**
 * How mutual information is normalised: by the arithmetic mean of the two entropies (scikit-learn's
 * default), their geometric mean, the smaller or the larger one.
 */
export const NMI_NORMALISATIONS = ['arithmetic', 'geometric', 'min', 'max'] as const;
export type NmiNormalisation = (typeof NMI_NORMALISATIONS)[number];

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * NMI of two labellings of the same items (`a[i]` and `b[i]` label item i), in [0, 1], natural logs.
 * Two labellings that each put everything in one class agree perfectly (1), as in scikit-learn;
 * null for no items.
 */
export function normalizedMutualInformation(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
  normalisation: NmiNormalisation = 'arithmetic',
): number | null {
  if (a.length !== b.length)
    throw new Error(`normalizedMutualInformation: labellings differ in length (${a.length} and ${b.length})`);
  checkOneOf('normalizedMutualInformation', 'normalisation', normalisation, NMI_NORMALISATIONS);
  const n = a.length;
  if (n === 0) return null;
  const ca = new Map<string | number, number>();
  const cb = new Map<string | number, number>();
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
    const key = JSON.stringify([a[i], b[i]]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  if (ca.size === 1 && cb.size === 1) return 1;
  let mi = 0;
  for (const [key, nij] of joint) {
    const [x, y] = JSON.parse(key) as [string | number, string | number];
    mi += (nij / n) * Math.log((n * nij) / (ca.get(x)! * cb.get(y)!));
  }
  const ha = entropy(ca.values(), n);
  const hb = entropy(cb.values(), n);
  const norm =
    normalisation === 'arithmetic'
      ? (ha + hb) / 2
      : normalisation === 'geometric'
        ? Math.sqrt(ha * hb)
        : normalisation === 'min'
          ? Math.min(ha, hb)
          : Math.max(ha, hb);
  if (norm <= 0) return 0;
  // rounding can push a perfect agreement a hair over 1 or an independent one under 0
  return Math.min(1, Math.max(0, mi / norm));
}

export interface CommunityAgreementOptions {
  dimension: TaxonomyDimension;
  normalisation: NmiNormalisation;
}

export interface CommunityAgreement {
  dimension: TaxonomyDimension;
  normalisation: NmiNormalisation;
  /** NMI between community and category over the labelled papers; null when none is labelled. */
  nmi: number | null;
  /** Papers with a label in the dimension (counted). */
  labelled: number;
  /** Papers without one (left out). */
  unlabelled: number;
}

/** NMI between the Louvain communities and a dimension's categories (a paper's first task for `task`). */
export function communityAgreement(
  graph: AtlasGraph,
  options: Partial<CommunityAgreementOptions> & Pick<CommunityAgreementOptions, 'dimension'>,
): CommunityAgreement {
  const fn = 'communityAgreement';
  const o = mergeOptions<CommunityAgreementOptions>(
    fn,
    { dimension: 'family', normalisation: 'arithmetic' },
    options,
  );
  checkDimension(fn, o.dimension);
  checkOneOf(fn, 'normalisation', o.normalisation, NMI_NORMALISATIONS);
  const communities: number[] = [];
  const categories: string[] = [];
  let unlabelled = 0;
  graph.forEachNode((_node, attrs) => {
    const c = paperCategory(attrs, o.dimension);
    if (c === null) unlabelled += 1;
    else {
      communities.push(attrs.community);
      categories.push(c);
    }
  });
  return {
    dimension: o.dimension,
    normalisation: o.normalisation,
    nmi: normalizedMutualInformation(communities, categories, o.normalisation),
    labelled: communities.length,
    unlabelled,
  };
}
