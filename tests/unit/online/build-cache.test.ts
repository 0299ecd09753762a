/**
 * The build reads the online cache offline: fetched edges merged with the existing ones (one edge
 * per pair, every provenance kept), totals and abstracts on the nodes, bad entries reported by file
 * and field, and the same bytes for the same inputs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInputs } from '../../../scripts/lib/build-io';
import { runFetch } from '../../../scripts/lib/fetch-run';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../../src/graph/build/build';
import { DataErrors } from '../../../src/model';
import type { GraphFile } from '../../../src/model';
import { startFakeApis } from './fake-apis';
import { fakeClock, removeCopies, SMALL_DIR, smallCopy, testConfig } from './support';
import { A, B, C, D, E, smallWorld } from './world';

let dir: string;
beforeAll(async () => {
  const apis = await startFakeApis(smallWorld());
  dir = smallCopy();
  await runFetch(testConfig(dir, apis), { clock: fakeClock(), log: () => {}, progress: () => {} });
  await apis.close();
});
afterAll(removeCopies);

const sources = (list: { source: string }[]) => list.map((p) => p.source);

describe('build with the online cache', () => {
  it('merges fetched edges with the existing ones, one edge per pair, every provenance kept', () => {
    const { graph } = buildGraph(readGraphData(dir));
    const without = buildGraph(readGraphData(SMALL_DIR)).graph;
    const edges = new Map(graph.mapEdges((_e, a, s, t) => [`${s}->${t}`, a] as const));
    // the pairs every source gives: the fixture's own, plus the fetched ones
    expect([...edges.keys()].sort()).toEqual(
      [
        `${B}->${A}`,
        `${B}->${C}`,
        `${C}->${A}`,
        `${C}->${B}`,
        `${D}->${A}`,
        `${D}->${B}`,
        `${D}->${C}`,
        `${E}->${C}`,
        `${E}->${D}`,
        `survey-of-small-things->${B}`,
        `survey-of-small-things->${D}`,
      ].sort(),
    );
    expect(without.size).toBe(8);
    // a pair four sources give is one edge with four provenances; its strongest kind wins
    expect(sources(edges.get(`${C}->${B}`)!.provenance)).toEqual([
      'fulltext-references',
      'code-readme',
      'semantic-scholar',
      'openalex',
    ]);
    expect(edges.get(`${C}->${B}`)!.kind).toBe('builds-on');
    expect(edges.get(`${C}->${B}`)!.kinds).toEqual(['builds-on', 'cites']);
    // where the sources disagree, the edge says which one gives it
    expect(edges.get(`${C}->${A}`)!.provenance).toEqual([
      { source: 'semantic-scholar', fetched: '2026-11-29' },
    ]);
    expect(sources(edges.get(`${B}->${C}`)!.provenance)).toEqual(['openalex']);
    // a mention becomes a citation once a service lists it
    expect(edges.get(`${D}->${A}`)!.kind).toBe('cites');
    for (const [, a] of edges) {
      const keys = a.provenance.map((p) => JSON.stringify(p));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('puts totals, abstracts, first-version dates and categories on the nodes; in-set citations count the new edges', () => {
    const { graph } = buildGraph(readGraphData(dir));
    expect(graph.getNodeAttributes(D)).toMatchObject({
      totalReferences: 15,
      totalCitations: 7,
      abstract: 'Encoders for fast personalization.',
      firstVersion: '2022-03-15',
      categories: ['cs.LG'],
    });
    // E: unknown to Semantic Scholar, counted from OpenAlex; unknown to arXiv, so no abstract
    const e = graph.getNodeAttributes(E);
    expect(e).toMatchObject({ totalReferences: 2, totalCitations: 2 });
    expect(e.abstract).toBeUndefined();
    expect(graph.getNodeAttributes('survey-of-small-things').totalReferences).toBeUndefined();
    expect(graph.getNodeAttributes(A).citations).toBe(3);
  });

  it('keeps the keys of the works each paper references outside the set (one per DOI), for similar papers', () => {
    const { graph } = buildGraph(readGraphData(dir));
    const doi = (...i: number[]) => i.map((k) => `doi:10.1000/outside.${k}`);
    expect(graph.getNodeAttribute(A, 'outsideReferences')).toEqual(doi(0));
    expect(graph.getNodeAttribute(B, 'outsideReferences')).toBeUndefined();
    expect(graph.getNodeAttribute(C, 'outsideReferences')).toEqual(doi(0, 1, 2));
    // D's twelve outside references name six works (two service ids per DOI): six keys
    expect(graph.getNodeAttribute(D, 'outsideReferences')).toEqual(doi(0, 1, 2, 3, 4, 5));
  });

  it('builds the same bytes twice, and the cache is part of the inputs hash', () => {
    const out = (name: string) => join(dir, name);
    const run = (file: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-graph.ts', '--data', dir, '--out', out(file)],
        {
          encoding: 'utf8',
        },
      );
    expect(run('a.json').status).toBe(0);
    expect(run('b.json').status).toBe(0);
    const text = readFileSync(out('a.json'), 'utf8');
    expect(readFileSync(out('b.json'), 'utf8')).toBe(text);
    const file = JSON.parse(text) as GraphFile;
    const edge = file.graph.edges.find((e) => e.key === `${C}->${A}`);
    expect(edge?.attributes.provenance).toEqual([{ source: 'semantic-scholar', fetched: '2026-11-29' }]);
    expect(hashInputs(dir)).not.toBe(hashInputs(SMALL_DIR));
  });

  it('reports a broken cache entry by file and field', () => {
    const copy = smallCopy();
    cpSync(join(dir, 'cache'), join(copy, 'cache'), { recursive: true });
    writeFileSync(join(copy, 'cache/s2/2001.00001.json'), '{"version": 1, "source": "s2"');
    writeFileSync(
      join(copy, 'cache/openalex/2101.00002.json'),
      readFileSync(join(dir, 'cache/openalex/2101.00002.json'), 'utf8').replace(
        '"citedByCount": 38',
        '"citedByCount": -1',
      ),
    );
    writeFileSync(
      join(copy, 'cache/arxiv/2102.00003.json'),
      readFileSync(join(dir, 'cache/arxiv/2203.00004.json')),
    );
    let error: unknown;
    try {
      readGraphData(copy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataErrors);
    const messages = (error as DataErrors).errors.map((e) => e.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/cache\/s2\/2001\.00001\.json: is not valid JSON/);
    expect(messages[1]).toMatch(/cache\/openalex\/2101\.00002\.json: field "citedByCount": /);
    expect(messages[2]).toContain(
      'cache/arxiv/2102.00003.json: field "id": is "2203.00004" but the file is named after "2102.00003"',
    );
  });
});
