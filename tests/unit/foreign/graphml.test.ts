import { describe, expect, it } from 'vitest';
import { readGexf } from '../../../src/foreign/gexf';
import { readGraphml } from '../../../src/foreign/graphml';
import { edgePairs, expectError, fixture, nodeByKey } from './support';

const read = (name: string) => readGraphml(fixture(name), name);

const GRAPHML = (body: string, edgedefault = 'directed') =>
  `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${body.replace('<graph>', `<graph edgedefault="${edgedefault}">`)}\n</graphml>\n`;

describe('readGraphml on files written by networkx', () => {
  it('reads the karate club as the GEXF of the same graph, with the label as an attribute', () => {
    const g = read('karate.graphml');
    const gexf = readGexf(fixture('karate.gexf'), 'karate.gexf');
    expect(g.format).toBe('graphml');
    expect(g.name).toBe("Zachary's karate club");
    expect(g.directed).toBe(false);
    expect(g.warnings).toEqual([]);
    // networkx writes the keys in reverse order of first use
    expect(g.nodeAttributes).toEqual([
      { name: 'centrality', type: 'float' },
      { name: 'degree', type: 'integer' },
      { name: 'label', type: 'string' },
      { name: 'club', type: 'string' },
    ]);
    expect(g.nodes.map((n) => n.key)).toEqual(gexf.nodes.map((n) => n.key));
    for (const n of gexf.nodes) {
      const m = nodeByKey(g, n.key);
      expect(m.attributes).toEqual({ ...n.attributes, label: n.label });
      expect(m.label).toBeUndefined();
      expect(m.x).toBeUndefined();
    }
    expect(edgePairs(g)).toEqual(edgePairs(gexf));
    expect(g.edges.map((e) => e.weight)).toEqual(gexf.edges.map((e) => e.weight));
    expect(g.edges[0]?.attributes).toEqual({ weight: 4 });
  });

  it("reads the citation DAG: directed, long as integer, Python's True/False as booleans", () => {
    const g = read('citations.graphml');
    expect(g.directed).toBe(true);
    expect(g.name).toBe('Toy citations');
    expect(g.nodes).toHaveLength(12);
    expect(g.edges).toHaveLength(19);
    expect(nodeByKey(g, 'p01').attributes).toEqual({
      label: 'Foundations',
      year: 2014,
      venue: 'NeurIPS',
      score: 9.5,
      has_code: false,
    });
    expect(nodeByKey(g, 'p12').attributes.label).toBe('Survey & review <2025>');
    expect(g.nodes.filter((n) => n.attributes.has_code === true)).toHaveLength(7);
    expect(g.edges[0]).toEqual({
      source: 'p02',
      target: 'p01',
      directed: true,
      label: 'builds-on',
      weight: 1,
      attributes: { kind: 'builds-on', weight: 1 },
    });
  });

  it('drops the self-loop and merges the parallel edges of a multigraph, adding their weights', () => {
    const g = read('multi.graphml');
    expect(edgePairs(g)).toEqual(['a->b', 'b->c', 'c->a']);
    const ab = g.edges.find((e) => e.source === 'a' && e.target === 'b');
    expect(ab?.weight).toBe(3);
    expect(ab?.attributes.weight).toBe(3);
    expect(g.warnings).toEqual([
      '1 self-loop (an edge from a node to itself) left out.',
      '1 parallel edge (between the same two nodes, same direction) merged into the first one; weights added (1 for an edge without one).',
    ]);
  });
});

describe('readGraphml on a yEd-style file', () => {
  it('skips the graphics, ports, nested graphs and hyperedges, saying so, and keeps the data', () => {
    const g = read('yed.graphml');
    expect(g.directed).toBe(false);
    expect(g.nodes.map((n) => n.key)).toEqual(['n0', 'n1', 'n2']);
    expect(g.nodeAttributes).toEqual([
      { name: 'description', type: 'string' },
      { name: 'url', type: 'string' },
    ]);
    expect(nodeByKey(g, 'n0').attributes).toEqual({ description: 'The start' });
    expect(nodeByKey(g, 'n1').attributes).toEqual({ url: 'https://example.org/n1' });
    // e1 is directed on its own; e0 and e2 take the key's default weight
    expect(g.edges.map((e) => [e.source, e.target, e.directed, e.weight])).toEqual([
      ['n0', 'n1', false, 1.5],
      ['n1', 'n2', true, 4],
      ['n2', 'n1', false, 1.5],
    ]);
    expect(g.warnings).toEqual([
      'yEd graphics (3 data elements) ignored.',
      '1 graph nested in nodes ignored: only the top-level graph is read.',
      '1 port ignored: edges are read between nodes.',
      '1 hyperedge ignored.',
    ]);
  });
});

