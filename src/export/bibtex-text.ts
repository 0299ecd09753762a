/**
 * BibTeX text: escaping, capital protection and citation keys.
 *
 * Non-ASCII letters are kept as UTF-8, not turned into LaTeX accents: biber (biblatex) and
 * bibtexu read UTF-8, LaTeX has read UTF-8 by default since 2018, and the names stay searchable.
 * Only the characters that mean something to (La)TeX or BibTeX are escaped.
 */
import type { NodeAttributes } from '../model';

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // BibTeX counts braces without regard to backslashes, so `\{` could unbalance a field: use
  // the text commands, which are balanced.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
const SPECIAL = /[\\{}&%$#_~^<>]/g;
const CONTROL = /[\u0000-\u001F\u007F]+/g;

/** Text safe inside a braced BibTeX field: TeX specials escaped, control characters and runs of spaces collapsed. */
export function bibEscape(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPECIAL, (c) => ESCAPES[c] ?? c);
}

/** A capital after a word's first character (DreamBooth, GAN, IP-Adapter, StyleGAN2). */
const INNER_CAPITAL = /^.+\p{Lu}/su;

/**
 * A title escaped, with every word that has a capital after its first letter wrapped in braces,
 * so sentence-case styles keep acronyms and names like DreamBooth or GAN as written. Words that
 * only start with a capital are left to the style (Title Case becomes sentence case).
 */
export function bibTitle(title: string): string {
  const words = title.replace(CONTROL, ' ').split(/\s+/).filter(Boolean);
  return words.map((w) => (INNER_CAPITAL.test(w) ? `{${bibEscape(w)}}` : bibEscape(w))).join(' ');
}

/** One author, escaped, with a standalone "and" braced so BibTeX does not split the name there. */
export function bibName(name: string): string {
  return bibEscape(name).replace(/(^|\s)(and)(?=\s|$)/gi, '$1{$2}');
}

const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lowercase ASCII letters and digits only: accents dropped (é → e), ß → ss, anything else removed. */
export function foldAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

const SKIPPED_WORDS = new Set(['a', 'an', 'the']);

/** The surname of an author written "Given Surname" or "Surname, Given". */
function surname(author: string): string {
  const comma = author.indexOf(',');
  if (comma >= 0) return author.slice(0, comma);
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

/**
 * The key before de-duplication: first author's surname + year + first title word, ASCII-folded
 * (a leading "A", "An" or "The" skipped), e.g. `ruiz2022dreambooth`. No author: `anon`.
 */
export function baseCitationKey(paper: Pick<NodeAttributes, 'authors' | 'year' | 'title'>): string {
  const first = paper.authors[0];
  const who = (first !== undefined ? foldAscii(surname(first)) : '') || 'anon';
  const words = paper.title
    .split(/[\s:;,.!?()[\]{}"/]+/)
    .map(foldAscii)
    .filter(Boolean);
  const word = words.find((w) => !SKIPPED_WORDS.has(w)) ?? words[0] ?? '';
  return `${who}${paper.year ?? ''}${word}`;
}

/** a, b, …, z, aa, ab, … */
function suffix(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Stable keys for papers: computed over every paper given (pass the whole graph, so a paper's key
 * does not change with the filters). Papers whose base keys collide get a, b, … in the order of
 * their ids, skipping any key already taken. Returns paper id → key; keys are unique.
 */
export function citationKeys(
  papers: Iterable<Pick<NodeAttributes, 'id' | 'authors' | 'year' | 'title'>>,
): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const p of papers) {
    const base = baseCitationKey(p);
    const ids = groups.get(base) ?? [];
    ids.push(p.id);
    groups.set(base, ids);
  }
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, ids] of groups) {
    if (ids.length === 1) {
      keys.set(ids[0] as string, base);
      taken.add(base);
    }
  }
  const shared = [...groups]
    .filter(([, ids]) => ids.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [base, ids] of shared) {
    let i = 0;
    for (const id of [...ids].sort()) {
      while (taken.has(`${base}${suffix(i)}`)) i++;
      const key = `${base}${suffix(i)}`;
      keys.set(id, key);
      taken.add(key);
    }
  }
  return keys;
}
