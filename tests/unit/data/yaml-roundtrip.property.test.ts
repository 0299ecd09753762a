import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseLabelsFile,
  parsePapersFile,
  stringifyLabelsFile,
  stringifyPapersFile,
} from '../../../src/data/index';
import { CONFIDENCE, FAMILIES, TASKS } from '../../../src/model/paper';
import type { PaperLabels, PaperRecord } from '../../../src/model/paper';

/** Any non-blank text without surrounding spaces (the schemas trim), including YAML-special words and odd Unicode. */
const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.constantFrom(
      'null',
      'true',
      'no',
      '~',
      '- x',
      '"q"',
      "'s'",
      '#c',
      'a: b',
      '2208.12242',
      '1e5',
      '*x*',
      '&a',
      '!t',
      '%p',
      '@u',
      '`b`',
      '|',
      '>',
    ),
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const paper: fc.Arbitrary<PaperRecord> = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
  title: text,
  name: fc.option(text, { nil: null }),
  authors: fc.array(text, { maxLength: 4 }),
  year: fc.integer({ min: 1900, max: 2100 }),
  month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  venue: fc.option(text, { nil: null }),
  venueYear: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
  // ids as arXiv issues them (src/model/arxiv-id.ts): five digits from 1501, months gone by
  arxiv: fc.option(
    fc
      .tuple(
        fc.integer({ min: 15, max: 25 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 99999 }),
      )
      .map(([yy, mm, n]) => `${yy}${String(mm).padStart(2, '0')}.${String(n).padStart(5, '0')}`),
    { nil: null },
  ),
  links: fc.record({ pdf: fc.webUrl(), code: fc.webUrl(), demo: fc.webUrl() }, { requiredKeys: [] }),
  family: fc.constantFrom(...FAMILIES),
  tasks: fc.uniqueArray(fc.constantFrom(...TASKS), { minLength: 1, maxLength: 3 }),
});

const label: fc.Arbitrary<PaperLabels> = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    name: text,
    taxonomy: fc.record(
      {
        space: fc.record({ value: text, evidence: fc.constant('survey-figure' as const) }),
        method: fc.record({
          value: text,
          evidence: fc.constant('inferred' as const),
          confidence: fc.constantFrom(...CONFIDENCE),
          basis: fc.constantFrom('paper-reading' as const, 'awesome-list' as const),
        }),
        secondarySpaces: fc.array(text, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['id', 'taxonomy'] },
);

describe('YAML files round-trip any valid records', () => {
  it('papers.yaml', () => {
    fc.assert(
      fc.property(fc.uniqueArray(paper, { selector: (p) => p.id, maxLength: 5 }), (papers) => {
        const out = stringifyPapersFile(papers);
        const back = parsePapersFile(out, 'p.yaml').map((l) => l.value);
        expect(back).toEqual([...papers].sort((a, b) => (a.id < b.id ? -1 : 1)));
        expect(stringifyPapersFile(back)).toBe(out);
      }),
      { numRuns: 150 },
    );
  });

  it('labels.yaml', () => {
    fc.assert(
      fc.property(fc.uniqueArray(label, { selector: (l) => l.id, maxLength: 5 }), (labels) => {
        const out = stringifyLabelsFile(labels);
        const back = parseLabelsFile(out, 'l.yaml').map((l) => l.value);
        expect(back).toEqual([...labels].sort((a, b) => (a.id < b.id ? -1 : 1)));
        expect(stringifyLabelsFile(back)).toBe(out);
      }),
      { numRuns: 150 },
    );
  });
});
