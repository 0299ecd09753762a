/**
 * npm run import:edges -- [--fulltext FILE] [--readme FILE] [--papers FILE] [--out DIR]
 * fulltext-references.json and code-readme-mentions.json → graph-data/edges/*.tsv.
 * An absent input file is skipped (its TSV left as it is), saying so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importCodeReadmeEdges, importFulltextEdges } from '../src/import/edges';
import type { EdgeImport } from '../src/import/edges';
import { parsePapersFile } from '../src/data/papers-file';
import { stringifyEdgesTsv } from '../src/data/edges-tsv';
import type { ProvenanceSource } from '../src/model/edge';
import type { PaperRecord } from '../src/model/paper';
import { cliOptions, isMain, fail, readInput, report, runCli, writeOutput } from './lib/import-cli';

export const EDGES_DEFAULTS = {
  fulltext: '../shared/data/fulltext-references.json',
  readme: '../shared/data/code-readme-mentions.json',
  papers: 'graph-data/papers.yaml',
  out: 'graph-data/edges',
};

type Importer = (json: unknown, papers: readonly PaperRecord[], file: string) => EdgeImport;

export function importEdges(o: typeof EDGES_DEFAULTS): number {
  const papers = parsePapersFile(readInput(o.papers, 'papers file (run import:awesome first)'), o.papers).map(
    (l) => l.value,
  );
  const jobs: [string, ProvenanceSource, Importer][] = [
    [o.fulltext, 'fulltext-references', importFulltextEdges],
    [o.readme, 'code-readme', importCodeReadmeEdges],
  ];
  const outputs: [string, string][] = [];
  let errors = 0;
  for (const [input, prov, run] of jobs) {
    const out = join(o.out, `${prov}.tsv`);
    if (!existsSync(input)) {
      console.warn(`${input}: not found; skipped (${out} left as it is)`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(readInput(input, 'edge source'));
    } catch (e) {
      fail(`${input}: not valid JSON: ${(e as Error).message}`);
    }
    const result = run(json, papers, input);
    errors += report(input, result.diagnostics);
    const surveyRepo = result.records.filter(
      (r) => r.provenance.source === 'code-readme' && r.provenance.surveyRepo,
    );
    const extra =
      prov === 'code-readme'
        ? `, ${surveyRepo.length} from survey repositories (${new Set(surveyRepo.map((r) => (r.provenance.source === 'code-readme' ? r.provenance.repo : ''))).size} repos)`
        : '';
    console.log(`${input}: ${result.records.length} edges${extra}`);
    outputs.push([out, stringifyEdgesTsv(prov, result.records)]);
  }
  if (errors > 0) {
    console.error(`${errors} error(s); edge files left unchanged`);
    return 1;
  }
  for (const [path, text] of outputs) writeOutput(path, text);
  return 0;
}

if (isMain(import.meta.url)) {
  const opts = cliOptions(
    'Usage: npm run import:edges -- [options]\nImport edges from full-text references and code READMEs.',
    [
      { name: 'fulltext', default: EDGES_DEFAULTS.fulltext, help: 'full-text references JSON' },
      { name: 'readme', default: EDGES_DEFAULTS.readme, help: 'code README mentions JSON' },
      {
        name: 'papers',
        default: EDGES_DEFAULTS.papers,
        help: 'papers file (edge endpoints are checked against it)',
      },
      { name: 'out', default: EDGES_DEFAULTS.out, help: 'directory of the edge files' },
    ],
  );
  runCli(() => importEdges({ ...EDGES_DEFAULTS, ...opts }));
}
