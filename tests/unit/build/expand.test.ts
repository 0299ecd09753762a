/**
 * `build:graph --expand N` on the fixture tests/fixtures/graph-data/expand: four papers A..D whose
 * cached Semantic Scholar and OpenAlex references name works outside the list. The answer below is
 * worked out by hand from the cache files:
 *
 * - ResNet: A (S2: arXiv id + paperId s2x), B (OpenAlex W2194775991 with its DOI), C (S2 by DOI;
 *   OpenAlex by work id), D (S2: s2x + DOI, which ties the others together) → 4 papers. Titles: three
 *   "Deep Residual Learning for Image Recognition", one in lower case; years 2015 once, 2016 three times.
 * - Attention: A (S2, twice), B (S2), C (OpenAlex W2963403868, no metadata in C's entry), D (OpenAlex
 *   W2963403868 with the arXiv DOI 10.48550/arxiv.1706.03762, which ties it to the arXiv id) → 4.
 *   Ties with ResNet on count; 2017 is later than 2016, so second.
 * - GAN: A (S2, DOI), B (S2, s2z + the DOI in upper case), D (S2, s2z only) → 3.
 * - nnn (C with a year and no title, D with neither): 2, 2012 → before the 2013 pair below,
 *   labelled by its id.
 * - W200 (B, D; 2013) and aaa111 (A, C; 2013): 2 each, same year: by id, "openalex-w200" first.
 * - vvv (A): 1.
 * - W300 (B, C): 2, but no reference gives a year (nor a title): left out.
 * - Not outside: B → A (arXiv id; OpenAlex W901 is A's own work id), C → A (W901), D → B and D → C
 *   (their S2 paperIds); a reference with no id at all is dropped.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../../src/graph/build/build';
import { serializeGraphFile } from '../../../src/graph/serialize';
import { parseGraphFile } from '../../../src/graph/load';
import type { GraphFile } from '../../../src/model';
import { emptyOnlineCache, type S2Entry, type S2Reference } from '../../../src/model/online';
import { paperDoi } from '../../../src/online/ids';
import { selectExpansion, type ExpandedWork } from '../../../src/online/expand';
import { removeTempDirs, SMALL_DIR, tempDir } from './support';

const DIR = 'tests/fixtures/graph-data/expand';
const [A, B, C, D] = ['2301.00001', '2302.00002', '2303.00003', '2304.00004'];
const S2 = 'semantic-scholar' as const;
const OA = 'openalex' as const;

const EXPECTED: ExpandedWork[] = [
  {
    id: '1512.03385',
    title: 'Deep Residual Learning for Image Recognition',
    titled: true,
    year: 2016,
    ids: { arxiv: '1512.03385', doi: '10.1109/cvpr.2016.90', s2: 's2x', openalex: 'W2194775991' },
    citedBy: [
      { id: A, sources: [S2] },
      { id: B, sources: [OA] },
      { id: C, sources: [S2, OA] },
      { id: D, sources: [S2] },
    ],
    rank: 1,
  },
  {
    id: '1706.03762',
    title: 'Attention Is All You Need',
    titled: true,
    year: 2017,
    ids: { arxiv: '1706.03762', s2: 's2y', openalex: 'W2963403868' },
    citedBy: [
      { id: A, sources: [S2] },
      { id: B, sources: [S2] },
      { id: C, sources: [OA] },
      { id: D, sources: [OA] },
    ],
    rank: 2,
  },
  {
    id: 'doi-10-5555-gan',
    title: 'Generative Adversarial Nets',
    titled: true,
    year: 2014,
    ids: { doi: '10.5555/gan', s2: 's2z' },
    citedBy: [
      { id: A, sources: [S2] },
      { id: B, sources: [S2] },
      { id: D, sources: [S2] },
    ],
    rank: 3,
  },
  {
    id: 's2-nnn',
    title: 'Semantic Scholar nnn',
    titled: false,
    year: 2012,
    ids: { s2: 'nnn' },
    citedBy: [
      { id: C, sources: [S2] },
      { id: D, sources: [S2] },
    ],
    rank: 4,
  },
  {
    id: 'openalex-w200',
    title: 'Some Older Work',
    titled: true,
    year: 2013,
    ids: { openalex: 'W200' },
    citedBy: [
      { id: B, sources: [OA] },
      { id: D, sources: [OA] },
    ],
    rank: 5,
  },
  {
    id: 's2-aaa111',
    title: 'Auto-Encoding Variational Bayes',
    titled: true,
    year: 2013,
    ids: { s2: 'aaa111' },
    citedBy: [
      { id: A, sources: [S2] },
      { id: C, sources: [S2] },
    ],
    rank: 6,
  },
  {
    id: 's2-vvv',
    title: 'A work only Alpha cites',
    titled: true,
    year: 2020,
    ids: { s2: 'vvv' },
    citedBy: [{ id: A, sources: [S2] }],
    rank: 7,
  },
];

function fixture() {
  const dataset = readGraphData(DIR);
  const papers = dataset.papers.map(({ value: p }) => ({ id: p.id, arxiv: p.arxiv, doi: paperDoi(p) }));
  return { dataset, papers, online: dataset.online! };
}

describe('selectExpansion', () => {
  it('ranks the outside works by citing papers, then year, then id, one work per shared id', () => {
    const { papers, online } = fixture();
    expect(selectExpansion(papers, online, 10)).toEqual(EXPECTED);
    expect(selectExpansion(papers, online, 7)).toEqual(EXPECTED);
  });

  it('takes the first N, and none for 0', () => {
    const { papers, online } = fixture();
    expect(selectExpansion(papers, online, 3)).toEqual(EXPECTED.slice(0, 3));
    expect(selectExpansion(papers, online, 1).map((w) => w.id)).toEqual(['1512.03385']);
    expect(selectExpansion(papers, online, 0)).toEqual([]);
    expect(() => selectExpansion(papers, online, -1)).toThrow(/non-negative integer/);
  });

  it('does not depend on the order of the papers', () => {
    const { papers, online } = fixture();
    expect(selectExpansion([...papers].reverse(), online, 10)).toEqual(EXPECTED);
  });

  it('never takes a dataset paper for an outside work, whichever id names it', () => {
    const { papers, online } = fixture();
    // without Alpha in the list, Alpha becomes a work outside it, cited by B (both sources) and C (OpenAlex)
    const withoutA = papers.filter((p) => p.id !== A);
    const works = selectExpansion(withoutA, online, 10);
    const alpha = works.find((w) => w.id === A);
    expect(alpha).toMatchObject({
      title: 'Alpha: A first paper of the list',
      year: 2023,
      ids: { arxiv: A, s2: 's2a', openalex: 'W901' },
      citedBy: [
        { id: B, sources: [S2, OA] },
        { id: C, sources: [OA] },
      ],
    });
    // A's own references no longer count: vvv (cited by A only) is gone
    expect(works.some((w) => w.id === 's2-vvv')).toBe(false);
    expect(new Set(works.map((w) => w.id)).has(B)).toBe(false);
  });
});

/** A Semantic Scholar cache entry of `id` with these references. */
function s2Entry(id: string, references: S2Reference[]): S2Entry {
  return {
    version: 1,
    source: 's2',
    id,
    query: `ARXIV:${id}`,
    fetched: '2026-12-01T10:00:00.000Z',
    found: true,
    paperId: `own-${id}`,
    referenceCount: references.length,
    citationCount: 0,
    references,
  };
}

