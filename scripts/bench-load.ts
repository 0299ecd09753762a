/**
 * `npm run bench:load`: times loading a built graph the two ways the explorer can: the graph file
 * (JSON.parse, then per-record validation and assembly) against its compact form (decoding and
 * checking the binary, JSON.parse of the side table, assembly). Synthetic datasets (about 3 edges a
 * paper, as the app benchmark's) are written by scripts/lib/synthetic-graph-data.ts and built by the
 * real CLI; the timing runs here in Node, where the page would do the same work (the binary's
 * decoding in a worker). Prints medians. A benchmark, not a test: nothing here fails on time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleGraphBinary } from '../src/graph/binary/assemble';
import { decodeGraphBinary } from '../src/graph/binary/decode';
import { checkMetaSchema } from '../src/graph/binary/meta-check';
import { parseGraphFile } from '../src/graph/load';
import { writeSyntheticGraphData } from './lib/synthetic-graph-data';

const USAGE = `Usage: npm run bench:load -- [options]

Times loading a graph from its JSON file against its compact form (graph.bin + graph.side.json).

Options:
  --sizes LIST   comma-separated paper counts (default: 10000,100000)
  --edges N      edges per paper (default: 3)
  --runs N       timed runs per size and way (default: 3)
  --seed N       seed of the synthetic datasets (default: 7)
  --help         show this help`;

function options(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '10000,100000' },
        edges: { type: 'string', default: '3' },
        runs: { type: 'string', default: '3' },
        seed: { type: 'string', default: '7' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`bench-load: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min) {
      process.stderr.write(`bench-load: ${name} must be integers >= ${min}, got "${text}"\n\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  return {
    sizes: values.sizes.split(',').map((s) => int('--sizes', s.trim(), 2)),
    edges: int('--edges', values.edges, 0),
    runs: int('--runs', values.runs, 1),
    seed: int('--seed', values.seed, 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** CPU time of this process (user + system), ms: steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Times (CPU) each phase of `run` over `runs` runs (after one warm-up) and gives each phase's median. */
function timePhases(runs: number, run: (mark: (phase: string) => void) => void): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (let r = 0; r <= runs; r++) {
    let last = cpuMs();
    const start = last;
    run((phase) => {
      const now = cpuMs();
      if (r > 0) (samples[phase] ??= []).push(now - last);
      last = now;
    });
    if (r > 0) (samples.total ??= []).push(cpuMs() - start);
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

function main(): void {
  const o = options(process.argv.slice(2));
  process.stdout.write(
    `bench:load on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}; CPU time, medians of ${o.runs} runs\n\n`,
  );
  const rows: string[] = [
    '| papers | edges | JSON file | JSON: parse | validate + assemble | total | compact files | binary: decode | side: parse + assemble | total | speed-up |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const papers of o.sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-load-'));
    try {
      writeSyntheticGraphData(join(dir, 'data'), 'graph-data/taxonomy.yaml', {
        papers,
        edgesPerPaper: o.edges,
        seed: o.seed,
      });
      const out = join(dir, 'out', 'graph.json');
      const built = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-graph.ts', '--data', join(dir, 'data'), '--out', out],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr}`);
      const jsonText = readFileSync(out, 'utf8');
      const binBytes = readFileSync(join(dir, 'out', 'graph.bin'));
      const sideText = readFileSync(join(dir, 'out', 'graph.side.json'), 'utf8');
      let edges = 0;
      const json = timePhases(o.runs, (mark) => {
        const parsed: unknown = JSON.parse(jsonText);
        mark('parse');
        edges = parseGraphFile(parsed, 'graph.json').graph.size;
        mark('assemble');
      });
      const compact = timePhases(o.runs, (mark) => {
        // a fresh ArrayBuffer, as fetch's arrayBuffer() gives
        const buffer = binBytes.buffer.slice(binBytes.byteOffset, binBytes.byteOffset + binBytes.byteLength);
        const bin = decodeGraphBinary(buffer, 'graph.bin', checkMetaSchema);
        mark('decode');
        assembleGraphBinary(bin, sideText, 'graph.side.json');
        mark('assemble');
      });
      const compactBytes = binBytes.byteLength + statSync(join(dir, 'out', 'graph.side.json')).size;
      rows.push(
        `| ${papers.toLocaleString('en')} | ${edges.toLocaleString('en')} | ${mb(Buffer.byteLength(jsonText))} | ${ms(json.parse!)} | ${ms(json.assemble!)} | ${ms(json.total!)} | ${mb(compactBytes)} | ${ms(compact.decode!)} | ${ms(compact.assemble!)} | ${ms(compact.total!)} | ${(json.total! / compact.total!).toFixed(1)}× |`,
      );
      process.stdout.write(`${rows.at(-1)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`\n${rows.join('\n')}\n`);
}

main();
