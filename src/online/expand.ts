/**
 * Ancestors beyond the list (`build:graph --expand N`): the works outside the dataset that the most
 * dataset papers cite, read from the references in the online cache — the "prior works" of
 * Connected Papers and Litmaps. Pure: the build turns the selection into nodes and edges.
 *
 * A reference names a work by any of its arXiv id, DOI, Semantic Scholar paperId and OpenAlex work
 * id. References that share any id are one work (union-find over the ids), so the same work
 * referenced through Semantic Scholar and through OpenAlex is counted once, except that groups with
 * different arXiv ids, paperIds or OpenAlex ids are never joined (see `Groups`). A work that shares
 * an id with a dataset paper is that paper, never an outside work.
 */
import { compareIds } from '../graph/join';
import type { OnlineCache } from '../model/online';
import { isNewStyleArxivId } from '../model/arxiv-id';
import { SLUG_ID } from '../model/paper';
import type { IndexedPaper } from './edges';
import { arxivDoi, arxivFromDoi, normalizeArxiv, normalizeDoi } from './ids';

/** The services a reference can come from, as edge provenance names them. */
export type ReferenceSource = 'semantic-scholar' | 'openalex';

/** A work's identifiers across services; any may be missing (never all). */
export interface WorkIds {
  arxiv?: string;
  doi?: string;
  s2?: string;
  openalex?: string;
}

/** A dataset paper that cites the work, and which sources list the reference. */
export interface CitingPaper {
  id: string;
  sources: ReferenceSource[];
}

/** One work outside the dataset, chosen for the graph. */
export interface ExpandedWork {
  /** Node id: the arXiv id when it has one, else a slug of another id (`openalex-w…`, `doi-…`, `s2-…`). */
  id: string;
  /** The title the references give most often; a label made from an id when none gives one. */
  title: string;
  /** False when no cached reference gives a title (`title` is then made from an id). */
  titled: boolean;
  /** The year the references give most often (the earliest among equals). */
  year: number;
  /** One id of each kind (the first in code-unit order when the references disagree). */
  ids: WorkIds;
  /** Dataset papers citing it, sorted by id. */
  citedBy: CitingPaper[];
  /** 1 for the most cited; the rank the selection gave it. */
  rank: number;
}

type Kind = keyof WorkIds;
const KINDS: readonly Kind[] = ['arxiv', 'doi', 's2', 'openalex'];

interface Mention {
  citing: string;
  source: ReferenceSource;
  keys: string[];
  title: string | null;
  year: number | null;
}

/** The kinds of id a work has one of: two different ones mean two works. */
const SINGLE_KINDS: readonly Kind[] = ['arxiv', 's2', 'openalex'];

/**
 * Union-find over id keys ("doi:10.1/x", "s2:abc"), with path halving. Two groups are never joined
 * when they hold different arXiv ids, Semantic Scholar paperIds or OpenAlex ids: a DOI the services
 * attach to many works (a proceedings volume's, a wrong one) would otherwise fuse them into one.
 */
class Groups {
  private readonly parent = new Map<string, string>();
  /** Per root: its id of each single kind, when it has one. */
  private readonly single = new Map<string, Partial<Record<Kind, string>>>();

  find(k0: string): string {
    if (!this.parent.has(k0)) {
      this.parent.set(k0, k0);
      const kind = k0.slice(0, k0.indexOf(':')) as Kind;
      this.single.set(k0, SINGLE_KINDS.includes(kind) ? { [kind]: k0 } : {});
    }
    let k = k0;
    for (let p = this.parent.get(k)!; p !== k; p = this.parent.get(k)!) {
      const gp = this.parent.get(p)!;
      this.parent.set(k, gp);
      k = gp;
    }
    return k;
  }

  /** Every key seen. */
  keys(): IterableIterator<string> {
    return this.parent.keys();
  }

  /** Joins the groups of `keys` into the first one's, each unless that would join two works. */
  union(keys: readonly string[]): void {
    const [first, ...rest] = keys;
    if (first === undefined) return;
    const root = this.find(first);
    const ids = this.single.get(root)!;
    for (const k of rest) {
      const r = this.find(k);
      if (r === root) continue;
      const other = this.single.get(r)!;
      if (
        SINGLE_KINDS.some(
          (kind) => ids[kind] !== undefined && other[kind] !== undefined && ids[kind] !== other[kind],
        )
      )
        continue;
      this.parent.set(r, root);
      Object.assign(ids, { ...other, ...ids });
      this.single.delete(r);
    }
  }
}

const key = (kind: Kind, value: string) => `${kind}:${value}`;