describe('selectExpansion and ids shared by several works', () => {
  it('never joins two works with different service ids through a DOI they share', () => {
    // a proceedings volume's DOI given for two different papers of it
    const proc = '10.1000/proceedings';
    const cache = emptyOnlineCache();
    const papers = ['2401.00001', '2401.00002', '2401.00003'].map((id) => ({ id, arxiv: id, doi: null }));
    cache.s2.set(
      papers[0]!.id,
      s2Entry(papers[0]!.id, [{ s2: 'w1', arxiv: null, doi: proc, title: 'Work One', year: 2019 }]),
    );
    cache.s2.set(
      papers[1]!.id,
      s2Entry(papers[1]!.id, [{ s2: 'w2', arxiv: null, doi: proc, title: 'Work Two', year: 2019 }]),
    );
    // by the DOI only: the first work named with it
    cache.s2.set(
      papers[2]!.id,
      s2Entry(papers[2]!.id, [{ s2: null, arxiv: null, doi: proc, title: 'Work One', year: 2019 }]),
    );
    const works = selectExpansion(papers, cache, 10);
    expect(works.map((w) => [w.id, w.title, w.ids, w.citedBy.map((c) => c.id)])).toEqual([
      ['doi-10-1000-proceedings', 'Work One', { doi: proc, s2: 'w1' }, ['2401.00001', '2401.00003']],
      ['s2-w2', 'Work Two', { s2: 'w2' }, ['2401.00002']],
    ]);
    // the same whatever order the papers come in
    expect(selectExpansion([...papers].reverse(), cache, 10)).toEqual(works);
  });
});

