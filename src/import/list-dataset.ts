/**
 * An awesome list → a whole new dataset (npm run import:list): dataset info, papers and a taxonomy
 * whose dimensions are the list's headings with their nesting kept. Level-1 sections are the `task`
 * dimension, their sub-headings the `section` dimension (parent dimension `task`), and so on down;
 * headings every entry shares (the list's title) are left out. Papers get one neutral family unless
 * a section map names families. The list is read by parseAwesomeList; this only files its entries.
 * Pure: text in, records and diagnostics out.
 */
import type { DatasetInfo } from '../model/dataset';
import type { PaperRecord } from '../model/paper';
import type { Category, Dimension, Taxonomy } from '../model/taxonomy';
import { ANY_SECTION, parseAwesomeList } from './awesome-list';
import type { Diagnostic } from './diagnostics';
import type { SectionHint } from './section-map';
import { PALETTES, PALETTE_COLORS, UNKNOWN_COLOR } from './taxonomy-text';
import { sectionKey, slugId } from './text';

/** One dimension per heading level below the shared ones (Markdown has six levels). */
export const HEADING_LEVELS = [
  { id: 'task', label: 'Section' },
  { id: 'section', label: 'Sub-section' },
  { id: 'subsection', label: 'Sub-sub-section' },
  { id: 'heading-4', label: 'Heading level 4' },
  { id: 'heading-5', label: 'Heading level 5' },
  { id: 'heading-6', label: 'Heading level 6' },
] as const;

/** The family of every paper a section map gives no family. */
export const NEUTRAL_FAMILY = { id: 'papers', label: 'Papers' };

const NO_HEADING = 'No heading';

export interface ListDatasetOptions {
  /** The list's file name, for the source line. */
  file: string;
  /** The dataset's name; default: the list's first level-1 heading, else the file name. */
  name?: string;
  /** Heading (a `sectionKey`) → its category id (`task`) and/or its papers' family. */
  sections?: Readonly<Record<string, SectionHint>>;
}

export interface ListDataset {
  info: DatasetInfo;
  /** Sorted by id. */
  papers: PaperRecord[];
  taxonomy: Taxonomy;
  /** The list's line of each paper's first entry. */
  lines: ReadonlyMap<string, number>;
  /** Entries read under headings that are not skipped (a paper listed twice: two entries). */
  entries: number;
  /** Entries that were a paper listed before, merged into it. */
  duplicates: number;
  diagnostics: Diagnostic[];
}

interface Node {
  category: Category;
  level: number;
}