/** The keys of one reference: arXiv DOIs count as the arXiv id, DOIs lowercase, ids trimmed. */
function referenceKeys(ids: {
  arxiv?: string | null;
  doi?: string | null;
  s2?: string | null;
  openalex?: string | null;
}): string[] {
  const doi = normalizeDoi(ids.doi);
  const arxiv = normalizeArxiv(ids.arxiv) ?? arxivFromDoi(doi);
  const keys: string[] = [];
  if (arxiv) keys.push(key('arxiv', arxiv));
  if (doi && doi !== (arxiv ? arxivDoi(arxiv) : null)) keys.push(key('doi', doi));
  const s2 = ids.s2?.trim();
  if (s2) keys.push(key('s2', s2));
  const openalex = ids.openalex?.trim().toUpperCase();
  if (openalex) keys.push(key('openalex', openalex));
  return keys;
}

/** The key that places a mention in a group: the id of the service that gave it, when it has one. */
function primaryKey(m: Mention): string {
  const own = m.source === 'openalex' ? 'openalex:' : 's2:';
  return m.keys.find((k) => k.startsWith(own)) ?? m.keys[0]!;
}

/**
 * Every reference of a found cache entry of a dataset paper, with its ids, title and year, papers in
 * id order (so that which of two conflicting references is joined first never depends on the input's order).
 */
function mentions(papers: readonly IndexedPaper[], cache: OnlineCache): Mention[] {
  const out: Mention[] = [];
  for (const p of [...papers].sort((a, b) => compareIds(a.id, b.id))) {
    const s2 = cache.s2.get(p.id);
    if (s2?.found) {
      for (const r of s2.references) {
        const keys = referenceKeys({ arxiv: r.arxiv, doi: r.doi, s2: r.s2 });
        if (keys.length > 0)
          out.push({
            citing: p.id,
            source: 'semantic-scholar',
            keys,
            title: r.title ?? null,
            year: r.year ?? null,
          });
      }
    }
    const oa = cache.openalex.get(p.id);
    if (oa?.found) {
      const meta = new Map((oa.referencedWorksMeta ?? []).map((m) => [m.openalex.toUpperCase(), m]));
      for (const w of oa.referencedWorks) {
        const m = meta.get(w.toUpperCase());
        const keys = referenceKeys({ openalex: w, doi: m?.doi, arxiv: m?.arxiv });
        out.push({ citing: p.id, source: 'openalex', keys, title: m?.title ?? null, year: m?.year ?? null });
      }
    }
  }
  return out;
}

/** The keys that name a dataset paper: its arXiv id, DOIs, and the service ids of its own entries. */
function datasetKeys(papers: readonly IndexedPaper[], cache: OnlineCache): string[][] {
  return papers.map((p) => {
    const s2 = cache.s2.get(p.id);
    const oa = cache.openalex.get(p.id);
    return referenceKeys({
      arxiv: p.arxiv,
      doi: p.doi ?? null,
      s2: s2?.found ? s2.paperId : null,
      openalex: oa?.found ? oa.openalexId : null,
    });
  });
}

/** The value counted most often (the first in `order` among equally frequent ones); null when none. */
function mostCounted<T>(counts: ReadonlyMap<T, number>, order: (a: T, b: T) => number): T | null {
  let best: T | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && order(v, best) < 0)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** The most frequent value (the first in `order` among equally frequent ones); null when none. */
function mostFrequent<T>(values: readonly T[], order: (a: T, b: T) => number): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return mostCounted(counts, order);
}

