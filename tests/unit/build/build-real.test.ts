/**
 * The build on the bundled dataset (graph-data/, committed): every paper, the edges of both
 * imported edge files, and the survey's labels reach the graph file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../../src/graph/build/build';
import { serializeGraphFile } from '../../../src/graph/serialize';
import { EdgeAttributesSchema, NodeAttributesSchema } from '../../../src/model';
import type { GraphFile } from '../../../src/model';

/** Ordered pairs of an edge file, read straight from its text (independent of the parsers). */
function pairs(file: string): Set<string> {
  const lines = readFileSync(`graph-data/edges/${file}`, 'utf8').trim().split('\n').slice(1);
  return new Set(lines.filter((l) => l.trim() !== '').map((l) => l.split('\t').slice(0, 2).join('->')));
}

describe('build on graph-data/', () => {
  const dataset = readGraphData('graph-data');
  const { graph, meta } = buildGraph(dataset);
  const file = JSON.parse(serializeGraphFile(graph, meta)) as GraphFile;

  it('has the 416 papers of the list', () => {
    expect(graph.order).toBe(416);
    expect(file.graph.nodes).toHaveLength(416);
    expect(meta.counts.papers).toBe(416);
  });

  it('has one edge per ordered pair of both imported edge files', () => {
    const fulltext = pairs('fulltext-references.tsv');
    const readme = pairs('code-readme.tsv');
    expect(fulltext.size).toBeGreaterThan(1000);
    expect(readme.size).toBeGreaterThan(300);
    const all = new Set([...fulltext, ...readme, ...pairs('curated.tsv')]);
    expect(graph.size).toBe(all.size);
    for (const p of all) expect(graph.hasEdge(p)).toBe(true);
    const sources = new Set(graph.mapEdges((_e, a) => a.provenance.map((p) => p.source)).flat());
    expect(sources).toEqual(
      new Set(['fulltext-references', 'code-readme', ...(pairs('curated.tsv').size ? ['curated'] : [])]),
    );
    // a pair both sources give is one edge with both provenances
    const both = [...fulltext].find((p) => readme.has(p));
    expect(both).toBeDefined();
    expect(graph.getEdgeAttribute(both as string, 'provenance').map((p) => p.source)).toEqual([
      'fulltext-references',
      'code-readme',
    ]);
    expect(graph.filterEdges((_e, a) => a.surveyOnly).length).toBeGreaterThan(0);
  });

  it('carries the survey labels and spellings', () => {
    const dreambooth = graph.getNodeAttributes('2208.12242');
    expect(dreambooth.name).toBe('DreamBooth');
    expect(dreambooth.label).toBe('DreamBooth');
    expect(dreambooth.taxonomy.space).toEqual({ value: 'dm.parameter', evidence: 'survey-figure' });
    expect(dreambooth.taxonomy.method?.evidence).toBe('survey-figure');
    expect(graph.getNodeAttribute('2308.06721', 'name')).toBe('IP-Adapter');
    const labelled = graph.filterNodes((_n, a) => a.taxonomy.space !== undefined);
    expect(labelled.length).toBe(dataset.labels.filter((l) => l.value.taxonomy.space).length);
    expect(dreambooth.colors.space).not.toBe(meta.taxonomy.unknownColor);
  });

  it('ranks heavily cited methods high and writes valid attributes', () => {
    const byCitations = graph
      .nodes()
      .sort((a, b) => graph.getNodeAttribute(b, 'citations') - graph.getNodeAttribute(a, 'citations'));
    expect(byCitations.slice(0, 10)).toContain('2208.12242');
    for (const n of file.graph.nodes) NodeAttributesSchema.parse(n.attributes);
    for (const e of file.graph.edges) EdgeAttributesSchema.parse(e.attributes);
    expect(meta.years![0]).toBeLessThanOrEqual(2016);
    expect(meta.years![1]).toBeGreaterThanOrEqual(2025);
  });
});
