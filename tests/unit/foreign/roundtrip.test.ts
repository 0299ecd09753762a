/** The app's own GEXF and GraphML exports read back by the foreign readers: same papers, links and values. */
import { describe, expect, it } from 'vitest';
import { EDGE_COLUMNS, nodeColumns } from '../../../src/export/fields';
import { toGexf } from '../../../src/export/gexf';
import { toGraphml } from '../../../src/export/graphml';
import type { ExportInput } from '../../../src/export/types';
import { readGexf } from '../../../src/foreign/gexf';
import { readGraphml } from '../../../src/foreign/graphml';
import type { ForeignGraph } from '../../../src/foreign/types';
import {
  allInput,
  HOSTILE,
  load,
  NASTY_READ,
  REAL,
  SMALL,
  visibleInput,
  withNastyPaper,
} from '../export/support';
import { nodeByKey } from './support';

const TYPES = {
  string: 'string',
  int: 'integer',
  double: 'float',
  boolean: 'boolean',
  list: 'string',
} as const;

function expectSameGraph(input: ExportInput, back: ForeignGraph): void {
  const nodes = input.graph.nodes().filter((k) => input.nodes.has(k));
  expect(back.directed).toBe(true);
  expect(back.warnings).toEqual([]);
  expect(back.nodes.map((n) => n.key)).toEqual(nodes);
  const cols = nodeColumns(input.meta.taxonomy);
  for (const c of cols)
    expect(back.nodeAttributes).toContainEqual(
      c.type === 'list'
        ? { name: c.name, type: 'string', list: true }
        : { name: c.name, type: TYPES[c.type] },
    );
  for (const key of nodes) {
    const a = input.graph.getNodeAttributes(key);
    const n = nodeByKey(back, key);
    for (const c of cols) {
      const v = c.get(a);
      if (v === undefined) expect(n.attributes, `${key} ${c.name}`).not.toHaveProperty(c.name);
      else expect(n.attributes[c.name], `${key} ${c.name}`).toEqual(v);
    }
    expect([n.x, n.y], key).toEqual([a.x, a.y]);
    if (back.format === 'gexf') {
      expect(n.label).toBe(a.label);
      expect(n.size).toBe(input.sizes?.get(key) ?? a.size);
      expect(n.color).toBe((input.colors?.get(key) ?? a.color).toLowerCase());
    } else {
      expect(n.attributes.label).toBe(a.label);
      expect(n.attributes.size).toBe(input.sizes?.get(key) ?? a.size);
      expect(n.attributes.color).toBe((input.colors?.get(key) ?? a.color).toLowerCase());
    }
  }
  const edges = input.graph
    .edges()
    .filter(
      (e) =>
        input.edges.has(e) &&
        input.nodes.has(input.graph.source(e)) &&
        input.nodes.has(input.graph.target(e)),
    );
  expect(back.edges).toHaveLength(edges.length);
  edges.forEach((e, i) => {
    const b = back.edges[i];
    expect([b?.source, b?.target, b?.directed]).toEqual([input.graph.source(e), input.graph.target(e), true]);
    const a = input.graph.getEdgeAttributes(e);
    for (const c of EDGE_COLUMNS) {
      const v = c.get(a);
      if (v !== undefined) expect(b?.attributes[c.name], `${e} ${c.name}`).toEqual(v);
    }
    expect(b?.label).toBe(a.kind);
  });
}

describe("the app's exports read back by the foreign readers", () => {
  const cases: [string, () => ExportInput][] = [
    ['the small fixture graph', () => allInput(load(SMALL))],
    ['the hostile fixture graph (markup in every text)', () => allInput(load(HOSTILE))],
    ['the real graph', () => allInput(load(REAL))],
    [
      'a GAN-only scope of the real graph',
      () => visibleInput(load(REAL), { categories: { family: ['gan'] } }, 'families GAN'),
    ],
  ];
  for (const [what, make] of cases) {
    it(`GEXF: ${what}`, () => {
      const input = make();
      const back = readGexf(toGexf(input), 'export.gexf');
      expectSameGraph(input, back);
      expect(back.name).toBeUndefined();
    });
    it(`GraphML: ${what}`, () => {
      const input = make();
      const back = readGraphml(toGraphml(input), 'export.graphml');
      expectSameGraph(input, back);
      // the export's graph data: a long description (no name), and the dataset among the values
      expect(back.name).toBeUndefined();
    });
  }

  it('reads text XML cannot carry as U+FFFD, and tabs, CR and LF as they were', () => {
    const { loaded, key } = withNastyPaper(load(SMALL));
    const input = allInput(loaded);
    const gexf = nodeByKey(readGexf(toGexf(input), 'nasty.gexf'), key);
    const graphml = nodeByKey(readGraphml(toGraphml(input), 'nasty.graphml'), key);
    expect(gexf.attributes.title).toBe(NASTY_READ);
    expect(gexf.label).toBe(NASTY_READ);
    expect(graphml.attributes.title).toBe(NASTY_READ);
  });
});