describe('selectExpansion and arXiv ids', () => {
  it('takes an arXiv id by the one rule: a real one names the work, a bogus one is no id', () => {
    const cache = emptyOnlineCache();
    const papers = [{ id: '2401.00001', arxiv: '2401.00001', doi: null }];
    const bogus = ['9501.00004', '2313.12345', '2301.1234', '0612.1234'];
    cache.s2.set(
      papers[0]!.id,
      s2Entry(papers[0]!.id, [
        { s2: 'real', arxiv: '2301.01234v2', doi: null, title: 'Real', year: 2023 },
        { s2: 'old', arxiv: 'hep-th/9901001', doi: null, title: 'Old', year: 1999 },
        ...bogus.map((arxiv, i) => ({ s2: `b${i}`, arxiv, doi: null, title: `Bogus ${i}`, year: 2020 })),
      ]),
    );
    const works = selectExpansion(papers, cache, 10);
    expect(new Map(works.map((w) => [w.id, w.ids]))).toEqual(
      new Map<string, object>([
        ['2301.01234', { arxiv: '2301.01234', s2: 'real' }],
        ['s2-old', { arxiv: 'hep-th/9901001', s2: 'old' }],
        ['s2-b0', { s2: 'b0' }],
        ['s2-b1', { s2: 'b1' }],
        ['s2-b2', { s2: 'b2' }],
        ['s2-b3', { s2: 'b3' }],
      ]),
    );
  });
});