describe('readGraphml on small inline documents', () => {
  it('reads an unknown attr.type as text, with a warning, and a key without attr.name by its id', () => {
    const g = readGraphml(
      GRAPHML(
        '<key id="k" for="node" attr.type="date"/><key id="raw" for="node"/>\n<graph>\n<node id="a"><data key="k">2024-01-01</data><data key="raw">x</data></node></graph>',
      ),
      'd.graphml',
    );
    expect(g.nodeAttributes).toEqual([
      { name: 'k', type: 'string' },
      { name: 'raw', type: 'string' },
    ]);
    expect(g.nodes[0]?.attributes).toEqual({ k: '2024-01-01', raw: 'x' });
    expect(g.warnings).toEqual(['Unknown attr.type "date" read as text.']);
  });

  it('applies node defaults to nodes only and edge defaults to edges only', () => {
    const g = readGraphml(
      GRAPHML(`<key id="c" for="node" attr.name="colour" attr.type="string"><default>grey</default></key>
<key id="w" for="edge" attr.name="weight" attr.type="double"><default>2</default></key>
<graph><node id="a"/><node id="b"><data key="c">red</data></node><edge source="a" target="b"/></graph>`),
      'def.graphml',
    );
    expect(g.nodes.map((n) => n.attributes)).toEqual([{ colour: 'grey' }, { colour: 'red' }]);
    expect(g.edges[0]?.attributes).toEqual({ weight: 2 });
    expect(g.nodeAttributes).toEqual([{ name: 'colour', type: 'string' }]);
  });

  it('fills x and y from numeric x and y attributes (as Gephi writes them)', () => {
    const g = readGraphml(
      GRAPHML(`<key id="x" for="node" attr.name="x" attr.type="float"/><key id="y" for="node" attr.name="y" attr.type="float"/>
<graph><node id="a"><data key="x">1.5</data><data key="y">-2</data></node><node id="b"><data key="x">3</data></node></graph>`),
      'xy.graphml',
    );
    expect([g.nodes[0]?.x, g.nodes[0]?.y]).toEqual([1.5, -2]);
    expect(g.nodes[1]?.x).toBeUndefined();
  });

  it('refuses a bad edgedefault, a bad directed flag, a bad default and a key declared twice', () => {
    expectError(
      () => readGraphml(GRAPHML('<graph><node id="a"/></graph>', 'sideways'), 'e.graphml'),
      { file: 'e.graphml', line: 3, record: 'graph', field: 'edgedefault' },
      /"sideways" is not directed or undirected/,
    );
    expectError(
      () =>
        readGraphml(
          GRAPHML(
            '<graph>\n<node id="a"/><node id="b"/>\n<edge id="x" source="a" target="b" directed="yes"/></graph>',
          ),
          'f.graphml',
        ),
      { file: 'f.graphml', line: 5, record: 'edge "x"', field: 'directed' },
      /"yes" is not true or false/,
    );
    expectError(
      () =>
        readGraphml(
          GRAPHML(
            '<key id="k" for="node" attr.name="n" attr.type="int">\n<default>many</default></key><graph><node id="a"/></graph>',
          ),
          'k.graphml',
        ),
      { file: 'k.graphml', line: 4, record: 'key "k"', field: 'default' },
      /"many" is not an integer/,
    );
    expectError(
      () =>
        readGraphml(
          GRAPHML('<key id="k" for="node"/>\n<key id="k" for="edge"/><graph><node id="a"/></graph>'),
          'kk.graphml',
        ),
      { file: 'kk.graphml', line: 4, record: 'key "k"', field: 'id' },
      /declared twice/,
    );
  });

  it('refuses an edge without a source, naming it by its position', () => {
    expectError(
      () => readGraphml(GRAPHML('<graph><node id="a"/>\n<edge target="a"/></graph>'), 's.graphml'),
      { file: 's.graphml', line: 4, record: 'edge 1', field: 'source' },
      /missing/,
    );
  });
});
