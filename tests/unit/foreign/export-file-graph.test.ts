/**
 * A graph opened from a file exports like any other: the GEXF and GraphML read back with the same
 * nodes and links (no year attribute where the file had none), the JSON reopens in the explorer, and
 * the CSV and BibTeX have no "null" in them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertForeignGraph } from '../../../src/foreign/convert';
import { openGraphText } from '../../../src/foreign/open';
import { readForeignGraph } from '../../../src/foreign/read';
import { toBibtex } from '../../../src/export/bibtex';
import { nodesCsv } from '../../../src/export/csv';
import { toGexf } from '../../../src/export/gexf';
import { toGraphml } from '../../../src/export/graphml';
import { toJson } from '../../../src/export/json';
import { allInput, text } from '../export/support';

const DIR = join(__dirname, '../../fixtures/foreign');
const karate = convertForeignGraph(
  readForeignGraph(readFileSync(join(DIR, 'karate.gexf'), 'utf8'), 'karate.gexf'),
);

describe('exporting a graph opened from a file', () => {
  const input = allInput(karate);

  it('writes GEXF and GraphML that read back with the same nodes and links', () => {
    for (const [name, out] of [
      ['karate-export.gexf', text(toGexf(input))],
      ['karate-export.graphml', text(toGraphml(input))],
    ] as const) {
      const back = readForeignGraph(out, name);
      expect(back.nodes.map((n) => n.key).sort()).toEqual(karate.graph.nodes().sort());
      expect(back.edges).toHaveLength(78);
      // the file's attributes come back under their names and types; no node has a year
      expect(back.nodeAttributes).toEqual(
        expect.arrayContaining([
          { name: 'club', type: 'string' },
          { name: 'degree', type: 'integer' },
          { name: 'centrality', type: 'float' },
        ]),
      );
      const n33 = back.nodes.find((n) => n.key === '33')!;
      expect(n33.attributes).toMatchObject({ club: 'Officer', degree: 17, centrality: 0.5152 });
      expect(n33.label ?? n33.attributes.label).toBe('Member 34');
      // only the graph's own columns: none of the survey's paper fields, which it cannot fill
      for (const survey of [
        'title',
        'authors',
        'space',
        'method',
        'scheme',
        'method_evidence',
        'secondary_spaces',
      ])
        expect(back.nodeAttributes.map((a) => a.name)).not.toContain(survey);
      expect(back.nodes.every((n) => n.attributes.year === undefined)).toBe(true);
      expect(out).not.toMatch(/>null<|"null"/);
    }
  });

  it('writes a JSON the explorer reopens as the same graph', () => {
    const again = openGraphText(text(toJson(input)), 'karate.json');
    expect(again.format).toBe('atlas');
    expect(again.loaded.graph.order).toBe(34);
    expect(again.loaded.meta.file).toEqual(karate.meta.file);
    expect(again.loaded.meta.measures).toEqual(karate.meta.measures);
  });

  it('writes CSV and BibTeX without nulls', () => {
    const csv = text(nodesCsv(input));
    expect(csv.split('\n')[1]).toMatch(/^33,|,33,|Member/);
    expect(csv).not.toContain('null');
    const bib = text(toBibtex(input));
    expect(bib).toContain('title = {Member 34}');
    expect(bib).not.toMatch(/year = |null/);
  });
});
