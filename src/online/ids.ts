/**
 * Identifiers the online services share: arXiv ids, DOIs, and which dataset papers can be asked for.
 */
import { isArxivId, isNewStyleArxivId } from '../model/arxiv-id';
import type { PaperRecord } from '../model/paper';

export { isNewStyleArxivId };

/** A dataset paper the fetcher can ask about: it has an arXiv id, a DOI or both. */
export interface FetchTarget {
  id: string;
  arxiv: string | null;
  /** Lowercase DOI without resolver prefix. */
  doi: string | null;
  /** The paper's title and year, for OpenAlex's last-resort title search (optional). */
  title?: string | null;
  year?: number | null;
}

/** The DOI arXiv registers for every paper (DataCite), as OpenAlex and Semantic Scholar spell it. */
export function arxivDoi(arxiv: string): string {
  return `10.48550/arxiv.${arxiv}`.toLowerCase();
}

/** "https://doi.org/10.1/ABC" or "doi:10.1/ABC" → "10.1/abc"; null when it is not a DOI. */
export function normalizeDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const doi = raw
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:/i, '')
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/**
 * "arXiv:2208.12242v3" → "2208.12242"; old-style ids ("hep-th/9901001") kept; null when it is no id
 * arXiv issued (src/model/arxiv-id.ts).
 */
export function normalizeArxiv(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const id = raw
    .trim()
    .replace(/^arxiv:/i, '')
    .replace(/v\d+$/, '');
  return isArxivId(id) ? id : null;
}

/** The arXiv id of an arXiv DOI ("10.48550/arxiv.2208.12242" → "2208.12242"), else null. */
export function arxivFromDoi(doi: string | null): string | null {
  const m = doi ? /^10\.48550\/arxiv\.(.+)$/.exec(doi) : null;
  return m ? normalizeArxiv(m[1]) : null;
}

/**
 * An arXiv page or PDF address: abs, pdf or html on arxiv.org or one of its hosts (www., export.,
 * a mirror), with a version, ".pdf", a trailing slash, a query or a hash. Group 1 is the id as
 * written, new- or old-style, for arxivFromUrl to take by the one rule. RE2 reads it too:
 * import:snapshot's DuckDB SQL uses it (scripts/lib/snapshot-duckdb.ts).
 */
export const ARXIV_URL =
  /^https?:\/\/(?:[\w-]+\.)?arxiv\.org\/(?:abs|pdf|html)\/+(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i;

/**
 * The arXiv id (without version) of an arXiv address (ARXIV_URL) or of a doi.org link to an arXiv
 * DOI; null when it names none or an id arXiv never issued ("…/abs/9501.00004").
 */
export function arxivFromUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const t = url.trim();
  const m = ARXIV_URL.exec(t);
  if (m) return normalizeArxiv(m[1]);
  return arxivFromDoi(normalizeDoi(t));
}

/**
 * A paper's DOI: its own `doi` field when the record carries one (an importer may add it), else a
 * doi.org link.
 */
export function paperDoi(paper: Pick<PaperRecord, 'links'> & { doi?: string | null }): string | null {
  const own = normalizeDoi(paper.doi);
  if (own) return own;
  for (const url of Object.values(paper.links)) {
    if (url && /^https?:\/\/(dx\.)?doi\.org\//i.test(url)) return normalizeDoi(url);
  }
  return null;
}

/** The papers that have an arXiv id or a DOI, in the given order. */
export function fetchTargets(papers: readonly PaperRecord[]): FetchTarget[] {
  const out: FetchTarget[] = [];
  for (const p of papers) {
    const doi = paperDoi(p);
    if (p.arxiv || doi) out.push({ id: p.id, arxiv: p.arxiv, doi, title: p.title, year: p.year });
  }
  return out;
}

/** `items` in consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`batches: size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
