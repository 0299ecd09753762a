/**
 * From the online cache to the graph: `cites` edge records between dataset papers (provenance
 * `semantic-scholar` / `openalex`), each paper's totals, abstract and arXiv facts, and the
 * cross-check of the two citation sources. Pure.
 */
import type { EdgeRecord } from '../model/edge';
import type { OnlineCache, OnlineFacts } from '../model/online';
import { arxivDoi, arxivFromDoi } from './ids';

/** The dataset papers' identifiers, to find references that point inside the dataset. */
export interface PaperIndex {
  byArxiv: Map<string, string>;
  byDoi: Map<string, string>;
  byS2: Map<string, string>;
  byOpenAlex: Map<string, string>;
}

export interface IndexedPaper {
  id: string;
  arxiv: string | null;
  doi?: string | null;
}

/** Index of the papers' arXiv ids and DOIs, and of the service ids their own cache entries give. */
export function paperIndex(papers: readonly IndexedPaper[], cache: OnlineCache): PaperIndex {
  const index: PaperIndex = { byArxiv: new Map(), byDoi: new Map(), byS2: new Map(), byOpenAlex: new Map() };
  const ids = new Set<string>();
  for (const p of papers) {
    ids.add(p.id);
    if (p.arxiv) {
      index.byArxiv.set(p.arxiv, p.id);
      index.byDoi.set(arxivDoi(p.arxiv), p.id);
    }
    if (p.doi) index.byDoi.set(p.doi, p.id);
  }
  for (const [id, e] of cache.s2) if (ids.has(id) && e.paperId) index.byS2.set(e.paperId, id);
  for (const [id, e] of cache.openalex)
    if (ids.has(id) && e.openalexId) index.byOpenAlex.set(e.openalexId, id);
  return index;
}

/** Dataset paper ids a paper cites according to each source (self-citations dropped), in order. */
export function citedInSet(
  id: string,
  cache: OnlineCache,
  index: PaperIndex,
): { s2: string[]; openalex: string[] } {
  const s2 = new Set<string>();
  const s2Entry = cache.s2.get(id);
  if (s2Entry?.found) {
    for (const r of s2Entry.references) {
      const arxiv = r.arxiv ?? arxivFromDoi(r.doi);
      const target =
        (arxiv ? index.byArxiv.get(arxiv) : undefined) ??
        (r.doi ? index.byDoi.get(r.doi) : undefined) ??
        (r.s2 ? index.byS2.get(r.s2) : undefined);
      if (target !== undefined && target !== id) s2.add(target);
    }
  }
  const oa = new Set<string>();
  const oaEntry = cache.openalex.get(id);
  if (oaEntry?.found) {
    for (const w of oaEntry.referencedWorks) {
      const target = index.byOpenAlex.get(w);
      if (target !== undefined && target !== id) oa.add(target);
    }
  }
  return { s2: [...s2], openalex: [...oa] };
}

/** Date part of an ISO date-time ("2026-11-29T22:10:00.000Z" → "2026-11-29"). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Edge records of every cached paper of the dataset (one per pair and source). */
export function onlineEdgeRecords(papers: readonly IndexedPaper[], cache: OnlineCache): EdgeRecord[] {
  const index = paperIndex(papers, cache);
  const records: EdgeRecord[] = [];
  for (const p of papers) {
    const { s2, openalex } = citedInSet(p.id, cache, index);
    const s2Fetched = cache.s2.get(p.id)?.fetched;
    const oaFetched = cache.openalex.get(p.id)?.fetched;
    for (const target of s2) {
      records.push({
        source: p.id,
        target,
        kind: 'cites',
        provenance: { source: 'semantic-scholar', fetched: day(s2Fetched as string) },
      });
    }
    for (const target of openalex) {
      records.push({
        source: p.id,
        target,
        kind: 'cites',
        provenance: { source: 'openalex', fetched: day(oaFetched as string) },
      });
    }
  }
  return records;
}

/** Totals, abstract and arXiv facts of a paper from its cache entries (Semantic Scholar first). */
export function onlineFacts(id: string, cache: OnlineCache): OnlineFacts {
  const facts: OnlineFacts = {};
  const s2 = cache.s2.get(id);
  const oa = cache.openalex.get(id);
  const ax = cache.arxiv.get(id);
  const s2Found = s2?.found ? s2 : undefined;
  const oaFound = oa?.found ? oa : undefined;
  // Semantic Scholar's count, unless it knows no references and OpenAlex knows some
  let refs: number | undefined;
  if (s2Found) refs = Math.max(s2Found.referenceCount ?? 0, s2Found.references.length);
  if (!refs && oaFound) refs = Math.max(oaFound.referencedWorksCount ?? 0, oaFound.referencedWorks.length);
  if (refs !== undefined) facts.totalReferences = refs;
  const cites = s2Found?.citationCount ?? oaFound?.citedByCount ?? undefined;
  if (cites !== undefined && cites !== null) facts.totalCitations = cites;
  if (ax?.found) {
    if (ax.abstract) facts.abstract = ax.abstract;
    if (ax.published && /^\d{4}-\d{2}-\d{2}/.test(ax.published))
      facts.firstVersion = ax.published.slice(0, 10);
    if (ax.categories.length > 0) facts.categories = ax.categories;
  }
  return facts;
}

/** A pair one source lists and the other does not, although both know both papers. */
export interface Disagreement {
  source: string;
  target: string;
  /** The source that lists the citation. */
  onlyIn: 'semantic-scholar' | 'openalex';
}

/**
 * Pairs of dataset papers where the sources disagree. Only pairs both sources can judge count: the
 * citing paper found by both, the cited paper known to OpenAlex (its work id) and to Semantic
 * Scholar (an arXiv id, a DOI or its paperId). Sorted by source, target.
 */
export function crossCheck(papers: readonly IndexedPaper[], cache: OnlineCache): Disagreement[] {
  const index = paperIndex(papers, cache);
  const inOpenAlex = new Set(index.byOpenAlex.values());
  const inS2 = new Set(index.byS2.values());
  const out: Disagreement[] = [];
  for (const p of papers) {
    if (!cache.s2.get(p.id)?.found || !cache.openalex.get(p.id)?.found) continue;
    const { s2, openalex } = citedInSet(p.id, cache, index);
    const oaSet = new Set(openalex);
    const s2Set = new Set(s2);
    for (const t of s2)
      if (!oaSet.has(t) && inOpenAlex.has(t))
        out.push({ source: p.id, target: t, onlyIn: 'semantic-scholar' });
    for (const t of openalex)
      if (!s2Set.has(t) && inS2.has(t)) out.push({ source: p.id, target: t, onlyIn: 'openalex' });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target));
}
