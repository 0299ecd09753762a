/**
 * Dates are not venues (issue 14): the date forms lists print after a title, the venue left once the
 * date is gone, the known-venue table, and a property: no venue is only a date, a month or punctuation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanVenue, findDate, isVenueText, venueAndDate } from '../../../src/import/awesome-date';
import { KNOWN_VENUES, VenueIndex, venueFromAddress } from '../../../src/import/known-venues';
import { parseAwesomeList } from '../../../src/import/awesome-list';
import { ARXIV_URL } from '../../../src/online/ids';

describe('findDate', () => {
  it.each([
    ['(Oct., 2024)', 10, 2024],
    ['(2024-10)', 10, 2024],
    ['[Oct 2024]', 10, 2024],
    ['October 12, 2024', 10, 2024],
    ['25-Aug-22', 8, 2022],
    ['2 Jul 2023', 7, 2023],
    ['2023.06', 6, 2023],
    ['2024/1', 1, 2024],
    ['(Sept. 2021)', 9, 2021],
    ['03/2020', 3, 2020],
  ])('reads %s as month %i of %i', (text, month, year) => {
    expect(findDate(text)).toMatchObject({ month, year });
  });

  it.each(['CVPR 2023', '2208.12242', 'Mayer 2024', '2024-13', 'ICLR', ''])('finds no date in %j', (text) => {
    expect(findDate(text)).toBeNull();
  });
});

describe('venueAndDate', () => {
  it.each([
    ['(Oct., 2024)', { venue: null, venueYear: null, month: 10, dateYear: 2024 }],
    ['(2024-10)', { venue: null, venueYear: null, month: 10, dateYear: 2024 }],
    ['[Oct 2024]', { venue: null, venueYear: null, month: 10, dateYear: 2024 }],
    [
      'CVPR 2025 (Highlight). / [PDF](x)',
      { venue: 'CVPR (Highlight)', venueYear: 2025, month: null, dateYear: null },
    ],
    ['CVPR 2024, 2023.12', { venue: 'CVPR', venueYear: 2024, month: 12, dateYear: 2023 }],
    ['ICCV 23', { venue: 'ICCV', venueYear: 2023, month: null, dateYear: null }],
    ['[arxiv 2026.05]', { venue: 'arxiv', venueYear: null, month: 5, dateYear: 2026 }],
    ['(2024)', { venue: null, venueYear: null, month: null, dateYear: 2024 }],
    ['Oct.', { venue: null, venueYear: null, month: null, dateYear: null }],
  ])('%s', (text, expected) => {
    expect(venueAndDate(text)).toEqual(expected);
  });

  it('keeps a venue the list marks even when it is not a known one', () => {
    expect(venueAndDate('Information Fusion 2024').venue).toBe('Information Fusion');
  });
});

describe('known venues', () => {
  const index = new VenueIndex();
  it('match spellings, aliases and prefixes, and nothing else', () => {
    expect(index.match('NeurIPS 2023')).toBe('NeurIPS');
    expect(index.match('NIPS')).toBe('NeurIPS');
    expect(index.match('Proc. ICML')).toBe('ICML');
    expect(index.match('ACM MM 2024 Oral')).toBe('ACM MM');
    expect(index.match('SIGGRAPH Asia 2023')).toBe('SIGGRAPH Asia');
    expect(index.match('SIGGRAPH 2023')).toBe('SIGGRAPH');
    expect(index.match('IEEE TPAMI')).toBe('TPAMI');
    expect(index.match('Oct., 2024')).toBeNull();
    expect(index.match('Nowhere Workshop')).toBeNull();
  });

  it('are data: a table of the same shape extends them', () => {
    expect(
      new VenueIndex([...KNOWN_VENUES, ['Information Fusion', 'Inf. Fusion']]).match('Inf. Fusion'),
    ).toBe('Information Fusion');
  });
});

describe('arXiv addresses as lists write them', () => {
  it.each([
    'https://arxiv.org/abs/2209.05442',
    'https://web7.arxiv.org/abs/2209.05442',
    'https://export.arxiv.org/pdf/2209.05442v2.pdf',
    'https://arxiv.org/abs//2209.05442',
  ])('%s is arXiv 2209.05442', (url) => {
    expect(ARXIV_URL.exec(url)?.[1]).toBe('2209.05442');
  });

  it('not an arXiv look-alike', () => {
    expect(ARXIV_URL.exec('https://notarxiv.org/abs/2209.05442')).toBeNull();
    expect(ARXIV_URL.exec('https://arxiv.org.example.com/abs/2209.05442')).toBeNull();
  });
});

describe('venueFromAddress', () => {
  it.each([
    ['https://openaccess.thecvf.com/content/CVPR2022/html/x.html', 'CVPR', 2022],
    ['https://openaccess.thecvf.com/content_cvpr_2018/papers/x.pdf', 'CVPR', 2018],
    ['https://openaccess.thecvf.com/content_ICCV_2019/papers/x.pdf', 'ICCV', 2019],
    ['https://proceedings.neurips.cc/paper/2021/hash/abc-Abstract.html', 'NeurIPS', 2021],
    ['https://papers.nips.cc/paper_files/paper/2019/file/x.pdf', 'NeurIPS', 2019],
    ['https://proceedings.mlr.press/v139/x21a.html', 'ICML', 2021],
    ['https://aclanthology.org/2023.emnlp-main.1.pdf', 'EMNLP', 2023],
    ['https://openreview.net/forum?id=abc', 'OpenReview', null],
  ])('%s names %s %s', (url, venue, year) => {
    expect(venueFromAddress(url)).toEqual({ venue, year });
  });

  it('names nothing for an address of no venue (arXiv is a preprint, not a venue of publication)', () => {
    expect(venueFromAddress('https://arxiv.org/abs/2208.12242')).toBeNull();
    expect(venueFromAddress('https://github.com/x/y')).toBeNull();
    expect(venueFromAddress('https://proceedings.mlr.press/v999/x.html')).toBeNull();
  });
});

const MONTHS = [
  'Jan',
  'Feb.',
  'March',
  'Apr',
  'May',
  'June',
  'Jul.',
  'Aug',
  'Sept.',
  'Oct.',
  'Nov',
  'December',
];

/** Date forms a list may print after a title, as fast-check builds them. */
const dateText = fc.oneof(
  fc
    .tuple(fc.constantFrom(...MONTHS), fc.constantFrom('', ',', ' ,'), fc.integer({ min: 1990, max: 2030 }))
    .map(([m, sep, y]) => `${m}${sep} ${y}`),
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2030 }),
      fc.constantFrom('-', '.', '/'),
      fc.integer({ min: 1, max: 12 }),
    )
    .map(([y, sep, m]) => `${y}${sep}${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom(...MONTHS), fc.integer({ min: 1990, max: 2030 }))
    .map(([d, m, y]) => `${d} ${m} ${y}`),
);
const wrap = fc.constantFrom(['(', ')'], ['[', ']'], ['', ''], ['**', '**'], ['*', '*']);
const punctuation = fc.string({ unit: fc.constantFrom(...'.,;:()[]-/|*_ '.split('')), maxLength: 6 });

describe('no venue is only a date, a month or punctuation (property)', () => {
  it('venueAndDate gives a venue with a name or none', () => {
    fc.assert(
      fc.property(dateText, wrap, punctuation, fc.boolean(), (date, [open, close], junk, venueFirst) => {
        const text = venueFirst ? `${junk}${open}${date}${close}` : `${open}${date}${close}${junk}`;
        const r = venueAndDate(text);
        expect(r.venue).toBeNull();
        // "[Oct 2024](" opens a link: the text before it is read, and holds no date
        if (!text.includes('](')) expect(r.dateYear).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('an imported entry with a date after its title has no venue, but a month', () => {
    fc.assert(
      fc.property(dateText, wrap, (date, [open, close]) => {
        const list = `# L\n\n## Papers\n\n+ [A Paper About Dates](https://example.org/paper) ${open}${date}${close}\n  [![Website](https://img.shields.io/badge/Website-9cf)](https://example.org/)\n`;
        const r = parseAwesomeList(list, { sections: { '*': { task: 't', family: 'f' } } });
        for (const p of r.papers) {
          if (p.venue !== null) expect(isVenueText(p.venue)).toBe(true);
          expect(p.venue).toBeNull();
          expect(p.month).not.toBeNull();
        }
        expect(r.papers).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('cleanVenue never returns punctuation or month names', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...MONTHS), punctuation), { maxLength: 5 }), (parts) => {
        expect(cleanVenue(parts.join(' '))).toBeNull();
      }),
    );
  });
});
