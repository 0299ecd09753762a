import { describe, expect, it } from 'vitest';
import { readGexf } from '../../../src/foreign/gexf';
import { readGraphJson } from '../../../src/foreign/json';
import { edgePairs, expectError, fixture, nodeByKey } from './support';

const read = (name: string) => readGraphJson(fixture(name), name);

describe("readGraphJson on files written by networkx and in graphology's format", () => {
  const gexf = readGexf(fixture('citations.gexf'), 'citations.gexf');
  for (const name of ['citations.json', 'citations-nodelink-edges.json', 'citations-graphology.json']) {
    it(`reads ${name} as the same graph as its GEXF, types inferred from the values`, () => {
      const g = read(name);
      expect(g.format).toBe('json');
      expect(g.name).toBe('Toy citations');
      expect(g.directed).toBe(true);
      expect(g.warnings).toEqual([]);
      expect(g.nodeAttributes).toEqual([
        { name: 'label', type: 'string' },
        { name: 'year', type: 'integer' },
        { name: 'venue', type: 'string' },
        { name: 'score', type: 'float' },
        { name: 'has_code', type: 'boolean' },
      ]);
      expect(g.nodes.map((n) => n.key)).toEqual(gexf.nodes.map((n) => n.key));
      for (const n of gexf.nodes)
        expect(nodeByKey(g, n.key).attributes).toEqual({ label: n.label, ...n.attributes });
      expect(edgePairs(g)).toEqual(edgePairs(gexf));
      expect(g.edges.map((e) => [e.label, e.weight])).toEqual(gexf.edges.map((e) => [e.label, e.weight]));
    });
  }

  it('also takes the parsed value instead of the text', () => {
    const g = readGraphJson(JSON.parse(fixture('citations.json')), 'parsed.json');
    expect(g.nodes).toHaveLength(12);
    expect(g.file).toBe('parsed.json');
  });
});

describe('readGraphJson: types, shapes and warnings', () => {
  it('types an attribute by all its values: integers, floats, mixed numbers, booleans, text', () => {
    const g = readGraphJson(
      {
        directed: false,
        nodes: [
          { id: 1, n: 1, f: 1, b: true, s: 'x', mixed: 1, gap: null },
          { id: 2, n: 2, f: 2.5, b: false, s: 'y', mixed: 'two' },
        ],
        links: [{ source: 1, target: 2 }],
      },
      'types.json',
    );
    expect(g.nodeAttributes).toEqual([
      { name: 'n', type: 'integer' },
      { name: 'f', type: 'float' },
      { name: 'b', type: 'boolean' },
      { name: 's', type: 'string' },
      { name: 'mixed', type: 'string' },
    ]);
    expect(g.nodes.map((n) => n.key)).toEqual(['1', '2']);
    expect(g.nodes[0]?.attributes).toEqual({ n: 1, f: 1, b: true, s: 'x', mixed: '1' });
    expect(g.edges).toEqual([{ source: '1', target: '2', directed: false, attributes: {} }]);
  });

  it('reads lists of values as list attributes, and leaves out objects with a warning naming the attributes', () => {
    const g = readGraphJson(
      {
        nodes: [
          { key: 'a', attributes: { tags: ['x', 'y'], pos: { x: 1 }, name: 'A' } },
          { key: 'b', attributes: { tags: [], name: 'B' } },
        ],
        edges: [{ source: 'a', target: 'b', attributes: { meta: {} } }],
      },
      'nested.json',
    );
    expect(g.nodes[0]?.attributes).toEqual({ tags: ['x', 'y'], name: 'A' });
    expect(g.nodes[1]?.attributes).toEqual({ tags: [], name: 'B' });
    expect(g.nodeAttributes).toEqual([
      { name: 'tags', type: 'string', list: true },
      { name: 'name', type: 'string' },
    ]);
    expect(g.warnings).toEqual([
      'Node attribute "pos" holds objects or nested lists: left out.',
      'Edge attribute "meta" holds objects or nested lists: left out.',
    ]);
  });

  it("reads graphology's options.type and per-edge undirected flag, and x/y attributes as a position", () => {
    const mixed = readGraphJson(
      {
        attributes: { name: 'Mixed' },
        nodes: [{ key: 'a', attributes: { x: 1, y: 2, size: 3, color: '#f00' } }, { key: 'b' }],
        edges: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'a', undirected: true },
        ],
      },
      'mixed.json',
    );
    expect(mixed.directed).toBe(true);
    expect(mixed.name).toBe('Mixed');
    expect(mixed.edges.map((e) => e.directed)).toEqual([true, false]);
    expect([mixed.nodes[0]?.x, mixed.nodes[0]?.y]).toEqual([1, 2]);
    const undirected = readGraphJson(
      {
        options: { type: 'undirected' },
        nodes: [{ key: 'a' }, { key: 'b' }],
        edges: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'a' },
        ],
      },
      'u.json',
    );
    expect(undirected.directed).toBe(false);
    expect(undirected.edges).toHaveLength(1);
    expect(undirected.warnings[0]).toMatch(/^1 parallel edge/);
  });

  it('drops a multigraph link\'s key but keeps a simple graph\'s "key" attribute', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    const multi = readGraphJson(
      { directed: true, multigraph: true, nodes, links: [{ source: 'a', target: 'b', key: 0 }] },
      'm.json',
    );
    expect(multi.edges[0]?.attributes).toEqual({});
    const simple = readGraphJson(
      { directed: true, multigraph: false, nodes, links: [{ source: 'a', target: 'b', key: 'k1' }] },
      's.json',
    );
    expect(simple.edges[0]?.attributes).toEqual({ key: 'k1' });
  });
});

