/**
 * npm run import:bibtex -- --in LIBRARY.bib [--data DIR] [--family F] [--task T[,T…]]
 * Merge a BibTeX library into a graph-data directory (existing records win field by field).
 */
import { parseBibtex } from '../src/import/bibtex';
import { cliOptions, readInput, runCli } from './lib/import-cli';
import { importIntoDirectory, optionList } from './lib/import-merge';

const opts = cliOptions(
  'Usage: npm run import:bibtex -- --in LIBRARY.bib [options]\nMerge @article, @inproceedings and @misc entries into a graph-data directory.',
  [
    { name: 'in', default: '', help: 'the BibTeX file' },
    { name: 'data', default: 'graph-data', help: 'graph-data directory to merge into' },
    { name: 'family', default: '', help: 'model family of new papers (a category of the taxonomy)' },
    { name: 'task', default: '', help: 'task(s) of new papers, comma-separated' },
  ],
);
runCli(() => {
  if (!opts.in) {
    console.error('import:bibtex: --in LIBRARY.bib is required (see --help)');
    return 2;
  }
  const tasks = optionList(opts.task ?? '');
  const result = parseBibtex(readInput(opts.in, 'BibTeX library'), {
    ...(opts.family ? { family: opts.family } : {}),
    ...(tasks.length > 0 ? { tasks } : {}),
  });
  return importIntoDirectory({ dir: opts.data ?? 'graph-data', papers: { file: opts.in, ...result } });
});
