/**
 * BibTeX of the papers in scope, or of the selected paper alone (`input.bibtexOnlySelected`).
 *
 * - Entry type from the venue: a journal (TPAMI, IJCV, ACM TOG, "Transactions"…) gives
 *   @article with `journal`; another venue gives @inproceedings with `booktitle`; no venue, or
 *   arXiv, gives @misc with `howpublished = {arXiv preprint arXiv:<id>}`; OpenReview / GitHub
 *   give @misc with that `howpublished`.
 * - Every paper with an arXiv id gets `eprint` and `archivePrefix = {arXiv}`; `primaryClass`
 *   is not in the data, so it is left out.
 * - Keys: see ./bibtex-text (surname + year + first title word, stable across filters).
 * - Text is UTF-8 (see ./bibtex-text), TeX specials escaped, capitals in titles protected; the
 *   `url` field is verbatim (biblatex reads it so), with only braces, backslashes and spaces
 *   percent-encoded.
 * - A `%` comment heading the file names the dataset, its build hash, the scope, date and filters.
 */
import type { NodeAttributes } from '../model';
import { bibEscape, bibName, bibTitle, citationKeys } from './bibtex-text';
import { exportProvenance, scopedNodes } from './scope';
import type { ExportInput } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const JOURNAL =
  /\b(TPAMI|PAMI|TIP|IJCV|TOG|TNNLS|TMM|TVCG|TCSVT|SCIS|journal|transactions|letters|fusion)\b/i;
const PREPRINT = /^arxiv$/i;
const WEB_ONLY = /^(openreview|github)$/i;

export type BibEntryType = 'article' | 'inproceedings' | 'misc';

/** The entry type and the field naming where the paper appeared. */
export function bibVenue(paper: Pick<NodeAttributes, 'venue' | 'arxiv'>): {
  type: BibEntryType;
  field?: [string, string];
} {
  const venue = paper.venue?.trim() ?? '';
  if (venue === '' || PREPRINT.test(venue)) {
    return paper.arxiv !== null
      ? { type: 'misc', field: ['howpublished', `arXiv preprint arXiv:${paper.arxiv}`] }
      : { type: 'misc' };
  }
  if (WEB_ONLY.test(venue)) return { type: 'misc', field: ['howpublished', venue] };
  if (JOURNAL.test(venue)) return { type: 'article', field: ['journal', venue] };
  return { type: 'inproceedings', field: ['booktitle', venue] };
}

function verbatimUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One entry's text. Field values are escaped, except `url` (verbatim) and `month` (a macro). */
export function bibEntry(paper: NodeAttributes, key: string): string {
  const { type, field } = bibVenue(paper);
  const braced = (name: string, value: string) => `  ${name} = {${value}}`;
  const lines: string[] = [];
  if (paper.authors.length > 0) lines.push(braced('author', paper.authors.map(bibName).join(' and ')));
  lines.push(braced('title', bibTitle(paper.title)));
  if (field) lines.push(braced(field[0], bibEscape(field[1])));
  if (paper.year !== null) lines.push(braced('year', String(paper.year)));
  const month = paper.month !== null ? MONTHS[paper.month - 1] : undefined;
  if (month !== undefined) lines.push(`  month = ${month}`);
  if (paper.arxiv !== null) lines.push(braced('eprint', paper.arxiv), braced('archivePrefix', 'arXiv'));
  const url = paper.links.pdf ?? (paper.arxiv !== null ? `https://arxiv.org/abs/${paper.arxiv}` : undefined);
  if (url !== undefined) lines.push(braced('url', verbatimUrl(url)));
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

/** The papers to cite: the selected one alone when asked, else every paper in scope. */
function papersToCite(input: ExportInput): NodeAttributes[] {
  if (!input.bibtexOnlySelected) return scopedNodes(input).map((n) => n.attributes);
  if (input.selected === null) throw new Error('export: BibTeX of the selection, but no paper is selected');
  if (!input.graph.hasNode(input.selected)) {
    throw new Error(`export: the selected paper "${input.selected}" is not in the graph`);
  }
  return [input.graph.getNodeAttributes(input.selected)];
}

/** The BibTeX file: a comment naming the export, then one entry per paper, in graph order. */
export function toBibtex(input: ExportInput): string {
  const papers = papersToCite(input);
  const keys = citationKeys(input.graph.mapNodes((_n, a) => a));
  const p = exportProvenance(input, papers.length, 0);
  const what = input.bibtexOnlySelected
    ? `the selected paper (${input.selected ?? ''})`
    : `${papers.length} ${p.scope === 'visible' ? 'visible papers' : 'papers (whole graph)'}`;
  // Outside entries BibTeX skips text up to the next "@": keep the comment free of it.
  const comment = (text: string) => `% ${text.replace(/@/g, '(at)').replace(/[\r\n]+/g, ' ')}`;
  const header = [
    comment(`Lineage Atlas BibTeX of ${what} of "${p.dataset}" (build ${p.inputsHash}).`),
    comment(`Filters: ${p.filters.trim() === '' ? 'none' : p.filters}; exported ${p.exported}.`),
    comment(
      'Encoding UTF-8 (biber/biblatex or bibtexu); keys: first author surname + year + first title word.',
    ),
    '',
  ];
  const entries = papers.map((p) => {
    const key = keys.get(p.id);
    if (key === undefined) throw new Error(`export: no citation key for "${p.id}"`);
    return bibEntry(p, key);
  });
  return [...header, entries.join('\n')].join('\n');
}
