/**
 * Awesome-list Markdown → papers. Entries follow the bundled list's convention or its common variants
 * (see awesome-entry.ts and awesome-blocks.ts) under Markdown headings of any depth; each heading that names a section
 * maps to a task and a model family. A paper under two sections becomes one paper with two tasks.
 * Pure: the text in, papers and diagnostics out; nothing is dropped without a diagnostic.
 */
import { TASKS } from '../model/paper';
import type { RootContent } from 'mdast';
import type { PaperRecord } from '../model/paper';
import type { Diagnostic } from './diagnostics';
import { clip } from './awesome-entry';
import type { EntryFacts } from './awesome-entry';
import { reportNoAuthors, walkBlocks } from './awesome-blocks';
import { definitions, parseMarkdown } from './awesome-source';
import type { WalkContext } from './awesome-blocks';
import { normaliseTitle, sectionKey, slugId } from './text';

/** A task and a family: the bundled survey's (TASKS, FAMILIES) or any other list's category ids. */
export interface SectionMapping {
  task: string;
  family: string;
}

/** Section heading (matched by `sectionKey`: letters and digits only, any case) → task and family. */
export type SectionMap = Readonly<Record<string, SectionMapping>>;

/** The sections of the survey authors' list. Parent headings ("Personalization with GANs") map to nothing. */
export const DEFAULT_SECTIONS: SectionMap = {
  subjectdrivengeneration: { task: 'subject', family: 'diffusion' },
  facedrivengeneration: { task: 'face', family: 'diffusion' },
  characterdrivengeneration: { task: 'character', family: 'diffusion' },
  styledrivengeneration: { task: 'style', family: 'diffusion' },
  highlevelsemanticsgeneration: { task: 'semantics', family: 'diffusion' },
  multipleconceptsgeneration: { task: 'multi-concept', family: 'diffusion' },
  personalizedvideogeneration: { task: 'video', family: 'diffusion' },
  personalized3dgeneration: { task: '3d', family: 'diffusion' },
  textdrivenimageediting: { task: 'text-editing', family: 'diffusion' },
  personalizationwitharmodels: { task: 'ar-personalization', family: 'ar' },
  ganinversion: { task: 'gan-inversion', family: 'gan' },
  latentediting: { task: 'latent-editing', family: 'gan' },
  relatedsurveys: { task: 'survey', family: 'survey' },
};

export interface AwesomeListOptions {
  sections?: SectionMap;
  /**
   * Headings (as `sectionKey`s) whose entries, and their sub-headings' entries, are left out: they
   * give no entries and no diagnostics, only one warning that counts them.
   */
  skipHeadings?: ReadonlySet<string>;
}

export interface ListedEntry extends EntryFacts {
  /** The heading the entry was filed under (as written, without markup). */
  section: string;
  /** Every heading above the entry, outermost first, as written without markup (empty: none). */
  headings: string[];
  task: string;
  family: string;
  /** The id of the paper the entry became. */
  paperId: string;
}

export interface AwesomeListImport {
  /** Every entry that was parsed and filed under a known section, in list order. */
  entries: ListedEntry[];
  /** Distinct papers, sorted by id. */
  papers: PaperRecord[];
  /** The text of the list's first level-1 heading (its title, usually); null when it has none. */
  title: string | null;
  /** The headings above each entry left out under a skipped heading (see `skipHeadings`). */
  skippedPaths: string[][];
  diagnostics: Diagnostic[];
}

interface Heading {
  depth: number;
  text: string;
  line: number;
}

/** Heading text without links, images, emphasis and emoji. */
export function headingText(raw: string): string {
  return raw
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')
    .trim();
}

/** A level-1 heading that is a table of contents, not the list's title. */
const TOC_HEADING = /^(?:table of )?contents?$|^toc$/i;

/** An HTML `<h1>` before the first Markdown heading (`<p align="center"><h1>Title</h1>`): the list's title. */
function htmlTitle(blocks: readonly RootContent[]): string | null {
  for (const b of blocks) {
    if (b.type === 'heading') return null;
    const m = b.type === 'html' ? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(b.value) : null;
    const text = m?.[1]
      ?.replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text;
  }
  return null;
}

/** The key of a section map entry that catches every heading the map does not name. */
export const ANY_SECTION = '*';

/**
 * Parse an awesome list: Markdown read by a CommonMark parser (GFM tables and autolinks), entries as
 * paragraphs, list items or table rows under headings of any depth.
 */
