/**
 * Helpers of the similar-papers scores: options checked with defaults merged, the combination of
 * the components, the tf-idf text index, and the reasons a paper is listed, in words.
 */
import { EDGE_KINDS } from '../../model/vocab';
import type { EdgeKind } from '../../model/edge';
import { tokenize } from '../clusters/title-terms';
import type { AtlasGraph } from '../types';
import type { ResolvedOptions, SimilarityOptions, SimilarityWeights, SimilarPaper, TextIndex } from './types';

/** References are citations, builds-on, comparisons and a graph file's links; mentions are too loose. */
export const DEFAULT_SIMILARITY_KINDS: readonly EdgeKind[] = ['builds-on', 'cites', 'compares', 'links'];
export const DEFAULT_WEIGHTS: SimilarityWeights = { coupling: 1, cocitation: 1, text: 0.5 };
export const DEFAULT_LIMIT = 10;
/** A text cosine from here up is worth naming as a reason ("similar abstract"). */
export const TEXT_REASON_THRESHOLD = 0.15;

/** The options with defaults merged, checked. `fn` names the caller in errors. */
export function resolveOptions(fn: string, options: SimilarityOptions | undefined): ResolvedOptions {
  const limit = options?.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`${fn}: limit must be a positive integer, got ${String(limit)}`);
  const kinds = options?.kinds ?? DEFAULT_SIMILARITY_KINDS;
  if (!Array.isArray(kinds) || kinds.length === 0)
    throw new Error(`${fn}: kinds must be a non-empty array of edge kinds`);
  for (const k of kinds) {
    if (!(EDGE_KINDS as readonly string[]).includes(k)) {
      throw new Error(`${fn}: unknown edge kind "${String(k)}" (expected one of ${EDGE_KINDS.join(', ')})`);
    }
  }
  const weights = { ...DEFAULT_WEIGHTS, ...options?.weights };
  for (const [name, w] of Object.entries(weights)) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw new Error(`${fn}: weights.${name} must be a number ≥ 0, got ${String(w)}`);
  }
  if (weights.coupling + weights.cocitation === 0)
    throw new Error(`${fn}: weights.coupling and weights.cocitation cannot both be 0`);
  const text = options?.text ?? true;
  if (typeof text !== 'boolean') throw new Error(`${fn}: text must be true or false`);
  return { limit, kinds, weights, text };
}

/** Salton's cosine of two sets of sizes `na` and `nb` sharing `shared`: 0 when either is empty. */
export function saltonCosine(shared: number, na: number, nb: number): number {
  return shared === 0 || na === 0 || nb === 0 ? 0 : shared / Math.sqrt(na * nb);
}

/**
 * The combined similarity: the weighted mean of the coupling and co-citation cosines, and of the
 * text cosine when it is used (`text` not null). With the default weights and no abstracts, the plain
 * mean of the two cosines.
 */
export function combine(
  coupling: number,
  cocitation: number,
  text: number | null,
  w: SimilarityWeights,
): number {
  const useText = text !== null && w.text > 0;
  const total = w.coupling + w.cocitation + (useText ? w.text : 0);
  return (w.coupling * coupling + w.cocitation * cocitation + (useText ? w.text * text : 0)) / total;
}

/** The reasons a paper is listed: "shares 12 references (3 outside the set)", "co-cited by 8", "similar abstract". */
export function similarityReasons(p: SimilarPaper): string[] {
  const out: string[] = [];
  if (p.sharedReferences > 0) {
    const refs = `shares ${p.sharedReferences} reference${p.sharedReferences === 1 ? '' : 's'}`;
    out.push(p.sharedOutside > 0 ? `${refs} (${p.sharedOutside} outside the set)` : refs);
  }
  if (p.coCitedBy > 0) out.push(`co-cited by ${p.coCitedBy}`);
  if (p.text !== null && p.text >= TEXT_REASON_THRESHOLD) out.push('similar abstract');
  return out;
}

/** From this many abstracts up, words found in `COMMON_TERM_SHARE` of them or more are left out. */
const COMMON_TERMS_FROM = 50;
const COMMON_TERM_SHARE = 0.2;

/**
 * tf-idf vectors of title + abstract for the papers that have an abstract (null when none has): the
 * words of the cluster labels' `tokenize` (no bigrams), raw counts × ln(N / document frequency),
 * L2-normalised; N counts the papers with an abstract. In a corpus of 50 abstracts or more, words in
 * a fifth of them or more are left out.
 */
export function buildTextIndex(graph: AtlasGraph, nodes: readonly string[]): TextIndex | null {
  const counts: Array<Map<string, number> | null> = nodes.map((n) => {
    const a = graph.getNodeAttributes(n);
    if (!a.abstract) return null;
    const m = new Map<string, number>();
    for (const t of tokenize(`${a.title} ${a.abstract}`, { bigrams: false })) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const withText = counts.filter((c) => c !== null).length;
  if (withText === 0) return null;
  const df = new Map<string, number>();
  for (const c of counts) if (c) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // among many abstracts, a word of a fifth of them or more is a stop word of the field: dropping it
  // costs little of the cosine (its idf is low) and spares the longest postings
  const common = withText >= COMMON_TERMS_FROM ? withText * COMMON_TERM_SHARE : Infinity;
  const termId = new Map<string, number>();
  const postings: TextIndex['postings'] = [];
  const docs: TextIndex['docs'] = counts.map((c, d) => {
    if (!c) return null;
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [t, tf] of c) {
      const f = df.get(t)!;
      const w = tf * Math.log(withText / f);
      if (w <= 0 || f >= common) continue; // a word of every abstract says nothing
      let id = termId.get(t);
      if (id === undefined) {
        id = postings.length;
        termId.set(t, id);
        postings.push({ docs: [], weights: [] });
      }
      ids.push(id);
      weights.push(w);
      norm += w * w;
    }
    if (norm === 0) return null;
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < ids.length; i++) {
      weights[i]! *= scale;
      postings[ids[i]!]!.docs.push(d);
      postings[ids[i]!]!.weights.push(weights[i]!);
    }
    return { terms: Int32Array.from(ids), weights: Float64Array.from(weights) };
  });
  return { docs, postings };
}
