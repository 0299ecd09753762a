import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/build/build';
import { displayLabel, joinPapers, shortenTitle } from '../../../src/graph/join';
import { mergeEdges, toEdge } from '../../../src/graph/build/merge-edges';
import { renumberCommunities } from '../../../src/graph/build/metrics';
import { createRng } from '../../../src/graph/random';
import { serializeGraphFile } from '../../../src/graph/serialize';
import { stableStringify } from '../../../src/graph/stable-json';
import { GraphMetaSchema, NodeAttributesSchema, EdgeAttributesSchema } from '../../../src/model';
import type { EdgeRecord, GraphFile, Located } from '../../../src/model';
import { clone, readSmall } from './support';

const A = '2001.00001';
const B = '2101.00002';
const C = '2102.00003';
const D = '2203.00004';
const E = '2204.00005';
const F = 'survey-of-small-things';

describe('join', () => {
  it('joins labels: the survey spelling of the name wins, unlabelled papers get an empty taxonomy', () => {
    const ds = readSmall();
    const papers = joinPapers(ds.papers, ds.labels);
    const byId = new Map(papers.map((p) => [p.id, p]));
    expect(byId.get(C)?.name).toBe('GAMMA');
    expect(byId.get(C)?.taxonomy.space).toEqual({ value: 'dm.parameter', evidence: 'survey-figure' });
    expect(byId.get(C)?.taxonomy.method).toEqual({
      value: 'dm.optimization',
      evidence: 'inferred',
      confidence: 'medium',
      basis: 'paper-reading',
    });
    expect(byId.get(D)?.name).toBe('Delta');
    expect(byId.get(E)?.taxonomy).toEqual({});
    expect(papers.map((p) => p.id)).toEqual([A, B, C, D, E, F]);
  });

  it('labels a paper by its name, else by its title shortened at a word boundary', () => {
    expect(displayLabel({ name: 'GAMMA', title: 'Gamma: whatever' })).toBe('GAMMA');
    expect(shortenTitle('A rather long title about personalizing text-to-image diffusion models')).toBe(
      'A rather long title about…',
    );
    expect(shortenTitle('Short title')).toBe('Short title');
    expect(Array.from(shortenTitle('x'.repeat(100))).length).toBe(32);
  });
});

describe('mergeEdges', () => {
  const rec = (value: EdgeRecord, line: number): Located<EdgeRecord> => ({ value, file: 'e.tsv', line });

  it('merges the records of one ordered pair: strongest kind, every kind, provenance in a stable order', () => {
    const ds = readSmall();
    const edges = mergeEdges(ds.edges).map(toEdge);
    expect(edges.map((e) => `${e.source}->${e.target}`)).toEqual([
      `${C}->${B}`,
      `${D}->${A}`,
      `${D}->${B}`,
      `${D}->${C}`,
      `${E}->${C}`,
      `${E}->${D}`,
      `${F}->${B}`,
      `${F}->${D}`,
    ]);
    const cb = edges[0];
    expect(cb?.kind).toBe('builds-on');
    expect(cb?.kinds).toEqual(['builds-on', 'cites']);
    expect(cb?.provenance.map((p) => p.source)).toEqual(['fulltext-references', 'code-readme']);
    expect(cb?.surveyOnly).toBe(false);
    expect(edges.find((e) => e.source === F)?.surveyOnly).toBe(true);
    expect(edges.find((e) => e.source === E && e.target === D)?.note).toBe('Table 2 compares against Delta');
  });

  it('does not depend on the order of the records, and keeps identical provenance once', () => {
    const records = [
      rec(
        {
          source: 'b',
          target: 'a',
          kind: 'mentions',
          provenance: {
            source: 'code-readme',
            repo: 'x/y',
            section: null,
            evidence: 'name',
            surveyRepo: true,
          },
        },
        1,
      ),
      rec(
        {
          source: 'b',
          target: 'a',
          kind: 'cites',
          provenance: { source: 'fulltext-references', match: 'title' },
        },
        2,
      ),
      rec(
        {
          source: 'b',
          target: 'a',
          kind: 'cites',
          provenance: { source: 'fulltext-references', match: 'title' },
        },
        3,
      ),
      rec(
        {
          source: 'a',
          target: 'b',
          kind: 'mentions',
          provenance: {
            source: 'code-readme',
            repo: 'x/y',
            section: null,
            evidence: 'name',
            surveyRepo: true,
          },
        },
        4,
      ),
    ];
    const forward = mergeEdges(records).map(toEdge);
    const backward = mergeEdges([...records].reverse()).map(toEdge);
    expect(stableStringify(backward)).toBe(stableStringify(forward));
    expect(forward).toHaveLength(2);
    const ba = forward[1];
    expect(ba?.kind).toBe('cites');
    expect(ba?.kinds).toEqual(['cites', 'mentions']);
    expect(ba?.provenance).toHaveLength(2);
    // one non-survey record is enough for the pair not to be survey-only
    expect(ba?.surveyOnly).toBe(false);
    expect(forward[0]?.surveyOnly).toBe(true);
  });
});