export function parseAwesomeList(text: string, options: AwesomeListOptions = {}): AwesomeListImport {
  const sections = options.sections ?? DEFAULT_SECTIONS;
  const skipKeys = options.skipHeadings ?? new Set<string>();
  const diags: Diagnostic[] = [];
  /** Line ranges under skipped headings, and the entries read there. */
  const skippedRanges: [from: number, to: number][] = [];
  const skippedEntries: number[] = [];
  const skippedPaths: string[][] = [];
  const skipping = (): boolean => stack.some((h) => skipKeys.has(sectionKey(h.text)));
  const { tree, source } = parseMarkdown(text);
  const stack: Heading[] = [];
  const unmapped = new Map<Heading, number>();
  const entries: ListedEntry[] = [];
  let title: string | null = null;
  const mappingOf = (h: Heading): SectionMapping | undefined => sections[sectionKey(h.text)];
  const section = (): { heading: Heading; mapping: SectionMapping } | undefined => {
    const heading = [...stack].reverse().find((s) => mappingOf(s) !== undefined);
    const mapping = heading ? mappingOf(heading) : undefined;
    if (heading && mapping) return { heading, mapping };
    const any = sections[ANY_SECTION];
    const inner = stack[stack.length - 1] ?? { depth: 0, text: '(no heading)', line: 1 };
    return any ? { heading: inner, mapping: any } : undefined;
  };
  const ctx: WalkContext = {
    resolve: definitions(tree),
    source,
    diags,
    noAuthors: [],
    labels: [],
    inSection: () => section() !== undefined,
    emit: (e) => {
      if (e.kind === 'heading') {
        const was = skipping();
        while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= e.depth) stack.pop();
        stack.push({ depth: e.depth, text: headingText(e.text), line: e.line });
        const now = skipping();
        if (!was && now) skippedRanges.push([e.line, Infinity]);
        const open = skippedRanges[skippedRanges.length - 1];
        if (was && !now && open) open[1] = e.line - 1;
        if (e.depth === 1 && title === null && !TOC_HEADING.test(headingText(e.text)))
          title = headingText(e.text);
        return;
      }
      const facts = e.facts;
      if (skipping()) {
        skippedEntries.push(facts.line);
        skippedPaths.push(stack.map((h) => h.text));
        return;
      }
      const s = section();
      if (!s) {
        const inner = stack[stack.length - 1];
        if (inner) unmapped.set(inner, (unmapped.get(inner) ?? 0) + 1);
        else
          diags.push({
            level: 'error',
            line: facts.line,
            message: `entry "${clip(facts.title)}" is under no heading`,
          });
        return;
      }
      entries.push({
        ...facts,
        section: s.heading.text,
        headings: stack.map((h) => h.text),
        task: s.mapping.task,
        family: s.mapping.family,
        paperId: '',
      });
    },
  };
  title = htmlTitle(tree.children);
  walkBlocks(tree.children, ctx);
  reportNoAuthors(ctx);
  for (const [h, n] of unmapped) {
    diags.push({
      level: 'error',
      line: h.line,
      message: `section "${h.text}" maps to no task (known: ${Object.keys(sections).join(', ')}); its ${n} entr${n === 1 ? 'y was' : 'ies were'} not imported`,
    });
  }
  const papers = mergeEntries(entries, diags);
  const kept = dropSkipped(diags, skippedRanges, skippedEntries);
  kept.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { entries, papers, title, skippedPaths, diagnostics: kept };
}

/**
 * Diagnostics of the lines under skipped headings are dropped; what was there is counted in one
 * warning (entries read, and entries the reader skipped itself).
 */
function dropSkipped(
  diags: readonly Diagnostic[],
  ranges: readonly [number, number][],
  entries: readonly number[],
): Diagnostic[] {
  if (ranges.length === 0) return [...diags];
  const under = (line: number | undefined): boolean =>
    line !== undefined && ranges.some(([a, b]) => line >= a && line <= b);
  const lines = new Set(entries);
  const kept: Diagnostic[] = [];
  for (const d of diags) {
    if (!under(d.line)) kept.push(d);
    // an entry the reader skipped, or could not read (an error), is an entry there too
    else if (d.skip) {
      for (const l of d.skip.lines ?? [d.line ?? 0]) if (under(l)) lines.add(l);
    } else if (d.level === 'error' && d.line !== undefined) lines.add(d.line);
  }
  if (lines.size > 0) {
    const sorted = [...lines].sort((a, b) => a - b);
    kept.push({
      level: 'warning',
      line: sorted[0],
      message: `${sorted.length} ${sorted.length === 1 ? 'entry' : 'entries'} under headings the section map skips left out`,
      skip: { reason: 'skipped-heading', lines: sorted },
    });
  }
  return kept;
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'your',
]);

/**
 * The method name of a "Name: subtitle" title when the part before the colon looks like a name:
 * at most 4 words, no comma, and one word or Title Case ("Blended Diffusion", not "Mind the gap").
 */
