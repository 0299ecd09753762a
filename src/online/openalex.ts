/**
 * OpenAlex works (https://api.openalex.org/works): request shapes and pure parsers.
 *
 * A paper is looked for the ways OpenAlex documents, cheapest first (prices:
 * https://developers.openalex.org/api-reference/authentication — single-work lookups free, list
 * and filter requests $0.10 per 1,000, searches $1 per 1,000):
 * 1. one list request per batch, `GET /works?filter=doi:A|B|…` with every paper's arXiv DataCite
 *    DOI (10.48550/arxiv.<id>) and its publisher DOI when it has one (up to 100 values OR-ed with
 *    `|`: https://developers.openalex.org/guides/filtering);
 * 2. for the papers still missing, the single-work lookups `GET /works/doi:<doi>`, publisher DOI
 *    first, then the arXiv DOI (https://developers.openalex.org/api-reference/works/get-a-single-work).
 *    A preprint OpenAlex merged into its published version answers with the published work, whose
 *    `doi` is the publisher's; a merged id answers 301 to the work it was merged into
 *    (https://developers.openalex.org/api-reference/errors);
 * 3. as a last resort, a title search (`filter=title.search:…`,
 *    https://docs.openalex.org/api-entities/works/search-works) whose answers are kept only when the
 *    normalised titles are at least 0.9 similar and the years within one, or when one of the work's
 *    `locations` is the paper's arXiv page or DOI
 *    (https://docs.openalex.org/api-entities/works/work-object/location-object).
 * A work answers a paper when its `doi` is one of the paper's DOIs or its locations name the
 * paper's arXiv id; the entry keeps the work's id, so the build matches works by id, never by DOI.
 */
import { normaliseTitle } from '../import/text';
import type { OpenAlexEntry, OpenAlexWorkMeta } from '../model/online';
import { CACHE_VERSION } from '../model/online';
import { BadResponseError, countField, isRecord } from './errors';
import type { FetchTarget } from './ids';
import { arxivDoi, arxivFromDoi, arxivFromUrl, normalizeDoi } from './ids';

/** Papers per list request: each brings at most two DOIs, and a filter takes up to 100 values. */
export const OPENALEX_BATCH_LIMIT = 50;
/** Values OR-ed in one filter, and works on one page (https://developers.openalex.org/guides/filtering). */
export const OPENALEX_OR_LIMIT = 100;
export const OPENALEX_SELECT =
  'id,doi,title,publication_year,locations,referenced_works,referenced_works_count,cited_by_count';
/** What the referenced works' lookup asks for. */
export const OPENALEX_META_SELECT = 'id,doi,ids,title,publication_year,locations';
/** Answers of a title search looked at. */
export const OPENALEX_SEARCH_PAGE = 10;
/** Least normalised title similarity for a title-search answer. */
export const TITLE_SIMILARITY = 0.9;

/** The DOI a target is asked by first: its arXiv DOI (10.48550/arxiv.<id>), else its own. */
export function openAlexQuery(t: FetchTarget): string {
  if (t.arxiv) return arxivDoi(t.arxiv);
  if (t.doi) return t.doi;
  throw new Error(`openAlexQuery: paper ${t.id} has neither an arXiv id nor a DOI`);
}

/** Every DOI of a target: the arXiv DOI and the publisher DOI (when it is another one). */
export function targetDois(t: FetchTarget): string[] {
  const out: string[] = [];
  if (t.doi) out.push(t.doi);
  if (t.arxiv && !out.includes(arxivDoi(t.arxiv))) out.push(arxivDoi(t.arxiv));
  return out;
}

/**
 * Whether a value can go in a filter: commas separate filters, pipes OR values, and OpenAlex
 * refuses ids with `,` or `&` (https://docs.openalex.org/api-entities/works/get-a-single-work).
 */
export function filterSafe(value: string): boolean {
  return !/[,|&+]/.test(value);
}

