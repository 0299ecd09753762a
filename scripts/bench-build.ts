/**
 * `npm run bench:build`: builds synthetic datasets of 1k, 10k and 100k papers (about 10 edges
 * each) end to end through the real CLI, one child process per size, and prints wall time, peak
 * memory and the time of every step, then how time grows against n log n.
 * Targets (issue 2): 100k papers / 1M edges under 60 s and under 2 GB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticGraphData } from './lib/synthetic-graph-data';

const USAGE = `Usage: npm run bench:build -- [options]

Options:
  --sizes LIST   comma-separated paper counts (default: 1000,10000,100000)
  --edges N      edges per paper (default: 10)
  --seed N       seed of the synthetic datasets (default: 7)
  --taxonomy F   taxonomy the papers are labelled from (default: graph-data/taxonomy.yaml)
  --cli FILE     build script to run (default: scripts/build-graph.ts), e.g. to compare versions
  --keep         keep the temporary graph-data directories and outputs
  --help         show this help`;

const TARGET_SECONDS = 60;
const TARGET_BYTES = 2 * 1024 ** 3;

interface Options {
  sizes: number[];
  edges: number;
  seed: number;
  taxonomy: string;
  keep: boolean;
  cli: string;
}

function options(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string' },
        edges: { type: 'string' },
        seed: { type: 'string' },
        taxonomy: { type: 'string' },
        keep: { type: 'boolean' },
        cli: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`bench-build: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) {
      process.stderr.write(`bench-build: ${name} must be integers >= ${min}, got "${text}"\n\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  return {
    sizes: (values.sizes ?? '1000,10000,100000').split(',').map((s) => int('--sizes', s.trim(), 2)),
    edges: int('--edges', values.edges ?? '10', 0),
    seed: int('--seed', values.seed ?? '7', 0),
    taxonomy: values.taxonomy ?? 'graph-data/taxonomy.yaml',
    keep: values.keep ?? false,
    cli: values.cli ?? 'scripts/build-graph.ts',
  };
}

interface Result {
  papers: number;
  edgeRecords: number;
  edges: number;
  seconds: number;
  /** CPU time of the child (user + system): what the wall time would be on an idle machine. */
  cpuSeconds: number;
  peakBytes: number;
  steps: [string, number][];
  outputBytes: number;
}

function runSize(n: number, o: Options): Result {
  const dir = mkdtempSync(join(tmpdir(), `atlas-bench-${n}-`));
  try {
    const data = join(dir, 'graph-data');
    process.stdout.write(`\n${n} papers: writing a synthetic graph-data dir … `);
    const t0 = performance.now();
    const summary = writeSyntheticGraphData(data, o.taxonomy, {
      papers: n,
      edgesPerPaper: o.edges,
      seed: o.seed,
    });
    process.stdout.write(
      `${summary.edgeRecords} edge records, ${(summary.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const out = join(dir, 'graph.json');
    const measureFile = join(dir, 'measure.json');
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/lib/measure-child.ts', o.cli, '--data', data, '--out', out],
      { encoding: 'utf8', env: { ...process.env, MEASURE_FILE: measureFile }, maxBuffer: 64 * 1024 * 1024 },
    );
    const seconds = (performance.now() - start) / 1000;
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`the build of ${n} papers failed (exit ${child.status ?? child.signal})`);
    }
    const measured = JSON.parse(readFileSync(measureFile, 'utf8')) as {
      peakBytes: number;
      userSeconds: number;
      systemSeconds: number;
    };
    const steps: [string, number][] = [];
    for (const m of child.stderr.matchAll(/^build-graph: (\S+).* done in ([\d.]+) s/gm)) {
      steps.push([m[1] as string, Number(m[2])]);
    }
    const edges = Number(/(\d+) edges,/.exec(child.stderr)?.[1] ?? NaN);
    return {
      papers: n,
      edgeRecords: summary.edgeRecords,
      edges,
      seconds,
      cpuSeconds: measured.userSeconds + measured.systemSeconds,
      peakBytes: measured.peakBytes,
      steps,
      outputBytes: statSync(out).size,
    };
  } finally {
    if (o.keep) process.stdout.write(`  kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

function main(): void {
  const o = options(process.argv.slice(2));
  process.stdout.write(
    `bench:build — ${o.cli}, sizes ${o.sizes.join(', ')}, ~${o.edges} edges per paper, seed ${o.seed}\n`,
  );
  const results: Result[] = [];
  let failed = 0;
  for (const n of o.sizes) {
    let r: Result;
    try {
      r = runSize(n, o);
    } catch (e) {
      process.stdout.write(`  FAILED: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    results.push(r);
    process.stdout.write(
      `  wall ${r.seconds.toFixed(1)} s, CPU ${r.cpuSeconds.toFixed(1)} s, peak RSS ${mb(r.peakBytes)}, ${r.edges} edges, output ${mb(r.outputBytes)}\n` +
        `  steps: ${r.steps.map(([s, t]) => `${s} ${t.toFixed(2)} s`).join(', ')}\n`,
    );
  }

  process.stdout.write('\n papers |   edges | wall (s) | CPU (s) | peak RSS | CPU / (n log2 n) (µs)\n');
  process.stdout.write('--------+---------+----------+---------+----------+----------------------\n');
  for (const r of results) {
    const per = (r.cpuSeconds * 1e6) / (r.papers * Math.log2(r.papers));
    process.stdout.write(
      `${String(r.papers).padStart(7)} | ${String(r.edges).padStart(7)} | ${r.seconds.toFixed(1).padStart(8)} | ${r.cpuSeconds.toFixed(1).padStart(7)} | ${mb(r.peakBytes).padStart(8)} | ${per.toFixed(2).padStart(10)}\n`,
    );
  }
  const sorted = [...results].sort((a, b) => a.papers - b.papers);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Result;
    const b = sorted[i] as Result;
    // CPU time: wall time also counts whatever else the machine runs
    const timeRatio = b.cpuSeconds / a.cpuSeconds;
    const nlognRatio = (b.papers * Math.log2(b.papers)) / (a.papers * Math.log2(a.papers));
    const verdict = timeRatio <= nlognRatio ? 'within n log n' : 'GROWS FASTER than n log n';
    process.stdout.write(
      `growth ${a.papers} → ${b.papers}: CPU time ×${timeRatio.toFixed(2)}, n log n ×${nlognRatio.toFixed(2)}: ${verdict}\n`,
    );
  }
  for (const r of results) {
    if (r.papers >= 100_000) {
      const time = r.seconds < TARGET_SECONDS ? 'met' : 'MISSED';
      const mem = r.peakBytes < TARGET_BYTES ? 'met' : 'MISSED';
      process.stdout.write(
        `target at ${r.papers} papers: < ${TARGET_SECONDS} s ${time} (wall ${r.seconds.toFixed(1)} s, CPU ${r.cpuSeconds.toFixed(1)} s), < 2 GB ${mem} (${mb(r.peakBytes)})\n`,
      );
    }
  }
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${cpus().length} CPUs\n`,
  );
  if (failed > 0) process.exitCode = 1;
}

main();
