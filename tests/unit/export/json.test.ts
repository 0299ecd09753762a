import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src/export/json';
import { parseGraphFile } from '../../../src/graph/load';
import { GRAPH_FILE_FORMAT, GRAPH_FILE_VERSION } from '../../../src/model';
import type { ExportInput } from '../../../src/export/types';
import { allInput, HOSTILE, load, REAL, SMALL, visibleInput } from './support';

/** The export, loaded back by the app's own loader. */
function loadBack(input: ExportInput) {
  const text = toJson(input);
  const json = JSON.parse(text);
  return { json, ...parseGraphFile(json, 'export.json') };
}

function expectSameScope(input: ExportInput): void {
  const { graph } = loadBack(input);
  expect(graph.nodes()).toEqual(input.graph.nodes().filter((n) => input.nodes.has(n)));
  for (const n of graph.nodes()) expect(graph.getNodeAttributes(n)).toEqual(input.graph.getNodeAttributes(n));
  const edges = input.graph.edges().filter((e) => input.edges.has(e));
  expect(graph.edges()).toEqual(edges);
  for (const e of edges) {
    expect(graph.source(e)).toBe(input.graph.source(e));
    expect(graph.target(e)).toBe(input.graph.target(e));
    expect(graph.getEdgeAttributes(e)).toEqual(input.graph.getEdgeAttributes(e));
  }
}

describe('JSON export', () => {
  it("is graphology's serialisation at the top level, with the dataset in the graph attributes", () => {
    for (const path of [SMALL, REAL]) {
      const loaded = load(path);
      const input = allInput(loaded);
      expectSameScope(input);
      const { json, meta } = loadBack(input);
      expect(Object.keys(json)).toEqual(['options', 'attributes', 'nodes', 'edges']);
      expect(json.options).toEqual({ type: 'directed', multi: false, allowSelfLoops: false });
      expect(json.attributes.format).toBe(GRAPH_FILE_FORMAT);
      expect(json.attributes.version).toBe(GRAPH_FILE_VERSION);
      expect(json.attributes.name).toBe(loaded.meta.dataset.name);
      expect(json.attributes.meta).toEqual(loaded.meta);
      expect(meta).toEqual(loaded.meta);
      // graphology reads it as it is: the same nodes, links and attributes
      const graph = Graph.from(json);
      expect(graph.type).toBe('directed');
      expect([graph.order, graph.size]).toEqual([loaded.graph.order, loaded.graph.size]);
      expect(graph.getNodeAttributes(loaded.graph.nodes()[0]!)).toEqual(
        loaded.graph.getNodeAttributes(loaded.graph.nodes()[0]!),
      );
      expect(graph.getAttribute('meta')).toEqual(loaded.meta);
      // the same text for the same input
      expect(toJson(input)).toBe(toJson(allInput(load(path))));
    }
  });

  it('is still read by the loader in the graph-file form of older exports', () => {
    const loaded = load(SMALL);
    const { json } = loadBack(allInput(loaded));
    const { format, version, meta, ...attributes } = json.attributes;
    const old = {
      format,
      version,
      meta,
      graph: { options: json.options, attributes, nodes: json.nodes, edges: json.edges },
    };
    const back = parseGraphFile(old, 'old-export.json');
    expect(back.meta).toEqual(loaded.meta);
    expect(back.graph.order).toBe(loaded.graph.order);
  });

  it('round-trips the hostile fixture through the loader', () => {
    expectSameScope(allInput(load(HOSTILE)));
  });

  it('keeps only the visible papers and links, with counts, years and community sizes updated', () => {
    const loaded = load(REAL);
    const input = visibleInput(
      loaded,
      { categories: { family: ['gan'] }, edgeKinds: ['cites', 'builds-on'] },
      'families GAN; cites, builds-on',
    );
    expectSameScope(input);
    const { meta, graph } = loadBack(input);
    expect(meta.counts.papers).toBe(input.nodes.size);
    expect(meta.counts.edges).toBe(input.edges.size);
    expect(meta.counts.byFamily.gan).toBe(input.nodes.size);
    expect(meta.counts.byFamily.diffusion).toBe(0);
    expect(meta.counts.byKind.compares).toBe(0);
    expect((meta.counts.byKind.cites ?? 0) + (meta.counts.byKind['builds-on'] ?? 0)).toBe(input.edges.size);
    const years = graph.mapNodes((_n, a) => a.year!);
    expect(meta.years).toEqual([Math.min(...years), Math.max(...years)]);
    expect(meta.communities.map((c) => c.id)).toEqual(loaded.meta.communities.map((c) => c.id));
    const inCommunity0 = graph.filterNodes((_n, a) => a.community === 0).length;
    expect(meta.communities.find((c) => c.id === 0)?.size).toBe(inCommunity0);
    expect(meta.communities.reduce((s, c) => s + c.size, 0)).toBe(input.nodes.size);
    expect(meta.inputsHash).toBe(loaded.meta.inputsHash);
    expect(meta.taxonomy).toEqual(loaded.meta.taxonomy);
  });

  it('records the export provenance in the graph attributes', () => {
    const loaded = load(SMALL);
    const input = visibleInput(loaded, { years: [2023, 2024] }, 'years 2023–2024');
    const { json } = loadBack(input);
    expect(json.attributes.export).toEqual({
      creator: 'Lineage Atlas',
      dataset: loaded.meta.dataset.name,
      inputsHash: loaded.meta.inputsHash,
      scope: 'visible',
      exported: '2026-11-29T21:30:00.000Z',
      filters: 'years 2023–2024',
      papers: input.nodes.size,
      links: input.edges.size,
    });
  });

  it('leaves out a link whose end is out of scope, even if the link set names it', () => {
    const loaded = load(SMALL);
    const input = allInput(loaded);
    const dropped = loaded.graph.nodes()[0] as string;
    const nodes = new Set([...input.nodes].filter((n) => n !== dropped));
    const { graph } = loadBack({ ...input, nodes });
    expect(graph.hasNode(dropped)).toBe(false);
    expect(graph.size).toBe(loaded.graph.size - loaded.graph.degree(dropped));
  });
});
