/**
 * Small hand-made graphs for unit tests of search, filters and details (tests own their data,
 * so every expectation below is checkable by reading this file).
 */
import Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes, Provenance } from '../../../src/model';
import type { AtlasGraph } from '../../../src/graph/types';

export type PaperInput = Partial<NodeAttributes> & Pick<NodeAttributes, 'id' | 'title'>;

export function node(p: PaperInput): NodeAttributes {
  const name = p.name ?? null;
  return {
    name,
    authors: [],
    year: 2023,
    month: null,
    venue: null,
    venueYear: null,
    arxiv: null,
    links: {},
    family: 'diffusion',
    tasks: ['subject'],
    taxonomy: {},
    label: name ?? p.title.slice(0, 24),
    x: 0,
    y: 0,
    citations: 0,
    pagerank: 0,
    community: 0,
    colors: {
      family: '#0072b2',
      task: '#999999',
      space: '#999999',
      method: '#999999',
      scheme: '#999999',
      year: '#999999',
      community: '#999999',
    },
    sizes: { citations: 4, pagerank: 4, uniform: 4 },
    color: '#999999',
    size: 4,
    ...p,
  };
}

export interface EdgeInput {
  source: string;
  target: string;
  kind?: EdgeAttributes['kind'];
  provenance?: Provenance[];
  surveyOnly?: boolean;
}

export function edge(e: EdgeInput): EdgeAttributes {
  const kind = e.kind ?? 'cites';
  return {
    kind,
    kinds: [kind],
    provenance: e.provenance ?? [{ source: 'fulltext-references', match: 'arxiv-id' }],
    surveyOnly: e.surveyOnly ?? false,
  };
}

export function makeGraph(papers: PaperInput[], edges: EdgeInput[] = []): AtlasGraph {
  const graph: AtlasGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const p of papers) graph.addNode(p.id, node(p));
  for (const e of edges) graph.addEdgeWithKey(`${e.source}->${e.target}`, e.source, e.target, edge(e));
  return graph;
}