/** Query parameters of one list request by DOI (the caller adds api_key / mailto). */
export function openAlexParams(dois: readonly string[]): Record<string, string> {
  if (dois.length === 0 || dois.length > OPENALEX_OR_LIMIT)
    throw new Error(`openAlexParams: 1 to ${OPENALEX_OR_LIMIT} DOIs a request, got ${dois.length}`);
  return {
    filter: `doi:${dois.join('|')}`,
    'per-page': String(OPENALEX_OR_LIMIT),
    select: OPENALEX_SELECT,
  };
}

/** Query parameters of one lookup of works by id (`ids.openalex`, alias `openalex`). */
export function workIdsParams(ids: readonly string[]): Record<string, string> {
  if (ids.length === 0 || ids.length > OPENALEX_OR_LIMIT)
    throw new Error(`workIdsParams: 1 to ${OPENALEX_OR_LIMIT} ids a request, got ${ids.length}`);
  return {
    filter: `ids.openalex:${ids.join('|')}`,
    'per-page': String(OPENALEX_OR_LIMIT),
    select: OPENALEX_META_SELECT,
  };
}

/** Query parameters of a title search; null when the title has no words left. */
export function titleSearchParams(title: string): Record<string, string> | null {
  const words = normaliseTitle(title);
  if (!words) return null;
  return {
    filter: `title.search:${words}`,
    'per-page': String(OPENALEX_SEARCH_PAGE),
    select: OPENALEX_SELECT,
  };
}

/** Path of the single-work lookup by DOI, e.g. "/works/doi:10.48550/arxiv.2208.12242". */
export function singleWorkPath(doi: string): string {
  return `/works/doi:${doi.replace(/[^A-Za-z0-9._~:/()-]/g, (c) => encodeURIComponent(c))}`;
}

