import { describe, expect, it } from 'vitest';
import { computeVisibility } from '../../src/graph/filters';
import { groupHeading, groupNeighbours } from '../../src/graph/paper-neighbours';
import type { GraphMeta } from '../../src/model';
import {
  evidenceText,
  formatProvenance,
  paperLinks,
  safeHttpUrl,
  shortProvenance,
  taxonomyRows,
  venueYear,
} from '../../src/ui/details-text';
import { makeGraph, node } from './support/paper-graph';

const meta = {
  taxonomy: {
    unknownColor: '#bbbbbb',
    dimensions: [
      {
        id: 'family',
        label: 'Model family',
        categories: [{ id: 'diffusion', label: 'Diffusion models', color: '#0072b2' }],
      },
      {
        id: 'task',
        label: 'Task',
        categories: [{ id: 'subject', label: 'Subject-driven', color: '#e69f00' }],
      },
      {
        id: 'space',
        label: 'Inversion space',
        categories: [
          {
            id: 'dm.textual',
            label: 'Textual space',
            color: '#009e73',
            children: [{ id: 'word', label: 'Word embedding' }],
          },
          { id: 'dm.parameter', label: 'Parameter space', color: '#cc79a7' },
        ],
      },
      {
        id: 'method',
        label: 'Inversion method',
        categories: [{ id: 'dm.optimization', label: 'Optimization-based', color: '#d55e00' }],
      },
      {
        id: 'scheme',
        label: 'Scheme',
        categories: [{ id: 'dm.subject', label: 'Subject-driven generation', color: '#56b4e9' }],
      },
    ],
  },
} as unknown as GraphMeta;

describe('groupNeighbours', () => {
  const graph = makeGraph(
    [
      { id: 'p', title: 'P', year: 2023 },
      { id: 'old', title: 'Old', name: 'Old', year: 2020 },
      { id: 'older', title: 'Older', name: 'Older', year: 2019 },
      { id: 'gan', title: 'Gan', name: 'Gan', year: 2021, family: 'gan' },
      { id: 'later', title: 'Later', name: 'Later', year: 2024 },
      { id: 'survey', title: 'Survey', name: 'Survey', year: 2024 },
    ],
    [
      { source: 'p', target: 'old', kind: 'builds-on' },
      { source: 'p', target: 'older', kind: 'cites' },
      { source: 'p', target: 'gan', kind: 'cites' },
      { source: 'later', target: 'p', kind: 'builds-on' },
      { source: 'survey', target: 'p', kind: 'mentions', surveyOnly: true },
    ],
  );

  it('groups out-edges (references) and in-edges (citations) by kind, strongest kind first', () => {
    const n = groupNeighbours(graph, 'p');
    expect(n.out.map((g) => [g.kind, g.entries.map((e) => e.id)])).toEqual([
      ['builds-on', ['old']],
      ['cites', ['gan', 'older']],
    ]);
    expect(n.in.map((g) => [g.kind, g.entries.map((e) => e.id)])).toEqual([
      ['builds-on', ['later']],
      ['mentions', ['survey']],
    ]);
    expect([n.outCount, n.inCount]).toEqual([3, 2]);
    expect(n.out[0]?.entries[0]).toMatchObject({ label: 'Old', year: 2020, edge: 'p->old', hidden: null });
  });

  it('marks neighbours hidden by the filters (paper or edge) and lists them last', () => {
    const visibility = computeVisibility(graph, {
      years: null,
      unlabelled: [],
      categories: { family: ['diffusion'] },
      edgeKinds: ['builds-on', 'cites', 'compares', 'mentions'],
      showSurveyMentions: false,
      minDegree: 0,
    });
    const n = groupNeighbours(graph, 'p', visibility);
    expect(n.out[1]?.entries.map((e) => [e.id, e.hidden])).toEqual([
      ['older', null],
      ['gan', 'paper'],
    ]);
    expect(n.in[1]?.entries[0]?.hidden).toBe('edge');
  });

  it('does not mark every edge of a hidden paper, only hidden neighbours', () => {
    const visibility = computeVisibility(graph, {
      years: [2019, 2022],
      unlabelled: [],
      categories: {},
      edgeKinds: ['builds-on', 'cites', 'compares', 'mentions'],
      showSurveyMentions: false,
      minDegree: 0,
    });
    const n = groupNeighbours(graph, 'p', visibility);
    expect(n.out.flatMap((g) => g.entries.map((e) => [e.id, e.hidden]))).toEqual([
      ['old', null],
      ['gan', null],
      ['older', null],
    ]);
    expect(n.in.flatMap((g) => g.entries.map((e) => [e.id, e.hidden]))).toEqual([
      ['later', 'paper'],
      ['survey', 'paper'],
    ]);
  });

  it('names groups by direction', () => {
    expect(groupHeading('out', 'builds-on')).toBe('Builds on');
    expect(groupHeading('in', 'builds-on')).toBe('Built upon by');
    expect(groupHeading('in', 'cites')).toBe('Cited by');
  });

  it('rejects an unknown node', () => {
    expect(() => groupNeighbours(graph, 'nope')).toThrow(/no node "nope"/);
  });
});

