/**
 * `npm run bench:similar`: times `similarPapers()` (one paper's top 10) on a seeded synthetic graph
 * (10^4 papers by default, about 10 edges each). Each paper also gets outside references (30 by
 * default, drawn from a skewed pool so that popular works are shared) and an abstract of 120 words
 * (from a 5,000-word vocabulary), so coupling, co-citation and the text component are all exercised.
 * Prints the index build time, the median and p90 of one paper, the multi-paper ranking and the
 * top-k similarity graph of the Similarity layout. Target (issue 18): well under 100 ms for one
 * paper at 10^4 papers. A benchmark, not a test.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseTaxonomyFile } from '../src/data/index';
import { assembleGraph } from '../src/graph/build/build';
import { mergeEdges } from '../src/graph/build/merge-edges';
import { syntheticDataset } from '../src/graph/build/synthetic';
import { joinPapers } from '../src/graph/join';
import { createRng, randomInt, type Rng } from '../src/graph/random';
import { similarityEdges, similarityIndex, similarPapers, similarToSet } from '../src/graph/similar';
import type { AtlasGraph } from '../src/graph/types';
import { benchOptions } from './lib/bench-options';
import { time } from './lib/bench-timing';

const USAGE = `Usage: npm run bench:similar -- [--papers N] [--edges N] [--outside N] [--runs N] [--seed N] [--no-text]`;
const TARGET_MS = 100;

function args() {
  const o = benchOptions('bench:similar', USAGE, {
    papers: { default: '10000' },
    edges: { default: '10' },
    outside: { default: '30', min: 0 },
    runs: { default: '60' },
    seed: { default: '7' },
    'no-text': false,
  });
  return {
    papers: o.papers,
    edges: o.edges,
    outside: o.outside,
    runs: o.runs,
    seed: o.seed,
    text: !o['no-text'],
  };
}

/** A skewed draw in [0, n): small numbers (popular works, common words) come up far more often. */
function skewed(rng: Rng, n: number): number {
  return Math.floor(n * Math.pow(rng(), 2.5));
}

function build(o: ReturnType<typeof args>): AtlasGraph {
  const file = 'graph-data/taxonomy.yaml';
  const taxonomy = parseTaxonomyFile(readFileSync(file, 'utf8'), file);
  const ds = syntheticDataset(taxonomy, { papers: o.papers, edgesPerPaper: o.edges, seed: o.seed });
  const joined = joinPapers(ds.papers, ds.labels);
  const graph = assembleGraph(joined, mergeEdges(ds.edges, new Map(joined.map((p, i) => [p.id, i]))));
  const rng = createRng(o.seed + 1);
  const pool = o.papers * 2;
  graph.forEachNode((node) => {
    if (o.outside > 0) {
      const keys = new Set<string>();
      for (let k = 0; k < o.outside; k++) keys.add(`doi:10.0/${skewed(rng, pool)}`);
      graph.setNodeAttribute(node, 'outsideReferences', [...keys].sort());
    }
    if (o.text) {
      const words = Array.from({ length: 120 }, () => `w${skewed(rng, 5000)}`);
      graph.setNodeAttribute(node, 'abstract', words.join(' '));
    }
  });
  return graph;
}

function main(): void {
  const o = args();
  const t0 = performance.now();
  const graph = build(o);
  process.stdout.write(
    `synthetic graph: ${graph.order} papers, ${graph.size} edges, ${o.outside} outside references and ${o.text ? 'an abstract' : 'no abstract'} each (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  process.stdout.write(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n`);
  const indexStart = performance.now();
  const index = similarityIndex(graph);
  process.stdout.write(
    `similarity index (built once per graph, on first use): ${(performance.now() - indexStart).toFixed(1)} ms\n\n`,
  );
  const byInDegree = graph.nodes().sort((a, b) => graph.inDegree(b) - graph.inDegree(a));
  const top = byInDegree.slice(0, 20);
  const rng = createRng(o.seed);
  const sample = Array.from({ length: 50 }, () => byInDegree[randomInt(rng, byInDegree.length)]!);
  const results = [
    time('similarPapers, top 10, the 20 most cited', o.runs, (i) =>
      similarPapers(graph, top[i % top.length]!, { index }),
    ),
    time('similarPapers, top 10, sampled papers', o.runs, (i) =>
      similarPapers(graph, sample[i % sample.length]!, { index }),
    ),
  ];
  time('similarToSet, 3 seeds, sampled', Math.min(o.runs, 30), (i) =>
    similarToSet(
      graph,
      [0, 1, 2].map((k) => sample[(i + k * 7) % sample.length]!),
      { index },
    ),
  );
  const layoutStart = performance.now();
  const edges = similarityEdges(graph, { index, limit: 10, text: false });
  process.stdout.write(
    `similarity graph of the Similarity layout (top 10 of every paper, links only): ${edges.length} edges in ${((performance.now() - layoutStart) / 1000).toFixed(2)} s\n`,
  );
  const worst = Math.max(...results.map((r) => r.median));
  process.stdout.write(
    `\nsimilar papers of one paper: worst median ${worst.toFixed(2)} ms (target < ${TARGET_MS} ms): ${worst < TARGET_MS ? 'OK' : 'OVER TARGET'}\n`,
  );
}

main();
