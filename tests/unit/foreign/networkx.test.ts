/**
 * An independent reader: networkx reads the same fixtures (GEXF, GraphML, node-link JSON), and our
 * readers must find the same nodes, edges, attribute values, labels and viz. Needs python3 with
 * networkx (Debian: python3-networkx); skipped, with a message, only when python3 is absent.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ForeignGraph } from '../../../src/foreign/types';
import { edgePairs, FOREIGN, findPython, nodeByKey, readFixture } from './support';

const python = findPython();
if (python === null)
  console.warn(
    'SKIPPED foreign/networkx.test.ts: python3 is not installed, so networkx cannot read the fixtures.',
  );

/** Reads a fixture with networkx and prints its graph as JSON. */
const READER = `
import json, sys
try:
    import networkx as nx
except ImportError:
    sys.exit("networkx is missing: install it (Debian: apt-get install python3-networkx)")
path, how = sys.argv[1], sys.argv[2]
if how == "gexf":
    g = nx.read_gexf(path)
elif how == "graphml":
    g = nx.read_graphml(path)
else:
    with open(path, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), edges=how)
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": {str(n): d for n, d in g.nodes(data=True)},
    "edges": [[str(s), str(t), d] for s, t, d in g.edges(data=True)],
}))
`;

interface Dumped {
  directed: boolean;
  nodes: Record<string, Record<string, unknown> & { viz?: Viz }>;
  edges: [string, string, Record<string, unknown>][];
}
interface Viz {
  color?: { r: number; g: number; b: number };
  size?: number;
  position?: { x: number; y: number };
}

function networkx(name: string, how: string): Dumped {
  const run = spawnSync(python as string, ['-c', READER, `${FOREIGN}/${name}`, how], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`networkx could not read ${name}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Dumped;
}

function pairs(d: Dumped): string[] {
  return d.edges.map(([s, t]) => (d.directed ? `${s}->${t}` : [s, t].sort().join('--'))).sort();
}

/** Same nodes, attribute values (networkx keeps a GEXF label and viz beside them), edges and edge values. */
function expectSame(ours: ForeignGraph, theirs: Dumped): void {
  expect(ours.directed).toBe(theirs.directed);
  expect(ours.nodes.map((n) => n.key).sort()).toEqual(Object.keys(theirs.nodes).sort());
  for (const [key, data] of Object.entries(theirs.nodes)) {
    const node = nodeByKey(ours, key);
    const { viz, label, ...rest } = data;
    if (ours.format === 'gexf') {
      expect(node.label, `${key} label`).toBe(label);
      expect(node.attributes, key).toEqual(rest);
    } else {
      expect(node.attributes, key).toEqual(label === undefined ? rest : { ...rest, label });
    }
    if (viz?.color)
      expect(node.color).toBe(
        `#${[viz.color.r, viz.color.g, viz.color.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`,
      );
    if (viz?.size !== undefined) expect(node.size).toBe(viz.size);
    if (viz?.position) expect([node.x, node.y]).toEqual([viz.position.x, viz.position.y]);
  }
  expect(edgePairs(ours)).toEqual(pairs(theirs));
  for (const [s, t, data] of theirs.edges) {
    const edge = ours.edges.find(
      (e) => (e.source === s && e.target === t) || (!e.directed && e.source === t && e.target === s),
    );
    expect(edge, `${s} ${t}`).toBeDefined();
    expect(edge?.weight, `${s} ${t} weight`).toBe(data.weight);
    for (const [k, v] of Object.entries(edge?.attributes ?? {})) expect(data[k], `${s} ${t} ${k}`).toBe(v);
  }
}

describe.skipIf(python === null)('networkx reads the fixtures as our readers do', () => {
  const cases: [string, string][] = [
    ['karate.gexf', 'gexf'],
    ['karate.graphml', 'graphml'],
    ['citations.gexf', 'gexf'],
    ['citations.graphml', 'graphml'],
    ['citations.json', 'links'],
    ['citations-nodelink-edges.json', 'edges'],
  ];
  for (const [name, how] of cases) {
    it(name, () => {
      const ours = readFixture(name);
      const theirs = networkx(name, how);
      expectSame(ours, theirs);
      expect(Object.keys(theirs.nodes).length).toBeGreaterThan(10);
    });
  }

  it("multi.graphml: our edges are networkx's without the self-loop, parallel weights added", () => {
    const ours = readFixture('multi.graphml');
    const theirs = networkx('multi.graphml', 'graphml');
    expect(theirs.edges).toHaveLength(5);
    const sums = new Map<string, number>();
    for (const [s, t, d] of theirs.edges)
      if (s !== t) sums.set(`${s}->${t}`, (sums.get(`${s}->${t}`) ?? 0) + (d.weight as number));
    expect(edgePairs(ours)).toEqual([...sums.keys()].sort());
    for (const e of ours.edges) expect(e.weight).toBe(sums.get(`${e.source}->${e.target}`));
  });
});
