import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { EDGE_COLUMNS, nodeColumns } from '../../../src/export/fields';
import { GEXF_NS, GEXF_VIZ_NS, toGexf } from '../../../src/export/gexf';
import type { ExportInput } from '../../../src/export/types';
import { allInput, HOSTILE, load, NASTY_READ, REAL, SMALL, visibleInput, withNastyPaper } from './support';

function read(gexf: string): Graph {
  return parse(Graph, gexf);
}

function hex(rgb: unknown): string {
  const m = /^rgba?\((\d+),(\d+),(\d+)/.exec(String(rgb));
  if (!m) throw new Error(`not an rgb() colour: ${String(rgb)}`);
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Every node and edge of the input's scope comes back with its attributes, positions, colour and size. */
function expectRoundTrip(input: ExportInput): void {
  const back = read(toGexf(input));
  const cols = nodeColumns(input.meta.taxonomy);
  expect(back.type).toBe('directed');
  expect(new Set(back.nodes())).toEqual(new Set(input.nodes));
  expect(back.order).toBe(input.nodes.size);
  for (const key of input.nodes) {
    const a = input.graph.getNodeAttributes(key);
    const b = back.getNodeAttributes(key);
    expect(b.label).toBe(a.label);
    // lists are GEXF 1.3 liststrings, which graphology-gexf (Gephi Lite's reader) reads as arrays
    for (const c of cols) expect(b[c.name], `${key} ${c.name}`).toEqual(c.get(a));
    // the raw facts, not only the columns' view of them
    expect(b.title).toBe(a.title);
    expect(b.year).toBe(a.year);
    expect(b.authors ?? []).toEqual(a.authors);
    expect(b.tasks).toEqual(a.tasks);
    expect(b.method_evidence).toBe(a.taxonomy.method?.evidence);
    expect(b.space_confidence).toBe(a.taxonomy.space?.confidence);
    expect(b.x).toBe(a.x);
    expect(b.y).toBe(a.y);
    expect(b.size).toBe(input.sizes?.get(key) ?? a.size);
    expect(hex(b.color)).toBe(input.colors?.get(key) ?? a.color);
  }
  const edges = [...input.edges].filter(
    (e) => input.nodes.has(input.graph.source(e)) && input.nodes.has(input.graph.target(e)),
  );
  expect(back.size).toBe(edges.length);
  for (const key of edges) {
    const a = input.graph.getEdgeAttributes(key);
    expect(back.source(key)).toBe(input.graph.source(key));
    expect(back.target(key)).toBe(input.graph.target(key));
    const b = back.getEdgeAttributes(key);
    for (const c of EDGE_COLUMNS) expect(b[c.name], `${key} ${c.name}`).toEqual(c.get(a));
    // the link's kind is `relation`: GEXF reserves `kind` on an edge
    expect(b.relation).toBe(a.kind);
    expect(b).not.toHaveProperty('kind');
    expect(b.provenance).toEqual([...new Set(a.provenance.map((p) => p.source))]);
  }
}

describe('GEXF export', () => {
  it('declares GEXF 1.3 and its viz namespace, and types every attribute', () => {
    const gexf = toGexf(allInput(load(SMALL)));
    expect(gexf).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf /);
    expect(gexf).toContain(`xmlns="${GEXF_NS}"`);
    expect(gexf).toContain(`xmlns:viz="${GEXF_VIZ_NS}"`);
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('<graph defaultedgetype="directed" mode="static">');
    expect(gexf).toContain('<attribute id="year" title="year" type="integer"/>');
    expect(gexf).toContain('<attribute id="pagerank" title="pagerank" type="double"/>');
    expect(gexf).toContain('<attribute id="survey_only" title="survey_only" type="boolean"/>');
    expect(gexf).toContain('<attribute id="method_evidence" title="method_evidence" type="string"/>');
    // lists declared as lists, written in GEXF 1.3's syntax; the link's kind is `relation`
    expect(gexf).toContain('<attribute id="tasks" title="tasks" type="liststring"/>');
    expect(gexf).toContain('<attribute id="authors" title="authors" type="liststring"/>');
    expect(gexf).toContain('<attribute id="kinds" title="kinds" type="liststring"/>');
    expect(gexf).toContain('<attribute id="relation" title="relation" type="string"/>');
    expect(gexf).not.toMatch(/<attribute id="kind"|<attvalue for="kind"/);
    expect(gexf).toMatch(/<attvalue for="authors" value="\[[^"\]]+, [^"\]]+\]"\/>/);
    // every attvalue refers to a declared attribute
    const declared = new Set([...gexf.matchAll(/<attribute id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...gexf.matchAll(/<attvalue for="([^"]+)"/g)].map((m) => m[1]));
    for (const u of used) expect(declared.has(u), u).toBe(true);
  });

  it('round-trips the small fixture through graphology-gexf', () => {
    expectRoundTrip(allInput(load(SMALL)));
  });

  it('round-trips the real built graph', () => {
    const input = allInput(load(REAL));
    expect(input.nodes.size).toBeGreaterThan(400);
    expectRoundTrip(input);
  });

  it('writes the colours and sizes as drawn when given', () => {
    const loaded = load(SMALL);
    const keys = loaded.graph.nodes();
    const colors = new Map(keys.map((k, i) => [k, i % 2 === 0 ? '#123456' : 'rgba(10, 20, 30, 0.5)']));
    const sizes = new Map(keys.map((k, i) => [k, 3 + i]));
    const gexf = toGexf(allInput(loaded, { colors, sizes }));
    expect(gexf).toContain('<viz:color r="18" g="52" b="86"/>');
    expect(gexf).toContain('<viz:color r="10" g="20" b="30" a="0.5"/>');
    const back = read(gexf);
    keys.forEach((k, i) => expect(back.getNodeAttribute(k, 'size')).toBe(3 + i));
  });

  it('holds exactly the GAN papers and the links among them when only GAN papers are visible', () => {
    const loaded = load(REAL);
    const input = visibleInput(loaded, { categories: { family: ['gan'] } }, 'families GAN');
    const gan = loaded.graph.filterNodes((_n, a) => a.family === 'gan');
    expect(gan.length).toBeGreaterThan(10);
    const back = read(toGexf(input));
    expect(new Set(back.nodes())).toEqual(new Set(gan));
    const among = loaded.graph.filterEdges((_e, _a, s, t) => gan.includes(s) && gan.includes(t));
    expect(among.length).toBeGreaterThan(0);
    expect(new Set(back.edges())).toEqual(new Set(among));
    back.forEachNode((_n, a) => expect(a.family).toBe('gan'));
  });

  it('names the dataset, its build hash, the scope, date and filters in the metadata', () => {
    const loaded = load(REAL);
    const input = visibleInput(loaded, { categories: { family: ['gan'] } }, 'families GAN');
    const attrs = read(toGexf(input)).getAttributes();
    expect(attrs.lastModifiedDate).toBe('2026-11-29');
    expect(attrs.creator).toBe('Lineage Atlas');
    expect(attrs.description).toContain(loaded.meta.dataset.name);
    expect(attrs.description).toContain(loaded.meta.inputsHash);
    expect(attrs.description).toContain('filters: families GAN');
    expect(attrs.description).toContain('2026-11-29T21:30:00.000Z');
    expect(attrs.keywords).toContain(loaded.meta.inputsHash);
  });

  it('escapes markup and replaces what XML 1.0 cannot hold, keeping tab, CR and LF', () => {
    const hostile = load(HOSTILE);
    const gexf = toGexf(allInput(hostile));
    expect(gexf).not.toMatch(/<script|<img|<svg|<b>/);
    expectRoundTrip(allInput(hostile));
    const { loaded, key } = withNastyPaper(load(SMALL));
    const nasty = toGexf(allInput(loaded));
    expect(nasty).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const back = read(nasty).getNodeAttributes(key);
    expect(back.title).toBe(NASTY_READ);
    expect(back.label).toBe(NASTY_READ);
    expect(back.venue).toBe(NASTY_READ);
  });

  it('refuses a scope naming a paper the graph lacks', () => {
    const input = allInput(load(SMALL));
    expect(() => toGexf({ ...input, nodes: new Set([...input.nodes, 'nope']) })).toThrow(
      /"nope", which is not in the graph/,
    );
  });
});
