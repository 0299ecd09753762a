/**
 * Distinctive terms of a group of papers, the way CiteSpace labels clusters: titles (and abstracts,
 * when a paper has one) are tokenised, and each term is scored by the log-likelihood ratio G² of
 * how many of the group's papers use it against how many of the other papers do. Pure.
 */

/** Function words and title fillers that never make a label. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above across after again against all also among an and any are as at be been before being below between ' +
    'beyond both but by can could do does doing down during each few for from further had has have having how if in ' +
    'into is it its itself just more most much no nor not of off on once one only or other our out over own same ' +
    'so some such than that the their them then there these they this those through to too two under until up upon ' +
    'very via was we were what when where which while who whom why will with within without you your ' +
    'towards toward using based new make makes made use used let lets worth get getting'
  ).split(' '),
);

export interface TokenizeOptions {
  /** Tokens shorter than this are dropped (default 3). */
  minLength: number;
  /** Also emit bigrams of adjacent kept tokens (never across a dropped word; default true). */
  bigrams: boolean;
}

const DEFAULT_TOKENIZE: TokenizeOptions = { minLength: 3, bigrams: true };

/**
 * The terms of a text: lower-cased words (hyphenated compounds such as "text-to-image" kept whole),
 * without stopwords, numbers or short tokens; plus bigrams of adjacent kept words. In text order,
 * with repeats.
 */
export function tokenize(text: string, options: Partial<TokenizeOptions> = {}): string[] {
  const o = { ...DEFAULT_TOKENIZE, ...options };
  if (!Number.isInteger(o.minLength) || o.minLength < 1)
    throw new Error(`tokenize: minLength must be an integer >= 1, got ${String(o.minLength)}`);
  const terms: string[] = [];
  let previous: string | null = null;
  // words: letters/digits joined by inner hyphens or apostrophes; everything else separates
  for (const match of text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const word = match[0].replace(/['’]s$/u, '');
    const keep = word.length >= o.minLength && !STOPWORDS.has(word) && !/^\d+$/.test(word);
    if (!keep) {
      previous = null;
      continue;
    }
    terms.push(word);
    if (o.bigrams && previous !== null) terms.push(`${previous} ${word}`);
    previous = word;
  }
  return terms;
}

/**
 * G² (log-likelihood ratio) of a 2×2 table: `a` of `groupSize` papers in the group use the term,
 * `b` of `restSize` papers outside do. 0 when the table carries no evidence (an empty side).
 */
export function logLikelihood(a: number, groupSize: number, b: number, restSize: number): number {
  const n = groupSize + restSize;
  const used = a + b;
  if (groupSize === 0 || restSize === 0 || used === 0 || used === n) return 0;
  const cells: Array<[observed: number, expected: number]> = [
    [a, (groupSize * used) / n],
    [groupSize - a, (groupSize * (n - used)) / n],
    [b, (restSize * used) / n],
    [restSize - b, (restSize * (n - used)) / n],
  ];
  let g = 0;
  for (const [o, e] of cells) if (o > 0) g += o * Math.log(o / e);
  return 2 * g;
}

export interface ScoredTerm {
  term: string;
  /** G² against the rest of the papers (0 when there is no rest). */
  score: number;
  /** Papers of the group that use the term. */
  count: number;
}

export interface DistinctiveTermsOptions {
  /** How many terms to return (default 5). */
  limit: number;
  /** Terms used by fewer of the group's papers are skipped, unless the group is smaller (default 2). */
  minCount: number;
}

/** Every paper's set of terms and, once for all groups, how many papers use each term. */
export interface TermIndex {
  docs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Term → papers using it. */
  frequency: ReadonlyMap<string, number>;
}

export function termIndex(docs: ReadonlyMap<string, ReadonlySet<string>>): TermIndex {
  const frequency = new Map<string, number>();
  for (const terms of docs.values()) for (const t of terms) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  return { docs, frequency };
}

/**
 * The group's most distinctive terms among the indexed papers (`group`: the papers of the group). Terms the group uses no more often than the rest are never returned; a term that
 * overlaps one already chosen (a word of a chosen bigram, or a bigram of a chosen word) is skipped;
 * between equally scored terms the bigram comes first.
 * When no term reaches `minCount`, terms used by a single paper of the group are taken. With no
 * rest (the group is every paper) scores are 0 and the most frequent terms come first. Ties break
 * by count, then alphabetically, so results are deterministic.
 */
export function distinctiveTerms(
  index: TermIndex,
  group: Iterable<string>,
  options: Partial<DistinctiveTermsOptions> = {},
): ScoredTerm[] {
  const o = { limit: 5, minCount: 2, ...options };
  if (!Number.isInteger(o.limit) || o.limit < 0)
    throw new Error(`distinctiveTerms: limit must be an integer >= 0, got ${String(o.limit)}`);
  if (!Number.isInteger(o.minCount) || o.minCount < 1)
    throw new Error(`distinctiveTerms: minCount must be an integer >= 1, got ${String(o.minCount)}`);
  const { docs, frequency: overall } = index;
  const members = new Set(group);
  const inGroup = new Map<string, number>();
  for (const id of members) {
    const terms = docs.get(id);
    if (!terms) throw new Error(`distinctiveTerms: paper "${id}" is not in the term index`);
    for (const t of terms) inGroup.set(t, (inGroup.get(t) ?? 0) + 1);
  }
  const groupSize = members.size;
  const restSize = docs.size - groupSize;
  const score = (minCount: number): ScoredTerm[] => {
    const out: ScoredTerm[] = [];
    for (const [term, a] of inGroup) {
      if (a < minCount) continue;
      const b = (overall.get(term) ?? 0) - a;
      const over = restSize === 0 || a / groupSize > b / restSize;
      if (over) out.push({ term, score: logLikelihood(a, groupSize, b, restSize), count: a });
    }
    return out;
  };
  let scored = score(Math.min(o.minCount, groupSize));
  if (scored.length === 0) scored = score(1);
  // on a tie the bigram wins over its words ("textual inversion" over "textual" and "inversion")
  const words = (t: string) => t.split(' ').length;
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      y.count - x.count ||
      words(y.term) - words(x.term) ||
      (x.term < y.term ? -1 : x.term > y.term ? 1 : 0),
  );
  const chosen: ScoredTerm[] = [];
  const chosenWords = new Set<string>();
  for (const s of scored) {
    if (chosen.length >= o.limit) break;
    const words = s.term.split(' ');
    if (words.some((w) => chosenWords.has(w))) continue;
    chosen.push(s);
    for (const w of words) chosenWords.add(w);
  }
  return chosen;
}
