/**
 * The fake arXiv API (https://info.arxiv.org/help/api/user-manual.html): the Atom feed of
 * `GET /api/query?id_list=…`, and errors as an Atom feed with one error entry sent with HTTP 400
 * (https://info.arxiv.org/help/api/user-manual.html#errors; the status:
 * https://github.com/arXiv/arxiv-search/issues/257).
 */
import type { Answer } from './fake-common';
import type { FakeArxivPaper, FakeWorld } from './fake-apis';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function arxivFeed(query: string, entries: FakeArxivPaper[]): string {
  const entry = (p: FakeArxivPaper) => `  <entry>
    <id>http://arxiv.org/abs/${p.id}v${p.version}</id>
    <updated>${p.updated}</updated>
    <published>${p.published}</published>
    <title>${escapeXml(p.title)}</title>
    <summary>  ${escapeXml(p.summary)}
</summary>
${p.authors.map((a) => `    <author>\n      <name>${escapeXml(a)}</name>\n    </author>`).join('\n')}
    <link href="http://arxiv.org/abs/${p.id}v${p.version}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.id}v${p.version}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${p.primary}" scheme="http://arxiv.org/schemas/atom"/>
${p.categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n')}
  </entry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?${escapeXml(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: ${escapeXml(query)}</title>
  <id>http://arxiv.org/api/fake</id>
  <updated>2026-11-29T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:itemsPerPage>
${entries.map(entry).join('\n')}
</feed>
`;
}

/** arXiv's error answer (https://info.arxiv.org/help/api/user-manual.html#errors). */
function arxivError(message: string): string {
  const anchor = escapeXml(message.replace(/\s+/g, '_'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: error</title>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#${anchor}</id>
    <title>Error</title>
    <summary>${escapeXml(message)}</summary>
    <updated>2026-11-29T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#${anchor}" rel="alternate" type="text/html"/>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>
`;
}

/**
 * Whether arXiv accepts an id: YYMM.NNNN up to 1412, YYMM.NNNNN from 1501, or an old-style
 * archive/YYMMNNN (https://info.arxiv.org/help/arxiv_identifier.html); the manual's own example of
 * a malformed id is 1234.12345.
 */
function arxivIdAccepted(id: string): boolean {
  const m = /^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$/.exec(id);
  if (m) return (m[3] as string).length === (Number(`${m[1]}${m[2]}`) >= 1501 ? 5 : 4);
  return /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/.test(id);
}

export function arxivQuery(world: FakeWorld, url: URL): Answer {
  const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
  const bad = ids.find((id) => !arxivIdAccepted(id) || world.arxivRefused?.has(id));
  // errors: HTTP 400 and an Atom error entry
  if (bad) return [400, 'application/atom+xml', arxivError(`incorrect id format for ${bad}`)];
  const entries = ids.flatMap((id) => {
    const p = world.arxiv.get(id);
    return p ? [p] : [];
  });
  return [200, 'application/atom+xml', arxivFeed(url.search.slice(1), entries)];
}
