import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseDatasetFile,
  parseEdgesTsv,
  parseLabelsFile,
  parsePapersFile,
  parseTaxonomyFile,
  stringifyDatasetFile,
  stringifyEdgesTsv,
  stringifyLabelsFile,
  stringifyPapersFile,
  stringifyTaxonomyFile,
} from '../../../src/data/index';
import { readGraphData, writeFileAtomic } from '../../../scripts/lib/graph-data-fs';
import { DataErrors } from '../../../src/model/errors';
import type { EdgeRecord } from '../../../src/model/edge';

const MINI = join(__dirname, '../../fixtures/graph-data-mini');
const read = (name: string): string => readFileSync(join(MINI, name), 'utf8');

/** The messages of the DataErrors `fn` throws (fails the test when it does not throw them). */
function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected DataErrors, nothing was thrown');
}

describe('readGraphData', () => {
  it('reads every file of a graph-data directory with file and line of each record', () => {
    const ds = readGraphData(MINI);
    expect(ds.info.name).toBe('Mini dataset');
    expect(ds.papers.map((p) => [p.value.id, p.line])).toEqual([
      ['2208.01618', 2],
      ['2208.12242', 18],
      ['jedi-joint-image-diffusion', 30],
    ]);
    expect(ds.papers[0]?.file).toBe(join(MINI, 'papers.yaml'));
    expect(ds.labels[0]?.value.name).toBe('DreamBooth');
    expect(ds.taxonomy.value.dimensions[0]?.id).toBe('family');
    expect(ds.edges.map((e) => [e.value.provenance.source, e.value.kind, e.line])).toEqual([
      ['code-readme', 'mentions', 2],
      ['fulltext-references', 'cites', 2],
    ]);
    const readme = ds.edges[0]?.value.provenance;
    expect(readme).toEqual({
      source: 'code-readme',
      repo: 'owner/repo',
      section: null,
      evidence: 'name',
      surveyRepo: false,
    });
  });

  it('names a missing required file and collects errors of several files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-'));
    try {
      cpSync(MINI, dir, { recursive: true });
      rmSync(join(dir, 'taxonomy.yaml'));
      writeFileSync(join(dir, 'edges', 'code-readme.tsv'), 'source\ttarget\n');
      const msgs = errorsOf(() => readGraphData(dir));
      expect(msgs).toHaveLength(2);
      expect(msgs[0]).toContain('taxonomy.yaml: required file is missing');
      expect(msgs[1]).toMatch(
        /code-readme\.tsv:1: header: must be the tab-separated columns: source, target, kind, repo, section, evidence, survey_repo \(optionally followed by note\)$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an edge file with an unknown name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-'));
    try {
      cpSync(MINI, dir, { recursive: true });
      writeFileSync(join(dir, 'edges', 'mine.tsv'), 'source\ttarget\tkind\n');
      expect(errorsOf(() => readGraphData(dir))[0]).toMatch(/mine\.tsv: unknown edge file name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('papers.yaml', () => {
  it('round-trips and is byte-stable', () => {
    const papers = parsePapersFile(read('papers.yaml'), 'papers.yaml').map((l) => l.value);
    const text = stringifyPapersFile(papers);
    const again = parsePapersFile(text, 'papers.yaml').map((l) => l.value);
    expect(again).toEqual(papers);
    expect(stringifyPapersFile(again)).toBe(text);
    expect(stringifyPapersFile([...papers].reverse())).toBe(text);
    expect(text).toContain('- id: "2208.01618"\n  title: "An image is worth');
    expect(text).toContain('  tasks: [subject, face]\n');
  });

  it('names file, line, paper and field of each problem', () => {
    const bad = read('papers.yaml')
      .replace('  year: 2024', '  year: twenty')
      .replace('  family: diffusion\n  tasks: [subject, face]', '  family: vae\n  tasks: [subject, face]')
      .replace('  venue: ICLR', '  venue: ICLR\n  colour: red');
    const msgs = errorsOf(() => parsePapersFile(bad, 'gd/papers.yaml'));
    expect(msgs).toContain('gd/papers.yaml:11: paper 2208.01618: unknown field(s) "colour"');
    // a family is any id here: the build checks it against the taxonomy (tests/unit/build/validate.test.ts)
    expect(msgs.some((m) => m.includes('paper 2208.12242'))).toBe(false);
    expect(
      msgs.some((m) => /^gd\/papers\.yaml:35: paper jedi-joint-image-diffusion: field "year": /.test(m)),
    ).toBe(true);
  });

  it('refuses an arXiv id arXiv never issued, naming the field', () => {
    const text = read('papers.yaml');
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234']) {
      const bad = text.replace('  arxiv: "2208.12242"', `  arxiv: "${bogus}"`);
      expect(errorsOf(() => parsePapersFile(bad, 'p.yaml'))).toEqual([
        'p.yaml:26: paper 2208.12242: field "arxiv": must be an arXiv id as arXiv issues it, without version (e.g. 2208.01618), or null',
      ]);
      const badId = text.replace('- id: "2208.12242"', `- id: "${bogus}"`);
      expect(errorsOf(() => parsePapersFile(badId, 'p.yaml'))).toEqual([
        `p.yaml:18: paper ${bogus}: field "id": must be an arXiv id as arXiv issues it, without version (e.g. 2208.01618), or a lowercase slug`,
      ]);
    }
  });

  it('reports duplicate ids, YAML syntax errors and a non-list file with their line', () => {
    const text = read('papers.yaml');
    const dup = text + text.split('\n').slice(1, 17).join('\n') + '\n';
    expect(errorsOf(() => parsePapersFile(dup, 'p.yaml'))).toEqual([
      'p.yaml:42: paper 2208.01618: field "id": duplicate id (first defined on line 2)',
    ]);
    expect(errorsOf(() => parsePapersFile('- id: "1\n  x: [\n', 'p.yaml'))[0]).toMatch(
      /^p\.yaml:\d+: invalid YAML/,
    );
    expect(errorsOf(() => parsePapersFile('id: x\n', 'p.yaml'))).toEqual([
      'p.yaml:1: expected a list of paper records',
    ]);
    expect(parsePapersFile('', 'p.yaml')).toEqual([]);
  });
});

describe('labels.yaml, taxonomy.yaml, dataset.yaml', () => {
  it('round-trip and are byte-stable', () => {
    const labels = parseLabelsFile(read('labels.yaml'), 'l').map((l) => l.value);
    const lt = stringifyLabelsFile(labels);
    expect(parseLabelsFile(lt, 'l').map((l) => l.value)).toEqual(labels);
    expect(stringifyLabelsFile(parseLabelsFile(lt, 'l').map((l) => l.value))).toBe(lt);
    expect(lt).toContain('    secondarySpaces: [dm.textual]\n');

    const tax = parseTaxonomyFile(read('taxonomy.yaml'), 't').value;
    const tt = stringifyTaxonomyFile(tax);
    expect(parseTaxonomyFile(tt, 't').value).toEqual(tax);
    expect(stringifyTaxonomyFile(parseTaxonomyFile(tt, 't').value)).toBe(tt);

    const info = parseDatasetFile(read('dataset.yaml'), 'd');
    const dt = stringifyDatasetFile(info);
    expect(parseDatasetFile(dt, 'd')).toEqual(info);
    expect(stringifyDatasetFile(parseDatasetFile(dt, 'd'))).toBe(dt);
  });

  it('locate taxonomy and label errors', () => {
    const badTax = read('taxonomy.yaml').replace('"#0072b2"', '"#0072B2"');
    expect(errorsOf(() => parseTaxonomyFile(badTax, 't.yaml'))).toEqual([
      't.yaml:10: taxonomy: field "dimensions.0.categories.0.color": must be a lowercase hex colour like #0072b2',
    ]);
    const badLabels = read('labels.yaml').replace('evidence: inferred', 'evidence: rumour');
    expect(errorsOf(() => parseLabelsFile(badLabels, 'l.yaml'))[0]).toMatch(
      /^l\.yaml:12: labels of 2208\.12242: field "taxonomy\.method\.evidence": /,
    );
    expect(errorsOf(() => parseDatasetFile('description: x\n', 'd.yaml'))[0]).toMatch(
      /^d\.yaml:1: dataset: field "name"/,
    );
  });
});

describe('edges TSV', () => {
  it('round-trips every provenance file and sorts rows stably', () => {
    for (const name of ['fulltext-references.tsv', 'code-readme.tsv', 'curated.tsv']) {
      const text = read(join('edges', name));
      const recs = parseEdgesTsv(text, name).map((l) => l.value);
      const prov = recs[0]?.provenance.source ?? 'curated';
      expect(stringifyEdgesTsv(prov, recs)).toBe(text);
    }
    const recs: EdgeRecord[] = [
      {
        source: 'b',
        target: 'a',
        kind: 'cites',
        provenance: { source: 'fulltext-references', match: 'title' },
      },
      {
        source: 'a',
        target: 'c',
        kind: 'cites',
        provenance: { source: 'fulltext-references', match: 'arxiv-id' },
      },
      {
        source: 'a',
        target: 'b',
        kind: 'cites',
        provenance: { source: 'fulltext-references', match: 'title' },
      },
    ];
    const text = stringifyEdgesTsv('fulltext-references', recs);
    expect(
      text
        .split('\n')
        .slice(1, 4)
        .map((l) => l.split('\t').slice(0, 2).join('>')),
    ).toEqual(['a>b', 'a>c', 'b>a']);
    expect(stringifyEdgesTsv('fulltext-references', [...recs].reverse())).toBe(text);
  });

  it('escapes odd characters in cells so any text round-trips (property)', () => {
    const cellText = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 20 })
      .filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        cellText,
        fc.option(cellText, { nil: undefined }),
        fc.option(cellText, { nil: undefined }),
        (by, note, section) => {
          const curated: EdgeRecord = {
            source: 'x1',
            target: 'x2',
            kind: 'builds-on',
            provenance: { source: 'curated', by },
            note,
          };
          if (note === undefined) delete curated.note;
          const t = stringifyEdgesTsv('curated', [curated]);
          expect(parseEdgesTsv(t, 'curated.tsv').map((l) => l.value)).toEqual([curated]);
          const readme: EdgeRecord = {
            source: 'x1',
            target: 'x2',
            kind: 'mentions',
            provenance: {
              source: 'code-readme',
              repo: 'o/r',
              section: section ?? null,
              evidence: 'name',
              surveyRepo: true,
            },
          };
          const t2 = stringifyEdgesTsv('code-readme', [readme]);
          expect(parseEdgesTsv(t2, 'code-readme.tsv').map((l) => l.value)).toEqual([readme]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the line, edge and column of bad rows', () => {
    const text = [
      'source\ttarget\tkind\trepo\tsection\tevidence\tsurvey_repo',
      'a\tb\tmentions\to/r\t\tname\tyes',
      'a\tc\tlikes\to/r\t\tname\tfalse',
      'a\td\tmentions\to/r',
      'e\te\tmentions\to/r\tS\tname\tfalse',
    ].join('\r\n');
    expect(errorsOf(() => parseEdgesTsv(text, 'edges/code-readme.tsv'))).toEqual([
      'edges/code-readme.tsv:2: edge a → b: field "survey_repo": must be true or false, found "yes"',
      expect.stringMatching(/^edges\/code-readme\.tsv:3: edge a → c: field "kind": /),
      'edges/code-readme.tsv:4: edge a → d: expected 7 tab-separated cells (source, target, kind, repo, section, evidence, survey_repo), found 4',
      'edges/code-readme.tsv:5: edge e → e: field "target": an edge cannot point from a paper to itself',
    ]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    try {
      const p = join(dir, 'out.yaml');
      writeFileAtomic(p, 'one\n');
      writeFileAtomic(p, 'two\n');
      expect(readFileSync(p, 'utf8')).toBe('two\n');
      expect(readdirSync(dir)).toEqual(['out.yaml']);
      expect(() => writeFileAtomic(join(dir, 'missing', 'x.yaml'), 'x')).toThrow();
      expect(existsSync(join(dir, 'missing'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
