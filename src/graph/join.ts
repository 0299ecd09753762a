/**
 * Joins paper records with their taxonomy labels into the papers the app shows.
 * Assumes a validated dataset (ids unique, labels only for known papers).
 */
import type { Located } from '../model/dataset';
import type { Paper, PaperLabels, PaperRecord } from '../model/paper';

/** Code-unit order: locale-independent, so the output never depends on the machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ShortenOptions {
  /** Longest label in characters, ellipsis included. */
  maxLength?: number;
}

/** A title cut at a word boundary to at most `maxLength` characters, with an ellipsis when cut. */
export function shortenTitle(title: string, options?: ShortenOptions): string {
  const maxLength = options?.maxLength ?? 32;
  if (!Number.isInteger(maxLength) || maxLength < 4) {
    throw new Error(`shortenTitle: maxLength must be an integer >= 4, got ${maxLength}`);
  }
  const t = title.trim().replace(/\s+/g, ' ');
  const chars = Array.from(t);
  if (chars.length <= maxLength) return t;
  const head = chars.slice(0, maxLength - 1).join('');
  const cut = head.lastIndexOf(' ');
  const base = cut >= maxLength / 2 ? head.slice(0, cut) : head;
  return `${base.replace(/[\s,:;.-]+$/u, '')}…`;
}

/** The display label of a paper: its method name, else a shortened title. */
export function displayLabel(paper: Pick<Paper, 'name' | 'title'>): string {
  return paper.name ?? shortenTitle(paper.title);
}

/**
 * Papers joined with their labels, sorted by id. The labels' name (the survey's spelling) wins over
 * the list's; a paper without labels gets an empty taxonomy.
 */
export function joinPapers(papers: Located<PaperRecord>[], labels: Located<PaperLabels>[]): Paper[] {
  const byId = new Map<string, PaperLabels>();
  for (const l of labels) byId.set(l.value.id, l.value);
  const out: Paper[] = papers.map(({ value: p }) => {
    const l = byId.get(p.id);
    return { ...p, name: l?.name ?? p.name, taxonomy: l ? { ...l.taxonomy } : {} };
  });
  out.sort((a, b) => compareIds(a.id, b.id));
  return out;
}
