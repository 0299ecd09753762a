/**
 * `npm run build:graph`: graph-data/ → public/graph.json (graphology serialisation + metadata), and
 * records the graph in datasets.json next to it (see src/data/datasets-list.ts).
 * Thin CLI: reading, hashing and writing here; the pipeline itself is pure (src/graph/build/build.ts).
 * Exit codes: 0 built, 1 bad data, a malformed datasets.json or a failed write (previous output
 * untouched), 2 bad options.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  emptyDatasetsFile,
  nextDatasetsFile,
  parseDatasetsFile,
  stringifyDatasetsFile,
} from '../src/data/datasets-list';
import { buildGraph, DEFAULT_SEED } from '../src/graph/build/build';
import type { BuildStep, StepRunner } from '../src/graph/build/build';
import { binaryFileNames } from '../src/graph/binary/format';
import { graphFileChunks } from '../src/graph/serialize';
import { DATASETS_FILE, DatasetFileNameSchema, type DatasetsFile } from '../src/model/datasets';
import { DataError, DataErrors } from '../src/model/errors';
import { hashInputs, writeCompactForm } from './lib/build-io';
import { writeChunksAtomic } from './lib/build-io';
import { readGraphData } from './lib/graph-data-fs';

const USAGE = `Usage: npm run build:graph -- [options]

Builds the explorer's graph file from a graph-data directory: validates it, merges edges,
computes citations, PageRank, communities and an initial layout, and writes the file atomically,
with its compact form beside it (FILE.bin and FILE.side.json for FILE.json), which the explorer
loads first.
Then records it in ${DATASETS_FILE} in the same directory (name, description, paper and edge
counts, inputs hash; entries of graph files that no longer exist are dropped). The explorer offers
a dataset switcher when that list has several entries.

Options:
  --data DIR   graph-data directory to read (default: graph-data)
  --out FILE   graph file to write (default: public/graph.json); any name but ${DATASETS_FILE}
  --seed N     seed of communities and layout, an integer in [0, 2^32) (default: ${DEFAULT_SEED})
  --expand N   also add the N works outside the list that the most papers of the list cite, read
               from the references in the online cache (npm run fetch:citations); they are marked
               "outside the list" (default: 0, none)
  --help       show this help`;

/** At most this many data problems are printed; the count of the rest follows. */
const MAX_PRINTED = 50;

interface CliArgs {
  data: string;
  out: string;
  seed: number;
  expand: number;
}

class UsageError extends Error {}

/** `--expand -1` as `--expand=-1`, so a negative count gets the option's own message, not parseArgs's. */
function joinExpandValue(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i] === '--expand' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--expand=${next}`);
      i++;
    } else out.push(argv[i] as string);
  }
  return out;
}

export function parseCliArgs(argv: string[]): CliArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinExpandValue(argv),
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        expand: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  const seedText = values.seed ?? String(DEFAULT_SEED);
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed must be an integer in [0, 2^32), got "${seedText}"`);
  }
  const expandText = values.expand ?? '0';
  const expand = Number(expandText);
  if (!/^\d+$/.test(expandText) || !Number.isSafeInteger(expand)) {
    throw new UsageError(
      `--expand must be a whole number of works outside the list to add (0 or more), got "${expandText}"`,
    );
  }
  for (const name of ['data', 'out'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} must not be empty`);
  }
  if (values.out !== undefined) {
    const name = DatasetFileNameSchema.safeParse(basename(values.out));
    if (!name.success) {
      throw new UsageError(
        `--out "${values.out}": the graph file's name ${name.error.issues[0]?.message ?? 'is invalid'}`,
      );
    }
  }
  return { data: values.data ?? 'graph-data', out: values.out ?? 'public/graph.json', seed, expand };
}

