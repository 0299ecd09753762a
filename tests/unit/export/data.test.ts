import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from '../../../src/graph/load';
import { datasetSlug, exportData, exportFilename } from '../../../src/export/data';
import { DATA_FORMATS } from '../../../src/export/types';
import { allInput, HOSTILE, load, REAL, SMALL, text, visibleInput } from './support';

describe('exportFilename', () => {
  const real = load(REAL).meta;

  it('says the dataset, the scope and the date', () => {
    expect(exportFilename(real, 'visible', new Date('2026-11-29T10:00:00Z'), 'gexf')).toBe(
      'personalized-image-generation-visible-2026-11-29.gexf',
    );
    expect(exportFilename(real, 'all', new Date('2026-01-05T23:59:59Z'), '.csv', 'Nodes')).toBe(
      'personalized-image-generation-all-2026-01-05-nodes.csv',
    );
  });

  it('slugs any dataset name into a safe, bounded file name', () => {
    expect(datasetSlug({ dataset: { name: 'Fixture: small personalization graph' } })).toBe(
      'fixture-small-personalization-graph',
    );
    expect(datasetSlug({ dataset: { name: 'Café — Übersicht' } })).toBe('cafe');
    expect(datasetSlug({ dataset: { name: '日本語' } })).toBe('graph');
    const hostile = datasetSlug(load(HOSTILE).meta);
    expect(hostile).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(hostile.length).toBeLessThanOrEqual(48);
    expect(
      exportFilename(
        { dataset: { name: '../../etc/passwd' } },
        'all',
        new Date('2026-11-29T00:00:00Z'),
        'json',
      ),
    ).toBe('etc-passwd-all-2026-11-29.json');
  });

  it('refuses an invalid date', () => {
    expect(() => exportFilename(real, 'all', new Date('nope'), 'bib')).toThrow(/invalid export date/);
  });
});

describe('exportData', () => {
  it('gives one file per format, two for CSV, each naming the dataset and its build hash', () => {
    const loaded = load(SMALL);
    const input = visibleInput(loaded, { categories: { family: ['diffusion'] } }, 'families diffusion');
    const seen: string[] = [];
    for (const format of DATA_FORMATS) {
      const files = exportData(format, input);
      expect(files).toHaveLength(format === 'csv' ? 2 : 1);
      for (const f of files) {
        seen.push(f.filename);
        expect(f.filename).toMatch(/^fixture-small-personalization-graph-visible-2026-11-29/);
        expect(f.mime).not.toBe('');
        const body = text(f.content);
        expect(body, f.filename).toContain(loaded.meta.inputsHash);
        expect(body, f.filename).toContain(loaded.meta.dataset.name);
      }
    }
    expect(seen.map((n) => n.replace(/^.*2026-11-29/, ''))).toEqual([
      '.gexf',
      '.graphml',
      '.json',
      '-nodes.csv',
      '-edges.csv',
      '.bib',
    ]);
  });

  it('names the selection-only BibTeX file apart', () => {
    const input = { ...allInput(load(SMALL)), selected: '2208.12242', bibtexOnlySelected: true };
    const [file] = exportData('bibtex', input);
    expect(file?.filename).toBe('fixture-small-personalization-graph-all-2026-11-29-selected.bib');
  });

  it('gives the same bytes for the same input', () => {
    const a = allInput(load(SMALL));
    const b = allInput(load(SMALL));
    for (const format of DATA_FORMATS) expect(exportData(format, a)).toEqual(exportData(format, b));
  });
});

describe('an empty scope', () => {
  it('still gives valid files of every format', () => {
    const loaded = load(SMALL);
    const input = {
      ...allInput(loaded),
      scope: 'visible' as const,
      nodes: new Set<string>(),
      edges: new Set<string>(),
    };
    const files = Object.fromEntries(
      DATA_FORMATS.map((f) => [f, exportData(f, input).map((x) => text(x.content))]),
    );
    expect(parseGexf(Graph, files.gexf?.[0] ?? '').order).toBe(0);
    expect(parseGraphml(Graph, files.graphml?.[0] ?? '').order).toBe(0);
    const back = parseGraphFile(JSON.parse(files.json?.[0] ?? ''), 'empty.json');
    expect(back.graph.order).toBe(0);
    expect(back.meta.counts.papers).toBe(0);
    expect(files.csv?.[0]?.split('\r\n')).toHaveLength(2); // header + final empty line
    expect(files.bibtex?.[0]).not.toContain('\n@');
  });
});
