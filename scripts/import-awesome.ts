/**
 * npm run import:awesome -- [--in FILE] [--out FILE] [--sections FILE]
 * Awesome-list Markdown → graph-data/papers.yaml. Prints every diagnostic with its line;
 * exits non-zero (writing nothing) when the list has errors.
 */
import { parseAwesomeList } from '../src/import/awesome-list';
import type { SectionMap } from '../src/import/awesome-list';
import { parseSectionMap } from '../src/import/section-map';
import { stringifyPapersFile } from '../src/data/papers-file';
import { cliOptions, isMain, readInput, report, runCli, writeOutput } from './lib/import-cli';

export const AWESOME_DEFAULTS = {
  in: '../shared/data/awesome-personalized-image-generation.md',
  out: 'graph-data/papers.yaml',
};

export function importAwesome(input: string, output: string, sectionsFile = ''): number {
  const sections: SectionMap | undefined = sectionsFile
    ? parseSectionMap(readInput(sectionsFile, 'section map'), sectionsFile)
    : undefined;
  const result = parseAwesomeList(readInput(input, 'awesome list'), { sections });
  const errors = report(input, result.diagnostics);
  console.log(`${input}: ${result.entries.length} entries, ${result.papers.length} distinct papers`);
  if (errors > 0) {
    console.error(`${input}: ${errors} error(s); ${output} left unchanged`);
    return 1;
  }
  writeOutput(output, stringifyPapersFile(result.papers));
  return 0;
}

if (isMain(import.meta.url)) {
  const opts = cliOptions(
    'Usage: npm run import:awesome -- [options]\nImport papers from an awesome-list Markdown file.',
    [
      { name: 'in', default: AWESOME_DEFAULTS.in, help: 'the awesome list' },
      { name: 'out', default: AWESOME_DEFAULTS.out, help: 'papers file to write' },
      {
        name: 'sections',
        default: '',
        help: "YAML map of heading → { task, family } (default: the bundled list's sections)",
      },
    ],
  );
  runCli(() =>
    importAwesome(opts.in ?? AWESOME_DEFAULTS.in, opts.out ?? AWESOME_DEFAULTS.out, opts.sections),
  );
}