export function nameFromTitle(title: string): string | null {
  const m = /^([^:]{1,40}):\s+\S/.exec(title);
  const name = m?.[1]?.trim();
  if (!name || name.includes(',')) return null;
  const words = name.split(/\s+/);
  if (words.length > 4) return null;
  const titleCase = words.every((w, i) => (i > 0 && MINOR_WORDS.has(w)) || !/^\p{Ll}/u.test(w));
  return words.length === 1 || titleCase ? name : null;
}

function mergeEntries(entries: ListedEntry[], diags: Diagnostic[]): PaperRecord[] {
  const byId = new Map<string, { paper: PaperRecord; entry: ListedEntry }>();
  const idByTitle = new Map<string, string>();
  const slugTitle = new Map<string, string>();
  entries.forEach((e, index) => {
    const norm = normaliseTitle(e.title);
    let id = e.arxiv ?? idByTitle.get(norm);
    if (!id) {
      id = slugId(e.title);
      for (let n = 2; slugTitle.has(id) && slugTitle.get(id) !== norm; n++) id = `${slugId(e.title)}-${n}`;
      slugTitle.set(id, norm);
    }
    if (!idByTitle.has(norm)) idByTitle.set(norm, id);
    e.paperId = id;
    const prev = byId.get(id);
    if (prev) {
      mergeInto(prev, e, diags);
      return;
    }
    const year = e.arxiv
      ? 2000 + Number(e.arxiv.slice(0, 2))
      : (e.venueYear ?? e.dateYear ?? neighbourYear(entries, index, e, diags));
    if (year === null) return;
    const paper: PaperRecord = {
      id,
      title: e.title,
      name: nameFromTitle(e.title),
      authors: e.authors,
      year,
      month: e.arxiv
        ? Number(e.arxiv.slice(2, 4))
        : e.dateYear !== null && year === e.dateYear
          ? (e.dateMonth ?? null)
          : null,
      venue: e.venue,
      venueYear: e.venueYear,
      arxiv: e.arxiv,
      links: { ...e.links },
      family: e.family,
      tasks: [e.task],
    };
    byId.set(id, { paper, entry: e });
  });
  return [...byId.values()].map((x) => x.paper).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The bundled tasks in TASKS order, any other task after them in list order (the sort is stable). */
function taskRank(task: string): number {
  const i = (TASKS as readonly string[]).indexOf(task);
  return i < 0 ? TASKS.length : i;
}

function mergeInto(
  prev: { paper: PaperRecord; entry: ListedEntry },
  e: ListedEntry,
  diags: Diagnostic[],
): void {
  const p = prev.paper;
  const tasks = p.tasks ?? [];
  if (!tasks.includes(e.task)) p.tasks = [...tasks, e.task].sort((a, b) => taskRank(a) - taskRank(b));
  if (e.family !== p.family) {
    diags.push({
      level: 'warning',
      line: e.line,
      message: `"${clip(e.title)}" is also listed under "${e.section}" (family ${e.family}); keeping family ${p.family} of its first listing (line ${prev.entry.line})`,
    });
  }
  if (normaliseTitle(e.title) !== normaliseTitle(p.title)) {
    diags.push({
      level: 'warning',
      line: e.line,
      message: `same arXiv id as line ${prev.entry.line} but a different title: "${clip(e.title)}"`,
    });
  }
  for (const [k, v] of Object.entries(e.links) as [keyof typeof e.links, string][]) {
    if (p.links[k] === undefined) p.links[k] = v;
  }
}

/** Year of the nearest entry above (else below) in the same section, for an entry that prints none. */
function neighbourYear(
  entries: ListedEntry[],
  index: number,
  e: ListedEntry,
  diags: Diagnostic[],
): number | null {
  const yearOf = (x: ListedEntry | undefined): number | null =>
    x && x.section === e.section
      ? x.arxiv
        ? 2000 + Number(x.arxiv.slice(0, 2))
        : (x.venueYear ?? x.dateYear)
      : null;
  for (const j of [index - 1, index + 1]) {
    const y = yearOf(entries[j]);
    if (y !== null) {
      diags.push({
        level: 'warning',
        line: e.line,
        message: `"${clip(e.title)}" prints no year and has no arXiv id; year ${y} taken from the neighbouring entry (line ${entries[j]?.line}), please check`,
      });
      return y;
    }
  }
  diags.push({
    level: 'warning',
    line: e.line,
    message: `"${clip(e.title)}" skipped: no year (none printed with it or its neighbours, and no arXiv id)`,
    skip: { reason: 'no-year' },
  });
  return null;
}
