/**
 * arXiv API (https://export.arxiv.org/api/query): request shapes and a pure parser of its Atom feed.
 *
 * `GET /query?id_list=A,B,…&max_results=N` answers an Atom `<feed>` with one `<entry>` per known
 * paper: `<id>http://arxiv.org/abs/2208.12242v2</id>`, `<published>` (first version), `<updated>`,
 * `<title>`, `<summary>` (the abstract), `<arxiv:primary_category term=…/>` and `<category term=…/>`.
 * A bad request answers HTTP 400 with an Atom feed of a single entry whose id is under
 * http://arxiv.org/api/errors and whose `<summary>` is the message
 * (https://info.arxiv.org/help/api/user-manual.html#errors; the status as arXiv's classic API sends
 * it: https://github.com/arXiv/arxiv-search/issues/257). Such an error is not retried.
 * The XML is read with a real parser (fast-xml-parser), never with patterns.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArxivEntry } from '../model/online';
import { CACHE_VERSION } from '../model/online';
import { BadResponseError, isRecord, ServiceError } from './errors';
import type { FetchTarget } from './ids';
import { normalizeArxiv } from './ids';

export const ARXIV_BATCH_LIMIT = 50;
/** arXiv asks API users for no more than one request every three seconds. */
export const ARXIV_MIN_INTERVAL_MS = 3000;

export function arxivParams(ids: readonly string[]): Record<string, string> {
  if (ids.length === 0 || ids.length > ARXIV_BATCH_LIMIT)
    throw new Error(`arxivParams: 1 to ${ARXIV_BATCH_LIMIT} ids a request, got ${ids.length}`);
  return { id_list: ids.join(','), max_results: String(ids.length) };
}

export interface ArxivRecord {
  arxiv: string;
  published: string | null;
  title: string | null;
  abstract: string | null;
  primaryCategory: string | null;
  categories: string[];
}

const parser = (): XMLParser =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    // character references (&#233;, &#x2013;) decoded, not kept as text
    htmlEntities: true,
    isArray: (name) => name === 'entry' || name === 'category' || name === 'author' || name === 'link',
  });

/** Text of an element that may carry attributes (`{"#text": …}`) or none; whitespace collapsed. */
function text(v: unknown): string | null {
  const raw = isRecord(v) ? v['#text'] : v;
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const s = String(raw).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

function term(v: unknown): string | null {
  return isRecord(v) && typeof v['@_term'] === 'string' && v['@_term'] !== '' ? v['@_term'] : null;
}

/** The papers of a feed; throws BadResponseError on broken XML, ServiceError on arXiv's error entry. */
export function parseArxivFeed(xml: string): ArxivRecord[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new BadResponseError(
      `arXiv feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const doc: unknown = parser().parse(xml);
  const feed = isRecord(doc) ? doc.feed : undefined;
  if (!isRecord(feed) && feed !== '') throw new BadResponseError('arXiv answer has no Atom <feed>');
  const entries = isRecord(feed) && Array.isArray(feed.entry) ? feed.entry : [];
  const out: ArxivRecord[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const idUrl = text(entry.id) ?? '';
    if (idUrl.includes('arxiv.org/api/errors')) {
      throw new ServiceError(`arXiv API error: ${text(entry.summary) ?? idUrl}`);
    }
    const m = /arxiv\.org\/abs\/(.+)$/.exec(idUrl);
    const arxiv = m ? normalizeArxiv(m[1]) : null;
    if (!arxiv) throw new BadResponseError(`arXiv entry id ${JSON.stringify(idUrl)} is not an abstract URL`);
    const categories = (Array.isArray(entry.category) ? entry.category : [])
      .map(term)
      .filter((c): c is string => c !== null);
    const primary = term(entry.primary_category);
    out.push({
      arxiv,
      published: text(entry.published),
      title: text(entry.title),
      abstract: text(entry.summary),
      primaryCategory: primary,
      categories: primary ? [primary, ...categories.filter((c) => c !== primary)] : categories,
    });
  }
  return out;
}

/** arXiv's message in an error answer (the Atom error entry's summary), if the body is one. */
export function arxivErrorDetail(_status: number, body: string): string | null {
  if (XMLValidator.validate(body) !== true) return null;
  const doc: unknown = parser().parse(body);
  const feed = isRecord(doc) ? doc.feed : undefined;
  const entries = isRecord(feed) && Array.isArray(feed.entry) ? feed.entry : [];
  for (const entry of entries) {
    if (isRecord(entry) && (text(entry.id) ?? '').includes('arxiv.org/api/errors'))
      return `arXiv API error: ${text(entry.summary) ?? text(entry.id)}`;
  }
  return null;
}

export function arxivEntry(target: FetchTarget, record: ArxivRecord | null, fetched: string): ArxivEntry {
  if (!target.arxiv) throw new Error(`arxivEntry: paper ${target.id} has no arXiv id`);
  return {
    version: CACHE_VERSION,
    source: 'arxiv',
    id: target.id,
    query: target.arxiv,
    fetched,
    found: record !== null,
    published: record?.published ?? null,
    title: record?.title ?? null,
    abstract: record?.abstract ?? null,
    primaryCategory: record?.primaryCategory ?? null,
    categories: record ? [...new Set(record.categories)] : [],
  };
}
