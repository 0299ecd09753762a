/**
 * One entry of an awesome list, read from the inline Markdown a CommonMark parser gives. The
 * bundled list's convention:
 *
 *   **Title**<br>
 *   *Author One, Author Two*<br>            (or BibTeX style: *Two, Author and One, Author.*)
 *   Venue Year. / [PDF](url) / [Project](url) / [Code](url)
 *
 * and its common variants: `\` line breaks, an italic venue (`*CVPR 2023*`), links on lines of their
 * own, a date line (`25-Aug-22`), everything on one line of a list item. Pure: lines in, facts and
 * diagnostics out.
 */
import { isArxivId, isNewStyleArxivId } from '../model/arxiv-id';
import type { PaperLinks } from '../model/paper';
import { PaperLinksSchema } from '../model/paper';
import { ARXIV_URL } from '../online/ids';
import type { Diagnostic } from './diagnostics';
import { findDate, venueAndDate } from './awesome-date';
import { VenueIndex, venueFromAddress } from './known-venues';
import type { InlineLine, RawLink, ResolveReference } from './markdown-inline';
import {
  inlineText,
  linksIn,
  textBeforeFirstLink,
  textOutsideLinks,
  tidyText,
  trimLine,
} from './markdown-inline';

export interface EntryFacts {
  line: number;
  title: string;
  authors: string[];
  /** Venue text without the year, e.g. "CVPR (Highlight)"; null when the entry gives none. */
  venue: string | null;
  /** Year printed with the venue, if any. */
  venueYear: number | null;
  /** Year of a date printed apart from the venue ("25-Aug-22", "(Oct., 2024)"), for entries without arXiv id or venue year. */
  dateYear: number | null;
  /** Month of that date, when it prints one ("(Oct., 2024)" → 10). */
  dateMonth?: number | null;
  arxiv: string | null;
  links: PaperLinks;
}

/** An entry before reading: its title (from bold text, a link or leading text) and the lines after it. */
export interface EntryBlock {
  line: number;
  title: string;
  /** Links inside the title itself (`**[Title](https://arxiv.org/abs/…)**`). */
  titleLinks: RawLink[];
  lines: InlineLine[];
  /** Whether the style has an authors line, so a missing one is worth a warning. */
  expectAuthors: boolean;
  /**
   * Labels of the list items around the entry, outermost first ("Year 2025", "CVPR"): a known venue
   * or a year among them is the entry's when it prints none.
   */
  labels?: readonly string[];
}

type LinkKind = keyof PaperLinks;

const OPENREVIEW_URL = /^https?:\/\/(?:www\.)?openreview\.net\/(?:forum|pdf)\?id=/i;
const YEAR = /\b(19\d{2}|20\d{2})\b/;
/** A DOI address: doi.org or a publisher's /doi/ path. */
const DOI_URL = /(?:doi\.org\/|\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?)10\.\d{4,9}\//i;
const VENUES = new VenueIndex();
/** A line holding only a date: "2 Jul 2023", "25-Aug-22", "Nov, 2023", "2022 08-02", "2023-06". */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE = new RegExp(
  `^(?:\\d{1,2}[\\s-]${MONTH}[\\s-](\\d{4}|\\d{2})|${MONTH},?\\s+(?:\\d{1,2},?\\s+)?(\\d{4})|(\\d{4})(?:\\s*[-/.]?\\s*\\d{1,2}){1,2})$`,
  'i',
);
/** Bold lines that address the reader rather than name a paper. */
const NOT_A_TITLE =
  /^(?:⭐|if you\b|please\b|(?:star|cite|follow) (?:us|this|our|the)\b|citation:?$|note:|news:?$|updates?:?$|contributions? (?:are )?welcome)/i;

