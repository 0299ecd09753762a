/**
 * Writes a seeded synthetic dataset as a real graph-data directory (the same files and format the
 * importers write), for the build benchmark. Families, tasks and labels come from a real taxonomy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DATASET_FILE,
  EDGES_DIR,
  LABELS_FILE,
  PAPERS_FILE,
  TAXONOMY_FILE,
  parseTaxonomyFile,
  stringifyDatasetFile,
  stringifyEdgesTsv,
  stringifyLabelsFile,
  stringifyPapersFile,
} from '../../src/data/index';
import { syntheticDataset } from '../../src/graph/build/synthetic';
import type { SyntheticOptions } from '../../src/graph/build/synthetic';
import type { EdgeRecord, ProvenanceSource } from '../../src/model/edge';

export interface SyntheticDirSummary {
  papers: number;
  labels: number;
  edgeRecords: number;
  bytes: number;
}

/**
 * Fills `dir` with dataset.yaml, papers.yaml, labels.yaml, taxonomy.yaml (a byte copy of
 * `taxonomyFile`) and one edges/<provenance>.tsv per provenance source.
 */
export function writeSyntheticGraphData(
  dir: string,
  taxonomyFile: string,
  options: SyntheticOptions,
): SyntheticDirSummary {
  const taxonomyText = readFileSync(taxonomyFile, 'utf8');
  const taxonomy = parseTaxonomyFile(taxonomyText, taxonomyFile);
  const ds = syntheticDataset(taxonomy, options);
  mkdirSync(join(dir, EDGES_DIR), { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  };
  write(DATASET_FILE, stringifyDatasetFile(ds.info));
  write(TAXONOMY_FILE, taxonomyText);
  write(PAPERS_FILE, stringifyPapersFile(ds.papers.map((p) => p.value)));
  write(LABELS_FILE, stringifyLabelsFile(ds.labels.map((l) => l.value)));
  const bySource = new Map<ProvenanceSource, EdgeRecord[]>();
  for (const { value } of ds.edges) {
    const list = bySource.get(value.provenance.source) ?? [];
    list.push(value);
    bySource.set(value.provenance.source, list);
  }
  for (const [source, records] of [...bySource.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    write(`${EDGES_DIR}/${source}.tsv`, stringifyEdgesTsv(source, records));
  }
  return { papers: ds.papers.length, labels: ds.labels.length, edgeRecords: ds.edges.length, bytes };
}
