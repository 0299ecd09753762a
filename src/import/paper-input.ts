/**
 * A paper as a user's own library describes it (a BibTeX entry, a CSV row), normalised into the
 * fields of a PaperRecord: arXiv id from eprint / url / DOI, the arXiv date as `year`/`month`, the
 * venue with its own year, links. Pure; problems are returned with the input's line and field.
 */
import { isNewStyleArxivId, isOldStyleArxivId } from '../model/arxiv-id';
import { PaperLinksSchema } from '../model/paper';
import type { PaperLinks, PaperRecord } from '../model/paper';
import { nameFromTitle } from './awesome-list';
import { slugId } from './text';

/** What an input says of a paper, as text (everything optional but the title). */
export interface PaperInput {
  /** 1-based line of the entry or row in its file. */
  line: number;
  /** How a message names it, e.g. `entry "ruiz2023dreambooth"` or `row 3`. */
  label: string;
  id?: string;
  title?: string;
  authors: string[];
  year?: string;
  month?: string;
  venue?: string;
  venueYear?: string;
  arxiv?: string;
  doi?: string;
  url?: string;
  links: Partial<Record<keyof PaperLinks, string>>;
  family?: string;
  tasks: string[];
}

export interface InputProblem {
  line: number;
  label: string;
  field: string;
  message: string;
  /** Imported all the same, but a person should look (else the input is not imported). */
  warning?: boolean;
}

/** A paper read from an input: the record's fields it gives, where it comes from. */
export interface ImportedPaper {
  line: number;
  label: string;
  /**
   * Fields the input gives; `family` and `tasks` may be missing (an existing record may have them)
   * and are not checked yet (the merge checks them against the directory's taxonomy).
   */
  record: Omit<PaperRecord, 'family' | 'tasks'> & { family?: string; tasks?: string[] };
}

/** A new-style arXiv id as an address, a DOI or "arXiv:" writes it; the one rule then decides. */
const ARXIV_IN_TEXT =
  /(?:arxiv\.org\/(?:abs|pdf|html)\/|arxiv[:.]\s*|10\.48550\/arxiv\.)(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)/gi;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What looks like an arXiv id in a field: the whole field ("2208.12242v2"), else those written in it. */
function arxivLookalikes(text: string): string[] {
  const bare = /^\s*(\d{4}\.\d{4,5})(?:v\d+)?\s*$/.exec(text)?.[1];
  return bare ? [bare] : [...text.matchAll(ARXIV_IN_TEXT)].map((m) => m[1]!);
}

/**
 * An arXiv id as arXiv issues it (src/model/arxiv-id.ts) from an eprint field ("2208.12242",
 * "arXiv:2208.12242v2") or an address or DOI; what only looks like one ("9501.00004") is passed over.
 */
export function arxivIdIn(...texts: (string | undefined)[]): string | null {
  for (const t of texts) {
    if (!t) continue;
    const id = arxivLookalikes(t).find((c) => isNewStyleArxivId(c));
    if (id) return id;
  }
  return null;
}

