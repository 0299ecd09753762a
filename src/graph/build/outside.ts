/**
 * Works outside the list as graph nodes (`build:graph --expand N`): their attributes and the `cites`
 * edge records from the dataset papers that cite them. The selection itself is src/online/expand.ts.
 */
import type { Located } from '../../model/dataset';
import type { EdgeRecord } from '../../model/edge';
import type { ColorBy, NodeAttributes, SizeBy } from '../../model/graph-file';
import type { OnlineCache } from '../../model/online';
import { isNewStyleArxivId } from '../../model/arxiv-id';
import type { ExpandedWork } from '../../online/expand';
import { shortenTitle } from '../join';

const EMPTY_COLORS = {} as Record<ColorBy, string>;
const EMPTY_SIZES = {} as Record<SizeBy, number>;

/**
 * A work outside the list as a node: title, year and ids from the cached references, no authors, venue
 * or taxonomy labels (so "Unknown / not labelled" in every dimension), marked `outside` with why it was
 * added. Keys in sorted order, as `initialNodeAttributes` gives them (see serialize.ts).
 */
export function outsideNodeAttributes(work: ExpandedWork): NodeAttributes {
  const arxiv = work.ids.arxiv !== undefined && isNewStyleArxivId(work.ids.arxiv) ? work.ids.arxiv : null;
  const external: NonNullable<NodeAttributes['externalIds']> = {};
  // sorted keys; the arXiv id only when it is not the node's own `arxiv` (an old-style id)
  if (work.ids.arxiv !== undefined && arxiv === null) external.arxiv = work.ids.arxiv;
  if (work.ids.doi !== undefined) external.doi = work.ids.doi;
  if (work.ids.openalex !== undefined) external.openalex = work.ids.openalex;
  if (work.ids.s2 !== undefined) external.s2 = work.ids.s2;
  return {
    arxiv,
    authors: [],
    citations: 0,
    color: '',
    colors: EMPTY_COLORS,
    community: 0,
    expandedBecause: { citedBy: work.citedBy.length },
    externalIds: external,
    id: work.id,
    label: shortenTitle(work.title),
    links: {},
    month: null,
    name: null,
    outside: true,
    pagerank: 0,
    size: 1,
    sizes: EMPTY_SIZES,
    taxonomy: {},
    title: work.title,
    venue: null,
    venueYear: null,
    x: 0,
    y: 0,
    year: work.year,
  };
}

/**
 * One `cites` record per citing paper and source that lists the reference (provenance
 * `semantic-scholar` / `openalex` with the entry's fetch date), located in that cache file.
 */
export function outsideEdgeRecords(
  works: readonly ExpandedWork[],
  online: OnlineCache,
): Located<EdgeRecord>[] {
  const out: Located<EdgeRecord>[] = [];
  for (const work of works) {
    for (const citing of work.citedBy) {
      for (const source of citing.sources) {
        const s2 = source === 'semantic-scholar';
        const fetched = (s2 ? online.s2 : online.openalex).get(citing.id)?.fetched;
        out.push({
          value: {
            source: citing.id,
            target: work.id,
            kind: 'cites',
            provenance: fetched ? { source, fetched: fetched.slice(0, 10) } : { source },
          },
          file: `cache/${s2 ? 's2' : 'openalex'}/${citing.id}.json`,
          line: 1,
        });
      }
    }
  }
  return out;
}
