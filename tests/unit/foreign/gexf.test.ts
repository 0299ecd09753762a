import { describe, expect, it } from 'vitest';
import { readGexf } from '../../../src/foreign/gexf';
import { edgePairs, expectError, fixture, nodeByKey } from './support';

const read = (name: string) => readGexf(fixture(name), name);

describe('readGexf on files written by networkx (GEXF 1.2draft)', () => {
  it('reads the karate club: members, ties, typed attributes, labels and viz', () => {
    const g = read('karate.gexf');
    expect(g.format).toBe('gexf');
    expect(g.file).toBe('karate.gexf');
    expect(g.name).toBe("Zachary's karate club");
    expect(g.directed).toBe(false);
    expect(g.nodes).toHaveLength(34);
    expect(g.edges).toHaveLength(78);
    expect(g.warnings).toEqual([]);
    expect(g.nodeAttributes).toEqual([
      { name: 'club', type: 'string' },
      { name: 'degree', type: 'integer' },
      { name: 'centrality', type: 'float' },
    ]);
    const first = nodeByKey(g, '0');
    expect(first.label).toBe('Member 1');
    expect(first.attributes).toEqual({ club: 'Mr. Hi', degree: 16, centrality: 0.4848 });
    expect([first.x, first.y, first.size, first.color]).toEqual([100, 0, 20, '#e69f00']);
    const last = nodeByKey(g, '33');
    expect(last.attributes.club).toBe('Officer');
    expect(last.color).toBe('#0072b2');
    expect(last.y).toBe(-18.37);
    for (const n of g.nodes) expect(n.size).toBe(4 + (n.attributes.degree as number));
    const clubs = g.nodes.map((n) => n.attributes.club);
    expect(clubs.filter((c) => c === 'Mr. Hi')).toHaveLength(17);
    expect(clubs.filter((c) => c === 'Officer')).toHaveLength(17);
    // every tie is undirected, weighted, counted once per member in its degree
    const degree = new Map<string, number>();
    for (const e of g.edges) {
      expect(e.directed).toBe(false);
      expect(e.weight).toBeGreaterThan(0);
      for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    for (const n of g.nodes) expect(degree.get(n.key)).toBe(n.attributes.degree);
    expect(g.edges.find((e) => e.source === '0' && e.target === '1')?.weight).toBe(4);
  });

  it('reads the citation DAG: directed edges, escaped labels, booleans and the edge kind as label', () => {
    const g = read('citations.gexf');
    expect(g.directed).toBe(true);
    expect(g.name).toBe('Toy citations');
    expect(g.nodes).toHaveLength(12);
    expect(g.edges).toHaveLength(19);
    expect(g.nodeAttributes.map((a) => `${a.name}:${a.type}`)).toEqual([
      'year:integer',
      'venue:string',
      'score:float',
      'has_code:boolean',
    ]);
    const survey = nodeByKey(g, 'p12');
    expect(survey.label).toBe('Survey & review <2025>');
    expect(survey.attributes).toEqual({ year: 2025, venue: 'TPAMI', score: 4.5, has_code: false });
    expect(nodeByKey(g, 'p02').attributes.has_code).toBe(true);
    expect(survey.x).toBeUndefined();
    expect(survey.color).toBeUndefined();
    const first = g.edges[0];
    expect(first).toMatchObject({
      source: 'p02',
      target: 'p01',
      directed: true,
      label: 'builds-on',
      weight: 1,
    });
    expect(g.edges.filter((e) => e.label === 'builds-on')).toHaveLength(5);
  });
});

describe('readGexf on hand-written files', () => {
  it('reads Gephi-style GEXF 1.3: meta, hex and rgb colours, defaults, lists, dynamic values, edge types', () => {
    const g = read('gephi-1.3.gexf');
    expect(g.name).toBe('Les Misérables, a few characters');
    expect(g.directed).toBe(true);
    expect(g.nodeAttributes).toEqual([
      { name: 'Modularity Class', type: 'integer' },
      { name: 'Role', type: 'string' },
      { name: 'Tags', type: 'string', list: true },
      { name: 'Main', type: 'boolean' },
      { name: 'Score', type: 'float' },
    ]);
    const myriel = nodeByKey(g, 'n0');
    expect(myriel.color).toBe('#f5a623');
    expect([myriel.x, myriel.y, myriel.size]).toEqual([-418.08344, 444.3, 28.685715]);
    expect(myriel.attributes).toEqual({
      'Modularity Class': 0,
      Role: 'bishop',
      // a liststring, as Gephi writes it: the items
      Tags: ['clergy', 'Digne'],
      Score: 1.5,
      Main: false,
    });
    expect(nodeByKey(g, 'n1').color).toBe('#0072b2');
    expect(nodeByKey(g, 'n2').attributes).toEqual({ 'Modularity Class': 1, Main: true, Role: 'minor' });
    const cosette = nodeByKey(g, 'n3');
    expect(cosette.label).toBe('Cosette & Marius');
    expect(cosette.color).toBe('#00cc00');
    expect('Score' in cosette.attributes).toBe(false);
    expect(nodeByKey(g, 'n4').attributes).toEqual({ Role: 'minor', Main: false });
    expect(edgePairs(g)).toEqual(['n1--n3', 'n1->n0', 'n2--n4', 'n2->n1']);
    expect(g.edges.find((e) => e.source === 'n1' && e.target === 'n0')).toMatchObject({
      label: 'mentor',
      weight: 3,
      attributes: { Since: 1815 },
    });
    // the two undirected Cosette–Valjean edges, merged: no weight counts as 1
    expect(g.edges.find((e) => !e.directed && e.source === 'n3')?.weight).toBe(3);
    expect(g.edges.find((e) => e.source === 'n4')).toMatchObject({ directed: false, label: 'enemy' });
    expect(g.warnings).toEqual([
      '1 value not a finite number (NaN or infinity) left out.',
      '1 later value of dynamic attributes ignored: the first value of each is kept.',
      '1 self-loop (an edge from a node to itself) left out.',
      '1 parallel edge (between the same two nodes, same direction) merged into the first one; weights added (1 for an edge without one).',
    ]);
  });

  it('reads GEXF 1.1: attvalues named by id, undirected when no default edge type is given', () => {
    const g = read('gexf-1.1.gexf');
    expect(g.directed).toBe(false);
    expect(nodeByKey(g, '0').attributes).toEqual({ url: 'https://gephi.org', indegree: 1 });
    expect(nodeByKey(g, '2').attributes).toEqual({});
    expect(edgePairs(g)).toEqual(['0--1', '1--2']);
    expect(g.warnings).toHaveLength(1);
    expect(g.warnings[0]).toMatch(/^1 parallel edge/);
  });
});

const GEXF = (graph: string, attrs = '') =>
  `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph ${attrs}>\n${graph}\n</graph>\n</gexf>\n`;

describe('readGexf on small inline documents', () => {
  it('keeps an attribute declared twice under one title apart', () => {
    const g = readGexf(
      GEXF(`<attributes class="node"><attribute id="a" title="x" type="integer"/><attribute id="b" title="x" type="string"/></attributes>
<nodes><node id="1"><attvalues><attvalue for="a" value="7"/><attvalue for="b" value="seven"/></attvalues></node></nodes>`),
      'twice.gexf',
    );
    expect(g.nodeAttributes).toEqual([
      { name: 'x', type: 'integer' },
      { name: 'x (b)', type: 'string' },
    ]);
    expect(g.nodes[0]?.attributes).toEqual({ x: 7, 'x (b)': 'seven' });
  });

  it('names the line, node and attribute of an attvalue for an undeclared attribute', () => {
    expectError(
      () =>
        readGexf(
          GEXF(
            '<nodes>\n<node id="a">\n<attvalues><attvalue for="zz" value="1"/></attvalues></node></nodes>',
          ),
          'u.gexf',
        ),
      { file: 'u.gexf', line: 6, record: 'node "a"', field: 'attvalue' },
      /names no declared attribute: "zz"/,
    );
  });

  it('refuses an unknown edge type and default edge type, naming the edge', () => {
    expectError(
      () =>
        readGexf(
          GEXF(
            '<nodes><node id="a"/><node id="b"/></nodes>\n<edges><edge id="e" source="a" target="b" type="sideways"/></edges>',
          ),
          't.gexf',
        ),
      { file: 't.gexf', line: 5, record: 'edge "e"', field: 'type' },
      /"sideways" is not an edge type/,
    );
    expectError(
      () => readGexf(GEXF('<nodes><node id="a"/></nodes>', 'defaultedgetype="both"'), 'd.gexf'),
      { file: 'd.gexf', line: 3, record: 'graph', field: 'defaultedgetype' },
      /"both" is not an edge type/,
    );
  });

  it('refuses a bad default value, a bad weight and a bad position', () => {
    expectError(
      () =>
        readGexf(
          GEXF(
            '<attributes class="edge">\n<attribute id="0" title="w" type="float"><default>heavy</default></attribute></attributes><nodes><node id="a"/></nodes>',
          ),
          'w.gexf',
        ),
      { file: 'w.gexf', line: 5, record: 'edge attribute "0"', field: 'default' },
      /"heavy" is not a number/,
    );
    expectError(
      () =>
        readGexf(
          GEXF(
            '<nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" weight="x"/></edges>',
          ),
          'w.gexf',
        ),
      { file: 'w.gexf', line: 4, record: 'edge 1', field: 'weight' },
      /"x" is not a finite number/,
    );
    expectError(
      () => readGexf(GEXF('<nodes><node id="a"><position x="1" y="far"/></node></nodes>'), 'p.gexf'),
      { file: 'p.gexf', line: 4, record: 'node "a"', field: 'viz:position y' },
      /"far" is not a finite number/,
    );
  });

  it('refuses another XML root and says which format it expected', () => {
    expectError(
      () => readGexf(fixture('karate.graphml'), 'k.gexf'),
      { file: 'k.gexf', line: 2 },
      /root element is <graphml>, not <gexf>: this is not a GEXF file/,
    );
  });

  it('says when a hierarchy (nested nodes, parent links) or further graphs are not read; an empty label is none', () => {
    const g = readGexf(
      `<gexf><graph><nodes><node id="a" label=""><nodes><node id="a1"/></nodes></node><node id="b" pid="a"/></nodes></graph><graph/></gexf>`,
      'h.gexf',
    );
    expect(g.nodes.map((n) => n.key)).toEqual(['a', 'b']);
    expect(g.warnings).toEqual([
      '1 further <graph> element ignored: only the first is read.',
      '1 node with nested nodes (a hierarchy): the nested nodes are not read.',
      '1 parent link (pid or <parents>) ignored: the hierarchy is read flat.',
    ]);
    expect(g.nodes[0]?.label).toBeUndefined();
  });
});