/** Split an author line: "A, B and C" or BibTeX style "Last, First and Last, First." */
export function splitAuthors(raw: string): string[] {
  const full = tidyText(raw);
  const text = full.replace(/\.$/, '').trim();
  if (text === '') return [];
  const parts = text.split(/\s+and\s+/);
  // BibTeX style: every part is "Last, First"; a single author is told apart from "A, B" by the final period
  const bibtex =
    (parts.length > 1 || full.endsWith('.')) &&
    parts.every((p) => /^\{?others\}?$/.test(p) || p.split(',').length === 2);
  const names = bibtex
    ? parts.map((p) => {
        const [last, first] = p.split(',').map((s) => s.trim());
        return first ? `${first} ${last}` : (last ?? '');
      })
    : text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
  return names
    .map((n) => n.replace(/[{}]/g, '').trim())
    .filter((n) => n !== '' && !/^(others|et al\.?)$/i.test(n));
}

/** Classify a link by its text, else by its address (arXiv and OpenReview: the paper; GitHub: code). */
export function linkKind(text: string, url: string): LinkKind | undefined {
  const t = text.toLowerCase();
  if (/\b(pdf|paper|arxiv)\b/.test(t)) return 'pdf';
  // an arXiv or OpenReview address is the paper, whatever the link says ("[Website](arxiv.org/abs/…)")
  if ((ARXIV_URL.test(url) || OPENREVIEW_URL.test(url)) && !/\b(code|github)\b/.test(t)) return 'pdf';
  if (/\b(project|page|website|homepage|home)\b/.test(t)) return 'project';
  if (/\b(code|github|repo|repository)\b/.test(t)) return 'code';
  if (/\b(demo|space|playground|try)\b/.test(t)) return 'demo';
  if (/\b(dataset|data|benchmark)\b/.test(t)) return 'dataset';
  // a venue written as the link's text: "[CVPR 2023](https://arxiv.org/abs/…)"
  if (YEAR.test(t) && (ARXIV_URL.test(url) || OPENREVIEW_URL.test(url) || /\.pdf(?:[?#].*)?$/i.test(url)))
    return 'pdf';
  if (t.trim() === '' || /^https?:/.test(t.trim()) || /\bstars?\b/.test(t)) {
    if (ARXIV_URL.test(url) || OPENREVIEW_URL.test(url)) return 'pdf';
    if (/^https?:\/\/(www\.)?github\.com\//i.test(url)) return 'code';
  }
  return undefined;
}

/** True when a link points at a paper (arXiv, OpenReview) or is labelled as one. */
export function isPaperLink(l: RawLink): boolean {
  return ARXIV_URL.test(l.url) || OPENREVIEW_URL.test(l.url) || linkKind(l.text, l.url) === 'pdf';
}

/** "CVPR 2025 (Highlight).  / [PDF](...)" → venue "CVPR (Highlight)", year 2025; a date is no venue. */
export function parseVenue(text: string): { venue: string | null; venueYear: number | null } {
  const { venue, venueYear } = venueAndDate(text);
  return { venue: venue === null ? null : tidyText(venue), venueYear };
}

/** The year of a date-only line ("25-Aug-22" → 2022), else null. */
export function dateLineYear(text: string): number | null {
  const m = DATE_LINE.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const y = m[1] ?? m[2] ?? m[3] ?? '';
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n >= 1900 && n <= 2100 ? n : null;
}

type LineKind = 'empty' | 'italic' | 'date' | 'content';

function classify(line: InlineLine): { kind: LineKind; text: string; italic: string } {
  const nodes = trimLine(line.nodes);
  const text = inlineText(nodes);
  if (nodes.length === 0 || text === '') return { kind: 'empty', text, italic: '' };
  if (nodes.length === 1 && nodes[0]?.type === 'emphasis')
    return { kind: 'italic', text, italic: inlineText(nodes[0].children) };
  if (dateLineYear(text) !== null && !nodes.some((n) => n.type === 'link'))
    return { kind: 'date', text, italic: '' };
  return { kind: 'content', text, italic: '' };
}

/** An italic line that names a venue rather than authors: short and holding a year ("*ICLR 2023*"). */
function isItalicVenue(text: string): boolean {
  return YEAR.test(text) && text.split(/\s+/).length <= 8 && !/,.*,/.test(text);
}

export type EntryResult =
  | { kind: 'entry'; facts: EntryFacts }
  /** Not a paper (a bold note, a "please cite" line): skipped with a warning. */
  | { kind: 'skipped' }
  /** A paper that cannot be imported: reported as an error. */
  | { kind: 'failed' };

/** Read one entry. Diagnostics name the entry's lines. */
export function parseEntry(block: EntryBlock, resolve: ResolveReference, diags: Diagnostic[]): EntryResult {
  const { title } = block;
  if (NOT_A_TITLE.test(title)) {
    diags.push({
      level: 'warning',
      line: block.line,
      message: `"${clip(title)}" skipped: a note to readers, not a paper`,
      skip: { reason: 'note' },
    });
    return { kind: 'skipped' };
  }
  let authors: string[] = [];
  let venueText: string | null = null;
  let dateYear: number | null = null;
  let dateMonth: number | null = null;
  /** Whether the list marks the venue text as a venue (an italic venue, the line below the authors). */
  let marked = false;
  const links: { link: RawLink; line: number }[] = block.titleLinks.map((link) => ({
    link,
    line: block.line,
  }));
  for (const l of block.lines) {
    const c = classify(l);
    const found = linksIn(l.nodes, resolve);
    for (const link of found) links.push({ link, line: l.line });
    if (c.kind === 'empty') continue;
    if (c.kind === 'date') {
      if (dateYear === null) {
        dateYear = dateLineYear(c.text);
        dateMonth = findDate(c.text)?.month ?? null;
      }
      continue;
    }
    if (c.kind === 'italic' && venueText === null && isItalicVenue(c.italic)) {
      venueText = c.italic;
      marked = true;
    } else if (c.kind === 'italic' && authors.length === 0 && venueText === null)
      authors = splitAuthors(c.italic);
    else if (venueText === null && (found.length > 0 || YEAR.test(c.text))) {
      venueText = textBeforeFirstLink(trimLine(l.nodes));
      // the bundled convention's venue line: below the authors, on a line of its own
      marked = authors.length > 0 && l.line !== block.line;
      // "[[NeurIPS 2024 Spotlight](https://arxiv.org/abs/…)]": the venue is the paper link's text
      const first = found[0];
      const outside = textOutsideLinks(trimLine(l.nodes));
      if (
        venueText.replace(/[\s[(/|]+/g, '') === '' &&
        first &&
        YEAR.test(first.text) &&
        (isPaperLink(first) || VENUES.match(first.text) !== null)
      )
        venueText = first.text;
      // "[[paper](…)] ICLR 2024": the venue after the links
      else if (venueText.replace(/[\s[(/|]+/g, '') === '' && YEAR.test(outside)) venueText = outside;
    } else if (found.length === 0)
      diags.push({
        level: 'warning',
        line: l.line,
        message: `unexpected line in entry "${clip(title)}": "${clip(c.text)}"`,
      });
  }
  const read =
    venueText !== null
      ? venueAndDate(venueText)
      : { venue: null, venueYear: null, month: null, dateYear: null };
  let venue = read.venue === null ? null : tidyText(read.venue);
  let { venueYear } = read;
  const fromLabels = labelled(block.labels ?? []);
  if (venue === null && fromLabels.venue !== null) {
    venue = fromLabels.venue;
    venueYear ??= fromLabels.year;
    marked = true;
  } else if (venueYear === null && dateYear === null && read.dateYear === null && fromLabels.year !== null)
    dateYear = fromLabels.year;
  if (dateYear === null && read.dateYear !== null) {
    dateYear = read.dateYear;
    dateMonth = read.month;
  }
  const { links: paperLinks, arxiv } = collectLinks(links, title, diags);
  // the venue the paper's address names (openaccess.thecvf.com/content/CVPR2022/…), when it prints none
  const addressed =
    venue === null ? links.map((l) => venueFromAddress(l.link.url)).find((v) => v !== null) : undefined;
  if (addressed) {
    venue = addressed.venue;
    venueYear ??= addressed.year;
    marked = true;
  }
  const doi = links.some((l) => DOI_URL.test(l.link.url));
  const knownVenue = venue !== null && (marked || VENUES.match(venue) !== null);
  if (arxiv === null && !doi && venueYear === null && dateYear === null && !knownVenue) {
    diags.push({
      level: 'warning',
      line: block.line,
      message: `"${clip(title)}" skipped: not a paper (no year, no arXiv id, no DOI and no known venue)`,
      skip: { reason: 'not-a-paper' },
    });
    return { kind: 'skipped' };
  }
  return {
    kind: 'entry',
    facts: {
      line: block.line,
      title,
      authors,
      venue,
      venueYear,
      dateYear,
      dateMonth,
      arxiv,
      links: paperLinks,
    },
  };
}

/** The innermost known venue and the innermost year among list-item labels ("Year 2025" › "CVPR"). */
function labelled(labels: readonly string[]): { venue: string | null; year: number | null } {
  let venue: string | null = null;
  let year: number | null = null;
  for (const label of [...labels].reverse()) {
    const y = /\b(19\d{2}|20\d{2})\b/.exec(label)?.[1];
    year ??= y ? Number(y) : null;
    if (venue === null && VENUES.match(label) !== null) venue = venueAndDate(label).venue;
  }
  return { venue, year };
}

/** A link's address, unwrapping `[a](b)` written inside a link's parentheses (→ b, with a warning). */
function unwrap(link: RawLink, line: number, diags: Diagnostic[]): string {
  const url = link.url.replace(/^<|>$/g, '');
  const nested = /\]\((\S+?)\)$/.exec(url);
  if (!nested?.[1]) return url;
  diags.push({
    level: 'warning',
    line,
    message: `link "${link.text}" wraps another link; using ${nested[1]}`,
  });
  return nested[1];
}

/** Sort links into the paper's PDF/project/code/demo/dataset slots and find its arXiv id. */
export function collectLinks(
  found: readonly { link: RawLink; line: number }[],
  title: string,
  diags: Diagnostic[],
): { links: PaperLinks; arxiv: string | null } {
  const links: PaperLinks = {};
  const arxivIds: string[] = [];
  let lastLine = found[0]?.line;
  for (const { link, line } of found) {
    lastLine = line;
    const url = unwrap(link, line, diags);
    const text = link.text;
    const written = ARXIV_URL.exec(url)?.[1];
    const id = written && isNewStyleArxivId(written) ? written : null;
    if (id && !arxivIds.includes(id)) arxivIds.push(id);
    // an arXiv address whose id arXiv never issued: a link like any other, no arXiv id for the paper
    if (written && !isArxivId(written))
      diags.push({
        level: 'warning',
        line,
        message: `arXiv address ${url} of "${clip(title)}" names no id arXiv issued ("${written}"); kept as a plain link, no arXiv id`,
      });
    if (url.startsWith('#')) continue;
    const kind = linkKind(text, url);
    if (!kind) {
      diags.push({
        level: 'warning',
        line,
        message: `link "${text}" (${url}) is not a PDF/Project/Code/Demo/Dataset link; ignored`,
      });
      continue;
    }
    if (!PaperLinksSchema.shape[kind].safeParse(url).success) {
      diags.push({
        level: 'warning',
        line,
        message: `${kind} link of "${clip(title)}" is not an http(s) address: "${clip(url)}"; ignored`,
      });
      continue;
    }
    if (links[kind] === undefined) links[kind] = url;
    else if (links[kind] !== url) {
      diags.push({
        level: 'warning',
        line,
        message: `second ${kind} link ${url} ignored (keeping ${links[kind]})`,
      });
    }
  }
  const pdfWritten = links.pdf ? ARXIV_URL.exec(links.pdf)?.[1] : undefined;
  const pdfId = pdfWritten && isNewStyleArxivId(pdfWritten) ? pdfWritten : undefined;
  const arxiv = pdfId ?? arxivIds[0] ?? null;
  if (arxivIds.length > 1) {
    diags.push({
      level: 'warning',
      line: lastLine,
      message: `several arXiv ids (${arxivIds.join(', ')}); using ${arxiv}`,
    });
  }
  return { links, arxiv };
}

export function clip(s: string, n = 80): string {
  const t = s.trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
