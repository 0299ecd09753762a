/**
 * Graph files made elsewhere as the explorer's graph: from bad options, through small inline graphs,
 * to the files networkx wrote (tests/fixtures/foreign/make.py).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorByChoices, GraphMetaSchema, NodeAttributesSchema, sizeByChoices } from '../../../src/model';
import { convertForeignGraph, categoricalColors, slug, yearOf } from '../../../src/foreign/convert';
import { openGraphText } from '../../../src/foreign/open';
import { readForeignGraph } from '../../../src/foreign/read';
import type { ForeignGraph } from '../../../src/foreign/types';
import { parseGraphFile } from '../../../src/graph/load';
import { serializeGraphFile } from '../../../src/graph/serialize';
import { nodeCategory } from '../../../src/graph/categories';

const DIR = join(__dirname, '../../fixtures/foreign');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const read = (name: string) => readForeignGraph(text(name), name);

/** A small undirected graph of `n` nodes in a path, with the given node attributes. */
function inline(
  attrs: Record<string, (i: number) => string | number | boolean | undefined>,
  n = 6,
): ForeignGraph {
  const names = Object.keys(attrs);
  return {
    format: 'json',
    file: 'inline.json',
    directed: false,
    nodeAttributes: names.map((name) => ({
      name,
      type: typeof attrs[name]!(0) === 'number' ? 'integer' : 'string',
    })),
    nodes: Array.from({ length: n }, (_, i) => ({
      key: `n${i}`,
      attributes: Object.fromEntries(
        names.flatMap((name) => (attrs[name]!(i) === undefined ? [] : [[name, attrs[name]!(i)!]])),
      ),
    })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({
      source: `n${i}`,
      target: `n${i + 1}`,
      directed: false,
      attributes: {},
    })),
    warnings: [],
  };
}

