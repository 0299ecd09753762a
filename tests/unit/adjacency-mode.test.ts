import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { adjacencyInDictionaryMode } from '../../src/graph/adjacency-mode';
import { parseGraphFile } from '../../src/graph/load';
import { createRng } from '../../src/graph/random';

const small = () => JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8'));

/** A directed graph of `n` nodes and about `m` random edges, built with or without the change. */
function randomGraph(n: number, m: number, seed: number, dictionary: boolean): Graph {
  const random = createRng(seed);
  const g = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) g.addNode(`paper:${i}`, { i });
  if (dictionary) expect(adjacencyInDictionaryMode(g)).toBe(2 * n);
  for (let e = 0; e < m; e++) {
    const s = `paper:${Math.floor(random() * n)}`;
    const t = `paper:${Math.floor(random() * n)}`;
    if (s !== t && !g.hasEdge(s, t)) g.addDirectedEdgeWithKey(`${s}->${t}`, s, t, { e });
  }
  return g;
}

describe('adjacencyInDictionaryMode', () => {
  it('does nothing to what is not a graphology graph as it knows them', () => {
    expect(adjacencyInDictionaryMode({} as Graph)).toBe(0);
    expect(adjacencyInDictionaryMode({ _nodes: [] } as unknown as Graph)).toBe(0);
    expect(adjacencyInDictionaryMode({ _nodes: new Map([['a', null]]) } as unknown as Graph)).toBe(0);
  });

  it('leaves nodes that already have edges alone', () => {
    const g = new Graph({ type: 'directed' });
    g.addNode('a');
    g.addNode('b');
    g.addNode('c');
    g.addDirectedEdge('a', 'b');
    // a's in, b's out and c's in and out are still empty
    expect(adjacencyInDictionaryMode(g)).toBe(4);
    expect(g.outNeighbors('a')).toEqual(['b']);
    expect(g.inNeighbors('b')).toEqual(['a']);
  });

  it('leaves no trace: the graph reads the same as one built without it', () => {
    const plain = randomGraph(2_000, 6_000, 7, false);
    const changed = randomGraph(2_000, 6_000, 7, true);
    expect(changed.export()).toEqual(plain.export());
    for (const node of plain.nodes()) {
      expect(changed.outNeighbors(node)).toEqual(plain.outNeighbors(node));
      expect(changed.inNeighbors(node)).toEqual(plain.inNeighbors(node));
      expect(changed.degree(node)).toBe(plain.degree(node));
    }
    // its two temporary keys are gone: no node reads them as neighbours
    changed.forEachNode((node) => {
      for (const n of changed.neighbors(node)) expect(n.startsWith('paper:')).toBe(true);
    });
  });

  it('is applied when a graph file is loaded, which reads as before', () => {
    const { graph } = parseGraphFile(small(), 'small.json');
    expect(graph.size).toBe(24);
    expect(graph.outNeighbors('2212.04488')).toContain('2208.12242');
  });

  it("puts the neighbour objects in V8's dictionary mode (checked with V8's own test hook)", () => {
    // %HasFastProperties is only there with --allow-natives-syntax, so this runs in a child process
    const script = `
      import Graph from 'graphology';
      import { adjacencyInDictionaryMode } from './src/graph/adjacency-mode.ts';
      const g = new Graph({ type: 'directed' });
      for (let i = 0; i < 10; i++) g.addNode('n' + i);
      const before = [...g._nodes.values()].map((d) => %HasFastProperties(d.out));
      adjacencyInDictionaryMode(g);
      for (let i = 1; i < 10; i++) g.addDirectedEdge('n0', 'n' + i);
      const after = [...g._nodes.values()].map((d) => %HasFastProperties(d.out) || %HasFastProperties(d.in));
      console.log(JSON.stringify({ before, after, n0: g.outDegree('n0') }));`;
    const out = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    const { before, after, n0 } = JSON.parse(out) as { before: boolean[]; after: boolean[]; n0: number };
    expect(before.every(Boolean)).toBe(true);
    expect(after.some(Boolean)).toBe(false);
    expect(n0).toBe(9);
  });
});
