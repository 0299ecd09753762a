/**
 * npm run import:csv -- (--papers FILE | --edges FILE) [--data DIR] [--family F] [--task T[,T…]]
 * Merge a CSV of papers and/or of curated edges into a graph-data directory. Columns: see
 * src/import/csv.ts and graph-data/README.md.
 */
import { parseEdgesCsv, parsePapersCsv } from '../src/import/csv';
import { cliOptions, readInput, runCli } from './lib/import-cli';
import { importIntoDirectory, optionList } from './lib/import-merge';

const opts = cliOptions(
  'Usage: npm run import:csv -- --papers FILE | --edges FILE [options]\nMerge a CSV of papers or of edges into a graph-data directory.',
  [
    { name: 'papers', default: '', help: 'CSV of papers' },
    { name: 'edges', default: '', help: 'CSV of edges (added to edges/curated.tsv)' },
    { name: 'data', default: 'graph-data', help: 'graph-data directory to merge into' },
    { name: 'family', default: '', help: 'model family of new papers without a family column' },
    { name: 'task', default: '', help: 'task(s) of new papers without a tasks column, comma-separated' },
  ],
);
runCli(() => {
  if (!opts.papers && !opts.edges) {
    console.error('import:csv: give --papers FILE and/or --edges FILE (see --help)');
    return 2;
  }
  const tasks = optionList(opts.task ?? '');
  const papers = opts.papers
    ? {
        file: opts.papers,
        ...parsePapersCsv(readInput(opts.papers, 'CSV of papers'), {
          ...(opts.family ? { family: opts.family } : {}),
          ...(tasks.length > 0 ? { tasks } : {}),
        }),
      }
    : undefined;
  const edges = opts.edges
    ? { file: opts.edges, ...parseEdgesCsv(readInput(opts.edges, 'CSV of edges')) }
    : undefined;
  return importIntoDirectory({
    dir: opts.data ?? 'graph-data',
    ...(papers ? { papers } : {}),
    ...(edges ? { edges } : {}),
  });
});
