/**
 * The first frame's graph (binary/visual.ts): built from the binary alone it holds what a renderer
 * draws, including which links hide by default; completed with the side table it equals the graph
 * of the JSON file. The boot path's light metadata check, and when the boot path applies.
 */
import { describe, expect, it } from 'vitest';
import { linkHoldsView } from '../../../src/boot/link';
import { checkMetaShape, decodeGraphBinary } from '../../../src/graph/binary/decode';
import { checkMetaSchema } from '../../../src/graph/binary/meta-check';
import { completeGraph, visualGraph } from '../../../src/graph/binary/visual';
import { bundled, encoded, synthetic } from './support';

const sortKeys = (a: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1)));

describe('visualGraph and completeGraph', () => {
  for (const [name, make] of [
    ['the bundled graph', bundled],
    ['a synthetic graph', () => synthetic(300)],
  ] as const) {
    it(`complete ${name} to the JSON file's graph (attributes in any order)`, () => {
      const loaded = make();
      const file = encoded(loaded);
      const bin = decodeGraphBinary(file.buffer, 'g.bin', checkMetaShape);
      const graph = visualGraph(bin, 'g.bin');
      expect(graph.order).toBe(loaded.graph.order);
      expect(graph.size).toBe(loaded.graph.size);
      // before the side table: only what is drawn, and which links hide by default
      const key = loaded.graph.nodes()[7]!;
      expect(Object.keys(graph.getNodeAttributes(key)).sort()).toEqual(
        ['color', 'colors', 'label', 'size', 'sizes', 'x', 'y'].sort(),
      );
      const expected = loaded.graph.getNodeAttributes(key);
      expect(graph.getNodeAttributes(key)).toMatchObject({
        label: expected.label,
        x: expected.x,
        color: expected.color,
      });
      loaded.graph.forEachEdge((edge, a) => {
        expect(graph.getEdgeAttributes(edge)).toEqual({ kind: a.kind, surveyOnly: a.surveyOnly });
      });
      completeGraph(graph, bin, file.side, 'g.side.json');
      expect(graph.nodes()).toEqual(loaded.graph.nodes());
      expect(graph.edges()).toEqual(loaded.graph.edges());
      loaded.graph.forEachNode((node, a) =>
        expect(sortKeys(graph.getNodeAttributes(node))).toEqual(sortKeys(a)),
      );
      loaded.graph.forEachEdge((edge, a) =>
        expect(sortKeys(graph.getEdgeAttributes(edge))).toEqual(sortKeys(a)),
      );
      expect(checkMetaSchema(bin.meta)).toStrictEqual(loaded.meta);
    });
  }

  it('the bundled graph has links hidden by default, and the binary alone says which', () => {
    const loaded = bundled();
    const graph = visualGraph(decodeGraphBinary(encoded(loaded).buffer, 'g.bin', checkMetaShape));
    const hidden = graph.filterEdges((_e, a) => a.surveyOnly === true).length;
    expect(hidden).toBeGreaterThan(0);
    expect(hidden).toBe(loaded.graph.filterEdges((_e, a) => a.surveyOnly).length);
  });

  it('refuses a side table of another build or with a record that is not an object', () => {
    const file = encoded(synthetic(40));
    const bin = decodeGraphBinary(file.buffer, 'g.bin', checkMetaShape);
    expect(() => completeGraph(visualGraph(bin), bin, encoded(synthetic(40, 9)).side, 'g.side.json')).toThrow(
      /^g\.side\.json: field "payloadCrc"/,
    );
    const json = JSON.parse(file.side);
    json.edges[5] = 'x';
    expect(() => completeGraph(visualGraph(bin), bin, JSON.stringify(json), 'g.side.json')).toThrow(
      /^g\.side\.json: edges\[5\]: expected an object$/,
    );
  });
});

describe('checkMetaShape', () => {
  it('accepts a graph file meta and names the first field that is missing', () => {
    const { meta } = bundled();
    expect(checkMetaShape(meta)).toBe(meta);
    expect(() => checkMetaShape(null)).toThrow('expected an object');
    expect(() => checkMetaShape({ ...meta, dataset: {} })).toThrow(/dataset\.name/);
    expect(() => checkMetaShape({ ...meta, taxonomy: { dimensions: [] } })).toThrow(/taxonomy/);
    expect(() => checkMetaShape({ ...meta, counts: undefined })).toThrow(/counts/);
  });

  it('is what decodeGraphBinary reports, under section DICT', () => {
    const loaded = synthetic(20);
    const file = encoded({ ...loaded, meta: { ...loaded.meta, dataset: { name: 1 } } as never });
    expect(() => decodeGraphBinary(file.buffer, 'g.bin', checkMetaShape)).toThrow(
      /^g\.bin: section DICT, field "meta": dataset\.name: expected a string$/,
    );
  });
});

describe('linkHoldsView', () => {
  it('is false for no parameters or only the graph, true for anything else', () => {
    expect(linkHoldsView('')).toBe(false);
    expect(linkHoldsView('?graph=bench/g.json')).toBe(false);
    expect(linkHoldsView('?graph=g.json&sel=p1')).toBe(true);
    expect(linkHoldsView('?color=year')).toBe(true);
  });
});