describe('buildGraph with expand', () => {
  it('adds the works as nodes marked outside, with cites edges from the papers that cite them', () => {
    const { graph, meta, outside } = buildGraph(fixture().dataset, { expand: 5 });
    expect(outside.map((w) => w.id)).toEqual(EXPECTED.slice(0, 5).map((w) => w.id));
    expect(graph.order).toBe(9);
    expect(meta.counts.papers).toBe(9);
    expect(meta.counts.outside).toBe(5);
    expect(meta.build.expand).toBe(5);
    // nodes in id order, the list's papers among them
    expect(graph.nodes()).toEqual([...graph.nodes()].sort());

    const resnet = graph.getNodeAttributes('1512.03385');
    expect(resnet).toMatchObject({
      outside: true,
      expandedBecause: { citedBy: 4 },
      title: 'Deep Residual Learning for Image Recognition',
      label: 'Deep Residual Learning for…',
      year: 2016,
      month: null,
      arxiv: '1512.03385',
      externalIds: { doi: '10.1109/cvpr.2016.90', openalex: 'W2194775991', s2: 's2x' },
      authors: [],
      taxonomy: {},
      citations: 4,
    });
    expect(resnet.dimensions).toBeUndefined();
    expect(resnet.colors.topic).toBe(meta.taxonomy.unknownColor);
    expect(graph.getNodeAttributes('doi-10-5555-gan')).toMatchObject({
      arxiv: null,
      externalIds: { doi: '10.5555/gan', s2: 's2z' },
    });
    expect(graph.getNodeAttribute(A, 'outside')).toBeUndefined();
    expect(graph.hasNode('openalex-w300')).toBe(false);

    expect(graph.inNeighbors('1512.03385').sort()).toEqual([A, B, C, D]);
    expect(graph.getEdgeAttributes(`${C}->1512.03385`)).toEqual({
      kind: 'cites',
      kinds: ['cites'],
      provenance: [
        { source: S2, fetched: '2026-12-03' },
        { source: OA, fetched: '2026-12-03' },
      ],
      surveyOnly: false,
    });
    expect(graph.getEdgeAttribute(`${B}->1512.03385`, 'provenance')).toEqual([
      { source: OA, fetched: '2026-12-02' },
    ]);
    // 4 edges within the list, 4 + 4 + 3 + 2 + 2 to the outside works (nnn: C and D)
    expect(graph.size).toBe(4 + 15);
    expect(graph.outDegree('1512.03385')).toBe(0);
  });

  it("keeps a work it made a node out of the papers' outside references (an edge, not counted twice)", () => {
    const plain = buildGraph(fixture().dataset);
    const { graph } = buildGraph(fixture().dataset, { expand: 5 });
    const before = plain.graph.getNodeAttribute(C, 'outsideReferences') ?? [];
    const after = graph.getNodeAttribute(C, 'outsideReferences') ?? [];
    // ResNet (cited by C, under any of its ids) is an outside reference of C without --expand, a
    // node and an edge with it
    const resnet = ['arxiv:1512.03385', 'doi:10.1109/cvpr.2016.90', 's2:s2x', 'openalex:W2194775991'];
    expect(before.filter((key: string) => resnet.includes(key))).toHaveLength(1);
    expect(graph.hasEdge(`${C}->1512.03385`)).toBe(true);
    expect(after.filter((key: string) => resnet.includes(key))).toEqual([]);
    // the works left outside stay outside references
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((key: string) => before.includes(key))).toBe(true);
  });

  it('writes a file the explorer reads back, the same bytes every time', () => {
    const a = buildGraph(fixture().dataset, { expand: 10 });
    const b = buildGraph(fixture().dataset, { expand: 10 });
    const text = serializeGraphFile(a.graph, a.meta);
    expect(serializeGraphFile(b.graph, b.meta)).toBe(text);
    const loaded = parseGraphFile(JSON.parse(text), 'expanded.json');
    expect(loaded.graph.order).toBe(11);
    expect(loaded.graph.hasNode('openalex-w300')).toBe(false);
    expect(loaded.graph.getNodeAttributes('s2-nnn')).toMatchObject({
      title: 'Semantic Scholar nnn',
      label: 'Semantic Scholar nnn',
      year: 2012,
      outside: true,
      expandedBecause: { citedBy: 2 },
      externalIds: { s2: 'nnn' },
    });
    expect(loaded.meta.counts.outside).toBe(7);
  });

  it("the explorer's loader names a malformed mark", () => {
    const a = buildGraph(fixture().dataset, { expand: 1 });
    const file = JSON.parse(serializeGraphFile(a.graph, a.meta)) as GraphFile;
    const node = file.graph.nodes.find((n) => n.key === '1512.03385')!;
    (node.attributes as unknown as Record<string, unknown>)['expandedBecause'] = { citedBy: 0 };
    expect(() => parseGraphFile(file, 'bad.json')).toThrow(
      /bad\.json.*node "1512\.03385".*attributes\.expandedBecause\.citedBy/,
    );
    (node.attributes as unknown as Record<string, unknown>)['expandedBecause'] = { citedBy: 4 };
    (node.attributes as unknown as Record<string, unknown>)['outside'] = false;
    expect(() => parseGraphFile(file, 'bad.json')).toThrow(/attributes\.outside/);
  });

  it('changes nothing without the option or with 0', () => {
    const plain = buildGraph(fixture().dataset);
    const zero = buildGraph(fixture().dataset, { expand: 0 });
    expect(plain.graph.order).toBe(4);
    expect(plain.outside).toEqual([]);
    expect(plain.meta.counts.outside).toBeUndefined();
    expect(plain.meta.build.expand).toBeUndefined();
    expect(serializeGraphFile(zero.graph, zero.meta)).toBe(serializeGraphFile(plain.graph, plain.meta));
    expect(() => buildGraph(fixture().dataset, { expand: 1.5 })).toThrow(
      /expand must be a non-negative integer/,
    );
  });
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-graph.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const outDir = tempDir('atlas-expand-out-');
afterAll(() => removeTempDirs());

describe('build:graph --expand', () => {
  it('refuses a count that is not a whole number, with the usage and exit code 2, writing nothing', () => {
    for (const bad of ['-1', 'x', '1.5', '', '1e2']) {
      const out = join(outDir, 'bad.json');
      const r = cli('--data', DIR, '--out', out, '--expand', bad);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain(
        `--expand must be a whole number of works outside the list to add (0 or more), got "${bad}"`,
      );
      expect(r.stderr).toContain('Usage: npm run build:graph');
      expect(() => readFileSync(out)).toThrow();
    }
    expect(cli('--data', DIR, '--expand').status).toBe(2);
    expect(cli('--help').stdout).toContain('--expand N');
  });

  it('adds the works and says so', () => {
    const out = join(outDir, 'expanded.json');
    const r = cli('--data', DIR, '--out', out, '--expand', '3');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      'build-graph: --expand 3: added 3 works outside the list; the most cited, "Deep Residual Learning for Image Recognition", by 4 of its papers',
    );
    expect(r.stderr).toContain('4 papers and 3 outside the list');
    const file = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    expect(file.graph.nodes.filter((n) => n.attributes.outside).map((n) => n.key)).toEqual([
      '1512.03385',
      '1706.03762',
      'doi-10-5555-gan',
    ]);
    const more = cli('--data', DIR, '--out', join(outDir, 'all.json'), '--expand', '100');
    expect(more.stderr).toContain('added 7 works outside the list (the references name no more)');
    expect(more.stderr).toContain('1 of them has no title in the cache: labelled by an id');
  });

  it('says when there is no cache to expand from', () => {
    const r = cli('--data', SMALL_DIR, '--out', join(outDir, 'small.json'), '--expand', '5');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('has no online cache');
  });
});