export function listDataset(text: string, options: ListDatasetOptions): ListDataset {
  const hints = options.sections ?? {};
  // every heading is accepted; tasks and families are filed below from each entry's headings
  const skipHeadings = new Set(Object.keys(hints).filter((k) => hints[k]?.skip === true));
  const parsed = parseAwesomeList(text, {
    sections: { [ANY_SECTION]: { task: '', family: '' } },
    skipHeadings,
  });
  const diagnostics = [...parsed.diagnostics];
  const paths = parsed.entries.map((e) => (e.headings.length > 0 ? e.headings : [NO_HEADING]));
  // the headings every entry shares, skipped ones included (skipping a section keeps the others' levels)
  const shared = sharedPrefix([
    ...paths,
    ...parsed.skippedPaths.map((p) => (p.length > 0 ? p : [NO_HEADING])),
  ]);

  // heading path → its category, per level, in list order
  const byPath = new Map<string, Node>();
  const levels: Category[][] = [];
  const families: Category[] = [];
  const paperOf = new Map(parsed.papers.map((p) => [p.id, p]));
  const filed = new Map<string, { family: string; tasks: string[]; dims: Map<string, string[]> }>();
  const lines = new Map<string, number>();

  let duplicates = 0;
  parsed.entries.forEach((entry, i) => {
    const path = (paths[i] ?? []).slice(shared);
    const ids: string[] = [];
    path.forEach((written, level) => {
      const heading = written || 'Untitled section';
      const key = path.slice(0, level + 1).join('\u0000');
      let node = byPath.get(key);
      if (!node) {
        const cats = (levels[level] ??= []);
        const own = hints[sectionKey(written)]?.task;
        const id = own ?? uniqueId(slugId(heading), cats);
        const existing = cats.find((c) => c.id === id);
        const parent = level > 0 ? ids[level - 1] : undefined;
        const category: Category = existing ?? {
          id,
          label: heading,
          color: '#000000',
          ...(parent !== undefined ? { parent } : {}),
        };
        if (!existing) cats.push(category);
        else if (existing.parent !== parent)
          diagnostics.push({
            level: 'warning',
            line: entry.line,
            message: `heading "${heading}" is mapped to ${HEADING_LEVELS[level]?.id} "${id}", which is already under "${existing.parent}"; kept there`,
          });
        node = { category, level };
        byPath.set(key, node);
      }
      ids.push(node.category.id);
    });
    const mapped = [...path].reverse().find((h) => hints[sectionKey(h)]?.family !== undefined);
    const family =
      (mapped !== undefined ? hints[sectionKey(mapped)]?.family : hints[ANY_SECTION]?.family) ??
      NEUTRAL_FAMILY.id;
    if (!families.some((f) => f.id === family))
      families.push({
        id: family,
        label: family === NEUTRAL_FAMILY.id ? NEUTRAL_FAMILY.label : labelOf(family),
        color: '#000000',
      });
    if (filed.has(entry.paperId) && paperOf.has(entry.paperId)) duplicates++;
    const f = filed.get(entry.paperId) ?? { family, tasks: [], dims: new Map<string, string[]>() };
    filed.set(entry.paperId, f);
    if (!lines.has(entry.paperId)) lines.set(entry.paperId, entry.line);
    ids.forEach((id, level) => {
      const dim = HEADING_LEVELS[level]?.id ?? 'task';
      const list = level === 0 ? f.tasks : (f.dims.get(dim) ?? []);
      if (!list.includes(id)) list.push(id);
      if (level > 0) f.dims.set(dim, list);
    });
  });

  const papers: PaperRecord[] = [];
  for (const [id, f] of filed) {
    const paper = paperOf.get(id);
    if (!paper) continue; // an entry without a year: parseAwesomeList reported it
    papers.push({
      ...paper,
      family: f.family,
      tasks: f.tasks,
      ...(f.dims.size > 0 ? { dimensions: Object.fromEntries(f.dims) } : {}),
    });
  }
  papers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const dimensions: Dimension[] = levels.map((cats, level) => {
    const spec = HEADING_LEVELS[level] ?? HEADING_LEVELS[0];
    return {
      id: spec.id,
      label: spec.label,
      ...(level > 0 ? { parent: HEADING_LEVELS[level - 1]?.id ?? 'task' } : {}),
      palette: PALETTES.list,
      categories: colour(cats, PALETTE_COLORS.list),
    };
  });
  dimensions.push({
    id: 'family',
    label: 'Family',
    palette: PALETTES.okabeIto,
    categories: colour(
      families.length > 0 ? families : [{ ...NEUTRAL_FAMILY, color: '' }],
      PALETTE_COLORS.okabeIto,
    ),
  });
  const name = options.name ?? parsed.title ?? options.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return {
    info: {
      name,
      description: `${papers.length} papers under ${levels[0]?.length ?? 0} sections of the list ${name}.`,
      source: `Imported from ${options.file} by npm run import:list.`,
    },
    papers,
    taxonomy: {
      source: `Headings of ${options.file}; colours from colour-blind-safe palettes.`,
      unknownColor: UNKNOWN_COLOR,
      dimensions,
    },
    lines,
    entries: parsed.entries.length,
    duplicates,
    diagnostics,
  };
}

/** How many leading headings every path shares, keeping at least one heading on each path. */
function sharedPrefix(paths: readonly string[][]): number {
  let n = 0;
  const first = paths[0];
  if (!first) return 0;
  while (paths.every((p) => p.length > n + 1 && p[n] === first[n])) n++;
  return n;
}

function uniqueId(base: string, taken: readonly Category[]): string {
  let id = base;
  for (let n = 2; taken.some((c) => c.id === id); n++) id = `${base}-${n}`;
  return id;
}

function labelOf(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Colours in category order, cycling through the palette (deterministic: the list's order). */
function colour(cats: readonly Category[], palette: readonly string[]): Category[] {
  return cats.map((c, i) => ({ ...c, color: palette[i % palette.length] ?? UNKNOWN_COLOR }));
}
