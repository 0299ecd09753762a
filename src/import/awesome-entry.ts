/**
 * One entry of an awesome list in the bundled list's convention:
 *
 *   **Title**<br>
 *   *Author One, Author Two*<br>            (or BibTeX style: *Two, Author and One, Author.*)
 *   Venue Year. / [PDF](url) / [Project](url) / [Code](url)
 *
 * Pure: lines in, facts and diagnostics out.
 */
import type { PaperLinks } from '../model/paper';
import { PaperLinksSchema } from '../model/paper';
import type { Diagnostic } from './diagnostics';

export interface EntryLine {
  text: string;
  line: number;
}

export interface EntryFacts {
  line: number;
  title: string;
  authors: string[];
  /** Venue text without the year, e.g. "CVPR (Highlight)"; null when the line gives none. */
  venue: string | null;
  /** Year printed on the venue line, if any. */
  venueYear: number | null;
  arxiv: string | null;
  links: PaperLinks;
}

type LinkKind = keyof PaperLinks;

const BOLD_LINE = /^\s*(?:[-+*]\s+)?\*\*(.+?)\*\*\s*(?:<br\s*\/?>|\\)?\s*$/i;
const ITALIC_LINE = /^\s*(?:\*([^*].*?)\*|_([^_].*?)_)\s*(?:<br\s*\/?>|\\)?\s*$/i;
export const ARXIV_URL =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i;

/** True when the line opens an entry (a bold title line). */
export function isTitleLine(text: string): boolean {
  return /^\s*(?:[-+*]\s+)?\*\*/.test(text) || /\*\*.*\*\*\s*<br\s*\/?>\s*$/i.test(text);
}

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
};

/** Strip simple inline Markdown/HTML from a title or name; "$\\lambda$" becomes "λ". */
function plain(s: string): string {
  return s
    .replace(/\$\\([a-zA-Z]+)\$/g, (m, name: string) => GREEK[name] ?? m)
    .replace(/<[^>]+>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split an author line: "A, B and C" or BibTeX style "Last, First and Last, First." */
export function splitAuthors(raw: string): string[] {
  const full = plain(raw);
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

/** Classify a link by its text, else by its address. */
export function linkKind(text: string, url: string): LinkKind | undefined {
  const t = text.toLowerCase();
  if (/\b(pdf|paper|arxiv)\b/.test(t)) return 'pdf';
  if (/\b(project|page|website|homepage|home)\b/.test(t)) return 'project';
  if (/\b(code|github|repo|repository)\b/.test(t)) return 'code';
  if (/\b(demo|space|playground|try)\b/.test(t)) return 'demo';
  if (/\b(dataset|data|benchmark)\b/.test(t)) return 'dataset';
  if (t.trim() === '' || /^https?:/.test(t.trim())) {
    if (ARXIV_URL.test(url)) return 'pdf';
    if (/^https?:\/\/(www\.)?github\.com\//i.test(url)) return 'code';
  }
  return undefined;
}

interface RawLink {
  text: string;
  url: string;
}

/**
 * Find Markdown links in a line, tolerating decoration: [PDF](u), [[PDF](u)], [[PDF]](u),
 * and a link whose address wraps another link ([Code]([a](b)) → b, with a warning).
 */
export function findLinks(text: string, line: number, diags: Diagnostic[]): RawLink[] {
  const out: RawLink[] = [];
  const re = /\[+([^[\]]*)\]+\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    if (depth > 0) {
      diags.push({
        level: 'warning',
        line,
        message: `link "${m[1] ?? ''}" has no closing parenthesis; ignored`,
      });
      break;
    }
    let url = text.slice(re.lastIndex, i - 1).trim();
    re.lastIndex = i;
    const nested = /\]\((\S+?)\)$/.exec(url);
    if (nested?.[1]) {
      diags.push({
        level: 'warning',
        line,
        message: `link "${m[1] ?? ''}" wraps another link; using ${nested[1]}`,
      });
      url = nested[1];
    }
    out.push({ text: (m[1] ?? '').trim(), url: url.replace(/^<|>$/g, '') });
  }
  return out;
}

/** Parse one entry block (its non-blank lines, the title line first). */
export function parseEntry(block: readonly EntryLine[], diags: Diagnostic[]): EntryFacts | undefined {
  const head = block[0];
  if (!head) return undefined;
  const titleMatch = BOLD_LINE.exec(head.text);
  const title = titleMatch?.[1] ? plain(titleMatch[1]) : '';
  if (!titleMatch || title === '') {
    diags.push({
      level: 'error',
      line: head.line,
      message: `entry title is not a bold line "**Title**": "${clip(head.text)}"`,
    });
    return undefined;
  }
  let authors: string[] = [];
  let venueLine: EntryLine | undefined;
  const rest = block.slice(1);
  for (const l of rest) {
    const it = ITALIC_LINE.exec(l.text);
    if (it && authors.length === 0 && !venueLine) authors = splitAuthors(it[1] ?? it[2] ?? '');
    else if (!venueLine && (/\[[^\]]*\]\(/.test(l.text) || /\b(19|20)\d{2}\b/.test(l.text))) venueLine = l;
    else
      diags.push({
        level: 'warning',
        line: l.line,
        message: `unexpected line in entry "${clip(title)}": "${clip(l.text)}"`,
      });
  }
  if (authors.length === 0) {
    diags.push({
      level: 'warning',
      line: head.line,
      message: `entry "${clip(title)}" has no italic authors line`,
    });
  }
  if (!venueLine) {
    diags.push({
      level: 'error',
      line: head.line,
      message: `entry "${clip(title)}" has no venue-and-year line with links`,
    });
    return undefined;
  }
  const { venue, venueYear } = parseVenue(venueLine.text);
  const { links, arxiv } = collectLinks(venueLine, title, diags);
  return { line: head.line, title, authors, venue, venueYear, arxiv, links };
}

/** "CVPR 2025 (Highlight).  / [PDF](...)" → venue "CVPR (Highlight)", year 2025. */
export function parseVenue(text: string): { venue: string | null; venueYear: number | null } {
  const firstLink = text.search(/\[+[^\]]*\]+\(/);
  const head = (firstLink >= 0 ? text.slice(0, firstLink) : text).replace(/[\s/|.,;:-]+$/, '').trim();
  const years = [...head.matchAll(/\b(19\d{2}|20\d{2})\b/g)];
  const last = years[years.length - 1];
  const venueYear = last ? Number(last[1]) : null;
  const venue = (last ? head.slice(0, last.index) + head.slice((last.index ?? 0) + 4) : head)
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:/-]+|[\s.,;:/-]+$/g, '')
    .trim();
  return { venue: venue === '' ? null : plain(venue), venueYear };
}

