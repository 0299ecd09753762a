/**
 * `npm run bench:snapshot`: writes synthetic OpenAlex snapshots of the real one's shape
 * (scripts/lib/snapshot-synthetic.ts) at a few sizes, runs import:snapshot on each through the
 * real CLI in a child process — a 2-hop selection around 400 seeds and a topic selection — and
 * prints wall time, CPU time and peak memory (the child's peak RSS, DuckDB's native memory
 * included), then how they grow with the snapshot.
 * Targets (issue 16): 10^6 works with 3×10^7 references in under a minute and under 2 GB on the
 * 2-core development machine; peak memory not growing with the snapshot's size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRng } from '../src/graph/random';
import { syntheticWorkId, syntheticWorksDir, writeSyntheticSnapshot } from './lib/snapshot-synthetic';

const USAGE = `Usage: npm run bench:snapshot -- [options]

Options:
  --works N      the largest snapshot's works (default: 1000000); smaller sizes are N/10 and N/3
  --sizes LIST   comma-separated work counts instead (e.g. 10000,100000)
  --refs N       mean references a work (default: 30)
  --seeds N      seeds of the neighbourhood selection (default: 400)
  --cap N        works each paper adds a hop (default: 10)
  --dir DIR      where the snapshots are written and kept between runs (default: $TMPDIR/bench-snapshot)
  --memory-limit M  DuckDB's memory limit (default: 1GB)
  --runs N       runs of each selection at each size (default: 1); with more, each size's range
  --selections L hops, topic or both (default: hops,topic)
  --help         show this help`;

const TARGET_SECONDS = 60;
const TARGET_BYTES = 2 * 1024 ** 3;

interface Measured {
  seconds: number;
  peakBytes: number;
  cpuSeconds: number;
  papers: string;
  /** The child's own peak RSS once the files are read and once the selection has run (MB; NaN if not printed). */
  scanMb: number;
  selectionMb: number;
  /** DuckDB's buffer memory after the selection (capped by --memory-limit), MB. */
  engineMb: number;
  ok: boolean;
}

