/**
 * Tables of papers in an awesome list (GFM tables): one entry per row, the title, venue, date and
 * authors columns found by their headers, every cell's links read. Pure.
 */
import type { Table } from 'mdast';
import { ARXIV_URL } from '../online/ids';
import { collectLinks, dateLineYear, isPaperLink, parseVenue, splitAuthors } from './awesome-entry';
import type { WalkContext } from './awesome-blocks';
import { findDate } from './awesome-date';
import type { RawLink } from './markdown-inline';
import { inlineText, isBlank, linksIn, trimLine } from './markdown-inline';

const line0 = (n: { position?: { start: { line: number } } }): number => n.position?.start.line ?? 0;

const COLUMN_ROLES: [role: 'title' | 'venue' | 'date' | 'authors', re: RegExp][] = [
  ['title', /\b(title|paper|name|method|model|work)s?\b/i],
  ['venue', /\b(venue|conference|conf|journal|publication|published|pub)\b/i],
  ['date', /\b(date|year|time|month|release[d]?)\b/i],
  ['authors', /\bauthors?\b/i],
];

/** Entries of a GFM table: one per row, columns found by their header. */
export function tableEntries(table: Table, ctx: WalkContext): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const names = header.children.map((c) => inlineText(c.children));
  // each column takes the first role its header names that no column before it took
  const roles = new Map<string, number>();
  names.forEach((n, i) => {
    const role = COLUMN_ROLES.find(([r, re]) => !roles.has(r) && re.test(n))?.[0];
    if (role) roles.set(role, i);
  });
  const titleCol = roles.get('title') ?? 0;
  const col = (r: string): number => {
    const c = roles.get(r) ?? -1;
    return c === titleCol ? -1 : c;
  };
  const [venueCol, dateCol, authorsCol] = [col('venue'), col('date'), col('authors')];
  const skipped: number[] = [];
  let anyLink = false;
  for (const row of rows) {
    const cells = row.children.map((c) => c.children);
    const cellText = (i: number): string => (i >= 0 ? inlineText(cells[i] ?? []) : '');
    const titleNodes = trimLine(cells[titleCol] ?? []);
    const line = line0(row);
    const found: { link: RawLink; line: number }[] = [];
    cells.forEach((c, i) => {
      for (const link of linksIn(c, ctx.resolve)) {
        // a title cell's link is the paper (its text is the title, not a link label)
        found.push({
          link: i === titleCol ? { text: isPaperLink(link) ? 'paper' : '', url: link.url } : link,
          line,
        });
      }
    });
    if (found.length > 0) anyLink = true;
    const title = cellText(titleCol).replace(/^\d+\.\s+/, '');
    // a "Pub. & Date" column may hold a date ("Nov, 2023") rather than a venue
    const venueCell = cellText(venueCol);
    const venueIsDate = dateLineYear(venueCell) !== null;
    const { venue, venueYear } =
      venueCol >= 0 && !venueIsDate ? parseVenue(venueCell) : { venue: null, venueYear: null };
    const dateText = dateCol >= 0 ? cellText(dateCol) : venueIsDate ? venueCell : '';
    const printed = /\b((?:19|20)\d{2})\b/.exec(dateText)?.[1];
    const dateYear = dateLineYear(dateText) ?? (printed ? Number(printed) : null);
    const arxivPresent = found.some((f) => ARXIV_URL.test(f.link.url));
    if (
      title === '' ||
      titleNodes.every((n) => isBlank(n)) ||
      (!arxivPresent && venueYear === null && dateYear === null)
    ) {
      skipped.push(line);
      continue;
    }
    const { links, arxiv } = collectLinks(found, title, ctx.diags);
    ctx.emit({
      kind: 'entry',
      facts: {
        line,
        title,
        authors: authorsCol >= 0 ? splitAuthors(cellText(authorsCol)) : [],
        venue,
        venueYear,
        dateYear,
        dateMonth: dateYear !== null ? (findDate(dateText)?.month ?? null) : null,
        arxiv,
        links,
      },
    });
  }
  if (!ctx.inSection()) return;
  if (!anyLink)
    ctx.diags.push({
      level: 'warning',
      line: line0(table),
      message: 'a table without links skipped (not a table of papers)',
    });
  else if (skipped.length > 0)
    ctx.diags.push({
      level: 'warning',
      line: skipped[0],
      message: `${skipped.length} table row(s) without a title, arXiv link or year skipped (lines ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})`,
      skip: { reason: 'no-paper-link', lines: skipped },
    });
}