describe('readGraphJson errors', () => {
  it("refuses a Lineage Atlas graph file: the app's own loader reads those", () => {
    expectError(
      () => readGraphJson({ format: 'lineage-atlas/graph', nodes: [] }, 'graph.json'),
      { file: 'graph.json', field: 'format' },
      /Lineage Atlas graph file/,
    );
  });

  it('refuses what is not an object with nodes', () => {
    expectError(() => readGraphJson('[1, 2]', 'list.json'), { file: 'list.json' }, /not a graph/);
    expectError(
      () => readGraphJson('{"nodes": {}}', 'obj.json'),
      { file: 'obj.json', field: 'nodes' },
      /neither graphology's serialisation nor networkx node-link JSON/,
    );
    expectError(
      () => readGraphJson('{"nodes": [{"name": "a"}]}', 'anon.json'),
      { file: 'anon.json', record: 'node 1' },
      /neither "key" \(graphology\) nor "id"/,
    );
  });

  it('names the node or edge with a missing or unusable id', () => {
    expectError(
      () => readGraphJson({ directed: true, nodes: [{ id: 'a' }, { label: 'b' }] }, 'n.json'),
      { file: 'n.json', record: 'node 2', field: 'id' },
      /missing/,
    );
    expectError(
      () =>
        readGraphJson(
          { directed: true, nodes: [{ id: 'a' }], links: [{ source: 'a', target: { id: 'a' } }] },
          'l.json',
        ),
      { file: 'l.json', record: 'link 1', field: 'target' },
      /is not a string or number id/,
    );
    expectError(
      () => readGraphJson({ nodes: [{ key: 'a' }], edges: ['a-b'] }, 'e.json'),
      { file: 'e.json', record: 'edge 1' },
      /is not an object/,
    );
    expectError(
      () => readGraphJson({ nodes: [{ key: 'a' }], edges: 'none' }, 'e2.json'),
      { file: 'e2.json', field: 'edges' },
      /is not a list/,
    );
  });

  it('names the line and column of a syntax error', () => {
    expectError(
      () => readGraphJson('{\n  "nodes": [\n    {"id": "a",}\n  ]\n}', 'comma.json'),
      { file: 'comma.json', line: 3 },
      /unexpected "}" at column 16/,
    );
  });
});