function int(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

function monthOf(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = int(text);
  if (n !== null && !Number.isNaN(n)) return n;
  const i = MONTHS.indexOf(text.trim().slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : NaN;
}

/** "arXiv preprint arXiv:2208.12242" and the like name no venue but the preprint server. */
function venueName(v: string | undefined): string | null {
  const t = v?.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  return /^arxiv\b/i.test(t) ? 'arXiv' : t;
}

/** The old-style arXiv id (without its version) an eprint field holds, or null. */
function oldStyleArxivId(text: string | undefined): string | null {
  const id = text
    ?.trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/v\d+$/, '');
  return id && isOldStyleArxivId(id) ? id : null;
}

/** The year an old-style arXiv id was issued in ("hep-th/9901001": 1999). */
function oldStyleYear(id: string): number {
  const yy = Number(id.slice(id.indexOf('/') + 1, id.indexOf('/') + 3));
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** Normalise one input into record fields, or report what is wrong with it. */
export function readPaperInput(input: PaperInput, problems: InputProblem[]): ImportedPaper | undefined {
  const bad = (field: string, message: string): undefined => {
    problems.push({ line: input.line, label: input.label, field, message });
    return undefined;
  };
  const title = input.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (title === '') return bad('title', 'missing: every paper needs a title');
  const arxiv = arxivIdIn(input.arxiv, input.url, input.doi, input.links.pdf);
  // an id of arXiv's scheme before 2007 ("hep-th/9901001"): a link, not the paper's id (ids and the
  // arxiv field are of the scheme since 2007)
  const oldStyle = oldStyleArxivId(input.arxiv);
  if (oldStyle)
    problems.push({
      line: input.line,
      label: input.label,
      field: 'arxiv',
      message: `"${input.arxiv}" is an arXiv id of the scheme before 2007: kept as the paper's link, not as its id`,
      warning: true,
    });
  else if (input.arxiv && input.arxiv.trim() !== '' && !arxivIdIn(input.arxiv))
    return bad('arxiv', `"${input.arxiv}" is not an arXiv id as arXiv issues it (e.g. 2208.12242)`);
  // an address or DOI naming an id arXiv never issued: kept as it is, no arXiv id taken from it
  for (const [field, text] of [
    ['url', input.url],
    ['doi', input.doi],
    ['pdf', input.links.pdf],
  ] as const) {
    const bogus = text ? arxivLookalikes(text).find((c) => !isNewStyleArxivId(c)) : undefined;
    if (bogus)
      problems.push({
        line: input.line,
        label: input.label,
        field,
        message: `"${text}" names no id arXiv issued ("${bogus}"); no arXiv id taken from it`,
        warning: true,
      });
  }
  const printedYear = int(input.year);
  if (Number.isNaN(printedYear)) return bad('year', `"${input.year}" is not a year`);
  const venueYearText = int(input.venueYear);
  if (Number.isNaN(venueYearText)) return bad('venue_year', `"${input.venueYear}" is not a year`);
  const month = monthOf(input.month);
  if (Number.isNaN(month) || (month !== null && (month < 1 || month > 12)))
    return bad('month', `"${input.month}" is not a month (1-12 or jan-dec)`);
  const year = arxiv
    ? 2000 + Number(arxiv.slice(0, 2))
    : (printedYear ?? (oldStyle ? oldStyleYear(oldStyle) : null));
  if (year === null) return bad('year', 'missing: a paper without an arXiv id needs a year');
  const venue = venueName(input.venue);
  const links: PaperLinks = {};
  for (const [k, v] of Object.entries(input.links) as [keyof PaperLinks, string | undefined][]) {
    if (!v || v.trim() === '') continue;
    if (!PaperLinksSchema.shape[k].safeParse(v.trim()).success)
      return bad(k, `"${v}" is not an http(s) address`);
    links[k] = v.trim();
  }
  const url = input.url?.trim();
  if (url && /^https?:\/\//i.test(url)) {
    const slot: keyof PaperLinks = /^https?:\/\/(www\.)?github\.com\//i.test(url) ? 'code' : 'pdf';
    links[slot] ??= url;
  } else if (url) return bad('url', `"${url}" is not an http(s) address`);
  const doi = input.doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (oldStyle && !links.pdf && !arxiv) links.pdf = `https://arxiv.org/abs/${oldStyle}`;
  if (doi && !links.pdf && !arxiv) links.pdf = `https://doi.org/${doi}`;
  if (arxiv && !links.pdf) links.pdf = `https://arxiv.org/abs/${arxiv}`;
  const id = input.id?.trim() || arxiv || slugId(title);
  const record: ImportedPaper['record'] = {
    id,
    title,
    name: nameFromTitle(title),
    authors: input.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a !== ''),
    year,
    month: arxiv ? Number(arxiv.slice(2, 4)) : month,
    venue,
    venueYear: venue === null ? null : (venueYearText ?? printedYear),
    arxiv,
    links,
  };
  if (input.family && input.family.trim() !== '') record.family = input.family.trim();
  const tasks = input.tasks.map((t) => t.trim()).filter((t) => t !== '');
  if (tasks.length > 0) record.tasks = tasks;
  return { line: input.line, label: input.label, record };
}
