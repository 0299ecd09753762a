/**
 * The fake OpenAlex works API (https://developers.openalex.org): list requests with filters, the
 * single-work lookup with 301 for merged works, and the price of each request class.
 */
import { normaliseTitle } from '../../../src/import/text';
import type { Answer } from './fake-common';
import { json } from './fake-common';
import type { FakeOpenAlex, FakeWork, FakeWorld, Route } from './fake-apis';

/** A work as OpenAlex's works API shapes it, reduced to the `select`ed fields when asked. */
function workJson(w: FakeWork, select: string | null): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: `https://openalex.org/${w.id}`,
    doi: w.doi ? `https://doi.org/${w.doi}` : null,
    title: w.title,
    display_name: w.title,
    publication_year: w.publication_year,
    ids: { openalex: `https://openalex.org/${w.id}`, ...(w.doi ? { doi: `https://doi.org/${w.doi}` } : {}) },
    locations: w.locations.map((l) => ({
      is_oa: true,
      landing_page_url: l.landing_page_url,
      pdf_url: l.pdf_url ?? null,
    })),
    referenced_works: w.referenced_works.map((r) => `https://openalex.org/${r}`),
    referenced_works_count: w.referenced_works.length,
    cited_by_count: w.cited_by_count,
  };
  if (!select) return full;
  const out: Record<string, unknown> = {};
  for (const f of select.split(',')) if (f in full) out[f] = full[f];
  return out;
}

function listAnswer(results: Record<string, unknown>[]): Answer {
  return json(200, {
    meta: { count: results.length, db_response_time_ms: 12, page: 1, per_page: 100, groups_count: null },
    results,
    group_by: [],
  });
}

/** The works a `title.search` filter finds: those sharing most of the query's words, best first. */
function titleSearch(oa: FakeOpenAlex, query: string): FakeWork[] {
  const words = new Set(normaliseTitle(query).split(' ').filter(Boolean));
  const scored = [...oa.works.values()]
    .map((w) => {
      const own = new Set(normaliseTitle(w.title).split(' '));
      return { w, shared: [...words].filter((x) => own.has(x)).length };
    })
    .filter((s) => words.size > 0 && s.shared / words.size >= 0.6)
    .sort((a, b) => b.shared - a.shared);
  return scored.map((s) => s.w);
}

/**
 * GET /works?filter=… (https://docs.openalex.org/api-entities/works/filter-works): `doi`,
 * `ids.openalex` (alias `openalex`) and the `title.search` filter
 * (https://docs.openalex.org/api-entities/works/search-works; its relevance ranking is approximated
 * here by the share of the query's words a title has), `select` honoured.
 */
export function openAlexList(world: FakeWorld, url: URL): Answer {
  const oa = world.openalex;
  const filter = url.searchParams.get('filter') ?? '';
  const select = url.searchParams.get('select');
  const colon = filter.indexOf(':');
  const key = filter.slice(0, colon);
  const value = filter.slice(colon + 1);
  // OR over up to 100 values (https://developers.openalex.org/guides/filtering)
  const values = value.split('|');
  if (colon < 0 || values.length > 100)
    return json(400, { error: 'Invalid query parameters error.', message: `bad filter ${filter}` });
  let works: FakeWork[];
  if (key === 'doi') {
    // matches the work's own DOI only: a merged preprint's arXiv DOI is not its work's DOI
    const dois = new Set(values.map((d) => d.toLowerCase().replace(/^https:\/\/doi\.org\//, '')));
    works = [...oa.works.values()].filter((w) => w.doi !== null && dois.has(w.doi));
  } else if (key === 'ids.openalex' || key === 'openalex') {
    works = values.flatMap((v) => {
      const w = oa.works.get(v.replace('https://openalex.org/', '').toUpperCase());
      return w ? [w] : [];
    });
  } else if (key === 'title.search') {
    works = titleSearch(oa, value).slice(0, Number(url.searchParams.get('per-page') ?? 25));
  } else {
    return json(400, { error: 'Invalid query parameters error.', message: `unknown filter ${key}` });
  }
  return listAnswer(works.map((w) => workJson(w, select)));
}

/** `/works/W…`, `/works/doi:…` and `/works/https://doi.org/…` (get-a-single-work). */
export function openAlexSingle(world: FakeWorld, url: URL, rawId: string): Answer {
  const oa = world.openalex;
  const id = decodeURIComponent(rawId);
  const doi = /^(?:doi:|https?:\/\/doi\.org\/)(.+)$/i.exec(id)?.[1]?.toLowerCase();
  if (doi) {
    const w = [...oa.works.values()].find((x) => x.doi === doi);
    if (w) return json(200, workJson(w, url.searchParams.get('select')));
    const into = oa.merged.get(doi);
    // merged: 301 to the work it was merged into (api-reference/errors)
    if (into) return [301, 'application/json', '', { location: `/openalex/works/${into}${url.search}` }];
    return json(404, { error: 'Not Found', message: `Work ${id} not found` });
  }
  const w = oa.works.get(id.toUpperCase());
  if (w) return json(200, workJson(w, url.searchParams.get('select')));
  return json(404, { error: 'Not Found', message: `Work ${id} not found` });
}

/** Dollars a list (0.0001) or search (0.001) request costs; single-work lookups are free. */
export function openAlexCost(route: Route | 'unknown', url: URL): number {
  if (route !== 'openalex-works') return 0;
  return (url.searchParams.get('filter') ?? '').startsWith('title.search:') ? 0.001 : 0.0001;
}