function measure(args: string[]): Measured {
  const work = mkdtempSync(join(tmpdir(), 'bench-snapshot-run-'));
  const file = join(work, 'measure.json');
  const t = Date.now();
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/lib/measure-child.ts',
      'scripts/import-snapshot.ts',
      ...args,
      '--data',
      join(work, 'out'),
    ],
    { encoding: 'utf8', env: { ...process.env, MEASURE_FILE: file }, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (Date.now() - t) / 1000;
  const lines = res.stderr.trim().split('\n');
  const papers = lines.find((l) => / papers, .* edges/.test(l)) ?? lines.slice(-3).join(' | ');
  const phases = lines
    .map((l) =>
      /^peak memory \(RSS\): ([\d,]+) MB reading the files, ([\d,]+) MB after the selection/.exec(l),
    )
    .find((m) => m !== null);
  const engine = lines
    .map((l) =>
      /^DuckDB's buffer memory .*: [\d,]+ MB once the files were read, ([\d,]+) MB after the selection/.exec(
        l,
      ),
    )
    .find((m) => m !== null);
  const mb = (v: string | undefined) => (v === undefined ? Number.NaN : Number(v.replace(/,/g, '')));
  let m = { peakBytes: 0, userSeconds: 0, systemSeconds: 0 };
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as typeof m;
  } catch {
    /* the child died before writing */
  }
  rmSync(work, { recursive: true, force: true });
  return {
    seconds,
    peakBytes: m.peakBytes,
    cpuSeconds: m.userSeconds + m.systemSeconds,
    papers,
    scanMb: mb(phases?.[1]),
    selectionMb: mb(phases?.[2]),
    engineMb: mb(engine?.[1]),
    ok: res.status === 0,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      works: { type: 'string' },
      sizes: { type: 'string' },
      refs: { type: 'string' },
      seeds: { type: 'string' },
      cap: { type: 'string' },
      dir: { type: 'string' },
      'memory-limit': { type: 'string' },
      runs: { type: 'string' },
      selections: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const top = Number(values.works ?? 1_000_000);
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => Number(s.trim()))
    : [Math.round(top / 10), Math.round(top / 3), top];
  const refs = Number(values.refs ?? 30);
  const nSeeds = Number(values.seeds ?? 400);
  const cap = values.cap ?? '10';
  const dir = values.dir ?? join(tmpdir(), 'bench-snapshot');
  const mem = values['memory-limit'] ?? '1GB';
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) {
    console.error(`bench-snapshot: sizes must be integers >= 1000\n\n${USAGE}`);
    return 2;
  }
  const runs = Number(values.runs ?? 1);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`bench-snapshot: --runs must be a positive integer\n\n${USAGE}`);
    return 2;
  }
  const chosen = (values.selections ?? 'hops,topic').split(',').map((s) => s.trim());
  if (chosen.length === 0 || chosen.some((c) => c !== 'hops' && c !== 'topic')) {
    console.error(`bench-snapshot: --selections takes hops, topic or both\n\n${USAGE}`);
    return 2;
  }
  console.log(
    `bench:snapshot — refs ${refs}/work, ${nSeeds} seeds, cap ${cap}, memory limit ${mem}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const rowsOut: string[] = [];
  let failed = false;
  const peaks = new Map<string, Array<{ n: number; peak: number; selectionMb: number; papers: string }>>();
  for (const n of sizes) {
    const snap = join(dir, `works-${n}-refs-${refs}`);
    await writeSyntheticSnapshot(snap, { works: n, refs, seed: 16 }, (s) => process.stderr.write(`${s}\n`));
    const rand = createRng(n);
    const seedsFile = join(snap, 'seeds.txt');
    const seeds = new Set<number>();
    while (seeds.size < Math.min(nSeeds, n)) seeds.add(syntheticWorkId(Math.floor(n / 2 + (rand() * n) / 2)));
    writeFileSync(seedsFile, [...seeds].map((id) => `W${id}`).join('\n') + '\n');
    const works = syntheticWorksDir(snap);
    const common = ['--works', works, '--memory-limit', mem, '--threads', '2'];
    const selections = [
      ['hops', `2 hops, ${nSeeds} seeds`, ['--seeds', seedsFile, '--hops', '2', '--cap', cap]],
      ['topic', 'topic T10007', ['--topic', 'T10007']],
    ] as const;
    for (const [key, what, args] of selections) {
      if (!chosen.includes(key)) continue;
      for (let run = 0; run < runs; run++) {
        const m = measure([...common, ...args]);
        const ok = m.ok && m.seconds < TARGET_SECONDS && m.peakBytes < TARGET_BYTES;
        // the target is for 10^6 works; other sizes show how time and memory grow
        if (n === 1_000_000 && !ok) failed = true;
        const papers = m.papers.replace(/^.*: (\d[\d,]*) papers.*$/, '$1');
        peaks.set(what, [
          ...(peaks.get(what) ?? []),
          { n, peak: m.peakBytes, selectionMb: m.selectionMb, papers },
        ]);
        const row = `${n.toLocaleString('en-US').padStart(10)} works  ${what.padEnd(20)} ${m.seconds.toFixed(1).padStart(6)} s  cpu ${m.cpuSeconds.toFixed(1).padStart(6)} s  peak ${(m.peakBytes / 1024 ** 2).toFixed(0).padStart(5)} MB (${m.scanMb.toFixed(0)} reading, ${m.selectionMb.toFixed(0)} selecting; DuckDB ${m.engineMb.toFixed(0)})  ${m.ok ? '' : 'FAILED '}${m.papers.replace(/^.*: (\d[\d,]* papers, [\d,]* edges).*$/, '$1')}`;
        console.log(row);
        rowsOut.push(row);
      }
    }
  }
  if (runs > 1) {
    // each size's runs side by side: whether the peak grows beyond what runs of one size differ by
    for (const [what, list] of peaks) {
      const bySize = sizes.map((n) => {
        const mb = list
          .filter((r) => r.n === n)
          .map((r) => r.peak / 1024 ** 2)
          .sort((a, b) => a - b);
        return `${n.toLocaleString('en-US')}: ${mb[0]!.toFixed(0)}–${mb[mb.length - 1]!.toFixed(0)} MB (median ${mb[Math.floor(mb.length / 2)]!.toFixed(0)})`;
      });
      console.log(`peak memory over ${runs} runs, ${what}: ${bySize.join('; ')}`);
    }
  }
  for (const [what, list] of peaks) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    console.log(
      `peak memory, ${what}: ×${(last.peak / first.peak).toFixed(2)} from ${first.n.toLocaleString('en-US')} to ${last.n.toLocaleString('en-US')} works (×${(last.n / first.n).toFixed(0)}), selecting ${first.papers} → ${last.papers} papers; up to the end of the selection (before the output): ×${(last.selectionMb / first.selectionMb).toFixed(2)}`,
    );
  }
  console.log(
    `target: 10^6 works under ${TARGET_SECONDS} s and under ${TARGET_BYTES / 1024 ** 3} GB; ${failed ? 'NOT met' : 'met where measured'}`,
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