describe('evidence and taxonomy rows', () => {
  it('says "confirmed by the survey" or "inferred" with confidence and basis', () => {
    expect(evidenceText({ value: 'x', evidence: 'survey-figure' })).toMatchObject({
      label: 'confirmed by the survey',
      confirmed: true,
    });
    expect(
      evidenceText({ value: 'x', evidence: 'inferred', confidence: 'medium', basis: 'paper-reading' }),
    ).toEqual({
      label: 'inferred',
      detail: 'medium confidence · from reading the paper',
      confirmed: false,
    });
    expect(evidenceText({ value: 'x', evidence: 'inferred', basis: 'awesome-list' }).detail).toMatch(
      /paper list/,
    );
  });

  it('uses the taxonomy labels, sub-space labels from the space, and ids for unknown categories', () => {
    const rows = taxonomyRows(
      meta,
      node({
        id: 'p',
        title: 'P',
        tasks: ['subject', 'face'],
        taxonomy: {
          space: { value: 'dm.textual', evidence: 'survey-figure' },
          subspace: { value: 'word', evidence: 'inferred', confidence: 'high', basis: 'paper-reading' },
          method: { value: 'dm.optimization', evidence: 'survey-figure' },
          scheme: { value: 'dm.unknown-scheme', evidence: 'inferred', basis: 'awesome-list' },
          secondarySpaces: ['dm.parameter'],
        },
      }),
    );
    expect(rows.map((r) => [r.name, r.value, r.evidence?.label ?? null])).toEqual([
      ['Family', 'Diffusion models', null],
      ['Tasks', 'Subject-driven, face', null],
      ['Inversion space', 'Textual space (also Parameter space)', 'confirmed by the survey'],
      ['Sub-space', 'Word embedding', 'inferred'],
      ['Inversion method', 'Optimization-based', 'confirmed by the survey'],
      ['Scheme', 'dm.unknown-scheme', 'inferred'],
    ]);
  });

  it('names per-family categories after their family ("GAN · Optimization-based")', () => {
    const tax = structuredClone(meta.taxonomy);
    tax.dimensions[0]!.categories.push({ id: 'gan', label: 'GAN', color: '#e69f00' });
    for (const d of tax.dimensions.filter((d) => ['space', 'method', 'scheme'].includes(d.id))) {
      for (const c of d.categories) c.family = 'diffusion';
    }
    tax.dimensions[2]!.categories.push({
      id: 'gan.feature',
      label: 'Feature space',
      color: '#000000',
      family: 'gan',
    });
    tax.dimensions[3]!.categories.push({
      id: 'gan.optimization',
      label: 'Optimization-based',
      color: '#000000',
      family: 'gan',
    });
    const rows = taxonomyRows(
      { ...meta, taxonomy: tax },
      node({
        id: 'p',
        title: 'P',
        family: 'gan',
        taxonomy: {
          space: { value: 'dm.textual', evidence: 'survey-figure' },
          subspace: { value: 'word', evidence: 'survey-figure' },
          method: { value: 'gan.optimization', evidence: 'survey-figure' },
          scheme: { value: 'dm.subject', evidence: 'survey-figure' },
          secondarySpaces: ['dm.parameter', 'gan.feature'],
        },
      }),
    );
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['Family', 'GAN'],
      ['Task', 'Subject-driven'],
      // a secondary space of the same family goes without it
      ['Inversion space', 'Diffusion models · Textual space (also Parameter space, GAN · Feature space)'],
      ['Sub-space', 'Word embedding'],
      ['Inversion method', 'GAN · Optimization-based'],
      ['Scheme', 'Diffusion models · Subject-driven generation'],
    ]);
  });

  it('adds a row per further dimension the paper has categories in, named and labelled by the taxonomy', () => {
    const withModality = {
      ...meta,
      taxonomy: {
        ...meta.taxonomy,
        dimensions: [
          ...meta.taxonomy.dimensions,
          {
            id: 'modality',
            label: 'Modality',
            categories: [{ id: 'image', label: 'Image', color: '#000000' }],
          },
        ],
      },
    } as GraphMeta;
    const rows = taxonomyRows(
      withModality,
      node({ id: 'p', title: 'P', dimensions: { zeta: ['z'], modality: ['image', 'sound'] } }),
    );
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['Family', 'Diffusion models'],
      ['Task', 'Subject-driven'],
      ['Modality', 'Image, sound'],
      ['zeta', 'z'],
    ]);
  });

  it('omits taxonomy fields the paper has no label for', () => {
    expect(taxonomyRows(meta, node({ id: 'p', title: 'P' })).map((r) => r.name)).toEqual(['Family', 'Task']);
  });
});

