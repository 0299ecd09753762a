import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { EDGE_COLUMNS, nodeColumns } from '../../../src/export/fields';
import { GRAPHML_NS, toGraphml } from '../../../src/export/graphml';
import type { CellValue } from '../../../src/export/fields';
import type { ExportInput } from '../../../src/export/types';
import { allInput, HOSTILE, load, NASTY_READ, REAL, SMALL, visibleInput, withNastyPaper } from './support';

function read(graphml: string): Graph {
  return parse(Graph, graphml);
}

/** The edge of `back` from source to target (GraphML edges carry no id: they are named by their ends). */
function edgeOf(back: Graph, source: string, target: string): string {
  const e = back.edge(source, target);
  if (e === undefined) throw new Error(`no edge ${source} -> ${target}`);
  return e;
}

/** A column's value as GraphML holds it: a list's items joined with "; " (GraphML has no list type). */
const joined = (v: CellValue) => (Array.isArray(v) ? v.join('; ') : v);

function expectRoundTrip(input: ExportInput): void {
  const back = read(toGraphml(input));
  const cols = nodeColumns(input.meta.taxonomy);
  expect(back.type).toBe('directed');
  expect(new Set(back.nodes())).toEqual(new Set(input.nodes));
  for (const key of input.nodes) {
    const a = input.graph.getNodeAttributes(key);
    const b = back.getNodeAttributes(key);
    expect(b.label).toBe(a.label);
    for (const c of cols) expect(b[c.name], `${key} ${c.name}`).toBe(joined(c.get(a)));
    expect(b.title).toBe(a.title);
    expect(b.year).toBe(a.year);
    expect(b.scheme_evidence).toBe(a.taxonomy.scheme?.evidence);
    expect(b.x).toBe(a.x);
    expect(b.y).toBe(a.y);
    expect(b.size).toBe(input.sizes?.get(key) ?? a.size);
    // graphology-graphml folds r, g, b into `color`
    expect(b.color).toBe(input.colors?.get(key) ?? a.color);
  }
  const edges = [...input.edges].filter(
    (e) => input.nodes.has(input.graph.source(e)) && input.nodes.has(input.graph.target(e)),
  );
  expect(back.size).toBe(edges.length);
  for (const key of edges) {
    const a = input.graph.getEdgeAttributes(key);
    const b = back.getEdgeAttributes(edgeOf(back, input.graph.source(key), input.graph.target(key)));
    for (const c of EDGE_COLUMNS) expect(b[c.name], `${key} ${c.name}`).toBe(joined(c.get(a)));
    expect(b.survey_only).toBe(a.surveyOnly);
    expect(b.relation).toBe(a.kind);
    expect(b).not.toHaveProperty('kind');
  }
}

describe('GraphML export', () => {
  it('declares typed keys for the graph, papers and links', () => {
    const graphml = toGraphml(allInput(load(SMALL)));
    expect(graphml).toContain(`<graphml xmlns="${GRAPHML_NS}"`);
    expect(graphml).toContain('<key id="n_year" for="node" attr.name="year" attr.type="int"/>');
    expect(graphml).toContain('<key id="n_pagerank" for="node" attr.name="pagerank" attr.type="double"/>');
    expect(graphml).toContain('<key id="n_x" for="node" attr.name="x" attr.type="double"/>');
    expect(graphml).toContain(
      '<key id="e_survey_only" for="edge" attr.name="survey_only" attr.type="boolean"/>',
    );
    expect(graphml).toContain(
      '<key id="g_inputs_hash" for="graph" attr.name="inputs_hash" attr.type="string"/>',
    );
    expect(graphml).toContain('<graph id="G" edgedefault="directed">');
    const keys = [...graphml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(keys.length);
    const used = new Set([...graphml.matchAll(/<data key="([^"]+)"/g)].map((m) => m[1]));
    for (const u of used) expect(keys).toContain(u);
    for (const m of graphml.matchAll(/attr\.type="([^"]+)"/g))
      expect(['string', 'int', 'double', 'boolean']).toContain(m[1]);
    // lists: strings whose key declares the separator in its <desc>; the link's kind is `relation`
    expect(graphml).toContain(
      '<key id="n_tasks" for="node" attr.name="tasks" attr.type="string"><desc>list of strings separated by &quot;; &quot;</desc></key>',
    );
    expect(graphml).toContain('<key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>');
    expect(graphml).not.toContain('attr.name="kind"');
  });

  it('round-trips the small fixture through graphology-graphml', () => {
    expectRoundTrip(allInput(load(SMALL)));
  });

  it('round-trips the real built graph', () => {
    expectRoundTrip(allInput(load(REAL)));
  });

  it('round-trips colours and sizes as drawn, and a GAN-only scope', () => {
    const loaded = load(REAL);
    const input = visibleInput(loaded, { categories: { family: ['gan'] } }, 'families GAN');
    const colors = new Map(
      [...input.nodes].map((k, i) => [k, `#${(i * 7919).toString(16).padStart(6, '0').slice(-6)}`]),
    );
    const sizes = new Map([...input.nodes].map((k, i) => [k, 1 + i / 8]));
    expectRoundTrip({ ...input, colors, sizes });
    const back = read(toGraphml(input));
    back.forEachNode((_n, a) => expect(a.family).toBe('gan'));
  });

  it('names the dataset, its build hash, scope, date and filters as graph data', () => {
    const loaded = load(SMALL);
    const attrs = read(
      toGraphml(visibleInput(loaded, { years: [2022, 2023] }, 'years 2022–2023')),
    ).getAttributes();
    expect(attrs.dataset).toBe(loaded.meta.dataset.name);
    expect(attrs.inputs_hash).toBe(loaded.meta.inputsHash);
    expect(attrs.scope).toBe('visible');
    expect(attrs.exported).toBe('2026-11-29T21:30:00.000Z');
    expect(attrs.filters).toBe('years 2022–2023');
  });

  it('escapes markup and replaces what XML 1.0 cannot hold, keeping tab, CR and LF', () => {
    const gml = toGraphml(allInput(load(HOSTILE)));
    expect(gml).not.toMatch(/<script|<img|<svg|<b>/);
    expectRoundTrip(allInput(load(HOSTILE)));
    const { loaded, key } = withNastyPaper(load(SMALL));
    const back = read(toGraphml(allInput(loaded))).getNodeAttributes(key);
    expect(back.title).toBe(NASTY_READ);
    expect(back.authors).toMatch(/^Tab\there/);
  });
});
