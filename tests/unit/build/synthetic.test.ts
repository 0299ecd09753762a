import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { writeSyntheticGraphData } from '../../../scripts/lib/synthetic-graph-data';
import { parseTaxonomyFile } from '../../../src/data/index';
import { buildGraph } from '../../../src/graph/build/build';
import { syntheticDataset } from '../../../src/graph/build/synthetic';
import { datasetProblems } from '../../../src/graph/build/validate';
import { EdgeRecordSchema, PaperLabelsSchema, PaperRecordSchema } from '../../../src/model';
import { removeTempDirs, tempDir } from './support';

afterAll(removeTempDirs);

const TAXONOMY = 'graph-data/taxonomy.yaml';
const taxonomy = parseTaxonomyFile(readFileSync(TAXONOMY, 'utf8'), TAXONOMY);

describe('syntheticDataset', () => {
  const ds = syntheticDataset(taxonomy, { papers: 2000, seed: 3 });

  it('is valid against the schemas and the real taxonomy', () => {
    for (const p of ds.papers) PaperRecordSchema.parse(p.value);
    for (const l of ds.labels) PaperLabelsSchema.parse(l.value);
    for (const e of ds.edges.slice(0, 2000)) EdgeRecordSchema.parse(e.value);
    expect(datasetProblems(ds)).toEqual([]);
  });

  it('has about 10 edges per paper, each to an older or same-age paper, and growing yearly output', () => {
    const pairs = new Set(ds.edges.map((e) => `${e.value.source}->${e.value.target}`));
    expect(pairs.size / ds.papers.length).toBeGreaterThan(9);
    expect(pairs.size / ds.papers.length).toBeLessThan(11);
    const year = new Map(ds.papers.map((p) => [p.value.id, p.value.year]));
    for (const e of ds.edges)
      expect(year.get(e.value.target)!).toBeLessThanOrEqual(year.get(e.value.source)!);
    const perYear = new Map<number, number>();
    for (const p of ds.papers) perYear.set(p.value.year, (perYear.get(p.value.year) ?? 0) + 1);
    expect(perYear.get(2025)!).toBeGreaterThan(perYear.get(2016)!);
    expect(ds.labels.length / ds.papers.length).toBeGreaterThan(0.3);
  });

  it('is the same for the same seed and different for another', () => {
    const again = syntheticDataset(taxonomy, { papers: 2000, seed: 3 });
    expect(again).toEqual(ds);
    const other = syntheticDataset(taxonomy, { papers: 2000, seed: 4 });
    expect(other.edges.map((e) => e.value.target)).not.toEqual(ds.edges.map((e) => e.value.target));
  });
});

describe('writeSyntheticGraphData', () => {
  it('writes a graph-data dir the real reader and the build accept', () => {
    const dir = join(tempDir('atlas-synth-'), 'graph-data');
    const summary = writeSyntheticGraphData(dir, TAXONOMY, { papers: 300, seed: 5 });
    const ds = readGraphData(dir);
    expect(ds.papers).toHaveLength(300);
    expect(ds.edges).toHaveLength(summary.edgeRecords);
    expect(ds.labels).toHaveLength(summary.labels);
    const { graph, meta } = buildGraph(ds);
    expect(graph.order).toBe(300);
    expect(meta.counts.byKind.cites).toBeGreaterThan(0);
    expect(graph.filterEdges((_e, a) => a.surveyOnly).length).toBeGreaterThan(0);
    expect(graph.filterEdges((_e, a) => a.provenance.length > 1).length).toBeGreaterThan(0);
  });
});
