/**
 * npm run import:list -- --in LIST.md --data DIR [--sections MAP.yaml] [--name NAME] [--force] [--strict]
 * An awesome list → a new graph-data directory (dataset.yaml, papers.yaml, taxonomy.yaml from the
 * list's headings, empty labels.yaml and edges/curated.tsv), checked as build:graph checks it before
 * anything is written. A new directory appears whole or not at all (written aside, then renamed).
 * Entries that are not papers are skipped with a warning (errors with --strict); the run ends with a
 * summary, and import-report.json in DIR lists every skipped line with its reason.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  DATASET_FILE,
  EDGES_DIR,
  LABELS_FILE,
  PAPERS_FILE,
  TAXONOMY_FILE,
  stringifyDatasetFile,
  stringifyEdgesTsv,
  stringifyLabelsFile,
  stringifyPapersFile,
  stringifyTaxonomyFile,
} from '../src/data/index';
import { listDataset } from '../src/import/list-dataset';
import { strictly } from '../src/import/diagnostics';
import {
  IMPORT_REPORT_FILE,
  formatSummary,
  importReport,
  importSummary,
  skipRows,
} from '../src/import/import-report';
import { parseSectionHints } from '../src/import/section-map';
import { slugId } from '../src/import/text';
import { validateDataset } from '../src/graph/build/validate';
import { cliOptions, isMain, readInput, report, runCli, writeOutput } from './lib/import-cli';

export interface ImportListArgs {
  in: string;
  data: string;
  sections?: string;
  name?: string;
  force?: boolean;
  /** Skipped entries are errors (nothing written), not warnings. */
  strict?: boolean;
}

export function importList(args: ImportListArgs): number {
  if (!args.in || !args.data) {
    console.error('import:list: --in LIST.md and --data DIR are required (see --help)');
    return 2;
  }
  const present = existsSync(args.data);
  if (present && !statSync(args.data).isDirectory()) {
    console.error(`${args.data}: exists and is not a directory; nothing written`);
    return 1;
  }
  const empty = !present || readdirSync(args.data).length === 0;
  if (!empty && !args.force) {
    console.error(`${args.data}: not empty; choose a new directory, or --force to rewrite its dataset files`);
    return 1;
  }
  const sections = args.sections
    ? parseSectionHints(readInput(args.sections, 'section map'), args.sections)
    : undefined;
  const ds = listDataset(readInput(args.in, 'list'), {
    file: basename(args.in),
    ...(args.name ? { name: args.name } : {}),
    ...(sections ? { sections } : {}),
  });
  const diagnostics = args.strict ? strictly(ds.diagnostics) : ds.diagnostics;
  const errors = report(args.in, diagnostics);
  const summary = importSummary({ ...ds, diagnostics });
  const printSummary = (): void => {
    for (const l of formatSummary(summary)) console.log(`${args.in}: ${l}`);
  };
  if (errors === 0 && ds.papers.length === 0) console.error(`${args.in}: no paper entries found`);
  if (errors > 0 || ds.papers.length === 0) {
    printSummary();
    console.error(
      `${args.in}: ${errors > 0 ? `${errors} error(s)${args.strict ? ' (--strict: skips are errors)' : ''}; ` : ''}nothing written to ${args.data}`,
    );
    return 1;
  }
  // the directory as build:graph will read it; a paper's problems point at its line in the list
  validateDataset({
    info: ds.info,
    papers: ds.papers.map((value) => ({ value, file: args.in, line: ds.lines.get(value.id) ?? 1 })),
    labels: [],
    taxonomy: { value: ds.taxonomy, file: join(args.data, TAXONOMY_FILE), line: 1 },
    edges: [],
  });
  const files: [string, string][] = [
    [DATASET_FILE, stringifyDatasetFile(ds.info)],
    [PAPERS_FILE, stringifyPapersFile(ds.papers)],
    [TAXONOMY_FILE, stringifyTaxonomyFile(ds.taxonomy, 'npm run import:list')],
    [LABELS_FILE, stringifyLabelsFile([], 'npm run import:list')],
    [join(EDGES_DIR, 'curated.tsv'), stringifyEdgesTsv('curated', [])],
    [IMPORT_REPORT_FILE, importReport(basename(args.in), summary, skipRows(diagnostics))],
  ];
  if (empty) writeNewDirectory(args.data, files);
  else for (const [name, text] of files) writeOutput(join(args.data, name), text);
  printSummary();
  console.log(`${args.in}: skipped lines and their reasons: ${join(args.data, IMPORT_REPORT_FILE)}`);
  const levels = ds.taxonomy.dimensions.filter((d) => d.id !== 'family');
  console.log(
    `${args.data}: ${ds.papers.length} papers; ${levels.map((d) => `${d.categories.length} ${d.id}`).join(', ')} categories`,
  );
  console.log(`next: npm run build:graph -- --data ${args.data} --out public/${slugId(ds.info.name)}.json`);
  return 0;
}

/** Write every file into a sibling directory, then rename it into place (replacing an empty one). */
function writeNewDirectory(dir: string, files: readonly [string, string][]): void {
  const target = dir.replace(/[\\/]+$/, '');
  const tmp = `${target}.importing-${process.pid}`;
  try {
    mkdirSync(join(tmp, EDGES_DIR), { recursive: true });
    for (const [name, text] of files) writeFileSync(join(tmp, name), text, 'utf8');
    if (existsSync(target)) rmdirSync(target);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  for (const [name] of files) console.log(`${join(target, name)}: written`);
}

if (isMain(import.meta.url)) {
  const opts = cliOptions(
    'Usage: npm run import:list -- --in LIST.md --data DIR [options]\nMake a new graph-data directory from an awesome list; its headings become the taxonomy.',
    [
      { name: 'in', default: '', help: 'the awesome list (Markdown)' },
      { name: 'data', default: '', help: 'graph-data directory to create (new or empty)' },
      { name: 'sections', default: '', help: 'YAML map of heading → { family, task } ids' },
      { name: 'name', default: '', help: "the dataset's name (default: the list's first # heading)" },
      { name: 'force', default: '', help: 'rewrite the dataset files of a non-empty directory', flag: true },
      {
        name: 'strict',
        default: '',
        help: 'entries that are not papers (no year, arXiv id, DOI or known venue) are errors, not skipped',
        flag: true,
      },
    ],
  );
  runCli(() =>
    importList({
      in: opts.in ?? '',
      data: opts.data ?? '',
      sections: opts.sections ?? '',
      name: opts.name ?? '',
      force: opts.force === 'true',
      strict: opts.strict === 'true',
    }),
  );
}
