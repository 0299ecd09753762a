/**
 * Fuzzy search over the papers of a graph: method name, title, authors, arXiv id and, when fetched
 * (npm run fetch:citations), the abstract.
 * Built once per graph (MiniSearch's radix tree: prefix and typo-tolerant lookups stay fast on big graphs),
 * then queried on every keystroke. Pure: no DOM, no module state.
 *
 * Ranking: an exact method name or arXiv id first, then names starting with the query, then MiniSearch's
 * BM25-like score (name and id weigh more than title, title more than authors, authors more than the abstract).
 */
import MiniSearch from 'minisearch';
import { isNewStyleArxivId } from '../model';
import type { AtlasGraph } from './types';

/** One suggestion. */
export interface SearchHit {
  id: string;
  /** Display label (method name, else a shortened title). */
  label: string;
  name: string | null;
  title: string;
  year: number | null;
  authors: string[];
  /** How the hit matched: an exact name or id, a name starting with the query, or any other match. */
  match: 'exact' | 'name-prefix' | 'fuzzy';
  score: number;
}

interface SearchDoc {
  id: string;
  name: string;
  /** The name without spaces or punctuation ("ipadapter"), so "IPAdapter" finds "IP-Adapter". */
  compact: string;
  title: string;
  authors: string;
  arxiv: string;
  /** The abstract, '' when none was fetched. */
  abstract: string;
}

export interface SearchIndex {
  readonly engine: MiniSearch<SearchDoc>;
  readonly hits: ReadonlyMap<string, Omit<SearchHit, 'match' | 'score'>>;
  /** Compact name or label → paper ids, for exact-name ranking. */
  readonly byCompactName: ReadonlyMap<string, string[]>;
  /** arXiv id → paper id. */
  readonly byArxiv: ReadonlyMap<string, string>;
}

const FIELDS = ['name', 'compact', 'title', 'authors', 'arxiv', 'abstract'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = {
  name: 4,
  compact: 3,
  arxiv: 4,
  title: 1.5,
  authors: 1,
  abstract: 0.3,
};

/** Lowercase and strip diacritics ("Müller" → "muller"). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Letters and digits only: "IP-Adapter" → "ipadapter". */
export function compactText(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Words, keeping (partial) arXiv ids such as "2208.12242" or "2208.12" whole. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(/\d{4}\.\d{1,5}|[\p{L}\p{N}]+/gu) ?? [];
}

/** What looks like a new-style arXiv id in a query; the one rule (isNewStyleArxivId) then decides. */
const ARXIV_IN_QUERY = /(?<!\d)(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)/;

/** Typos allowed per query term: none for short terms, one from 4 letters, two from 8. */
function fuzziness(term: string): number | false {
  if (/^\d/.test(term) || term.length < 4) return false;
  return term.length < 8 ? 1 : 2;
}

/**
 * What the index reads of a paper: the fields searched and those a suggestion shows. Plain data, so
 * that a worker can be sent it (search-service.ts).
 */
export interface PaperDoc {
  id: string;
  name: string | null;
  label: string;
  title: string;
  authors: string[];
  year: number | null;
  /** The paper's arXiv id, its key when that is one, else ''. */
  arxiv: string;
  /** '' when none was fetched. */
  abstract: string;
}

/** The paper `id` of `graph` as the index reads it. */
export function paperDoc(graph: AtlasGraph, id: string): PaperDoc {
  const a = graph.getNodeAttributes(id);
  return {
    id,
    name: a.name,
    label: a.label,
    title: a.title,
    authors: a.authors,
    year: a.year,
    arxiv: a.arxiv ?? (isNewStyleArxivId(id) ? id : ''),
    abstract: a.abstract ?? '',
  };
}

/** An index that grows a paper at a time; `index` is searchable at any point. */
export interface DocIndex {
  add(doc: PaperDoc): void;
  readonly index: SearchIndex;
  /** Papers added so far. */
  count(): number;
}

export function createDocIndex(): DocIndex {
  const engine = new MiniSearch<SearchDoc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    searchOptions: {
      boost: BOOST,
      prefix: (term: string) => term.length >= 2,
      fuzzy: fuzziness,
      tokenize,
    },
  });
  const hits = new Map<string, Omit<SearchHit, 'match' | 'score'>>();
  const byCompactName = new Map<string, string[]>();
  const byArxiv = new Map<string, string>();
  const index: SearchIndex = { engine, hits, byCompactName, byArxiv };
  return {
    add(doc) {
      const name = doc.name ?? '';
      engine.add({
        id: doc.id,
        name,
        compact: compactText(name),
        title: doc.title,
        authors: doc.authors.join(' · '),
        arxiv: doc.arxiv,
        abstract: doc.abstract,
      });
      const { id, label, title, year, authors } = doc;
      hits.set(id, { id, label, name: doc.name, title, year, authors });
      for (const key of new Set([compactText(name), compactText(label)])) {
        if (key === '') continue;
        const list = byCompactName.get(key);
        if (list) list.push(id);
        else byCompactName.set(key, [id]);
      }
      if (doc.arxiv && isNewStyleArxivId(doc.arxiv)) byArxiv.set(doc.arxiv, id);
    },
    index,
    count: () => hits.size,
  };
}

