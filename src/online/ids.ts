/**
 * Identifiers the online services share: arXiv ids, DOIs, and which dataset papers can be asked for.
 */
import type { PaperRecord } from '../model/paper';

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

/** "arXiv:2208.12242v3" → "2208.12242"; old-style ids ("hep-th/9901001") kept; null when neither. */
export function normalizeArxiv(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const id = raw
    .trim()
    .replace(/^arxiv:/i, '')
    .replace(/v\d+$/, '');
  if (isNewStyleArxivId(id) || /^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/.test(id)) return id;
  return null;
}

/**
 * Whether `id` is an identifier of arXiv's scheme since April 2007
 * (https://info.arxiv.org/help/arxiv_identifier.html): YYMM.NNNN from 0704 to 1412, YYMM.NNNNN
 * from 1501, MM a month. "0612.1234" (before the scheme) or "2213.12345" (no such month) are not.
 */
export function isNewStyleArxivId(id: string): boolean {
  const m = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!m) return false;
  const month = Number(m[2]);
  const yymm = Number(m[1]) * 100 + month;
  if (month < 1 || month > 12 || yymm < 704) return false;
  return m[3]!.length === (yymm >= 1501 ? 5 : 4);
}

/** The arXiv id of an arXiv DOI ("10.48550/arxiv.2208.12242" → "2208.12242"), else null. */
export function arxivFromDoi(doi: string | null): string | null {
  const m = doi ? /^10\.48550\/arxiv\.(.+)$/.exec(doi) : null;
  return m ? normalizeArxiv(m[1]) : null;
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