function collectLinks(
  at: EntryLine,
  title: string,
  diags: Diagnostic[],
): { links: PaperLinks; arxiv: string | null } {
  const links: PaperLinks = {};
  const arxivIds: string[] = [];
  for (const { text, url } of findLinks(at.text, at.line, diags)) {
    const id = ARXIV_URL.exec(url)?.[1];
    if (id && !arxivIds.includes(id)) arxivIds.push(id);
    const kind = linkKind(text, url);
    if (!kind) {
      diags.push({
        level: 'warning',
        line: at.line,
        message: `link "${text}" (${url}) is not a PDF/Project/Code/Demo/Dataset link; ignored`,
      });
      continue;
    }
    if (!PaperLinksSchema.shape[kind].safeParse(url).success) {
      diags.push({
        level: 'warning',
        line: at.line,
        message: `${kind} link of "${clip(title)}" is not an http(s) address: "${clip(url)}"; ignored`,
      });
      continue;
    }
    if (links[kind] === undefined) links[kind] = url;
    else if (links[kind] !== url) {
      diags.push({
        level: 'warning',
        line: at.line,
        message: `second ${kind} link ${url} ignored (keeping ${links[kind]})`,
      });
    }
  }
  const pdfId = links.pdf ? ARXIV_URL.exec(links.pdf)?.[1] : undefined;
  const arxiv = pdfId ?? arxivIds[0] ?? null;
  if (arxivIds.length > 1) {
    diags.push({
      level: 'warning',
      line: at.line,
      message: `several arXiv ids (${arxivIds.join(', ')}); using ${arxiv}`,
    });
  }
  return { links, arxiv };
}

export function clip(s: string, n = 80): string {
  const t = s.trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
