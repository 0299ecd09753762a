/**
 * Dates and venues in the text after an entry's title. Lists print a publication date as
 * `(Oct., 2024)`, `(2024-10)`, `[Oct 2024]`, `2023.06`, `25-Aug-22`; that is a month and a year,
 * never a venue. A venue is what is left once the date is gone, if anything is: "CVPR 2023" →
 * venue "CVPR", year 2023; "(Oct., 2024)" → no venue, October 2024. Pure.
 */
import { VenueIndex } from './known-venues';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';

/** Date forms, most specific first; each names where its month and year are. */
const FORMS: { re: RegExp; month: number; year: number; named: boolean }[] = [
  // 25 Aug 2022, 25-Aug-22
  { re: new RegExp(`${DAY}[\\s-]+${MONTH},?[\\s-]+(\\d{4}|\\d{2})`, 'iy'), month: 1, year: 2, named: true },
  // Oct., 2024 / October 12, 2024 / Oct 2024 / Oct-2024
  { re: new RegExp(`${MONTH}[\\s,-]*(?:${DAY},?\\s*)?(\\d{4})`, 'iy'), month: 1, year: 2, named: true },
  // 2024-10-12, 2024.10, 2024/10
  { re: /(\d{4})\s?[-/.]\s?(\d{1,2})(?:[-/.]\d{1,2})?/y, month: 2, year: 1, named: false },
  // 10/2024, 10-2024
  { re: /(\d{1,2})[-/.](\d{4})/y, month: 1, year: 2, named: false },
];

export interface FoundDate {
  month: number;
  year: number;
  index: number;
  length: number;
}

const wordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The first month-and-year date in a text, with where it stands; null when there is none. */
export function findDate(text: string): FoundDate | null {
  for (let i = 0; i < text.length; i++) {
    if (wordChar(text[i - 1]) || !wordChar(text[i])) continue;
    for (const f of FORMS) {
      f.re.lastIndex = i;
      const m = f.re.exec(text);
      if (!m || wordChar(text[i + m[0].length])) continue;
      const mt = m[f.month] ?? '';
      const month = f.named ? MONTH_NAMES.indexOf(mt.slice(0, 3).toLowerCase()) + 1 : Number(mt);
      const y = m[f.year] ?? '';
      const year = y.length === 2 ? 2000 + Number(y) : Number(y);
      if (month < 1 || month > 12 || year < 1900 || year > 2100) continue;
      return { month, year, index: i, length: m[0].length };
    }
  }
  return null;
}

/** What the text after a title says of where and when the paper appeared. */
export interface VenueAndDate {
  /** The venue without its year or the date, e.g. "CVPR (Highlight)"; null when nothing is left. */
  venue: string | null;
  /** The year printed with the venue ("CVPR 2023", "ICCV 23"). */
  venueYear: number | null;
  /** A publication date's month, when the text prints a date. */
  month: number | null;
  /** A publication date's year (or a year printed with no venue). */
  dateYear: number | null;
}

const DEFAULT_VENUES = new VenueIndex();
const YEARS = /(?<![\p{L}\p{N}])(19\d{2}|20\d{2})(?![\p{L}\p{N}])/gu;
const MONTH_ONLY = new RegExp(`^(?:${MONTH}|\\d{1,2})$`, 'i');

/**
 * Read the text before an entry's first link (or a whole venue cell): a date, a venue and its year.
 * "CVPR 2025 (Highlight). / [PDF](…)" → CVPR (Highlight), 2025; "(Oct., 2024)" → October 2024 and
 * no venue; "[arxiv 2026.05] Title" → arxiv, May 2026; "ICCV 23" → ICCV, 2023.
 */
export function venueAndDate(text: string, venues: VenueIndex = DEFAULT_VENUES): VenueAndDate {
  const firstLink = text.search(/\[+[^\]]*\]+\(/);
  let head = (firstLink >= 0 ? text.slice(0, firstLink) : text).replace(/[\s/|.,;:[-]+$/, '').trim();
  // a leading bracket marks the venue of a line that goes on with the title: "[CVPR 2022] Title"
  const lead = /^\s*[[(]([^\])]{1,40})[\])]\s*\S/.exec(head);
  if (lead?.[1] && (YEARS.test(lead[1]) || venues.match(lead[1]) !== null)) head = lead[1];
  YEARS.lastIndex = 0;
  const date = findDate(head);
  let rest = date ? `${head.slice(0, date.index)} ${head.slice(date.index + date.length)}` : head;
  const years = [...rest.matchAll(YEARS)];
  const last = years[years.length - 1];
  let venueYear: number | null = null;
  if (last?.index !== undefined) {
    venueYear = Number(last[1]);
    rest = rest.slice(0, last.index) + rest.slice(last.index + 4);
  } else {
    // "CVPR 24", "ICCV'23": a known venue with a two-digit year
    const short = /^(.*?\p{L}.*?)\s*['’]?(\d{2})(?![\p{L}\p{N}])(.*)$/u.exec(rest);
    if (short?.[1] && short[2] && venues.match(short[1]) !== null && !/\d\s*$/.test(short[1])) {
      venueYear = 2000 + Number(short[2]);
      rest = `${short[1]} ${short[3] ?? ''}`;
    }
  }
  const venue = cleanVenue(rest);
  if (venue === null) {
    // a year with nothing beside it is a date, not a venue's year
    return { venue: null, venueYear: null, month: date?.month ?? null, dateYear: date?.year ?? venueYear };
  }
  return { venue, venueYear, month: date?.month ?? null, dateYear: date?.year ?? null };
}

/** Venue text tidied: spaces collapsed, empty brackets and edge punctuation gone; null when no name is left. */
export function cleanVenue(text: string): string | null {
  let v = text.replace(/\s+/g, ' ');
  for (let prev = ''; prev !== v;) {
    prev = v;
    v = v
      .replace(/\(\s*[.,;:/-]*\s*\)|\[\s*[.,;:/-]*\s*\]|\{\s*\}/g, ' ')
      .replace(/^[\s.,;:/[\]|()'’-]+|[\s.,;:/[\]|('’-]+$/g, '')
      .replace(/^\((.*)\)$/, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  }
  // unbalanced brackets left by a removed date: "CVPR (Oct." → "CVPR"
  v = v
    .replace(/\s*\([^)]*$/, '')
    .replace(/^[^(]*\)\s*/, (m) => (m.includes('(') ? m : ''))
    .trim();
  if (!isVenueText(v)) return null;
  return v;
}

/** A venue names something: at least one letter, and more than month names, numbers and punctuation. */
export function isVenueText(v: string): boolean {
  const words = v.split(/[\s.,;:/()[\]{}'’-]+/).filter((w) => w !== '');
  return words.some((w) => /\p{L}/u.test(w) && !MONTH_ONLY.test(w));
}
