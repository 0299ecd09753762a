/**
 * A snapshot work → a paper record of the graph-data format, and the topic tree → taxonomy
 * dimensions field → subfield → topic (each naming its parent), so the explorer colours and
 * filters by them. Pure.
 */
import type { PaperLinks, PaperRecord } from '../model/paper';
import type { Category, Dimension, Taxonomy } from '../model/taxonomy';
import { PALETTE_COLORS, UNKNOWN_COLOR } from '../import/taxonomy-text';
import type { SnapshotWork, TopicNode } from './work';

/** The taxonomy dimensions a snapshot import writes, broadest first. */
export const TOPIC_DIMENSIONS = [
  { id: 'field', label: 'Field (OpenAlex)', prefix: 'f' },
  { id: 'subfield', label: 'Subfield (OpenAlex)', prefix: 's', parent: 'field' },
  { id: 'topic', label: 'Topic (OpenAlex)', prefix: 't', parent: 'subfield' },
] as const;

/** A work's paper id: its arXiv id when it has one, else "w" and its OpenAlex number (a slug). */
export function paperIdOfWork(w: Pick<SnapshotWork, 'id' | 'arxiv'>): string {
  return w.arxiv ?? `w${w.id}`;
}

function httpUrl(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The primary topic's chain, or for a record without topics its broadest concepts (no topic). */
export function topicChain(
  w: Pick<SnapshotWork, 'topics' | 'concepts'>,
): { field: TopicNode; subfield: TopicNode | null; topic: TopicNode | null } | null {
  const t = w.topics[0];
  if (t) return { field: t.field, subfield: t.subfield, topic: { id: t.id, label: t.label } };
  const best = (level: number) =>
    [...w.concepts].filter((c) => c.level === level).sort((a, b) => b.score - a.score || a.id - b.id)[0];
  const field = best(0);
  if (!field) return null;
  const sub = best(1);
  // concepts carry no parent chain: a level-1 concept sits under the work's own level-0 concept
  return {
    field: { id: field.id, label: field.label },
    subfield: sub ? { id: sub.id, label: sub.label } : null,
    topic: null,
  };
}

export type PaperOfWork = { paper: PaperRecord } | { skipped: string };

/**
 * The paper record of a work. Date: the arXiv id's year and month when it has one (the project's
 * rule), else the publication date's. Venue: the primary location's source ("arXiv" for the arXiv
 * repository). Links: the first PDF, else the DOI. Categories: the primary topic's chain; ids are
 * prefixed by level (f17, s1702, t10001; concepts c<number>).
 */
export function paperOfWork(w: SnapshotWork): PaperOfWork {
  const title = w.title?.replace(/\s+/g, ' ').trim();
  if (!title) return { skipped: `W${w.id}: no title` };
  const date = /^(\d{4})-(\d{2})/.exec(w.publicationDate ?? '');
  let year = date ? Number(date[1]) : w.publicationYear;
  let month: number | null = date ? Number(date[2]) : null;
  if (w.arxiv) {
    year = 2000 + Number(w.arxiv.slice(0, 2));
    month = Number(w.arxiv.slice(2, 4));
  }
  if (year === null || year < 1900 || year > 2100)
    return { skipped: `W${w.id}: no publication year in 1900–2100` };
  if (month !== null && (month < 1 || month > 12)) month = null;
  const preprint = w.venue !== null && /^arxiv\b/i.test(w.venue);
  const venue = preprint ? 'arXiv' : w.venue;
  const links: PaperLinks = {};
  const pdf = httpUrl(w.pdfUrl) ?? (w.doi && !w.arxiv ? httpUrl(`https://doi.org/${w.doi}`) : null);
  if (pdf) links.pdf = pdf;
  const venueYear = date ? Number(date[1]) : w.publicationYear;
  const paper: PaperRecord = {
    id: paperIdOfWork(w),
    title,
    name: null,
    authors: w.authors,
    year,
    month,
    venue,
    venueYear: venue && venueYear !== null && venueYear >= 1900 && venueYear <= 2100 ? venueYear : null,
    arxiv: w.arxiv,
    links,
  };
  const chain = topicChain(w);
  if (chain) {
    const conceptBased = w.topics.length === 0;
    const dims: Record<string, string[]> = { field: [`${conceptBased ? 'c' : 'f'}${chain.field.id}`] };
    if (chain.subfield) dims.subfield = [`${conceptBased ? 'c' : 's'}${chain.subfield.id}`];
    if (chain.topic) dims.topic = [`t${chain.topic.id}`];
    paper.dimensions = dims;
  }
  return { paper };
}

interface Entry {
  label: string;
  parent?: string;
  count: number;
}

/**
 * The taxonomy of the selected works' primary topics: dimensions field, subfield (parent field)
 * and topic (parent subfield), each category with its parent's id. Categories are ordered by how
 * many works they hold, most first, so the largest get the palette's distinct colours; colours
 * repeat past the palette's length. Dimensions without categories are left out.
 */
export function topicTaxonomy(works: readonly SnapshotWork[], source: string): Taxonomy {
  const levels = new Map<string, Map<string, Entry>>(TOPIC_DIMENSIONS.map((d) => [d.id, new Map()]));
  const add = (dim: string, id: string, label: string, parent?: string) => {
    const m = levels.get(dim) as Map<string, Entry>;
    const e = m.get(id);
    if (e) e.count += 1;
    else m.set(id, parent !== undefined ? { label, parent, count: 1 } : { label, count: 1 });
  };
  for (const w of works) {
    const chain = topicChain(w);
    if (!chain) continue;
    const c = w.topics.length === 0;
    const field = `${c ? 'c' : 'f'}${chain.field.id}`;
    add('field', field, chain.field.label);
    if (!chain.subfield) continue;
    const subfield = `${c ? 'c' : 's'}${chain.subfield.id}`;
    add('subfield', subfield, chain.subfield.label, field);
    if (chain.topic) add('topic', `t${chain.topic.id}`, chain.topic.label, subfield);
  }
  const palette = PALETTE_COLORS.list;
  const dimensions: Dimension[] = [];
  for (const d of TOPIC_DIMENSIONS) {
    const entries = [...(levels.get(d.id) as Map<string, Entry>)].sort(
      ([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0),
    );
    if (entries.length === 0) continue;
    const categories: Category[] = entries.map(([id, e], i) => ({
      id,
      label: e.label,
      color: palette[i % palette.length] ?? UNKNOWN_COLOR,
      ...(e.parent !== undefined ? { parent: e.parent } : {}),
    }));
    const parent = 'parent' in d ? d.parent : undefined;
    dimensions.push({
      id: d.id,
      label: d.label,
      ...(parent !== undefined && dimensions.some((x) => x.id === parent) ? { parent } : {}),
      palette: 'Paul Tol muted, extended with Tol light (repeating)',
      categories,
    });
  }
  return { source, unknownColor: UNKNOWN_COLOR, dimensions };
}

export interface PapersOfWorks {
  /** In the works' order. */
  papers: PaperRecord[];
  /** Work number → paper id, for the works that became papers. */
  idOf: Map<number, string>;
  /** Why works were left out ("W12: no title"). */
  skipped: string[];
  /** Works whose arXiv id another work already had: they keep "w<number>" ids and no arXiv id. */
  sharedArxiv: number;
}

/**
 * The paper records of the selected works. Works sharing an arXiv id (a preprint and its journal
 * version, when OpenAlex has not merged them): the most cited keeps it, the others become "w<number>".
 */
export function papersOfWorks(works: readonly SnapshotWork[]): PapersOfWorks {
  const order = [...works].sort((a, b) => b.citedByCount - a.citedByCount || a.id - b.id);
  const taken = new Set<string>();
  const idOf = new Map<number, string>();
  const byWork = new Map<number, PaperRecord>();
  const skipped: string[] = [];
  let sharedArxiv = 0;
  for (const w of order) {
    const shared = w.arxiv !== null && taken.has(w.arxiv);
    if (shared) sharedArxiv += 1;
    const res = paperOfWork(shared ? { ...w, arxiv: null } : w);
    if ('skipped' in res) {
      skipped.push(res.skipped);
      continue;
    }
    taken.add(res.paper.id);
    idOf.set(w.id, res.paper.id);
    byWork.set(w.id, res.paper);
  }
  const papers = works.map((w) => byWork.get(w.id)).filter((p) => p !== undefined);
  return { papers, idOf, skipped, sharedArxiv };
}
