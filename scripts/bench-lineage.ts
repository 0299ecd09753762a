/**
 * `npm run bench:lineage`: times `lineage()` (ancestors + descendants, every depth) of single papers on
 * a seeded synthetic graph (10^4 papers by default, about 10 edges each), for the most-cited papers
 * (the largest lineages) and a seeded sample of others, and prints the median and p90.
 * Target (issue 8): under 50 ms for one paper on 10^4 papers. A benchmark, not a test.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseTaxonomyFile } from '../src/data/index';
import { assembleGraph } from '../src/graph/build/build';
import { joinPapers } from '../src/graph/join';
import { lineage, type LineageOptions } from '../src/graph/lineage/lineage';
import { lineageIndex } from '../src/graph/lineage/adjacency';
import { lineagePath, lowestCommonAncestors } from '../src/graph/lineage/compare';
import { transitiveReduction } from '../src/graph/lineage/reduction';
import { lineageViewModel } from '../src/graph/lineage/view-model';
import { mergeEdges } from '../src/graph/build/merge-edges';
import { createRng, randomInt } from '../src/graph/random';
import { syntheticDataset } from '../src/graph/build/synthetic';
import type { AtlasGraph } from '../src/graph/types';
import { EDGE_KINDS } from '../src/model/edge';
import { benchOptions } from './lib/bench-options';
import { time } from './lib/bench-timing';

const USAGE = `Usage: npm run bench:lineage -- [--papers N] [--edges N] [--runs N] [--seed N]`;
const TARGET_MS = 50;

function args() {
  return benchOptions('bench:lineage', USAGE, {
    papers: { default: '10000' },
    edges: { default: '10' },
    runs: { default: '60' },
    seed: { default: '7' },
  });
}

function build(papers: number, edges: number, seed: number): AtlasGraph {
  const file = 'graph-data/taxonomy.yaml';
  const taxonomy = parseTaxonomyFile(readFileSync(file, 'utf8'), file);
  const ds = syntheticDataset(taxonomy, { papers, edgesPerPaper: edges, seed });
  const joined = joinPapers(ds.papers, ds.labels);
  return assembleGraph(joined, mergeEdges(ds.edges, new Map(joined.map((p, i) => [p.id, i]))));
}

function main(): void {
  const o = args();
  const t0 = performance.now();
  const graph = build(o.papers, o.edges, o.seed);
  process.stdout.write(
    `synthetic graph: ${graph.order} papers, ${graph.size} edges (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  const indexStart = performance.now();
  const index = lineageIndex(graph);
  process.stdout.write(
    `lineage index (built once per graph): ${(performance.now() - indexStart).toFixed(1)} ms\n`,
  );
  const byInDegree = graph.nodes().sort((a, b) => graph.inDegree(b) - graph.inDegree(a));
  const top = byInDegree.slice(0, 20);
  const rng = createRng(o.seed);
  const sample = Array.from({ length: 50 }, () => byInDegree[randomInt(rng, byInDegree.length)]!);
  process.stdout.write(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n`);
  const size = (n: string, opts: LineageOptions) => {
    const l = lineage(graph, n, { ...opts, index });
    return `${l.ancestors.size} ancestors, ${l.descendants.size} descendants`;
  };
  process.stdout.write(`most cited paper's lineage (all depths, cites + builds-on): ${size(top[0]!, {})}\n`);
  process.stdout.write(`a sampled paper's lineage: ${size(sample[0]!, {})}\n\n`);
  const visible = new Set(graph.edges());
  const all = { kinds: [...EDGE_KINDS], index };
  const dflt = { index };
  const depth2 = { depth: 2, index };
  const results = [
    time('lineage, all depths, cites + builds-on, top-20 cited', o.runs, (i) =>
      lineage(graph, top[i % top.length]!, dflt),
    ),
    time('lineage, all depths, every kind, top-20 cited', o.runs, (i) =>
      lineage(graph, top[i % top.length]!, all),
    ),
    time('lineage, all depths, cites + builds-on, sampled', o.runs, (i) =>
      lineage(graph, sample[i % sample.length]!, dflt),
    ),
    time('lineage, depth 2, cites + builds-on, top-20 cited', o.runs, (i) =>
      lineage(graph, top[i % top.length]!, depth2),
    ),
    time('lineage, all depths, only visible edges (edgeSet)', o.runs, (i) =>
      lineage(graph, top[i % top.length]!, { index, edgeSet: visible }),
    ),
  ];
  process.stdout.write('\n');
  time('(for comparison: edgeFilter doing a Set lookup per edge)', Math.min(o.runs, 20), (i) =>
    lineage(graph, top[i % top.length]!, { index, edgeFilter: (e) => visible.has(e) }),
  );
  time('lineagePath, sampled pairs', o.runs, (i) =>
    lineagePath(graph, sample[i % sample.length]!, sample[(i + 1) % sample.length]!),
  );
  time('lowestCommonAncestors, sampled pairs', o.runs, (i) =>
    lowestCommonAncestors(graph, sample[i % sample.length]!, sample[(i + 7) % sample.length]!),
  );
  time('transitive reduction of a whole depth-2 lineage, top-20', Math.min(o.runs, 10), (i) => {
    const l = lineage(graph, top[i % top.length]!, depth2);
    return transitiveReduction(graph, [...l.ancestorEdges, ...l.descendantEdges]);
  });
  time("lineage view's model (<= 300 papers, reduced), top-20", Math.min(o.runs, 20), (i) =>
    lineageViewModel(graph, lineage(graph, top[i % top.length]!, dflt)),
  );
  const worst = Math.max(...results.map((r) => r.median));
  process.stdout.write(
    `\nlineage of one paper: worst median ${worst.toFixed(2)} ms (target < ${TARGET_MS} ms): ${worst < TARGET_MS ? 'OK' : 'OVER TARGET'}\n`,
  );
}

main();
