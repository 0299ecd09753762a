/**
 * Semantic Scholar Graph API (https://api.semanticscholar.org/graph/v1): request shapes and pure
 * parsers of its answers.
 *
 * - `POST /paper/batch?fields=…` with `{"ids": ["ARXIV:2208.12242", "DOI:10.…", …]}` answers an array
 *   in the same order, `null` where the id is unknown. Nested `references` hold up to 1000 items
 *   (https://api.semanticscholar.org/api-docs/graph, post_graph_get_papers). An answer over 10 MB
 *   is refused with 400 "Response would exceed maximum size…" (the `Error400` schema there): the
 *   fetcher then asks for the batch in halves.
 * - `GET /paper/{paper_id}/references?fields=…&offset=…&limit=…` answers
 *   `{"offset": n, "next": m, "data": [{"citedPaper": {…}}]}`; `next` is absent on the last page.
 * - `referenceCount` is Semantic Scholar's own count and need not equal the list: one reference
 *   split in parts counts several times (https://github.com/allenai/s2-folks/issues/142). The list
 *   is paged only when the batch gave the nested maximum; otherwise it is taken as complete.
 */
import type { S2Entry, S2Reference } from '../model/online';
import { CACHE_VERSION } from '../model/online';
import { BadResponseError, countField, isRecord } from './errors';
import type { FetchTarget } from './ids';
import { normalizeArxiv, normalizeDoi } from './ids';

/** The batch endpoint takes up to 500 ids; the issue asks for at most 100 a batch. */
export const S2_BATCH_LIMIT = 100;
/** Most nested references the batch answer lists per paper (documented: "up to 1000"). */
export const S2_NESTED_REFERENCE_LIMIT = 1000;
/** Largest page of the references endpoint. */
export const S2_PAGE_LIMIT = 1000;
/** Pages followed per paper at most (10^5 references): bounds the paging loop. */
export const S2_MAX_PAGES = 100;

export const S2_BATCH_FIELDS =
  'paperId,externalIds,referenceCount,citationCount,references.paperId,references.externalIds,references.title,references.year';
export const S2_REFERENCE_FIELDS = 'paperId,externalIds,title,year';

/** The id a target is asked by: its arXiv id, else its DOI. */
export function s2Query(t: FetchTarget): string {
  if (t.arxiv) return `ARXIV:${t.arxiv}`;
  if (t.doi) return `DOI:${t.doi}`;
  throw new Error(`s2Query: paper ${t.id} has neither an arXiv id nor a DOI`);
}

/** A paper of the batch answer, reduced to what the cache keeps. */
export interface S2Paper {
  paperId: string | null;
  referenceCount: number | null;
  citationCount: number | null;
  references: S2Reference[];
}

/**
 * One reference (`{paperId, externalIds: {ArXiv, DOI, …}, title, year}`, any part null) as the
 * cache keeps it.
 */
export function parseS2Reference(raw: unknown, where: string): S2Reference {
  if (!isRecord(raw)) throw new BadResponseError(`${where}: a reference is not an object`);
  const paperId = typeof raw.paperId === 'string' && raw.paperId !== '' ? raw.paperId : null;
  const ids = isRecord(raw.externalIds) ? raw.externalIds : {};
  const arxiv = typeof ids.ArXiv === 'string' ? normalizeArxiv(ids.ArXiv) : null;
  const doi = typeof ids.DOI === 'string' ? normalizeDoi(ids.DOI) : null;
  const title =
    typeof raw.title === 'string' && raw.title.trim() ? raw.title.replace(/\s+/g, ' ').trim() : null;
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) ? raw.year : null;
  return { s2: paperId, arxiv, doi, title, year };
}

function parsePaper(raw: unknown, where: string): S2Paper {
  if (!isRecord(raw)) throw new BadResponseError(`${where}: expected a paper object or null`);
  const refs = raw.references;
  if (refs !== undefined && refs !== null && !Array.isArray(refs))
    throw new BadResponseError(`${where}: "references" is not an array`);
  return {
    paperId: typeof raw.paperId === 'string' ? raw.paperId : null,
    referenceCount: countField(raw, 'referenceCount', where),
    citationCount: countField(raw, 'citationCount', where),
    references: (refs ?? []).map((r: unknown) => parseS2Reference(r, where)),
  };
}

/** The batch answer, one item per asked id (null: unknown to Semantic Scholar). */
export function parseS2Batch(json: unknown, asked: number): (S2Paper | null)[] {
  if (!Array.isArray(json)) throw new BadResponseError('paper/batch: expected a JSON array');
  if (json.length !== asked)
    throw new BadResponseError(`paper/batch: asked for ${asked} papers, got ${json.length} answers`);
  return json.map((item, i) => (item === null ? null : parsePaper(item, `paper/batch item ${i}`)));
}

/**
 * True when the batch answer's list stopped at the nested maximum while the paper has more: page
 * through the rest. A shorter list is the whole list, whatever `referenceCount` says.
 */
export function isTruncated(p: S2Paper): boolean {
  return (
    p.references.length >= S2_NESTED_REFERENCE_LIMIT &&
    p.referenceCount !== null &&
    p.references.length < p.referenceCount
  );
}

/** Semantic Scholar's message in a 400 answer (`{"error": "…"}`): a bad request or an oversized answer. */
export function s2ErrorDetail(status: number, text: string): string | null {
  if (status !== 400) return null;
  try {
    const json: unknown = JSON.parse(text);
    if (isRecord(json)) {
      const msg = json.error ?? json.message;
      if (typeof msg === 'string' && msg !== '') return msg.slice(0, 200);
    }
  } catch {
    // not JSON: no detail
  }
  return null;
}

/** The 400 Semantic Scholar answers when a response would exceed 10 MB. */
export function isOversized(detail: string | null | undefined): boolean {
  return typeof detail === 'string' && /exceed maximum size/i.test(detail);
}

export interface S2ReferencePage {
  offset: number;
  /** Offset of the next page; null on the last one. */
  next: number | null;
  references: S2Reference[];
}

export function parseS2ReferencePage(json: unknown): S2ReferencePage {
  const where = 'paper/references';
  if (!isRecord(json) || !Array.isArray(json.data))
    throw new BadResponseError(`${where}: expected {"offset", "data": [...]}`);
  const offset = countField(json, 'offset', where) ?? 0;
  const next = countField(json, 'next', where);
  if (next !== null && next <= offset)
    throw new BadResponseError(`${where}: "next" (${next}) does not move past "offset" (${offset})`);
  const references = json.data.map((row: unknown) => {
    if (!isRecord(row)) throw new BadResponseError(`${where}: a row is not an object`);
    return parseS2Reference(row.citedPaper ?? {}, where);
  });
  return { offset, next, references };
}

/** The cache entry of a target from its batch answer (null: not found) and full reference list. */
export function s2Entry(
  target: FetchTarget,
  paper: S2Paper | null,
  references: S2Reference[],
  fetched: string,
): S2Entry {
  return {
    version: CACHE_VERSION,
    source: 's2',
    id: target.id,
    query: s2Query(target),
    fetched,
    found: paper !== null,
    paperId: paper?.paperId ?? null,
    referenceCount: paper?.referenceCount ?? null,
    citationCount: paper?.citationCount ?? null,
    references: paper ? references : [],
  };
}
