/**
 * Inputs for the export tests: the fixture graphs and the real built graph, loaded by the app's own
 * loader, with a scope (everything, or what given filters show, computed as the app does).
 */
import { readFileSync } from 'node:fs';
import { computeVisibility } from '../../../src/graph/filters';
import { parseGraphFile } from '../../../src/graph/load';
import type { LoadedGraph } from '../../../src/graph/types';
import type { ExportInput } from '../../../src/export/types';
import type { Filters } from '../../../src/state/types';
import { EDGE_KINDS } from '../../../src/model';

export const SMALL = 'tests/fixtures/graphs/small.json';
export const HOSTILE = 'tests/fixtures/graphs/hostile.json';
/** The real graph, built by `npm run build:graph` (npm test builds it before the unit tests). */
export const REAL = 'public/graph.json';

export function load(path: string): LoadedGraph {
  return parseGraphFile(JSON.parse(readFileSync(path, 'utf8')), path);
}

export const DATE = new Date('2026-11-29T21:30:00Z');

/** Every paper and link of the graph. */
export function allInput(loaded: LoadedGraph, extra: Partial<ExportInput> = {}): ExportInput {
  return {
    graph: loaded.graph,
    meta: loaded.meta,
    scope: 'all',
    nodes: new Set(loaded.graph.nodes()),
    edges: new Set(loaded.graph.edges()),
    selected: null,
    date: DATE,
    filtersSummary: '',
    ...extra,
  };
}

/** What the filters show, as the app computes it. */
export function visibleInput(loaded: LoadedGraph, filters: Partial<Filters>, summary: string): ExportInput {
  const full: Filters = {
    years: null,
    categories: {},
    unlabelled: [],
    edgeKinds: [...EDGE_KINDS],
    showSurveyMentions: true,
    minDegree: 0,
    ...filters,
  };
  const { nodes, edges } = computeVisibility(loaded.graph, full);
  return { ...allInput(loaded), scope: 'visible', nodes, edges, filtersSummary: summary };
}

/** The text of a file; the data exports are all text. */
export function text(content: string | Uint8Array): string {
  if (typeof content !== 'string') throw new Error('expected a text export');
  return content;
}

/** A text no XML 1.0 document can carry as is: controls, a lone surrogate, markup, quotes, CR/LF, tab. */
export const NASTY =
  'Tab\there, LF\nCRLF\r\nNUL\u0000 BEL\u0007 VT\u000B lone\uD800 ]]> & <x a="1"> \'s\' end';
/** NASTY as an XML parser must read it back: the forbidden characters as U+FFFD, the rest as is. */
export const NASTY_READ =
  'Tab\there, LF\nCRLF\r\nNUL\uFFFD BEL\uFFFD VT\uFFFD lone\uFFFD ]]> & <x a="1"> \'s\' end';

/** A copy of a loaded graph whose first paper has NASTY in its title, name, first author and venue. */
export function withNastyPaper(loaded: LoadedGraph): { loaded: LoadedGraph; key: string } {
  const graph = loaded.graph.copy();
  const key = graph.nodes()[0];
  if (key === undefined) throw new Error('empty graph');
  const a = graph.getNodeAttributes(key);
  graph.replaceNodeAttributes(key, {
    ...a,
    title: NASTY,
    name: NASTY,
    label: NASTY,
    authors: [NASTY, ...a.authors.slice(1)],
    venue: NASTY,
  });
  return { loaded: { graph, meta: loaded.meta }, key };
}
