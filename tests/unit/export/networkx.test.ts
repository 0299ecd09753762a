/**
 * An independent reader: Python's networkx reads the GEXF and GraphML exports (with the strict
 * expat XML parser). Needs python3 with networkx (Debian: python3-networkx; .ci/run installs it).
 * Skipped, with a message, only when python3 itself is absent; a missing networkx fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EDGE_COLUMNS, nodeColumns } from '../../../src/export/fields';
import { toGexf } from '../../../src/export/gexf';
import { toGraphml } from '../../../src/export/graphml';
import type { ExportInput } from '../../../src/export/types';
import { allInput, load, NASTY_READ, REAL, SMALL, visibleInput, withNastyPaper } from './support';

/**
 * The interpreter: the first of $PYTHON, python3 and Debian's /usr/bin/python3 that has networkx
 * (apt installs python3-networkx for Debian's python, which may not be the python3 on PATH), else
 * the first that exists (the test then fails saying networkx is missing), else none (skipped).
 */
function findPython(): string | null {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  const existing = candidates.filter((p) => !spawnSync(p, ['--version']).error);
  return existing.find((p) => spawnSync(p, ['-c', 'import networkx']).status === 0) ?? existing[0] ?? null;
}
const python = findPython();
if (python === null)
  console.warn('SKIPPED networkx.test.ts: python3 is not installed, so networkx cannot read the exports.');

/** Reads both files with networkx and prints what it got as JSON. */
const READER = `
import json, sys
try:
    import networkx as nx
except ImportError:
    sys.exit("networkx is missing: install it (Debian: apt-get install python3-networkx; see .ci/run)")
def dump(g):
    return {
        "directed": g.is_directed(),
        "graph": {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float, bool))},
        "nodes": {n: d for n, d in g.nodes(data=True)},
        "edges": [[s, t, d] for s, t, d in g.edges(data=True)],
    }
print(json.dumps({"gexf": dump(nx.read_gexf(sys.argv[1])), "graphml": dump(nx.read_graphml(sys.argv[2]))}))
`;

type Dumped = {
  directed: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
};

const dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWithNetworkx(input: ExportInput, name: string): { gexf: Dumped; graphml: Dumped } {
  const gexf = join(dir, `${name}.gexf`);
  const graphml = join(dir, `${name}.graphml`);
  writeFileSync(gexf, toGexf(input));
  writeFileSync(graphml, toGraphml(input));
  const run = spawnSync(python as string, ['-c', READER, gexf, graphml], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`networkx could not read the exports:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

function expectMatches(input: ExportInput, got: { gexf: Dumped; graphml: Dumped }): void {
  const { gexf, graphml } = got;
  const nodes = [...input.nodes].sort();
  const edges = input.graph.edges().filter((e) => input.edges.has(e));
  const cols = nodeColumns(input.meta.taxonomy);
  for (const g of [gexf, graphml]) {
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(nodes);
    expect(g.edges).toHaveLength(edges.length);
    const pairs = new Set(g.edges.map(([s, t]) => `${s}->${t}`));
    for (const e of edges) expect(pairs.has(`${input.graph.source(e)}->${input.graph.target(e)}`)).toBe(true);
  }
  for (const key of nodes) {
    const a = input.graph.getNodeAttributes(key);
    const gx = gexf.nodes[key] as Record<string, unknown> & {
      viz: { position: { x: number; y: number }; size: number; color: { r: number; g: number; b: number } };
    };
    const gm = graphml.nodes[key] as Record<string, unknown>;
    for (const c of cols) {
      const v = c.get(a);
      expect(gx[c.name], `gexf ${key} ${c.name}`).toBe(v);
      expect(gm[c.name], `graphml ${key} ${c.name}`).toBe(v);
    }
    expect(gx.label).toBe(a.label);
    expect(gm.label).toBe(a.label);
    expect(gx.viz.position.x).toBe(a.x);
    expect(gx.viz.position.y).toBe(a.y);
    expect(gx.viz.size).toBe(a.size);
    const hex = `#${[gx.viz.color.r, gx.viz.color.g, gx.viz.color.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    expect(hex).toBe(a.color);
    expect([gm.x, gm.y, gm.size, gm.color]).toEqual([a.x, a.y, a.size, a.color]);
  }
  const byPair = (g: Dumped) => new Map(g.edges.map(([s, t, d]) => [`${s}->${t}`, d]));
  const gxEdges = byPair(gexf);
  const gmEdges = byPair(graphml);
  for (const e of edges) {
    const pair = `${input.graph.source(e)}->${input.graph.target(e)}`;
    for (const c of EDGE_COLUMNS) {
      const v = c.get(input.graph.getEdgeAttributes(e));
      expect(gxEdges.get(pair)?.[c.name], `gexf ${pair} ${c.name}`).toBe(v);
      expect(gmEdges.get(pair)?.[c.name], `graphml ${pair} ${c.name}`).toBe(v);
    }
  }
  expect(graphml.graph.inputs_hash).toBe(input.meta.inputsHash);
  expect(graphml.graph.dataset).toBe(input.meta.dataset.name);
}

describe.skipIf(python === null)('networkx reads the exports', () => {
  it('reads the real graph with the same papers, links, positions, colours and attributes', () => {
    const input = allInput(load(REAL));
    expectMatches(input, readWithNetworkx(input, 'real'));
  });

  it('reads a GAN-only scope', () => {
    const input = visibleInput(load(REAL), { categories: { family: ['gan'] } }, 'families GAN');
    const got = readWithNetworkx(input, 'gan');
    expectMatches(input, got);
    for (const d of Object.values(got.gexf.nodes)) expect(d.family).toBe('gan');
  });

  it('reads text XML 1.0 cannot hold as U+FFFD, and tab, CR, LF as they were', () => {
    const { loaded, key } = withNastyPaper(load(SMALL));
    const got = readWithNetworkx(allInput(loaded), 'nasty');
    expect(got.gexf.nodes[key]?.title).toBe(NASTY_READ);
    expect(got.graphml.nodes[key]?.title).toBe(NASTY_READ);
    expect(got.gexf.nodes[key]?.label).toBe(NASTY_READ);
  });
});
