/**
 * A library's entries found in the open graph: by arXiv id first, then DOI, then normalised title
 * (accents, braces, case and punctuation folded: normaliseTitle). A graph paper's identifiers are
 * its arXiv id (its `arxiv` field, else an arXiv DOI), its DOI (paperDoi: its `doi` field or a
 * doi.org link) and its title. Two entries naming the same paper both count as matched; the paper
 * is marked once. Pure.
 */
import type { AtlasGraph } from '../graph/types';
import { normaliseTitle } from '../import/text';
import { arxivDoi, arxivFromDoi, normalizeArxiv, paperDoi } from '../online/ids';
import type { LibraryEntry } from './types';

export type MatchedBy = 'arxiv' | 'doi' | 'title';

export interface LibraryMatch {
  entry: LibraryEntry;
  node: string;
  by: MatchedBy;
}

export interface LibraryMatches {
  matched: LibraryMatch[];
  unmatched: LibraryEntry[];
  /** The graph papers in the library, in the order first matched. */
  nodes: string[];
}

export interface GraphIds {
  arxiv: Map<string, string>;
  doi: Map<string, string>;
  title: Map<string, string>;
}

/** The graph's papers by arXiv id, DOI and normalised title (the first paper wins a shared key). */
export function graphIds(graph: AtlasGraph): GraphIds {
  const ids: GraphIds = { arxiv: new Map(), doi: new Map(), title: new Map() };
  const put = (m: Map<string, string>, k: string | null, node: string) => {
    if (k && !m.has(k)) m.set(k, node);
  };
  graph.forEachNode((node, a) => {
    const doi = paperDoi({ links: a.links ?? {}, doi: (a as { doi?: string | null }).doi ?? null });
    const arxiv = normalizeArxiv(a.arxiv) ?? arxivFromDoi(doi);
    put(ids.arxiv, arxiv, node);
    put(ids.doi, doi, node);
    // the arXiv DOI names the paper too (10.48550/arxiv.<id>)
    if (arxiv) put(ids.doi, arxivDoi(arxiv), node);
    if (a.title) put(ids.title, normaliseTitle(a.title), node);
  });
  return ids;
}

export function matchLibrary(
  graph: AtlasGraph,
  entries: readonly LibraryEntry[],
  ids: GraphIds = graphIds(graph),
): LibraryMatches {
  const matched: LibraryMatch[] = [];
  const unmatched: LibraryEntry[] = [];
  const nodes = new Set<string>();
  for (const entry of entries) {
    const title = entry.title ? normaliseTitle(entry.title) : '';
    const hit: [string | undefined, MatchedBy][] = [
      [entry.arxiv ? ids.arxiv.get(entry.arxiv) : undefined, 'arxiv'],
      [entry.doi ? ids.doi.get(entry.doi) : undefined, 'doi'],
      [title ? ids.title.get(title) : undefined, 'title'],
    ];
    const found = hit.find(([node]) => node !== undefined);
    if (found) {
      matched.push({ entry, node: found[0]!, by: found[1] });
      nodes.add(found[0]!);
    } else unmatched.push(entry);
  }
  return { matched, unmatched, nodes: [...nodes] };
}

/** "38 of 52 entries matched; 14 not in this graph". */
export function matchSummary(m: Pick<LibraryMatches, 'matched' | 'unmatched'>): string {
  const total = m.matched.length + m.unmatched.length;
  return `${m.matched.length} of ${total} ${total === 1 ? 'entry' : 'entries'} matched; ${m.unmatched.length} not in this graph`;
}
