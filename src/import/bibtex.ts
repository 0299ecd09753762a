/**
 * A user's BibTeX library → papers. Read by a real BibTeX parser (@retorquere/bibtex-parser):
 * @string abbreviations, comments, LaTeX accents and braces, name lists. Reads @article,
 * @inproceedings (and @conference) and @misc; other types are skipped with a warning. Pure.
 */
import { parse } from '@retorquere/bibtex-parser';
import type { Creator } from '@retorquere/bibtex-parser';
import type { Diagnostic } from './diagnostics';
import type { ImportedPaper, InputProblem, PaperInput } from './paper-input';
import { readPaperInput } from './paper-input';

const TYPES = new Set(['article', 'inproceedings', 'conference', 'misc']);

export interface BibtexImport {
  papers: ImportedPaper[];
  diagnostics: Diagnostic[];
}

export interface ImportDefaults {
  family?: string;
  tasks?: string[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Composed Unicode: `{\\'\\i}` gives a dotless ı with a combining accent, read as í. */
function tidy(s: string): string {
  return s.replace(/ı(?=[\u0300-\u036f])/g, 'i').normalize('NFC');
}

function creatorName(c: Creator): string {
  if (c.name) return tidy(c.name);
  return tidy([c.firstName, c.prefix, c.lastName, c.suffix].filter((s) => s && s.trim() !== '').join(' '));
}

/** Problems as diagnostics: `entry "key": field "year": …`, errors unless marked warnings. */
export function problemDiagnostics(problems: readonly InputProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    level: p.warning ? 'warning' : 'error',
    line: p.line,
    message: `${p.label}: field "${p.field}": ${p.message}`,
  }));
}

export function parseBibtex(text: string, defaults: ImportDefaults = {}): BibtexImport {
  const diagnostics: Diagnostic[] = [];
  let lib: ReturnType<typeof parse>;
  try {
    lib = parse(text, { sentenceCase: false, unsupported: 'ignore' });
  } catch (e) {
    return {
      papers: [],
      diagnostics: [{ level: 'error', message: `not readable as BibTeX: ${(e as Error).message}` }],
    };
  }
  // entries come back in file order with their source text: find each one's line
  let cursor = 0;
  const locate = (input: string | undefined, key: string): number | undefined => {
    let at = input ? text.indexOf(input, cursor) : -1;
    let length = input?.length ?? 0;
    if (at < 0) {
      // the parser may give a repaired entry's text: find its "@type{key," instead
      const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const m = new RegExp(`@\\s*\\w+\\s*[{(]\\s*${escaped}\\s*,`, 'g');
      m.lastIndex = cursor;
      const found = m.exec(text);
      if (!found) return undefined;
      at = found.index;
      length = found[0].length;
    }
    cursor = at + length;
    return lineAt(text, at);
  };
  for (const err of lib.errors) {
    const at = err.input ? text.indexOf(err.input) : -1;
    diagnostics.push({
      level: 'error',
      ...(at >= 0 ? { line: lineAt(text, at) } : {}),
      message: `malformed BibTeX: ${err.error.replace(/\s+/g, ' ').trim()}`,
    });
  }
  const problems: InputProblem[] = [];
  const papers: ImportedPaper[] = [];
  const keys = new Map<string, number>();
  for (const entry of lib.entries) {
    const line = locate(entry.input, entry.key) ?? 1;
    const label = `entry "${entry.key}"`;
    const first = keys.get(entry.key);
    if (first !== undefined) {
      problems.push({ line, label, field: 'key', message: `duplicate key (first used on line ${first})` });
      continue;
    }
    keys.set(entry.key, line);
    if (!TYPES.has(entry.type.toLowerCase())) {
      diagnostics.push({
        level: 'warning',
        line,
        message: `${label}: @${entry.type} skipped (reads @article, @inproceedings and @misc)`,
      });
      continue;
    }
    const f = entry.fields;
    const str = (name: string): string | undefined => {
      const v = (f as Record<string, unknown>)[name];
      return typeof v === 'string' ? tidy(v) : Array.isArray(v) ? tidy(v.join(', ')) : undefined;
    };
    const archive = str('archiveprefix') ?? str('eprinttype');
    const eprint = str('eprint');
    const input: PaperInput = {
      line,
      label,
      title: str('title'),
      authors: (f.author ?? []).map(creatorName),
      year: str('year') ?? str('date')?.slice(0, 4),
      month: str('month'),
      venue: str('booktitle') ?? str('journal') ?? str('journaltitle') ?? str('howpublished'),
      // an eprint of another archive is not an arXiv id
      arxiv: eprint && (!archive || /^arxiv$/i.test(archive)) ? eprint : undefined,
      doi: str('doi'),
      url: str('url'),
      links: {},
      family: defaults.family,
      tasks: defaults.tasks ?? [],
    };
    const paper = readPaperInput(input, problems);
    if (paper) papers.push(paper);
  }
  diagnostics.push(...problemDiagnostics(problems));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { papers, diagnostics };
}
