/**
 * The works a paper references outside the dataset, from its online cache entries, as compact keys
 * for bibliographic coupling ("arxiv:2006.11239", "doi:10.1145/…", "s2:<paperId>", "openalex:W…").
 * One key per work: its arXiv id when known, else its DOI, else the service's own id, so the same
 * work cited by two papers gets the same key whichever ids the service gave. Semantic Scholar's list
 * is used when it has one (as for the totals), else OpenAlex's: mixing the two would count a work
 * twice under two service ids. References that point into the dataset are left out (they are edges).
 * Pure.
 */
import type { OnlineCache } from '../model/online';
import type { PaperIndex } from './edges';
import { arxivFromDoi } from './ids';

/** The key of a referenced work from its identifiers; null when it has none. */
export function outsideReferenceKey(ids: {
  arxiv?: string | null;
  doi?: string | null;
  s2?: string | null;
  openalex?: string | null;
}): string | null {
  const arxiv = ids.arxiv ?? arxivFromDoi(ids.doi ?? null);
  if (arxiv) return `arxiv:${arxiv}`;
  if (ids.doi) return `doi:${ids.doi}`;
  if (ids.s2) return `s2:${ids.s2}`;
  if (ids.openalex) return `openalex:${ids.openalex}`;
  return null;
}

function inSet(
  index: PaperIndex,
  ids: { arxiv?: string | null; doi?: string | null; s2?: string | null; openalex?: string | null },
): boolean {
  const arxiv = ids.arxiv ?? arxivFromDoi(ids.doi ?? null);
  return (
    (arxiv !== null && index.byArxiv.has(arxiv)) ||
    (!!ids.doi && index.byDoi.has(ids.doi)) ||
    (!!ids.s2 && index.byS2.has(ids.s2)) ||
    (!!ids.openalex && index.byOpenAlex.has(ids.openalex))
  );
}

/** The sorted, distinct keys of the works `id` references outside the dataset; empty when none is known. */
export function outsideReferences(id: string, cache: OnlineCache, index: PaperIndex): string[] {
  const keys = new Set<string>();
  const s2 = cache.s2.get(id);
  if (s2?.found && s2.references.length > 0) {
    for (const r of s2.references) {
      const ids = { arxiv: r.arxiv, doi: r.doi, s2: r.s2 };
      if (inSet(index, ids)) continue;
      const key = outsideReferenceKey(ids);
      if (key) keys.add(key);
    }
  } else {
    const oa = cache.openalex.get(id);
    if (oa?.found) {
      const meta = new Map((oa.referencedWorksMeta ?? []).map((m) => [m.openalex, m]));
      for (const w of oa.referencedWorks) {
        const m = meta.get(w);
        const ids = { arxiv: m?.arxiv ?? null, doi: m?.doi ?? null, openalex: w };
        if (inSet(index, ids)) continue;
        const key = outsideReferenceKey(ids);
        if (key) keys.add(key);
      }
    }
  }
  return [...keys].sort();
}
