import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAwesomeList } from '../../../src/import/awesome-list';
import { importSurveyTaxonomy } from '../../../src/import/survey-taxonomy';
import { importCodeReadmeEdges, importFulltextEdges } from '../../../src/import/edges';
import {
  parseDatasetFile,
  parseEdgesTsv,
  parseLabelsFile,
  parsePapersFile,
  parseTaxonomyFile,
  stringifyDatasetFile,
  stringifyEdgesTsv,
  stringifyLabelsFile,
  stringifyPapersFile,
  stringifyTaxonomyFile,
} from '../../../src/data/index';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { AWESOME_MD, REPO_ROOT, hasShared, sharedFile } from './shared-data';

const GRAPH_DATA = join(REPO_ROOT, 'graph-data');
const committed = (name: string): string => readFileSync(join(GRAPH_DATA, name), 'utf8');

describe('the committed graph-data/', () => {
  it('reads and validates: 416 papers, labels, taxonomy and both edge files', () => {
    const ds = readGraphData(GRAPH_DATA);
    expect(ds.papers).toHaveLength(416);
    expect(ds.labels).toHaveLength(182);
    const bySource = (s: string): number => ds.edges.filter((e) => e.value.provenance.source === s).length;
    expect([bySource('fulltext-references'), bySource('code-readme'), bySource('curated')]).toEqual([
      1379, 487, 0,
    ]);
    const ids = new Set(ds.papers.map((p) => p.value.id));
    expect(ds.labels.every((l) => ids.has(l.value.id))).toBe(true);
    expect(ds.edges.every((e) => ids.has(e.value.source) && ids.has(e.value.target))).toBe(true);
  });

  it('is in canonical form: parsing and writing each file gives the same bytes', () => {
    const v = <T>(xs: { value: T }[]): T[] => xs.map((x) => x.value);
    const f = (name: string): [string, string] => [committed(name), join(GRAPH_DATA, name)];
    const [papers, pf] = f('papers.yaml');
    expect(stringifyPapersFile(v(parsePapersFile(papers, pf)))).toBe(papers);
    const [labels, lf] = f('labels.yaml');
    expect(stringifyLabelsFile(v(parseLabelsFile(labels, lf)))).toBe(labels);
    const [tax, tf] = f('taxonomy.yaml');
    expect(stringifyTaxonomyFile(parseTaxonomyFile(tax, tf).value)).toBe(tax);
    const [info, df] = f('dataset.yaml');
    expect(stringifyDatasetFile(parseDatasetFile(info, df))).toBe(info);
    for (const prov of ['fulltext-references', 'code-readme', 'curated'] as const) {
      const [tsv, ef] = f(`edges/${prov}.tsv`);
      expect(stringifyEdgesTsv(prov, v(parseEdgesTsv(tsv, ef)))).toBe(tsv);
    }
  });

  it.skipIf(
    !hasShared(
      'awesome-personalized-image-generation.md',
      'survey-taxonomy.json',
      'fulltext-references.json',
      'code-readme-mentions.json',
    ),
  )('is exactly what the importers produce from ../shared/data', () => {
    const papers = parseAwesomeList(readFileSync(AWESOME_MD, 'utf8')).papers;
    expect(stringifyPapersFile(papers)).toBe(committed('papers.yaml'));
    const load = (n: string): unknown => JSON.parse(readFileSync(sharedFile(n), 'utf8'));
    const tax = importSurveyTaxonomy(load('survey-taxonomy.json'), papers);
    expect(stringifyTaxonomyFile(tax.taxonomy)).toBe(committed('taxonomy.yaml'));
    expect(stringifyLabelsFile(tax.labels)).toBe(committed('labels.yaml'));
    const fulltext = importFulltextEdges(load('fulltext-references.json'), papers).records;
    expect(stringifyEdgesTsv('fulltext-references', fulltext)).toBe(
      committed('edges/fulltext-references.tsv'),
    );
    const readme = importCodeReadmeEdges(load('code-readme-mentions.json'), papers).records;
    expect(stringifyEdgesTsv('code-readme', readme)).toBe(committed('edges/code-readme.tsv'));
  });
});