/** The title the mentions give most often, blanks collapsed; null when none gives one. */
function commonTitle(list: readonly Mention[]): string | null {
  const raw = new Map<string | null, number>();
  for (const m of list) raw.set(m.title, (raw.get(m.title) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [title, n] of raw) {
    const clean = title?.trim().replace(/\s+/g, ' ');
    if (clean) counts.set(clean, (counts.get(clean) ?? 0) + n);
  }
  return mostCounted(counts, compareIds);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Node id candidates of a work, best first: arXiv id, then slugs of its OpenAlex id, DOI, paperId. */
function idCandidates(ids: WorkIds): string[] {
  const out: string[] = [];
  if (ids.arxiv && isNewStyleArxivId(ids.arxiv)) out.push(ids.arxiv);
  if (ids.openalex) out.push(`openalex-${slug(ids.openalex)}`);
  if (ids.doi) out.push(`doi-${slug(ids.doi)}`);
  if (ids.s2) out.push(`s2-${slug(ids.s2)}`);
  if (ids.arxiv) out.push(`arxiv-${slug(ids.arxiv)}`);
  return out.filter((c) => SLUG_ID.test(c) || isNewStyleArxivId(c));
}

/** A label for a work no reference gives a title for, from its best id. */
function fallbackTitle(ids: WorkIds): string {
  if (ids.arxiv) return `arXiv:${ids.arxiv}`;
  if (ids.doi) return `DOI ${ids.doi}`;
  if (ids.openalex) return `OpenAlex ${ids.openalex}`;
  return `Semantic Scholar ${ids.s2 ?? ''}`.trim();
}

const SOURCE_ORDER: readonly ReferenceSource[] = ['semantic-scholar', 'openalex'];

/**
 * The `n` works outside the dataset cited by the most dataset papers, ranked by the number of
 * distinct citing papers, then by year (earlier first), then by its best node id. A work no reference gives a
 * year for is left out; one with a year but no title is kept, labelled by an id. Fewer than `n`
 * come back when fewer exist.
 */
export function selectExpansion(
  papers: readonly IndexedPaper[],
  cache: OnlineCache,
  n: number,
): ExpandedWork[] {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`selectExpansion: n must be a non-negative integer, got ${n}`);
  if (n === 0) return [];
  const groups = new Groups();
  const inDataset = datasetKeys(papers, cache);
  for (const keys of inDataset) for (const k of keys) groups.find(k);
  const all = mentions(papers, cache);
  for (const m of all) groups.union(m.keys);
  // a group holding a dataset paper's id is that paper (or papers): not outside
  const datasetRoots = new Set(inDataset.flatMap((keys) => keys.map((k) => groups.find(k))));
  const byRoot = new Map<string, Mention[]>();
  for (const m of all) {
    const root = groups.find(primaryKey(m));
    if (datasetRoots.has(root)) continue;
    const list = byRoot.get(root);
    if (list) list.push(m);
    else byRoot.set(root, [m]);
  }

  // the ids of each work: the keys of its group (not those of another work a reference also names)
  const members = new Map<string, string[]>();
  for (const k of groups.keys()) {
    const root = groups.find(k);
    const list = members.get(root);
    if (list) list.push(k);
    else members.set(root, [k]);
  }
  // ranked on what every work needs (citing papers, year, best node id); described in full only
  // for the N taken. A work no reference dates is left out: the explorer places every paper in time
  // (timeline, year filter, lineage); in practice these are works the services know nothing of.
  const ranked: Ranked[] = [];
  for (const [root, list] of byRoot) {
    const year = mostFrequent(
      list.map((m) => m.year).filter((y): y is number => y !== null && y >= 1900 && y <= 2100),
      (a, b) => a - b,
    );
    if (year === null) continue;
    const ids = workIds(members.get(root) ?? []);
    const candidates = idCandidates(ids);
    ranked.push({
      list,
      ids,
      year,
      candidates,
      order: candidates.join(' '),
      citing: new Set(list.map((m) => m.citing)).size,
    });
  }
  ranked.sort((a, b) => b.citing - a.citing || a.year - b.year || compareIds(a.order, b.order));
  const taken = new Set(papers.map((p) => p.id));
  return ranked.slice(0, n).map((r, i) => {
    const title = commonTitle(r.list);
    return {
      id: uniqueId(r.candidates, taken),
      title: title ?? fallbackTitle(r.ids),
      titled: title !== null,
      year: r.year,
      ids: r.ids,
      citedBy: citingPapers(r.list),
      rank: i + 1,
    };
  });
}

interface Ranked {
  list: Mention[];
  ids: WorkIds;
  year: number;
  /** Node id candidates, best first, and joined: the last criterion of the ranking. */
  candidates: string[];
  order: string;
  /** Distinct citing papers. */
  citing: number;
}

/** One id of each kind among a work's keys: the first in code-unit order. */
function workIds(keys: readonly string[]): WorkIds {
  const ids: WorkIds = {};
  for (const kind of KINDS) {
    const values = keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
    values.sort(compareIds);
    if (values[0] !== undefined) ids[kind] = values[0];
  }
  return ids;
}

/** The papers of the list citing a work, with the sources that say so, sorted by id. */
function citingPapers(list: readonly Mention[]): CitingPaper[] {
  const sources = new Map<string, Set<ReferenceSource>>();
  for (const m of list) {
    const s = sources.get(m.citing);
    if (s) s.add(m.source);
    else sources.set(m.citing, new Set([m.source]));
  }
  return [...sources]
    .map(([id, s]) => ({ id, sources: SOURCE_ORDER.filter((x) => s.has(x)) }))
    .sort((a, b) => compareIds(a.id, b.id));
}

/** The first candidate no other node has, else the first with the smallest free numeric suffix. */
function uniqueId(candidates: readonly string[], taken: Set<string>): string {
  let id = candidates.find((c) => !taken.has(c));
  if (id === undefined) {
    const base = candidates[0] ?? 'outside-work';
    const stem = SLUG_ID.test(base) ? base : slug(base) || 'outside-work';
    for (let i = 2; id === undefined; i++) if (!taken.has(`${stem}-${i}`)) id = `${stem}-${i}`;
  }
  taken.add(id);
  return id;
}
