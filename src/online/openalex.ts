/**
 * OpenAlex works (https://api.openalex.org/works): request shapes and pure parsers.
 *
 * Papers are looked up by DOI, many at once: `GET /works?filter=doi:A|B|…&per-page=100&select=…`
 * answers `{"meta": {"count", …}, "results": [work, …]}` with the works it knows (unknown DOIs are
 * simply absent). A work's `id` is "https://openalex.org/W…", its `doi` "https://doi.org/…", and
 * `referenced_works` lists the ids of the works it cites.
 */
import type { OpenAlexEntry } from '../model/online';
import { CACHE_VERSION } from '../model/online';
import { BadResponseError, countField, isRecord } from './errors';
import type { FetchTarget } from './ids';
import { arxivDoi, normalizeDoi } from './ids';

/** OpenAlex takes up to 100 values in one OR filter; 50 a request, on one page of up to 100 works. */
export const OPENALEX_BATCH_LIMIT = 50;
/** Room for a DOI that matches more than one work (duplicates happen): still one page. */
const OPENALEX_PAGE_SIZE = 100;
export const OPENALEX_SELECT = 'id,doi,referenced_works,referenced_works_count,cited_by_count';

/** The DOI a target is asked by: its arXiv DOI (10.48550/arxiv.<id>), else its own. */
export function openAlexQuery(t: FetchTarget): string {
  if (t.arxiv) return arxivDoi(t.arxiv);
  if (t.doi) return t.doi;
  throw new Error(`openAlexQuery: paper ${t.id} has neither an arXiv id nor a DOI`);
}

/** Query parameters of one batch (the caller adds api_key / mailto). */
export function openAlexParams(dois: readonly string[]): Record<string, string> {
  if (dois.length === 0 || dois.length > OPENALEX_BATCH_LIMIT)
    throw new Error(`openAlexParams: 1 to ${OPENALEX_BATCH_LIMIT} DOIs a request, got ${dois.length}`);
  return {
    filter: `doi:${dois.join('|')}`,
    'per-page': String(OPENALEX_PAGE_SIZE),
    select: OPENALEX_SELECT,
  };
}

/** "https://openalex.org/W123" → "W123". */
export function shortOpenAlexId(raw: string): string | null {
  const m = /^(?:https?:\/\/openalex\.org\/)?(W\d+)$/i.exec(raw.trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

export interface OpenAlexWork {
  openalexId: string;
  doi: string | null;
  referencedWorks: string[];
  referencedWorksCount: number | null;
  citedByCount: number | null;
}

function parseWork(raw: unknown, i: number): OpenAlexWork {
  const where = `works result ${i}`;
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
  return {
    openalexId: id,
    doi: typeof raw.doi === 'string' ? normalizeDoi(raw.doi) : null,
    referencedWorks,
    referencedWorksCount: countField(raw, 'referenced_works_count', where),
    citedByCount: countField(raw, 'cited_by_count', where),
  };
}

/** The works of a list answer. */
export function parseOpenAlexWorks(json: unknown): OpenAlexWork[] {
  if (!isRecord(json) || !isRecord(json.meta) || !Array.isArray(json.results))
    throw new BadResponseError('works: expected {"meta": {…}, "results": [...]}');
  return json.results.map(parseWork);
}

/** The work answering each asked DOI (by DOI, case-insensitive), or null. */
export function matchWorks(dois: readonly string[], works: readonly OpenAlexWork[]): (OpenAlexWork | null)[] {
  const byDoi = new Map<string, OpenAlexWork>();
  for (const w of works) if (w.doi && !byDoi.has(w.doi)) byDoi.set(w.doi, w);
  return dois.map((d) => byDoi.get(d.toLowerCase()) ?? null);
}

export function openAlexEntry(
  target: FetchTarget,
  work: OpenAlexWork | null,
  fetched: string,
): OpenAlexEntry {
  return {
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
}