describe('provenance, venue and links', () => {
  it('formats each provenance source', () => {
    expect(formatProvenance({ source: 'fulltext-references', match: 'title' })).toBe(
      'full-text references (matched by title)',
    );
    expect(
      formatProvenance({
        source: 'code-readme',
        repo: 'google/dreambooth',
        section: 'Citation',
        evidence: 'arxiv-link+name',
        surveyRepo: false,
      }),
    ).toBe('code README: google/dreambooth § Citation (arxiv-link, name)');
    expect(
      formatProvenance({
        source: 'code-readme',
        repo: 'a/awesome',
        section: null,
        evidence: 'name',
        surveyRepo: true,
      }),
    ).toBe("another survey's README: a/awesome (name)");
    expect(formatProvenance({ source: 'curated' })).toBe('curated');
    expect(formatProvenance({ source: 'openalex', fetched: '2026-11-01' })).toBe(
      'OpenAlex (fetched 2026-11-01)',
    );
  });

  it("summarises an edge's sources compactly, without repeats", () => {
    expect(
      shortProvenance([
        { source: 'fulltext-references', match: 'arxiv-id' },
        { source: 'code-readme', repo: 'o/r', section: 'Usage', evidence: 'name', surveyRepo: false },
        { source: 'code-readme', repo: 'x/awesome', section: null, evidence: 'name', surveyRepo: true },
        { source: 'fulltext-references', match: 'title' },
      ]),
    ).toBe('full text + README o/r § Usage + survey README x/awesome');
  });

  it('prints the venue with its own year and the arXiv month and year, both kept', () => {
    const db = { venue: 'CVPR', venueYear: 2023, year: 2022, month: 8, arxiv: '2208.12242' };
    expect(venueYear(db)).toBe('CVPR 2023 · arXiv Aug 2022');
    expect(venueYear({ ...db, venue: 'Arxiv', venueYear: 2022 })).toBe('arXiv Aug 2022');
    expect(venueYear({ ...db, venue: null, venueYear: null })).toBe('arXiv Aug 2022');
    expect(venueYear({ ...db, arxiv: null, month: null, year: 2023 })).toBe('CVPR 2023');
    expect(venueYear({ ...db, venueYear: null })).toBe('CVPR · arXiv Aug 2022');
    expect(venueYear({ ...db, month: 12, year: 2019, arxiv: '1912.00001' })).toBe(
      'CVPR 2023 · arXiv Dec 2019',
    );
    expect(venueYear({ ...db, month: null })).toBe('CVPR 2023 · arXiv 2022');
    // a venue without a printed year and no arXiv id: the record's year
    expect(venueYear({ venue: 'TOG', venueYear: null, year: 2021, month: null, arxiv: null })).toBe(
      'TOG 2021',
    );
    expect(venueYear({ venue: 'Arxiv', venueYear: 2024, year: 2024, month: null, arxiv: null })).toBe(
      'arXiv 2024',
    );
    expect(venueYear({ venue: null, venueYear: null, year: 2021, month: null, arxiv: null })).toBe('2021');
  });

  it('lists arXiv first, then http(s) links only, without duplicates', () => {
    expect(
      paperLinks({
        arxiv: '2208.12242',
        links: {
          pdf: 'https://arxiv.org/pdf/2208.12242',
          code: 'javascript:alert(1)',
          project: 'https://dreambooth.github.io/',
          demo: 'https://dreambooth.github.io/',
        },
      }),
    ).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2208.12242' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2208.12242' },
      { label: 'Project page', url: 'https://dreambooth.github.io/' },
    ]);
    // an arXiv id arXiv never issued gets no arXiv link; the paper's own links stay
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234'])
      expect(
        paperLinks({ arxiv: bogus, links: { pdf: `https://arxiv.org/abs/${bogus}` } }).map((l) => l.label),
        bogus,
      ).toEqual(['PDF']);
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl('http://example.org/a b')).toBe('http://example.org/a%20b');
  });
});
