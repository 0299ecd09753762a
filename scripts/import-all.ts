/**
 * npm run import:all: run the three importers in order (papers, then taxonomy and labels, then
 * edges) with their default paths. Stops at the first importer that fails.
 */
import { AWESOME_DEFAULTS, importAwesome } from './import-awesome';
import { TAXONOMY_DEFAULTS, importTaxonomy } from './import-taxonomy';
import { EDGES_DEFAULTS, importEdges } from './import-edges';
import { cliOptions, runCli } from './lib/import-cli';

cliOptions(
  'Usage: npm run import:all\nRun import:awesome, import:taxonomy and import:edges with their defaults.',
  [],
);
runCli(() => {
  const steps: [string, () => number][] = [
    ['import:awesome', () => importAwesome(AWESOME_DEFAULTS.in, AWESOME_DEFAULTS.out)],
    ['import:taxonomy', () => importTaxonomy(TAXONOMY_DEFAULTS)],
    ['import:edges', () => importEdges(EDGES_DEFAULTS)],
  ];
  for (const [name, step] of steps) {
    console.log(`== ${name}`);
    const code = step();
    if (code !== 0) {
      console.error(`${name} failed; later steps not run`);
      return code;
    }
  }
  return 0;
});
