/**
 * `npm run bench:timeline`: times the timeline packing as the page runs it (the width fitting and
 * its passes, src/graph/timeline-fit.ts) on seeded synthetic graphs, and how it grows with n. On big
 * graphs the page runs it in a worker (src/render/timeline-job.ts), so this is the time until the
 * papers move, not time the page is frozen. A benchmark, not a test: nothing here fails on time.
 */
import { cpus, loadavg } from 'node:os';
import { legendEntries, categoryMap } from '../src/graph/categories';
import { parseGraphFile } from '../src/graph/load';
import { timelineInput } from '../src/graph/timeline';
import { fitTimeline } from '../src/graph/timeline-fit';
import { syntheticGraphFile } from '../tests/fixtures/graph-files';
import { benchOptions } from './lib/bench-options';

const USAGE = `Usage: npm run bench:timeline -- [--sizes 10000,50000] [--runs N] [--seed N]

Times packing the timeline (coloured by model family, 1000 × 700 px of screen) on synthetic graphs.`;

function options() {
  return benchOptions('bench:timeline', USAGE, {
    sizes: { default: '10000,50000', list: true, min: 10 },
    runs: { default: '3' },
    seed: { default: '7', min: 0 },
  });
}

/** CPU time of this process (user + system), ms: steadier than wall time on a shared machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const o = options();
process.stdout.write(
  `bench:timeline on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}; CPU time, medians of ${o.runs} runs\n\n`,
);
const rows = ['| papers | packing (CPU time) | per paper |', '| ---: | ---: | ---: |'];
for (const n of o.sizes) {
  const { graph, meta } = parseGraphFile(
    JSON.parse(JSON.stringify(syntheticGraphFile(n, o.seed))),
    'synthetic.json',
  );
  const categories = legendEntries(graph, meta, 'family', categoryMap(graph, 'family'), null);
  const times: number[] = [];
  for (let r = 0; r <= o.runs; r++) {
    const start = cpuMs();
    fitTimeline(
      timelineInput(graph, {
        dimension: 'family',
        categories,
        radius: (_n, a) => a.sizes.citations ?? a.size,
      }),
      { width: 1000, height: 700 },
    );
    if (r > 0) times.push(cpuMs() - start); // the first run warms the JIT up
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  rows.push(
    `| ${n.toLocaleString('en')} | ${median >= 1000 ? `${(median / 1000).toFixed(2)} s` : `${median.toFixed(0)} ms`} | ${((median * 1000) / n).toFixed(1)} µs |`,
  );
  process.stdout.write(`${rows.at(-1)}\n`);
}
process.stdout.write(`\n${rows.join('\n')}\n`);
