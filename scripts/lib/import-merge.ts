/**
 * File-system side of importing a user's library (BibTeX, CSV) into a graph-data directory: read
 * the directory, merge (src/import/merge.ts), validate the whole result as the build does, and only
 * then write papers.yaml and edges/curated.tsv atomically. Any error: nothing written, exit 1.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../../src/import/diagnostics';
import type { ImportedPaper } from '../../src/import/paper-input';
import type { ImportedEdge } from '../../src/import/csv';
import { mergeEdges, mergePapers } from '../../src/import/merge';
import type { Located } from '../../src/model/dataset';
import type { EdgeRecord } from '../../src/model/edge';
import type { PaperRecord } from '../../src/model/paper';
import { EDGES_DIR, PAPERS_FILE, stringifyEdgesTsv, stringifyPapersFile } from '../../src/data/index';
import { validateDataset } from '../../src/graph/build/validate';
import { readGraphData } from './graph-data-fs';
import { report, writeOutput } from './import-cli';

export interface MergeInput {
  dir: string;
  papers?: { file: string; papers: ImportedPaper[]; diagnostics: Diagnostic[] };
  edges?: { file: string; edges: ImportedEdge[]; diagnostics: Diagnostic[] };
}

/** Comma- or semicolon-separated option values ("--task subject,face"). */
export function optionList(s: string): string[] {
  return s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

export function importIntoDirectory(input: MergeInput): number {
  const ds = readGraphData(input.dir);
  const ids = (dim: string): Set<string> | undefined => {
    const d = ds.taxonomy.value.dimensions.find((x) => x.id === dim);
    return d ? new Set(d.categories.map((c) => c.id)) : undefined;
  };
  let errors = 0;
  if (input.papers) errors += report(input.papers.file, input.papers.diagnostics);
  if (input.edges) errors += report(input.edges.file, input.edges.diagnostics);
  const existing = ds.papers.map((p) => p.value);
  const merged = mergePapers(existing, input.papers?.papers ?? [], {
    families: ids('family'),
    tasks: ids('task'),
  });
  if (input.papers) errors += report(input.papers.file, merged.diagnostics);
  const curatedFile = join(input.dir, EDGES_DIR, 'curated.tsv');
  const curated = ds.edges.filter((e) => e.value.provenance.source === 'curated');
  const edges = mergeEdges(
    curated.map((e) => e.value),
    input.edges?.edges ?? [],
    new Set(merged.papers.map((p) => p.id)),
  );
  if (input.edges) errors += report(input.edges.file, edges.diagnostics);
  const target = join(input.dir, PAPERS_FILE);
  if (errors > 0) {
    console.error(`${errors} error(s); nothing written to ${input.dir}`);
    return 1;
  }
  // the whole directory as it would be, checked as the build checks it; new records point at the input
  const where = new Map<string, { file: string; line: number }>();
  for (const p of ds.papers) where.set(p.value.id, { file: p.file, line: p.line });
  for (const p of input.papers?.papers ?? [])
    if (!where.has(p.record.id)) where.set(p.record.id, { file: input.papers?.file ?? '', line: p.line });
  const papers: Located<PaperRecord>[] = merged.papers.map((value) => ({
    value,
    ...(where.get(value.id) ?? { file: target, line: 1 }),
  }));
  const others = ds.edges.filter((e) => e.value.provenance.source !== 'curated');
  const newEdges: Located<EdgeRecord>[] = edges.edges.map(
    (value, i) =>
      curated[i] ?? {
        value,
        file: input.edges?.file ?? curatedFile,
        line: input.edges?.edges.find((e) => e.record === value)?.line ?? 1,
      },
  );
  validateDataset({ ...ds, papers, edges: [...others, ...newEdges] });
  console.log(
    `${merged.added.length} paper(s) added, ${merged.updated.length} filled in, ${edges.added} edge(s) added; ` +
      `${merged.diagnostics.length + edges.diagnostics.length} warning(s)`,
  );
  writeOutput(target, stringifyPapersFile(merged.papers));
  if (input.edges) writeOutput(curatedFile, stringifyEdgesTsv('curated', edges.edges));
  return 0;
}