function log(line: string): void {
  process.stderr.write(`build-graph: ${line}\n`);
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(2)} s`;
}

/** Times a step and reports it on stderr: a start line, then the time taken. */
function timed<T>(name: string, run: () => T, detail?: (result: T) => string): T {
  log(`${name} …`);
  const start = performance.now();
  const result = run();
  const rss = `${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB RSS`;
  log(`${name} done in ${seconds(start)}, ${rss}${detail ? ` (${detail(result)})` : ''}`);
  return result;
}

/** The datasets list next to `out` as it is now: empty when there is none; a DataError when malformed. */
function readDatasetsList(path: string): DatasetsFile {
  if (!existsSync(path)) return emptyDatasetsFile();
  return parseDatasetsFile(readFileSync(path, 'utf8'), path);
}

const stepRunner: StepRunner = <T>(step: BuildStep, run: () => T): T => timed(step, run);

function main(argv: string[]): number {
  let args: CliArgs | 'help';
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`build-graph: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { data, out, seed, expand } = args;
  const total = performance.now();
  const datasetsPath = join(dirname(out), DATASETS_FILE);
  let previous: DatasetsFile;
  try {
    // checked before the build, so a bad list costs seconds, not the whole build
    previous = readDatasetsList(datasetsPath);
  } catch (e) {
    if (e instanceof DataError) {
      log(e.message);
      log(`fix ${datasetsPath} or delete it (the next build then lists only the graph it builds, and each`);
      log(`later build into ${dirname(out)}/ adds its own)`);
    } else {
      const err = e as NodeJS.ErrnoException;
      if (!err.code) throw e;
      log(`failed to read ${datasetsPath}: ${err.message}`);
    }
    log(`nothing written; ${out} is unchanged`);
    return 1;
  }
  let written = false;
  try {
    const dataset = timed(
      `read ${data}`,
      () => readGraphData(data),
      (d) => `${d.papers.length} papers, ${d.labels.length} labels, ${d.edges.length} edge records`,
    );
    const inputsHash = timed('hash inputs', () => hashInputs(data));
    if (expand > 0 && !dataset.online) {
      log(`--expand ${expand}: ${data} has no online cache (cache/, npm run fetch:citations), so no work`);
      log('outside the list can be added');
    }
    const { graph, meta, outside } = buildGraph(dataset, {
      seed,
      inputsHash,
      step: stepRunner,
      releaseEdgeRecords: true,
      expand,
    });
    if (expand > 0 && dataset.online) {
      const most = outside[0];
      log(
        `--expand ${expand}: added ${outside.length} work${outside.length === 1 ? '' : 's'} outside the list` +
          (outside.length < expand ? ` (the references name no more)` : '') +
          (most ? `; the most cited, "${most.title}", by ${most.citedBy.length} of its papers` : ''),
      );
      const untitled = outside.filter((w) => !w.titled).length;
      if (untitled > 0)
        log(
          `${untitled} of them ${untitled === 1 ? 'has' : 'have'} no title in the cache: labelled by an id`,
        );
    }
    // the compact form first: should the graph file's write fail, datasets.json still describes
    // the old graph file, and the explorer refuses the new binary (its inputs hash differs)
    const names = binaryFileNames(basename(out));
    const entry = timed(`write ${names.binary} and ${names.side}`, () => writeCompactForm(out, graph, meta));
    const bytes = timed(`write ${out}`, () => writeChunksAtomic(out, graphFileChunks(graph, meta)));
    written = true;
    const list = nextDatasetsFile(previous, basename(out), entry, readdirSync(dirname(out)));
    writeChunksAtomic(datasetsPath, [stringifyDatasetsFile(list)]);
    log(
      `wrote ${out}: ${graph.order - outside.length} papers${outside.length > 0 ? ` and ${outside.length} outside the list` : ''}, ${graph.size} edges, ${meta.communities.length} communities, ` +
        `${(bytes / 1e6).toFixed(1)} MB in ${seconds(total)}`,
    );
    const others = Object.keys(list.datasets).length - 1;
    log(
      `recorded it in ${datasetsPath}${others > 0 ? `, which lists ${others} other graph file${others === 1 ? '' : 's'} too` : ''}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DataErrors) {
      const shown = e.errors.slice(0, MAX_PRINTED);
      log(`${e.errors.length} problem(s) in ${data}:`);
      for (const err of shown) process.stderr.write(`  ${err.message}\n`);
      if (e.errors.length > shown.length)
        process.stderr.write(`  … and ${e.errors.length - shown.length} more\n`);
      log(`nothing written; ${out} is unchanged`);
      return 1;
    }
    // file-system errors (EACCES, ENOSPC, EISDIR, …) say enough; anything else is a bug: show the stack
    const err = e as NodeJS.ErrnoException;
    log(`failed: ${err.code ? err.message : (err.stack ?? String(e))}`);
    log(
      written
        ? `${out} was written but ${datasetsPath} is unchanged`
        : `nothing written; ${out} is unchanged`,
    );
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