describe('convertForeignGraph: options and helpers', () => {
  const g = inline({ group: (i) => (i % 2 ? 'a' : 'b') });
  it('rejects unknown and bad options', () => {
    expect(() => convertForeignGraph(g, { seeds: 1 } as never)).toThrow('unknown option "seeds"');
    expect(() => convertForeignGraph(g, { seed: -1 })).toThrow('seed must be an integer >= 0');
    expect(() => convertForeignGraph(g, { maxCategories: 1 })).toThrow(
      'maxCategories must be an integer >= 2',
    );
    expect(() => convertForeignGraph(g, { minSize: 5, maxSize: 2 })).toThrow('need 0 < minSize <= maxSize');
  });

  it('slugs names, reads years, and spreads colours', () => {
    expect(slug('Modularity Class')).toBe('modularity-class');
    expect(slug('  Année ')).toBe('annee');
    expect(slug('∑')).toBe('attribute');
    expect(yearOf(2019)).toEqual({ year: 2019, month: null });
    expect(yearOf('2019-05-17')).toEqual({ year: 2019, month: 5 });
    expect(yearOf('2019/13')).toEqual({ year: 2019, month: null });
    expect(yearOf(2019.5)).toBeNull();
    expect(yearOf('May 2019')).toBeNull();
    expect(yearOf(1850)).toBeNull();
    expect(new Set(categoricalColors(9)).size).toBe(9);
    const many = categoricalColors(20);
    expect(new Set(many).size).toBe(20);
    for (const c of many) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('convertForeignGraph: which attributes become what', () => {
  it('makes a repeated text attribute a dimension, never one with a value per node or a single value', () => {
    const g = inline({
      group: (i) => (i < 4 ? 'left' : 'right'),
      name: (i) => `Node ${i}`,
      kind: () => 'same',
      note: (i) => (i === 2 ? 'x' : undefined),
    });
    const { graph, meta } = convertForeignGraph(g);
    expect(meta.taxonomy.dimensions.map((d) => d.id)).toEqual(['group']);
    const group = meta.taxonomy.dimensions[0]!;
    expect(group.categories.map((c) => [c.id, c.label])).toEqual([
      ['left', 'left'],
      ['right', 'right'],
    ]);
    // `name` labels the nodes; every attribute stays for the details
    expect(graph.getNodeAttribute('n0', 'label')).toBe('Node 0');
    expect(graph.getNodeAttribute('n2', 'attributes')).toEqual({
      group: 'left',
      name: 'Node 2',
      kind: 'same',
      note: 'x',
    });
    expect(nodeCategory(graph.getNodeAttributes('n5'), 'group')).toBe('right');
    expect(graph.getNodeAttribute('n5', 'colors').group).toBe(group.categories[1]!.color);
  });

  it('keeps dimension ids clear of the computed colourings and of the fields papers hold their categories in', () => {
    const g = inline({
      family: (i) => (i % 2 ? 'x' : 'y'),
      year: (i) => (i % 2 ? 'odd' : 'even'),
      community: (i) => (i < 3 ? 'p' : 'q'),
    });
    const { graph, meta } = convertForeignGraph(g);
    const ids = meta.taxonomy.dimensions.map((d) => d.id);
    expect(ids).toEqual(['family-2', 'year-2', 'community-2']);
    expect(meta.taxonomy.dimensions.map((d) => d.label)).toEqual(['family', 'year', 'community']);
    const a = graph.getNodeAttributes('n1');
    expect(a.family).toBeUndefined();
    expect(a.dimensions).toEqual({ 'family-2': ['x'], 'year-2': ['odd'], 'community-2': ['p'] });
    expect(a.year).toBeNull();
  });

  it('colours by an integer attribute only when it numbers groups (modularity_class), and sizes by it', () => {
    const g = inline({ modularity_class: (i) => i % 3, degree: (i) => i % 3 });
    const { meta } = convertForeignGraph(g);
    expect(meta.taxonomy.dimensions.map((d) => [d.id, d.categories.map((c) => c.id)])).toEqual([
      ['modularity-class', ['0', '1', '2']],
    ]);
    expect(meta.measures?.map((m) => m.id)).toEqual(['modularity-class', 'degree']);
  });

  it('gives categories slug ids (for links) and keeps their text as labels', () => {
    const g = inline({ club: (i) => ['Mr. Hi', 'A b', 'a-b'][i % 3]! });
    const { graph, meta } = convertForeignGraph(g);
    expect(meta.taxonomy.dimensions[0]!.categories.map((c) => [c.id, c.label])).toEqual([
      ['a-b', 'A b'],
      ['mr-hi', 'Mr. Hi'],
      ['a-b-2', 'a-b'],
    ]);
    expect(graph.getNodeAttribute('n2', 'dimensions')).toEqual({ club: ['a-b-2'] });
    expect(graph.getNodeAttribute('n2', 'attributes')).toEqual({ club: 'a-b' });
  });

  it('drops an attribute with more distinct values than maxCategories', () => {
    const g = inline({ bucket: (i) => `b${i % 5}` }, 20);
    expect(convertForeignGraph(g).meta.taxonomy.dimensions.map((d) => d.id)).toEqual(['bucket']);
    expect(convertForeignGraph(g, { maxCategories: 4 }).meta.taxonomy.dimensions).toEqual([]);
  });

  it('takes years only when every node has one', () => {
    const all = convertForeignGraph(inline({ year: (i) => 2010 + i }));
    expect(all.meta.years).toEqual([2010, 2015]);
    expect(all.graph.getNodeAttribute('n3', 'year')).toBe(2013);
    const some = convertForeignGraph(inline({ year: (i) => (i === 0 ? undefined : 2010 + i) }));
    expect(some.meta.years).toBeNull();
    expect(some.graph.everyNode((_n, a) => a.year === null)).toBe(true);
    expect(colorByChoices(some.meta)).not.toContain('year');
  });

  it('sizes by every numeric attribute that varies, on the build square-root scale', () => {
    const g = inline({ score: (i) => i * i, flat: () => 3 });
    const { graph, meta } = convertForeignGraph(g);
    expect(meta.measures).toEqual([{ id: 'score', label: 'score' }]);
    expect(sizeByChoices(meta)).toEqual(['citations', 'pagerank', 'uniform', 'score']);
    expect(graph.getNodeAttribute('n0', 'sizes').score).toBe(3);
    expect(graph.getNodeAttribute('n5', 'sizes').score).toBe(18);
    expect(graph.getNodeAttribute('n1', 'sizes').score).toBeCloseTo(3 + 15 * Math.sqrt(1 / 25), 2);
  });
});

describe('convertForeignGraph on files networkx wrote', () => {
  it("karate.gexf: the file's colours, sizes and positions, its club as a dimension, undirected links", () => {
    const fg = read('karate.gexf');
    const { graph, meta } = convertForeignGraph(fg);
    expect(graph.order).toBe(34);
    expect(graph.size).toBe(78);
    expect(meta.dataset.name).toBe("Zachary's karate club");
    // `degree` is an integer that measures, not one that numbers groups: a size, not a colour
    expect(meta.taxonomy.dimensions.map((d) => d.id)).toEqual(['color-in-file', 'club']);
    expect(meta.taxonomy.dimensions[0]!.categories.map((c) => c.color).sort()).toEqual([
      '#0072b2',
      '#e69f00',
    ]);
    expect(colorByChoices(meta)[0]).toBe('color-in-file');
    expect(meta.measures?.map((m) => m.label)).toEqual(['Size in file', 'degree', 'centrality']);
    expect(meta.years).toBeNull();
    expect(meta.counts.byKind).toMatchObject({ links: 78 });
    graph.forEachEdge((_e, a) => {
      expect(a).toMatchObject({
        kind: 'links',
        undirected: true,
        provenance: [{ source: 'file', file: 'karate.gexf', format: 'gexf' }],
      });
    });
    // an undirected link counts at both ends: the in-set count is the degree networkx recorded
    graph.forEachNode((n, a) => {
      expect(a.citations).toBe(a.attributes!.degree);
      expect(a.x).toBe(fg.nodes.find((f) => f.key === n)!.x);
    });
    expect(meta.build.layoutIterations).toBe(0);
    const hub = graph.findNode((_n, a) => a.attributes!.degree === 17)!;
    const leaf = graph.findNode((_n, a) => a.attributes!.degree === 1)!;
    expect(graph.getNodeAttribute(hub, 'sizes').degree).toBe(18);
    expect(graph.getNodeAttribute(leaf, 'sizes').degree).toBe(3);
    expect(graph.getNodeAttribute(hub, 'label')).toMatch(/^Member \d+$/);
  });

  it('karate.graphml (no positions): laid out by the build layout, deterministic', () => {
    const a = convertForeignGraph(read('karate.graphml'));
    const b = convertForeignGraph(read('karate.graphml'));
    expect(a.meta.build.layoutIterations).toBeGreaterThan(0);
    expect(serializeGraphFile(a.graph, a.meta)).toBe(serializeGraphFile(b.graph, b.meta));
    const xs = new Set(a.graph.mapNodes((_n, attrs) => attrs.x));
    expect(xs.size).toBeGreaterThan(30);
  });

  it('the citation DAG reads the same from GEXF, GraphML, node-link and graphology JSON', () => {
    const files = [
      'citations.gexf',
      'citations.graphml',
      'citations.json',
      'citations-nodelink-edges.json',
      'citations-graphology.json',
    ];
    const shapes = files.map((f) => {
      const { graph, meta } = convertForeignGraph(read(f));
      return {
        nodes: graph.mapNodes((n, a) => [n, a.label, a.year, a.dimensions]).sort(),
        edges: graph.mapEdges((_e, a, s, t) => [s, t, a.kind, a.undirected ?? false]).sort(),
        // in the file's order of attributes, which networkx's GraphML writes differently
        dims: meta.taxonomy.dimensions.map((d) => d.id).sort(),
        measures: meta.measures?.map((m) => m.id).sort(),
        years: meta.years,
      };
    });
    for (const s of shapes.slice(1)) expect(s).toEqual(shapes[0]);
    const first = shapes[0]!;
    expect(first.years).toEqual([2014, 2025]);
    expect(first.dims).toEqual(['has-code', 'venue']);
    expect(first.edges.filter((e) => e[2] === 'builds-on')).toHaveLength(5);
    expect(first.edges.filter((e) => e[2] === 'cites')).toHaveLength(14);
    // the year places the papers in time; it is no size measure
    expect(first.measures).toEqual(['score']);
  });

  it('gives a graph file the explorer loads back (every node and the meta valid)', () => {
    for (const f of ['karate.gexf', 'citations.graphml']) {
      const { graph, meta } = convertForeignGraph(read(f));
      expect(GraphMetaSchema.safeParse(meta).success).toBe(true);
      graph.forEachNode((_n, a) => expect(NodeAttributesSchema.safeParse(a).success).toBe(true));
      const back = parseGraphFile(JSON.parse(serializeGraphFile(graph, meta)), f);
      expect(back.graph.order).toBe(graph.order);
      expect(back.meta).toEqual(meta);
    }
  });
});

describe('openGraphText', () => {
  it("opens the explorer's own graph file as the build wrote it", () => {
    const small = readFileSync(join(__dirname, '../../fixtures/graphs/small.json'), 'utf8');
    const opened = openGraphText(small, 'small.json');
    expect(opened.format).toBe('atlas');
    expect(opened.loaded.meta).toEqual(parseGraphFile(JSON.parse(small), 'small.json').meta);
  });

  it('converts a foreign file and passes on its warnings', () => {
    const opened = openGraphText(text('multi.graphml'), 'multi.graphml');
    expect(opened.format).toBe('graphml');
    expect(opened.loaded.graph.order).toBe(3);
    expect(opened.warnings.join(' ')).toMatch(/self-loop/);
  });

  it('refuses a graph over the node limit, and a malformed file, naming the file', () => {
    expect(() => openGraphText(text('karate.gexf'), 'karate.gexf', { maxNodes: 30 })).toThrow(
      'karate.gexf: 34 nodes: the explorer opens graphs of up to 30 nodes.',
    );
    expect(() => openGraphText(text('malformed/unclosed-tag.gexf'), 'unclosed-tag.gexf')).toThrow(
      /^unclosed-tag\.gexf:\d+/,
    );
    expect(() => openGraphText(text('malformed/neither.json'), 'neither.json')).toThrow(/^neither\.json/);
  });
});