/** "https://openalex.org/W123" → "W123". */
export function shortOpenAlexId(raw: string): string | null {
  const m = /^(?:https?:\/\/openalex\.org\/)?(W\d+)$/i.exec(raw.trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

export interface OpenAlexWork {
  openalexId: string;
  doi: string | null;
  title: string | null;
  year: number | null;
  /** The arXiv id one of its locations (or its DOI) names. */
  arxiv: string | null;
  referencedWorks: string[];
  referencedWorksCount: number | null;
  citedByCount: number | null;
}

function locationsArxiv(raw: unknown): string | null {
  if (!Array.isArray(raw)) return null;
  for (const loc of raw) {
    if (!isRecord(loc)) continue;
    for (const key of ['landing_page_url', 'pdf_url'] as const) {
      const v = loc[key];
      const id = typeof v === 'string' ? arxivFromUrl(v) : null;
      if (id) return id;
    }
  }
  return null;
}

function parseWork(raw: unknown, where: string): OpenAlexWork {
  if (!isRecord(raw)) throw new BadResponseError(`${where}: not an object`);
  const id = typeof raw.id === 'string' ? shortOpenAlexId(raw.id) : null;
  if (!id) throw new BadResponseError(`${where}: "id" is not an OpenAlex work id`);
  const refs = raw.referenced_works ?? [];
  if (!Array.isArray(refs)) throw new BadResponseError(`${where}: "referenced_works" is not an array`);
  const referencedWorks: string[] = [];
  for (const r of refs) {
    const short = typeof r === 'string' ? shortOpenAlexId(r) : null;
    if (!short) throw new BadResponseError(`${where}: "referenced_works" holds ${JSON.stringify(r)}`);
    referencedWorks.push(short);
  }
  const doi = typeof raw.doi === 'string' ? normalizeDoi(raw.doi) : null;
  const title =
    typeof raw.title === 'string' && raw.title.trim()
      ? raw.title.replace(/\s+/g, ' ').trim()
      : typeof raw.display_name === 'string' && raw.display_name.trim()
        ? raw.display_name.replace(/\s+/g, ' ').trim()
        : null;
  const year = raw.publication_year;
  return {
    openalexId: id,
    doi,
    title,
    year: typeof year === 'number' && Number.isInteger(year) ? year : null,
    arxiv: arxivFromDoi(doi) ?? locationsArxiv(raw.locations),
    referencedWorks,
    referencedWorksCount: countField(raw, 'referenced_works_count', where),
    citedByCount: countField(raw, 'cited_by_count', where),
  };
}

/** The works of a list answer, and how many matched in all (`meta.count`). */
export function parseOpenAlexWorks(json: unknown): OpenAlexWork[] {
  if (!isRecord(json) || !isRecord(json.meta) || !Array.isArray(json.results))
    throw new BadResponseError('works: expected {"meta": {…}, "results": [...]}');
  return json.results.map((r, i) => parseWork(r, `works result ${i}`));
}

/** The answer of a single-work lookup. */
export function parseOpenAlexWork(json: unknown): OpenAlexWork {
  return parseWork(json, 'work');
}

/** Whether a work is the paper: its DOI is one of the paper's, or its locations name its arXiv id. */
export function workMatches(t: FetchTarget, w: OpenAlexWork): boolean {
  if (w.doi && targetDois(t).includes(w.doi)) return true;
  return t.arxiv !== null && w.arxiv === t.arxiv;
}

/** The work of a list answer that is the paper, or null. */
export function findWork(t: FetchTarget, works: readonly OpenAlexWork[]): OpenAlexWork | null {
  return works.find((w) => workMatches(t, w)) ?? null;
}

/** Levenshtein distance (two rows). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Similarity of two titles in [0, 1]: 1 − normalised edit distance of their normalised forms. */
export function titleSimilarity(a: string, b: string): number {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return 0;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}

/**
 * The title-search answer that is the paper: one whose locations name its arXiv id, else the most
 * similar title at or above TITLE_SIMILARITY with a year within one of the paper's (when both are
 * known); null when none qualifies.
 */
export function pickTitleMatch(t: FetchTarget, works: readonly OpenAlexWork[]): OpenAlexWork | null {
  const byLocation = findWork(t, works);
  if (byLocation) return byLocation;
  if (!t.title) return null;
  let best: OpenAlexWork | null = null;
  let bestScore = 0;
  for (const w of works) {
    if (!w.title) continue;
    if (t.year != null && w.year !== null && Math.abs(t.year - w.year) > 1) continue;
    const score = titleSimilarity(t.title, w.title);
    if (score >= TITLE_SIMILARITY && score > bestScore) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}

/** What the cache keeps of a referenced work. */
export function workMeta(w: OpenAlexWork): OpenAlexWorkMeta {
  return { openalex: w.openalexId, doi: w.doi, arxiv: w.arxiv, title: w.title, year: w.year };
}

export function openAlexEntry(
  target: FetchTarget,
  work: OpenAlexWork | null,
  fetched: string,
  referencedWorksMeta?: OpenAlexWorkMeta[],
): OpenAlexEntry {
  const entry: OpenAlexEntry = {
    version: CACHE_VERSION,
    source: 'openalex',
    id: target.id,
    query: openAlexQuery(target),
    fetched,
    found: work !== null,
    openalexId: work?.openalexId ?? null,
    referencedWorks: work ? [...new Set(work.referencedWorks)] : [],
    referencedWorksCount: work?.referencedWorksCount ?? null,
    citedByCount: work?.citedByCount ?? null,
  };
  if (work && referencedWorksMeta) entry.referencedWorksMeta = referencedWorksMeta;
  return entry;
}

/** OpenAlex's message in an error answer (`{"error": …, "message": …}`), if any. */
export function openAlexErrorDetail(status: number, text: string): string | null {
  if (status >= 500) return null;
  try {
    const json: unknown = JSON.parse(text);
    if (isRecord(json)) {
      const parts = [json.error, json.message].filter((v): v is string => typeof v === 'string' && v !== '');
      if (parts.length > 0) return parts.join(': ').slice(0, 200);
    }
  } catch {
    // not JSON: no detail
  }
  return null;
}
