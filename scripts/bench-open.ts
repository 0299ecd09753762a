/**
 * `npm run bench:open`: times opening a graph file made elsewhere, as "Open file…" does it in the
 * page (reading the text, then converting: metrics, communities, layout unless the file has positions,
 * visuals), on seeded GEXF files of growing size (a preferential-attachment graph with a categorical
 * and a numeric attribute; with and without positions). Prints the median of a few runs per step.
 * A benchmark, not a test: nothing here fails on time.
 */
import { cpus, loadavg } from 'node:os';
import { convertForeignGraph } from '../src/foreign/convert';
import { readForeignGraph } from '../src/foreign/read';
import { createRng, randomInt } from '../src/graph/random';
import { benchOptions } from './lib/bench-options';

const USAGE = 'Usage: npm run bench:open -- [--nodes 1000,10000,50000] [--runs N] [--seed N]';

function args(): { sizes: number[]; runs: number; seed: number } {
  const o = benchOptions('bench:open', USAGE, {
    nodes: { default: '1000,10000,50000', list: true, min: 10 },
    runs: { default: '3' },
    seed: { default: '7', min: 0 },
  });
  return { sizes: o.nodes, runs: o.runs, seed: o.seed };
}

/** A GEXF 1.2 text of an n-node preferential-attachment graph (2 links per new node). */
function gexf(n: number, seed: number, positions: boolean): string {
  const rng = createRng(seed);
  const targets: number[] = [0, 1];
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.2" xmlns:viz="http://gexf.net/1.2/viz" version="1.2">\n<graph defaultedgetype="undirected">\n',
    '<attributes class="node"><attribute id="0" title="group" type="string"/><attribute id="1" title="score" type="double"/></attributes>\n<nodes>\n',
  ];
  for (let i = 0; i < n; i++) {
    const pos = positions
      ? `<viz:position x="${(rng() * 1000).toFixed(2)}" y="${(rng() * 1000).toFixed(2)}"/>`
      : '';
    parts.push(
      `<node id="n${i}" label="Node ${i}"><attvalues><attvalue for="0" value="g${i % 7}"/><attvalue for="1" value="${(rng() * 10).toFixed(3)}"/></attvalues>${pos}</node>\n`,
    );
  }
  parts.push('</nodes>\n<edges>\n');
  let e = 0;
  for (let i = 2; i < n; i++) {
    const seen = new Set<number>();
    for (let k = 0; k < 2; k++) {
      const t = targets[randomInt(rng, targets.length)]!;
      if (t === i || seen.has(t)) continue;
      seen.add(t);
      parts.push(`<edge id="e${e++}" source="n${i}" target="n${t}"/>\n`);
      targets.push(t, i);
    }
  }
  parts.push('</edges>\n</graph>\n</gexf>\n');
  return parts.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const { sizes, runs, seed } = args();
process.stdout.write(
  `bench:open: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}; median of ${runs} runs\n\n`,
);
process.stdout.write(
  '| nodes | positions | file | read | convert | total |\n| ---: | --- | ---: | ---: | ---: | ---: |\n',
);
for (const n of sizes) {
  for (const positions of [true, false]) {
    const text = gexf(n, seed, positions);
    const read: number[] = [];
    const convert: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const g = readForeignGraph(text, 'bench.gexf');
      const t1 = performance.now();
      convertForeignGraph(g);
      const t2 = performance.now();
      read.push(t1 - t0);
      convert.push(t2 - t1);
    }
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    process.stdout.write(
      `| ${n.toLocaleString('en')} | ${positions ? 'in file' : 'laid out'} | ${mb} MB | ${s(median(read))} | ${s(median(convert))} | ${s(median(read) + median(convert))} |\n`,
    );
  }
}