/**
 * Builds the index in steps, so a page can index a big graph in idle time without blocking:
 * `step(timeLeft)` indexes papers while `timeLeft()` (ms) stays above 1 and returns true when done;
 * `finish()` indexes whatever is left and returns the index; `current()` is the index of the papers
 * indexed so far (it grows with the steps), and `progress()` how many those are.
 */
export interface SearchIndexBuilder {
  step(timeLeft: () => number): boolean;
  finish(): SearchIndex;
  current(): SearchIndex;
  progress(): { indexed: number; total: number };
}

export function createSearchIndexBuilder(graph: AtlasGraph): SearchIndexBuilder {
  const docs = createDocIndex();
  const ids = graph.nodes();
  let next = 0;
  const addPaper = (id: string) => docs.add(paperDoc(graph, id));
  return {
    step(timeLeft) {
      while (next < ids.length && timeLeft() > 1) addPaper(ids[next++] as string);
      return next >= ids.length;
    },
    finish() {
      while (next < ids.length) addPaper(ids[next++] as string);
      return docs.index;
    },
    current: () => docs.index,
    progress: () => ({ indexed: next, total: ids.length }),
  };
}

/** Builds the index of a graph's papers at once. */
export function buildSearchIndex(graph: AtlasGraph): SearchIndex {
  return createSearchIndexBuilder(graph).finish();
}

const MATCH_RANK: Record<SearchHit['match'], number> = { exact: 0, 'name-prefix': 1, fuzzy: 2 };

/**
 * The best `limit` papers for a query; [] for a blank query. All query words must match (each fuzzily or
 * as a prefix); when no paper matches them all, papers matching any word are returned.
 */
export function searchPapers(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const trimmed = query.trim();
  if (trimmed === '' || limit <= 0) return [];
  const scores = new Map<string, number>();
  let results = index.engine.search(trimmed, { combineWith: 'AND' });
  if (results.length === 0) results = index.engine.search(trimmed, { combineWith: 'OR' });
  for (const r of results) scores.set(r.id as string, r.score);

  const exact = new Set<string>();
  const compactQuery = compactText(trimmed);
  for (const id of index.byCompactName.get(compactQuery) ?? []) exact.add(id);
  const arxivMatch = ARXIV_IN_QUERY.exec(trimmed);
  const queried = arxivMatch?.[1];
  const arxivId = queried && isNewStyleArxivId(queried) ? index.byArxiv.get(queried) : undefined;
  if (arxivId) exact.add(arxivId);
  for (const id of exact) if (!scores.has(id)) scores.set(id, 0);

  const ranked: SearchHit[] = [];
  for (const [id, score] of scores) {
    const base = index.hits.get(id);
    if (!base) continue;
    let match: SearchHit['match'] = 'fuzzy';
    if (exact.has(id)) match = 'exact';
    else if (
      compactQuery.length > 0 &&
      base.name !== null &&
      compactText(base.name).startsWith(compactQuery)
    ) {
      match = 'name-prefix';
    }
    ranked.push({ ...base, match, score });
  }
  ranked.sort(
    (a, b) =>
      MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
      b.score - a.score ||
      (b.year ?? -Infinity) - (a.year ?? -Infinity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked.slice(0, limit);
}
