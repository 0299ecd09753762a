/**
 * The data exports of the Export menu: `exportData(format, input)` gives the files to download.
 * Pure: everything comes from the input (the date too), nothing is read from the DOM or the clock.
 *
 * | format  | files | module |
 * | ------- | ----- | ------ |
 * | gexf    | `<name>.gexf` (GEXF 1.3 with viz: Gephi) | ./gexf |
 * | graphml | `<name>.graphml` (typed keys) | ./graphml |
 * | json    | `<name>.json` (graphology's serialisation, the dataset in its graph attributes; reopens in the explorer) | ./json |
 * | csv     | `<name>-nodes.csv` and `<name>-edges.csv` (RFC 4180) | ./csv |
 * | bibtex  | `<name>.bib`, or `<name>-selected.bib` with `input.bibtexOnlySelected` | ./bibtex |
 *
 * Every file names the dataset and its build hash (meta.inputsHash), so an export can be traced
 * to, and reproduced from, the build it came from.
 */
import type { GraphMeta } from '../model';
import { toBibtex } from './bibtex';
import { edgesCsv, nodesCsv } from './csv';
import { toGexf } from './gexf';
import { toGraphml } from './graphml';
import { toJson } from './json';
import { isoDay } from './scope';
import type { DataFormat, ExportFile, ExportInput, ExportScope } from './types';

/** Lowercase ASCII words joined by hyphens; accents dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const MAX_SLUG = 48;

/**
 * The dataset part of file names: the slug of the dataset's name up to its first " — ", " – ",
 * or " (" (the subtitle), cut at a word boundary to 48 characters; "graph" if nothing is left.
 * "Personalized Image Generation — A Decade Survey (Wei et al.)" → "personalized-image-generation".
 */
export function datasetSlug(meta: Pick<GraphMeta, 'dataset'>): string {
  const name = meta.dataset.name;
  const head = name.split(/\s[—–]\s|\s\(/)[0] ?? '';
  let slug = slugify(head) || slugify(name);
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : slug.slice(0, MAX_SLUG);
  }
  return slug || 'graph';
}

/**
 * `<dataset>-<scope>-<YYYY-MM-DD>[-<suffix>].<ext>`, e.g.
 * `personalized-image-generation-visible-2026-11-29.gexf`. The date is the UTC day; the suffix is
 * slugified (e.g. "nodes", "edges", "selected").
 */
export function exportFilename(
  meta: Pick<GraphMeta, 'dataset'>,
  scope: ExportScope,
  date: Date,
  ext: string,
  suffix?: string,
): string {
  const tail = suffix !== undefined && slugify(suffix) !== '' ? `-${slugify(suffix)}` : '';
  return `${datasetSlug(meta)}-${scope}-${isoDay(date)}${tail}.${ext.replace(/^\./, '')}`;
}

const XML = 'application/xml;charset=utf-8';

/** The files of one data export. `csv` gives two files (papers, then links); the others one. */
export function exportData(format: DataFormat, input: ExportInput): ExportFile[] {
  const name = (ext: string, suffix?: string) =>
    exportFilename(input.meta, input.scope, input.date, ext, suffix);
  switch (format) {
    case 'gexf':
      return [{ filename: name('gexf'), mime: XML, content: toGexf(input) }];
    case 'graphml':
      return [{ filename: name('graphml'), mime: XML, content: toGraphml(input) }];
    case 'json':
      return [{ filename: name('json'), mime: 'application/json', content: toJson(input) }];
    case 'csv':
      return [
        { filename: name('csv', 'nodes'), mime: 'text/csv;charset=utf-8', content: nodesCsv(input) },
        { filename: name('csv', 'edges'), mime: 'text/csv;charset=utf-8', content: edgesCsv(input) },
      ];
    case 'bibtex':
      return [
        {
          filename: name('bib', input.bibtexOnlySelected ? 'selected' : undefined),
          mime: 'application/x-bibtex;charset=utf-8',
          content: toBibtex(input),
        },
      ];
    default: {
      const unknown: never = format;
      throw new Error(`export: unknown data format "${String(unknown)}"`);
    }
  }
}