describe('renumberCommunities', () => {
  it('numbers communities by size, ties by smallest member id', () => {
    const { mapping, communities } = renumberCommunities({ z: 7, y: 7, c: 3, a: 5, b: 5, d: 9 });
    expect(communities).toEqual([
      { id: 0, size: 2 },
      { id: 1, size: 2 },
      { id: 2, size: 1 },
      { id: 3, size: 1 },
    ]);
    expect(mapping.get('a')).toBe(0); // {a, b} before {y, z}: same size, smaller member
    expect(mapping.get('y')).toBe(1);
    expect(mapping.get('c')).toBe(2);
    expect(mapping.get('d')).toBe(3);
  });
});

describe('buildGraph on the small fixture', () => {
  const { graph, meta } = buildGraph(readSmall(), { inputsHash: 'a'.repeat(64) });

  it('counts in-set citations without survey-only mentions', () => {
    const citations = Object.fromEntries(graph.mapNodes((n, a) => [n, a.citations]));
    expect(citations).toEqual({ [A]: 1, [B]: 2, [C]: 2, [D]: 1, [E]: 0, [F]: 0 });
  });

  it('computes PageRank that sums to 1 and ranks the most cited paper first', () => {
    const ranks = graph.mapNodes((_n, a) => a.pagerank);
    expect(ranks.reduce((s, r) => s + r, 0)).toBeCloseTo(1, 4);
    const top = graph
      .nodes()
      .sort((x, y) => graph.getNodeAttribute(y, 'pagerank') - graph.getNodeAttribute(x, 'pagerank'))[0];
    expect(top).toBe(B);
    // a paper nobody points to gets only the teleport share (1 - alpha) / n plus the dangling share
    expect(graph.getNodeAttribute(E, 'pagerank')).toBe(graph.getNodeAttribute(F, 'pagerank'));
  });

  it('numbers communities 0..k-1 by size and records them in the metadata', () => {
    const sizes = meta.communities.map((c) => c.size);
    expect(sizes.reduce((s, x) => s + x, 0)).toBe(6);
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    graph.forEachNode((_n, a) => expect(a.community).toBeLessThan(meta.communities.length));
  });

  it('colours every dimension from the taxonomy, unknown values grey, tasks by their first task', () => {
    const c = graph.getNodeAttributes(C);
    expect(c.colors.family).toBe('#0072b2');
    expect(c.colors.task).toBe('#88ccee'); // face, its first task
    expect(c.colors.space).toBe('#33bbee');
    expect(c.colors.method).toBe('#ee3377');
    expect(c.colors.scheme).toBe('#009988');
    const e = graph.getNodeAttributes(E);
    expect(e.colors.space).toBe('#bbbbbb');
    expect(e.color).toBe(e.colors.family);
    // years: the sequential scale runs from the oldest to the newest paper
    expect(graph.getNodeAttributes(A).colors.year).not.toBe(graph.getNodeAttributes(F).colors.year);
    expect(graph.getNodeAttributes(D).colors.year).toBe(graph.getNodeAttributes(E).colors.year);
  });

  it('sizes nodes within 3–18 px, the most cited largest', () => {
    graph.forEachNode((_n, a) => {
      for (const s of Object.values(a.sizes)) {
        expect(s).toBeGreaterThanOrEqual(3);
        expect(s).toBeLessThanOrEqual(18);
      }
      expect(a.size).toBe(a.sizes.citations);
    });
    expect(graph.getNodeAttribute(B, 'sizes').citations).toBe(18);
    expect(graph.getNodeAttribute(E, 'sizes').citations).toBe(3);
    // sqrt scale: 1 citation of a maximum of 2 → 3 + 15 * sqrt(1/2)
    expect(graph.getNodeAttribute(A, 'sizes').citations).toBeCloseTo(3 + 15 * Math.SQRT1_2, 2);
  });

  it('writes metadata with counts, years, taxonomy, hash and build settings', () => {
    expect(GraphMetaSchema.parse(meta)).toEqual(meta);
    expect(meta.dataset.name).toBe('Small build fixture');
    expect(meta.counts).toEqual({
      papers: 6,
      edges: 8,
      byKind: { 'builds-on': 1, cites: 3, compares: 1, mentions: 3 },
      byFamily: { diffusion: 3, gan: 1, ar: 1, survey: 1 },
    });
    expect(meta.years).toEqual([2020, 2023]);
    expect(meta.inputsHash).toBe('a'.repeat(64));
    expect(meta.build).toEqual({ seed: 42, layoutIterations: 300 });
  });

  it('serialises a file every loader schema accepts', () => {
    const file = JSON.parse(serializeGraphFile(graph, meta)) as GraphFile;
    expect(file.format).toBe('lineage-atlas/graph');
    expect(file.version).toBe(2);
    expect(file.graph.options).toEqual({ type: 'directed', multi: false, allowSelfLoops: false });
    expect(file.graph.nodes.map((n) => n.key)).toEqual([A, B, C, D, E, F]);
    for (const n of file.graph.nodes) NodeAttributesSchema.parse(n.attributes);
    for (const e of file.graph.edges) EdgeAttributesSchema.parse(e.attributes);
    expect(file.graph.edges[0]).toMatchObject({ key: `${C}->${B}`, source: C, target: B });
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same inputs, whatever the order of the records', () => {
    const ds = readSmall();
    const one = buildGraph(ds, { seed: 7 });
    const shuffled = clone(ds);
    shuffled.papers.reverse();
    shuffled.edges.reverse();
    shuffled.labels.reverse();
    const two = buildGraph(shuffled, { seed: 7 });
    expect(serializeGraphFile(two.graph, two.meta)).toBe(serializeGraphFile(one.graph, one.meta));
  });

  it('writes node attributes with sorted keys, as stableStringify would', () => {
    const { graph } = buildGraph(readSmall());
    graph.forEachNode((_n, a) => expect(JSON.stringify(a)).toBe(stableStringify(a)));
  });

  it('lays out differently with another seed', () => {
    const a = buildGraph(readSmall(), { seed: 1 }).graph;
    const b = buildGraph(readSmall(), { seed: 2 }).graph;
    const pos = (g: typeof a) => g.mapNodes((_n, x) => [x.x, x.y]);
    expect(pos(b)).not.toEqual(pos(a));
  });

  it('has a seeded random source: same seed, same sequence, values in [0, 1)', () => {
    const x = createRng(5);
    const y = createRng(5);
    const xs = Array.from({ length: 1000 }, () => x());
    expect(Array.from({ length: 1000 }, () => y())).toEqual(xs);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(createRng(6)()).not.toBe(createRng(5)());
  });
});

