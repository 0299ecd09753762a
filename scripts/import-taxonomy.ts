/**
 * npm run import:taxonomy -- [--in FILE] [--papers FILE] [--taxonomy FILE] [--labels FILE]
 * survey-taxonomy.json → graph-data/taxonomy.yaml and graph-data/labels.yaml. Methods are matched
 * to the papers of papers.yaml by arXiv id, else by title; unmatched methods are listed.
 */
import { importSurveyTaxonomy } from '../src/import/survey-taxonomy';
import { parsePapersFile } from '../src/data/papers-file';
import { stringifyLabelsFile } from '../src/data/labels-file';
import { stringifyTaxonomyFile } from '../src/data/taxonomy-file';
import { cliOptions, isMain, fail, readInput, report, runCli, writeOutput } from './lib/import-cli';

export const TAXONOMY_DEFAULTS = {
  in: '../shared/data/survey-taxonomy.json',
  papers: 'graph-data/papers.yaml',
  taxonomy: 'graph-data/taxonomy.yaml',
  labels: 'graph-data/labels.yaml',
};

export function importTaxonomy(o: typeof TAXONOMY_DEFAULTS): number {
  let json: unknown;
  try {
    json = JSON.parse(readInput(o.in, 'survey taxonomy'));
  } catch (e) {
    fail(`${o.in}: not valid JSON: ${(e as Error).message}`);
  }
  const papers = parsePapersFile(readInput(o.papers, 'papers file (run import:awesome first)'), o.papers).map(
    (l) => l.value,
  );
  const result = importSurveyTaxonomy(json, papers, o.in);
  const errors = report(o.in, result.diagnostics);
  console.log(
    `${o.in}: ${result.matched} methods labelled on papers of ${o.papers}; ${result.unmatched.length} match no paper` +
      (result.unmatched.length ? ` (${result.unmatched.map((u) => u.name).join(', ')})` : ''),
  );
  if (errors > 0) {
    console.error(`${o.in}: ${errors} error(s); ${o.taxonomy} and ${o.labels} left unchanged`);
    return 1;
  }
  writeOutput(o.taxonomy, stringifyTaxonomyFile(result.taxonomy));
  writeOutput(o.labels, stringifyLabelsFile(result.labels));
  return 0;
}

if (isMain(import.meta.url)) {
  const opts = cliOptions(
    'Usage: npm run import:taxonomy -- [options]\nImport the survey taxonomy and per-paper labels.',
    [
      { name: 'in', default: TAXONOMY_DEFAULTS.in, help: 'survey taxonomy JSON' },
      { name: 'papers', default: TAXONOMY_DEFAULTS.papers, help: 'papers file to match methods against' },
      { name: 'taxonomy', default: TAXONOMY_DEFAULTS.taxonomy, help: 'taxonomy file to write' },
      { name: 'labels', default: TAXONOMY_DEFAULTS.labels, help: 'labels file to write' },
    ],
  );
  runCli(() => importTaxonomy({ ...TAXONOMY_DEFAULTS, ...opts }));
}
