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
import { EDGE_COLUMNS, nodeColumns, type CellValue } from '../../../src/export/fields';
import { formatGexfList, graphmlListDesc, LIST_SEPARATOR } from '../../../src/foreign/lists';
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

/**
 * Reads both files with networkx and prints what it got as JSON, with the declarations as Python's
 * own XML parser sees them (networkx keeps values, not declared types): GEXF attribute types by
 * class and title, GraphML key descriptions by domain and name.
 */
const READER = `
import json, sys
import xml.etree.ElementTree as ET
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
GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
def gexf_types(path):
    out = {}
    for block in ET.parse(path).getroot().iter(GEXF + "attributes"):
        for a in block.iter(GEXF + "attribute"):
            out[block.get("class") + " " + a.get("title")] = a.get("type")
    return out
def graphml_descs(path):
    out = {}
    for k in ET.parse(path).getroot().iter(GRAPHML + "key"):
        d = k.find(GRAPHML + "desc")
        out[k.get("for") + " " + k.get("attr.name")] = d.text if d is not None else None
    return out
print(json.dumps({
    "gexf": dump(nx.read_gexf(sys.argv[1])),
    "graphml": dump(nx.read_graphml(sys.argv[2])),
    "gexfTypes": gexf_types(sys.argv[1]),
    "graphmlDescs": graphml_descs(sys.argv[2]),
}))
`;

type Dumped = {
  directed: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
};

interface Read {
  gexf: Dumped;
  graphml: Dumped;
  /** GEXF declared type by "node <title>" / "edge <title>". */
  gexfTypes: Record<string, string>;
  /** GraphML key `<desc>` (or null) by "node <name>" / "edge <name>". */
  graphmlDescs: Record<string, string | null>;
}

/** A column's value as networkx reads it: a GEXF list as its text (networkx keeps liststring values as text), a GraphML list joined. */
const asGexf = (v: CellValue) => (Array.isArray(v) ? formatGexfList(v) : v);
const asGraphml = (v: CellValue) => (Array.isArray(v) ? v.join(LIST_SEPARATOR) : v);

const dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWithNetworkx(input: ExportInput, name: string): Read {
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

function expectMatches(input: ExportInput, got: Read): void {
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
      expect(gx[c.name], `gexf ${key} ${c.name}`).toBe(asGexf(v));
      expect(gm[c.name], `graphml ${key} ${c.name}`).toBe(asGraphml(v));
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
      expect(gxEdges.get(pair)?.[c.name], `gexf ${pair} ${c.name}`).toBe(asGexf(v));
      expect(gmEdges.get(pair)?.[c.name], `graphml ${pair} ${c.name}`).toBe(asGraphml(v));
    }
    // the link's kind is seen as `relation`, in both formats
    const kind = input.graph.getEdgeAttribute(e, 'kind');
    expect(gxEdges.get(pair)?.relation, pair).toBe(kind);
    expect(gmEdges.get(pair)?.relation, pair).toBe(kind);
  }
  // every list column is declared a list: liststring in GEXF, a separator in the GraphML key's desc
  for (const [domain, columns] of [
    ['node', cols],
    ['edge', EDGE_COLUMNS],
  ] as const) {
    for (const c of columns) {
      const type = got.gexfTypes[`${domain} ${c.name}`];
      const desc = got.graphmlDescs[`${domain} ${c.name}`];
      if (c.type === 'list') {
        expect(type, `${domain} ${c.name}`).toBe('liststring');
        expect(desc, `${domain} ${c.name}`).toBe(graphmlListDesc());
      } else {
        expect(type, `${domain} ${c.name}`).not.toBe('liststring');
        expect(desc, `${domain} ${c.name}`).toBeNull();
      }
    }
  }
  expect(got.gexfTypes['node tasks']).toBe('liststring');
  expect(got.gexfTypes['edge relation']).toBe('string');
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
