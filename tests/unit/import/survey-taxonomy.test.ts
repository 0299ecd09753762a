import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSurveyTaxonomy, surveyName } from '../../../src/import/survey-taxonomy';
import { parseAwesomeList } from '../../../src/import/awesome-list';
import { DataErrors } from '../../../src/model/errors';
import { PaperLabelsSchema } from '../../../src/model/paper';
import { TaxonomySchema } from '../../../src/model/taxonomy';
import { AWESOME_MD, FIXTURES, hasShared, sharedFile, whenShared } from './shared-data';

const miniPapers = parseAwesomeList(readFileSync(join(FIXTURES, 'mini-awesome.md'), 'utf8')).papers;
const miniJson: unknown = JSON.parse(readFileSync(join(FIXTURES, 'mini-survey-taxonomy.json'), 'utf8'));

describe('importSurveyTaxonomy on a small fixture', () => {
  const r = importSurveyTaxonomy(miniJson, miniPapers);

  it('builds a valid taxonomy with our definitions, palette colours and mapped statuses', () => {
    expect(TaxonomySchema.safeParse(r.taxonomy).success).toBe(true);
    expect(r.taxonomy.dimensions.map((d) => d.id)).toEqual(['family', 'task', 'space', 'method', 'scheme']);
    const space = r.taxonomy.dimensions.find((d) => d.id === 'space');
    expect(space?.categories.map((c) => [c.id, c.parent, c.status])).toEqual([
      ['dm.textual', 'diffusion', 'confirmed'],
      ['dm.parameter', 'diffusion', 'confirmed'],
      ['ar.visual-token', 'ar', 'partly-confirmed'],
    ]);
    expect(r.taxonomy.dimensions.find((d) => d.id === 'scheme')?.categories[1]?.status).toBe('list-only');
    const text = JSON.stringify(r.taxonomy);
    expect(text).not.toContain('THEIR');
    const colours = r.taxonomy.dimensions.flatMap((d) => d.categories.map((c) => c.color));
    expect(colours).not.toContain(r.taxonomy.unknownColor);
    for (const d of r.taxonomy.dimensions)
      expect(new Set(d.categories.map((c) => c.color)).size).toBe(d.categories.length);
  });

  it('labels papers by arXiv id or title, keeping the evidence level', () => {
    expect(r.matched).toBe(3);
    expect(r.unmatched).toEqual([{ name: 'DDIM Inversion', arxiv: '2010.02502' }]);
    const byId = new Map(r.labels.map((l) => [l.id, l]));
    expect(byId.get('2208.12242')).toEqual({
      id: '2208.12242',
      name: 'DreamBooth',
      taxonomy: {
        space: { value: 'dm.parameter', evidence: 'survey-figure' },
        subspace: { value: 'full', evidence: 'survey-figure' },
        method: {
          value: 'dm.optimization',
          evidence: 'inferred',
          confidence: 'high',
          basis: 'paper-reading',
        },
        scheme: { value: 'dm.subject', evidence: 'survey-figure' },
        secondarySpaces: undefined,
        secondarySchemes: undefined,
      },
    });
    const jedi = byId.get('jedi-joint-image-diffusion-models-for-finetuning-free');
    expect(jedi?.taxonomy.scheme).toEqual({
      value: 'dm.subject',
      evidence: 'inferred',
      confidence: 'medium',
      basis: 'awesome-list',
    });
    expect(jedi?.taxonomy.secondarySpaces).toEqual(['dm.parameter']);
    expect(byId.get('1904.03189')?.name).toBeUndefined();
    for (const l of r.labels) expect(PaperLabelsSchema.safeParse(l).success).toBe(true);
    expect(r.diagnostics.map((d) => d.level)).not.toContain('error');
  });

  it('reports labels that point to no category, and malformed JSON with the field path', () => {
    const bad = JSON.parse(JSON.stringify(miniJson)) as { methods: Record<string, unknown>[] };
    const m0 = bad.methods[0];
    if (m0) m0.inversion_subspace = 'lora';
    if (m0) m0.family = 'gan';
    const r2 = importSurveyTaxonomy(bad, miniPapers);
    expect(r2.diagnostics.map((d) => d.message)).toContain(
      'method "DreamBooth" is a gan method in the survey but paper 2208.12242 is filed as diffusion in the list',
    );
    expect(r2.diagnostics.filter((d) => d.level === 'error').map((d) => d.message)).toEqual([
      'method "DreamBooth": sub-space "lora" is not a child of space "dm.parameter"',
    ]);
    if (m0) m0.confidence_unconfirmed_fields = 'certain';
    try {
      importSurveyTaxonomy(bad, miniPapers, 'x.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataErrors);
      expect((e as DataErrors).message).toMatch(
        /^x\.json: field "methods\.0\.confidence_unconfirmed_fields": /,
      );
    }
  });

  it('keeps the survey spelling of names but not author references', () => {
    expect(surveyName('pSp (pixel2style2pixel)')).toBe('pSp');
    expect(surveyName('IP-Adapter')).toBe('IP-Adapter');
    expect(surveyName('Ma et al. (invertibility of conv. generators)')).toBeUndefined();
    expect(surveyName('PGD (Shah & Hegde)')).toBeUndefined();
  });
});

describe.skipIf(!hasShared('survey-taxonomy.json', 'awesome-personalized-image-generation.md'))(
  'the real survey taxonomy',
  () => {
    const names = ['survey-taxonomy.json', 'awesome-personalized-image-generation.md'];
    const json: unknown = whenShared(names, () => JSON.parse(readFileSync(sharedFile(names[0]!), 'utf8')));
    const r = whenShared(names, () =>
      importSurveyTaxonomy(json, parseAwesomeList(readFileSync(AWESOME_MD, 'utf8')).papers),
    );

    it('labels 182 papers and reports DDIM Inversion and RF-Inversion as not in the list', () => {
      expect(r.matched).toBe(182);
      expect(r.unmatched.map((u) => u.name)).toEqual(['DDIM Inversion', 'RF-Inversion']);
      expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      expect(r.diagnostics.filter((d) => /no definition/.test(d.message))).toEqual([]);
    });

    it('has IP-Adapter and DreamBooth labelled as the survey places them', () => {
      const ip = r.labels.find((l) => l.id === '2308.06721');
      expect(ip?.name).toBe('IP-Adapter');
      expect(ip?.taxonomy.space).toEqual({ value: 'dm.feature', evidence: 'survey-figure' });
      expect(ip?.taxonomy.method).toEqual({ value: 'dm.learning', evidence: 'survey-figure' });
      expect(r.labels.find((l) => l.id === '2208.12242')?.name).toBe('DreamBooth');
      const confirmedAll = r.labels.filter((l) =>
        ['space', 'method', 'scheme'].every((k) => l.taxonomy[k as 'space']?.evidence === 'survey-figure'),
      );
      expect(confirmedAll).toHaveLength(4);
    });

    it('writes definitions of its own, never the JSON sentences or notes', () => {
      const raw = json as { families: Record<string, Record<string, unknown>>; methods: { note: string }[] };
      const theirs = new Set<string>();
      const collect = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if ((k === 'definition' || k === 'note') && typeof x === 'string') theirs.add(x);
            collect(x);
          }
        }
      };
      collect(raw.families);
      raw.methods.forEach((m) => theirs.add(m.note));
      const ours = JSON.stringify({ t: r.taxonomy, l: r.labels });
      for (const s of theirs) expect(ours.includes(s), s).toBe(false);
    });
  },
);