describe('layout of papers without edges', () => {
  it('puts them on a ring just outside the connected papers, evenly spaced in id order', () => {
    const ds = clone(readSmall());
    for (const id of ['lonely-one', 'lonely-two', 'lonely-three']) {
      const p = clone(ds.papers[5]!);
      p.value = { ...p.value, id, title: `Paper ${id}` };
      ds.papers.push(p);
    }
    const { graph } = buildGraph(ds);
    const connected = graph.filterNodes((n) => graph.degree(n) > 0);
    const cx = connected.reduce((s, n) => s + graph.getNodeAttribute(n, 'x'), 0) / connected.length;
    const cy = connected.reduce((s, n) => s + graph.getNodeAttribute(n, 'y'), 0) / connected.length;
    const dist = (n: string) =>
      Math.hypot(graph.getNodeAttribute(n, 'x') - cx, graph.getNodeAttribute(n, 'y') - cy);
    const far = Math.max(...connected.map(dist));
    const ring = ['lonely-one', 'lonely-three', 'lonely-two'].map(dist);
    for (const d of ring) {
      expect(d).toBeGreaterThan(far);
      expect(d).toBeCloseTo(ring[0]!, 0);
    }
    // id order around the ring: the first at angle 0
    expect(graph.getNodeAttribute('lonely-one', 'y')).toBeCloseTo(cy, 0);
  });
});
