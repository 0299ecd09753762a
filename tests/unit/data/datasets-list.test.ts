/** The datasets list producer: previous list + new entry + files present → next list; its text and parser. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  datasetEntryFromMeta,
  emptyDatasetsFile,
  nextDatasetsFile,
  parseDatasetsFile,
  stringifyDatasetsFile,
} from '../../../src/data/datasets-list';
import { DataError, type DatasetEntry, type DatasetsFile, type GraphMeta } from '../../../src/model';

const entry = (name: string, papers = 10, edges = 20): DatasetEntry => ({
  name,
  papers,
  edges,
  inputsHash: `${name.length}`.padStart(64, 'a'),
});

const list = (datasets: Record<string, DatasetEntry>): DatasetsFile => ({
  format: 'lineage-atlas/datasets',
  version: 1,
  datasets,
});

describe('nextDatasetsFile', () => {
  it('adds the first entry to an empty list', () => {
    const next = nextDatasetsFile(emptyDatasetsFile(), 'graph.json', entry('Survey'), [
      'graph.json',
      'favicon.svg',
    ]);
    expect(next).toEqual(list({ 'graph.json': entry('Survey') }));
  });

  it('adds a second entry and keeps the first, sorted by file name whatever the order of insertion', () => {
    const one = nextDatasetsFile(emptyDatasetsFile(), 'zeta.json', entry('Zeta'), ['zeta.json']);
    const two = nextDatasetsFile(one, 'alpha.json', entry('Alpha'), ['zeta.json', 'alpha.json']);
    expect(Object.keys(two.datasets)).toEqual(['alpha.json', 'zeta.json']);
    expect(two.datasets['zeta.json']).toEqual(entry('Zeta'));
    expect(two.datasets['alpha.json']).toEqual(entry('Alpha'));
  });

  it('replaces the entry of a file built again, and leaves the previous list as it was', () => {
    const before = list({ 'a.json': entry('Old name', 1, 1), 'b.json': entry('B') });
    const copy = structuredClone(before);
    const next = nextDatasetsFile(before, 'a.json', entry('New name', 5, 7), ['a.json', 'b.json']);
    expect(next.datasets['a.json']).toEqual(entry('New name', 5, 7));
    expect(next.datasets['b.json']).toEqual(entry('B'));
    expect(Object.keys(next.datasets)).toHaveLength(2);
    expect(before).toEqual(copy);
  });

  it('drops entries whose graph file is gone, and keeps the one just built even if the listing missed it', () => {
    const before = list({ 'gone.json': entry('Gone'), 'kept.json': entry('Kept') });
    const next = nextDatasetsFile(before, 'new.json', entry('New'), ['kept.json', 'datasets.json']);
    expect(Object.keys(next.datasets)).toEqual(['kept.json', 'new.json']);
  });

  it('refuses a file name with a path, a hidden name or datasets.json itself', () => {
    for (const bad of ['sub/graph.json', '.graph.json', 'datasets.json', '']) {
      expect(() => nextDatasetsFile(emptyDatasetsFile(), bad, entry('X'), [bad])).toThrow(/graph file name/);
    }
  });

  it('gives the same text whatever order the entries were recorded in (property)', () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,8}\.json$/), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(names, fc.func(fc.integer()), (files, key) => {
        const shuffled = [...files].sort((a, b) => key(a) - key(b) || (a < b ? -1 : 1));
        const build = (order: string[]) =>
          order.reduce(
            (acc, f) => nextDatasetsFile(acc, f, entry(f.toUpperCase()), files),
            emptyDatasetsFile(),
          );
        expect(stringifyDatasetsFile(build(shuffled))).toBe(stringifyDatasetsFile(build(files)));
        expect(Object.keys(build(shuffled).datasets)).toEqual([...files].sort());
      }),
    );
  });
});

describe('datasets.json text', () => {
  const meta = {
    dataset: { name: 'Survey <b>papers</b>', description: 'What it holds' },
    counts: { papers: 416, edges: 1811, byKind: {}, byFamily: {} },
    inputsHash: 'f'.repeat(64),
  } as unknown as GraphMeta;

  it('records name, description, counts and inputs hash from the graph meta, and no date', () => {
    const e = datasetEntryFromMeta(meta);
    expect(e).toEqual({
      name: 'Survey <b>papers</b>',
      description: 'What it holds',
      papers: 416,
      edges: 1811,
      inputsHash: 'f'.repeat(64),
    });
    const noDescription = datasetEntryFromMeta({ ...meta, dataset: { name: 'N' } });
    expect('description' in noDescription).toBe(false);
    const text = stringifyDatasetsFile(nextDatasetsFile(emptyDatasetsFile(), 'graph.json', e, []));
    expect(text).not.toMatch(/date|20\d\d-/i);
  });

  it('writes sorted, indented JSON with a final newline that parses back to the same list', () => {
    const l = list({ 'b.json': entry('B'), 'a.json': { ...entry('A'), description: 'first' } });
    const text = stringifyDatasetsFile(l);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"a.json"')).toBeLessThan(text.indexOf('"b.json"'));
    expect(text).toContain(
      '\n  "datasets": {\n    "a.json": {\n      "name": "A",\n      "description": "first",\n      "papers": 10,',
    );
    expect(parseDatasetsFile(text, 'public/datasets.json')).toEqual(l);
  });

  it('names the file, the entry and the field of a malformed list', () => {
    const ok = stringifyDatasetsFile(list({ 'a.json': entry('A') }));
    const bad = (
      edit: (j: { datasets: Record<string, Record<string, unknown>> } & Record<string, unknown>) => void,
    ) => {
      const j = JSON.parse(ok) as { datasets: Record<string, Record<string, unknown>> } & Record<
        string,
        unknown
      >;
      edit(j);
      return JSON.stringify(j);
    };
    const message = (text: string) => {
      try {
        parseDatasetsFile(text, 'public/datasets.json');
      } catch (e) {
        expect(e).toBeInstanceOf(DataError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(message(ok.slice(0, 40))).toMatch(/^public\/datasets\.json: is not valid JSON: /);
    expect(message('[]')).toBe('public/datasets.json: expected a JSON object');
    expect(message(bad((j) => (j.format = 'lineage-atlas/graph')))).toMatch(
      /^public\/datasets\.json: field "format": /,
    );
    expect(message(bad((j) => (j.version = 2)))).toMatch(
      /^public\/datasets\.json: field "version": .*expected 1/,
    );
    expect(message(bad((j) => (j.datasets['a.json']!.papers = -1)))).toMatch(
      /^public\/datasets\.json: entry "a\.json": field "papers": /,
    );
    expect(message(bad((j) => delete j.datasets['a.json']!.name))).toMatch(
      /^public\/datasets\.json: entry "a\.json": field "name": /,
    );
    expect(message(bad((j) => (j.datasets['a.json']!.built = '2026-01-01')))).toBe(
      'public/datasets.json: entry "a.json": unknown field(s) "built"',
    );
    expect(message(bad((j) => (j.datasets['../x.json'] = j.datasets['a.json']!)))).toMatch(
      /^public\/datasets\.json: entry "\.\.\/x\.json": the key is not a graph file name: /,
    );
  });
});
