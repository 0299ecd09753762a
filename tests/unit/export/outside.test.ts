/**
 * Works outside the list (build:graph --expand) in the exports: rows like any paper's, marked
 * `outside` with the number of the list's papers citing them; the list's papers leave both empty.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../../src/graph/build/build';
import { parseGraphFile } from '../../../src/graph/load';
import { serializeGraphFile } from '../../../src/graph/serialize';
import { edgesCsv, nodesCsv } from '../../../src/export/csv';
import { toGexf } from '../../../src/export/gexf';
import { allInput } from './support';

const built = buildGraph(readGraphData('tests/fixtures/graph-data/expand'), { expand: 3 });
const loaded = parseGraphFile(JSON.parse(serializeGraphFile(built.graph, built.meta)), 'expanded.json');

describe('exports of an expanded graph', () => {
  it('CSV: outside works are rows with their mark and count, their links rows too', () => {
    const rows = parse(nodesCsv(allInput(loaded)), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    const byId = new Map(rows.map((r) => [r['id'], r]));
    expect(byId.get('1512.03385')).toMatchObject({
      title: 'Deep Residual Learning for Image Recognition',
      year: '2016',
      arxiv: '1512.03385',
      outside: 'true',
      outside_cited_by: '4',
    });
    expect(byId.get('doi-10-5555-gan')).toMatchObject({ outside: 'true', outside_cited_by: '3', arxiv: '' });
    expect(byId.get('2301.00001')).toMatchObject({ outside: '', outside_cited_by: '' });
    const edges = parse(edgesCsv(allInput(loaded)), { columns: true, bom: true }) as Record<string, string>[];
    expect(edges.filter((e) => e['target'] === '1512.03385').map((e) => e['source'])).toEqual([
      '2301.00001',
      '2302.00002',
      '2303.00003',
      '2304.00004',
    ]);
  });

  it('GEXF: the mark is a declared attribute, given only on outside works', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      toGexf(allInput(loaded)),
    );
    const decl = ([] as { id: string; title: string; type: string }[]).concat(
      doc.gexf.graph.attributes.find((a: { class: string }) => a.class === 'node').attribute,
    );
    const outside = decl.find((d) => d.title === 'outside')!;
    expect(outside.type).toBe('boolean');
    type AttValue = { for: string; value: string };
    type GexfNode = { id: string; attvalues?: { attvalue: AttValue | AttValue[] } };
    const values = (node: GexfNode) =>
      new Map(([] as AttValue[]).concat(node.attvalues?.attvalue ?? []).map((v) => [v.for, v.value]));
    const nodes = doc.gexf.graph.nodes.node as GexfNode[];
    expect(values(nodes.find((n) => n.id === '1706.03762')!).get(outside.id)).toBe('true');
    expect(values(nodes.find((n) => n.id === '2302.00002')!).has(outside.id)).toBe(false);
  });
});
