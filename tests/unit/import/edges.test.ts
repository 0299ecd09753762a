import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCodeReadmeEdges, importFulltextEdges } from '../../../src/import/edges';
import { parseAwesomeList } from '../../../src/import/awesome-list';
import { EdgeRecordSchema } from '../../../src/model/edge';
import type { PaperRecord } from '../../../src/model/paper';
import { AWESOME_MD, FIXTURES, hasShared, sharedFile, whenShared } from './shared-data';

const survey: PaperRecord = {
  id: '2101.05278',
  title: 'GAN Inversion: A Survey',
  name: null,
  authors: [],
  year: 2021,
  month: 1,
  venue: 'TPAMI',
  venueYear: 2021,
  arxiv: '2101.05278',
  links: {},
  family: 'survey',
  tasks: ['survey'],
};
const papers = [...parseAwesomeList(readFileSync(join(FIXTURES, 'mini-awesome.md'), 'utf8')).papers, survey];
const json = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('edge importers on small fixtures', () => {
  it('turns full-text references into cites edges and reports unknown paper ids', () => {
    const r = importFulltextEdges(json('mini-fulltext.json'), papers);
    expect(r.records).toEqual([
      {
        source: '2208.12242',
        target: '2208.01618',
        kind: 'cites',
        provenance: { source: 'fulltext-references', match: 'arxiv-id' },
      },
      {
        source: '2312.04461',
        target: '2208.12242',
        kind: 'cites',
        provenance: { source: 'fulltext-references', match: 'title' },
      },
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'edge #3 2312.04461 → 9999.99999: unknown paper id(s) 9999.99999; skipped',
    ]);
  });

  it('maps README relations to kinds, marks survey repositories and reports unknown relations', () => {
    const r = importCodeReadmeEdges(json('mini-code-readme.json'), papers);
    expect(
      r.records.map((e) => [e.kind, e.provenance.source === 'code-readme' && e.provenance.surveyRepo]),
    ).toEqual([
      ['builds-on', false],
      ['mentions', true],
    ]);
    for (const e of r.records) expect(EdgeRecordSchema.safeParse(e).success).toBe(true);
    expect(r.diagnostics).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(/^edge #3 2312\.04461 → 2208\.01618: unknown relation "inspired"/),
      },
    ]);
  });

  it('rejects a file of the wrong shape, naming the field', () => {
    expect(() =>
      importFulltextEdges({ edges: [{ from: 'a', to: 'b', match: 'guess' }] }, papers, 'f.json'),
    ).toThrow(/^f\.json: field "edges\.0\.match": /);
  });
});

describe.skipIf(
  !hasShared(
    'fulltext-references.json',
    'code-readme-mentions.json',
    'awesome-personalized-image-generation.md',
  ),
)('the real edge files', () => {
  const real = whenShared(
    ['awesome-personalized-image-generation.md'],
    () => parseAwesomeList(readFileSync(AWESOME_MD, 'utf8')).papers,
  );
  const load = (n: string): unknown => JSON.parse(readFileSync(sharedFile(n), 'utf8'));

  it('gives 1379 full-text cites edges, all endpoints known', () => {
    const r = importFulltextEdges(load('fulltext-references.json'), real);
    expect(r.records).toHaveLength(1379);
    expect(r.diagnostics).toEqual([]);
    expect(
      r.records.filter(
        (e) => e.provenance.source === 'fulltext-references' && e.provenance.match === 'arxiv-id',
      ),
    ).toHaveLength(740);
  });

  it('gives 487 README edges, 259 of them from 6 survey repositories', () => {
    const r = importCodeReadmeEdges(load('code-readme-mentions.json'), real);
    expect(r.records).toHaveLength(487);
    expect(r.diagnostics).toEqual([]);
    const fromSurveys = r.records.flatMap((e) =>
      e.provenance.source === 'code-readme' && e.provenance.surveyRepo ? [e] : [],
    );
    expect(fromSurveys).toHaveLength(259);
    expect(
      new Set(fromSurveys.map((e) => (e.provenance.source === 'code-readme' ? e.provenance.repo : ''))).size,
    ).toBe(6);
    expect(fromSurveys.every((e) => e.kind === 'mentions')).toBe(true);
    const kinds = r.records.filter((e) => !fromSurveys.includes(e)).map((e) => e.kind);
    expect([
      kinds.filter((k) => k === 'builds-on').length,
      kinds.filter((k) => k === 'compares').length,
    ]).toEqual([116, 21]);
  });
});
