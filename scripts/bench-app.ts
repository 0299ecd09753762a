/**
 * `npm run bench:app`: the built app side by side with a bare sigma page (scripts/bench/bare/, built
 * here with the same sigma and graphology) on the same graph file, in one headless Chromium, for the
 * bundled graph and seeded synthetic graphs. Prints, for each graph, ours, bare and the ratio of:
 * first frame, main thread free, load phases, hover latency, frame time while panning and JS heap.
 * It is a measurement, not a test. See USAGE for the definitions.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
import { syntheticGraphFile } from '../tests/fixtures/graph-files';
import { binaryFileNames } from '../src/graph/binary/format';
import { parseGraphFile } from '../src/graph/load';
import {
  emptyDatasetsFile,
  nextDatasetsFile,
  parseDatasetsFile,
  stringifyDatasetsFile,
} from '../src/data/datasets-list';
import { DATASETS_FILE } from '../src/model/datasets';
import { writeChunksAtomic } from './lib/atomic-write';
import { writeCompactForm } from './lib/build-io';
import { loadOnce, PHASES, type Load, type Measured } from './lib/bench-app-page';
import { startStaticServer } from './static-server';

const USAGE = `Usage: npm run build && npm run bench:app -- [options]

Loads the built app (dist/) and a bare sigma page (scripts/bench/bare/) on the same graph file, in
the same browser, alternating which goes first, and prints ours / bare / ratio per graph.

Options:
  --sizes LIST    graphs: "bundled" (dist/graph.json) and/or paper counts of seeded synthetic
                  graphs, 3 links each, written with their compact form as the build writes it
                  (the app loads that, the bare page the JSON; default: bundled,10000,100000)
  --runs N        page loads per graph and page (default: 3; medians are printed)
  --hovers N      hovers measured per page on the last load (default: 20)
  --settle MS     quiet time (no long task) that ends the wait for "main thread free" (default: 3000)
  --seed N        seed of the synthetic graphs (default: 42)
  --help          show this help

Figures (ms since navigation unless said):
  first frame       the first draw on a canvas: a WebGL draw call that draws something, or a 2D
                    fill, stroke, text or image (the app's preview of a small graph's papers)
  first frame shown the end of the commit of the frame that carries the first frame (for the
                    app's preview drawn by WebGL, the first after it is put on its canvas)
  full frame        the first WebGL draw with the links and labels: the first frame, unless the
                    app drew its preview of the papers before (src/render/preview.ts);
                    for the app, the first render put on its canvases once rasterised
                    (src/render/deferred-present.ts)
  full frame shown  the end of the commit of the frame that carries the full frame (the browser
                    reads WebGL canvases back then, waiting for their rasterisation)
  main thread free  the end of the last long task while nobody touches the page, or the first
                    frame if later. Long tasks: PerformanceObserver 'longtask' entries, and the
                    scripts of 50 ms or more of 'long-animation-frame' entries (Chromium's longtask
                    entries leave out the microtasks run once a task is done, where the work after
                    a scheduler.yield() runs)
  longest task      the longest main-thread task after the first frame
  fetched/parsed/assembled/mounted   the load phases (performance marks of both pages)
  hover p50/p90     from a hover to the second animation frame after its render (the first
                    frame shown with it); made just after a frame, a hover shown in the next
                    frame measures two frames (33.3 ms at 60 Hz)
  pointer hover p50/p90
                    the same hovers made with the pointer: mouse moves through the browser's
                    input pipeline onto each node, then onto empty space, at seeded phases of
                    the frame; sigma finds the node under the pointer and the page's own
                    handlers run. From the move's event time to the first animation frame
                    after the commit that carries its render
  pan p50/p90       frame time while dragging the view
  still after pan   from releasing the pointer to the page drawn and still (no frame over 50 ms
                    for 500 ms): where frames are slow, the app draws the graph there
  heap              JS heap in use after a garbage collection (CDP Runtime.getHeapUsage)`;

interface Options {
  sizes: Array<number | 'bundled'>;
  runs: number;
  hovers: number;
  settle: number;
  seed: number;
}

function options(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: 'bundled,10000,100000' },
        runs: { type: 'string', default: '3' },
        hovers: { type: 'string', default: '20' },
        settle: { type: 'string', default: '3000' },
        seed: { type: 'string', default: '42' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`bench-app: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, v: string, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`bench-app: --${name} must be an integer ≥ ${min}, got "${v}"\n`);
      process.exit(2);
    }
    return n;
  };
  const sizes = values.sizes
    .split(',')
    .map((s) => (s.trim() === 'bundled' ? ('bundled' as const) : int('sizes', s.trim(), 2)));
  return {
    sizes,
    runs: int('runs', values.runs, 1),
    hovers: int('hovers', values.hovers, 0),
    settle: int('settle', values.settle, 100),
    seed: int('seed', values.seed, 0),
  };
}

const CACHE = join('.cache', 'bench-app');
const BARE_OUT = join(CACHE, 'bare');

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/**
 * The seeded synthetic graph file of `n` papers in the cache (written once), with its compact form
 * and the cache's datasets.json listing it, as `npm run build:graph` writes them beside a built
 * graph: the app loads a built graph through its compact form, the bare page reads the JSON.
 */
function graphFor(n: number, seed: number): string {
  const file = join(CACHE, `synthetic-${n}-${seed}.json`);
  let text: string | null = null;
  if (!existsSync(file)) {
    const t0 = performance.now();
    text = JSON.stringify(syntheticGraphFile(n, seed));
    writeChunksAtomic(file, [text]);
    console.log(
      `  generated ${file} (${(text.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const names = binaryFileNames(basename(file));
  if (!existsSync(join(CACHE, names.binary)) || !existsSync(join(CACHE, names.side)) || text !== null) {
    const t0 = performance.now();
    const { graph, meta } = parseGraphFile(JSON.parse(text ?? readFileSync(file, 'utf8')), file);
    const entry = writeCompactForm(file, graph, meta);
    const listPath = join(CACHE, DATASETS_FILE);
    const previous = existsSync(listPath)
      ? parseDatasetsFile(readFileSync(listPath, 'utf8'), listPath)
      : emptyDatasetsFile();
    const list = nextDatasetsFile(previous, basename(file), entry, readdirSync(CACHE));
    writeChunksAtomic(listPath, [stringifyDatasetsFile(list)]);
    console.log(
      `  wrote its compact form (${names.binary}, ${names.side}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  return file;
}

const emptyMeasured = (): Measured => ({
  loads: [],
  hover: [],
  pointer: [],
  pointerMissed: 0,
  pan: [],
  panSettled: Number.NaN,
});

async function measure(
  browser: Browser,
  urls: { ours: string; bare: string },
  name: string,
  opts: Options,
): Promise<{ ours: Measured; bare: Measured; counts: { nodes: number; edges: number } }> {
  const out = {
    ours: emptyMeasured(),
    bare: emptyMeasured(),
    counts: { nodes: 0, edges: 0 },
  };
  for (let run = 0; run < opts.runs; run++) {
    const order: Array<'ours' | 'bare'> = run % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const which of order) {
      const last = run === opts.runs - 1;
      const r = await loadOnce(
        browser,
        urls[which],
        `${name} (${which})`,
        opts.settle,
        last ? { hovers: opts.hovers } : null,
      );
      out[which].loads.push(r.load);
      if (which === 'bare') out.counts = r.counts;
      if (last) {
        out[which].hover = r.hover;
        out[which].pointer = r.pointer.latencies;
        out[which].pointerMissed = r.pointer.missed;
        out[which].pan = r.pan;
        out[which].panSettled = r.panSettled;
      }
      console.log(
        `  ${name} ${which} ${run + 1}/${opts.runs}: first frame ${r.load.firstFrame.toFixed(0)} ms, full ${r.load.fullFrame.toFixed(0)} ms, free ${r.load.free.toFixed(0)} ms, longest task after ${r.load.longest.toFixed(0)} ms${r.load.longestAt ? ` (at ${r.load.longestAt.start.toFixed(0)} ms, ${r.load.longestAt.what})` : ''}`,
      );
    }
  }
  return out;
}

function row(label: string, ours: number, bare: number, unit: 'ms' | 'MB'): string {
  const f = (v: number) =>
    Number.isFinite(v) ? (unit === 'MB' ? `${(v / 1e6).toFixed(1)} MB` : `${v.toFixed(0)} ms`) : '—';
  const ratio =
    Number.isFinite(ours) && Number.isFinite(bare) && bare > 0 ? `${(ours / bare).toFixed(2)}×` : '—';
  return `  ${label.padEnd(20)} ${f(ours).padStart(11)} ${f(bare).padStart(11)} ${ratio.padStart(8)}`;
}

function report(
  name: string,
  nodes: number,
  edges: number,
  r: { ours: Measured; bare: Measured },
): {
  firstFrame: number;
  free: number;
  hoverP90: number;
  pointerP90: number;
  panP90: number;
  ffRatio: number;
  freeRatio: number;
  longest: number;
} {
  const m = (w: 'ours' | 'bare', f: (l: Load) => number) => median(r[w].loads.map(f));
  console.log(`\n${name}: ${nodes.toLocaleString('en')} nodes, ${edges.toLocaleString('en')} links`);
  console.log(`  ${''.padEnd(20)} ${'ours'.padStart(11)} ${'bare'.padStart(11)} ${'ratio'.padStart(8)}`);
  const lines: Array<[string, (l: Load) => number]> = [
    ['first frame', (l) => l.firstFrame],
    ['first frame shown', (l) => l.firstShown],
    ['full frame', (l) => l.fullFrame],
    ['full frame shown', (l) => l.shown],
    ['main thread free', (l) => l.free],
    ['longest task after', (l) => l.longest],
    ...PHASES.map((p): [string, (l: Load) => number] => [`${p}`, (l) => l.phases[p] ?? Number.NaN]),
  ];
  for (const [label, f] of lines) console.log(row(label, m('ours', f), m('bare', f), 'ms'));
  console.log(row('hover p50', median(r.ours.hover), median(r.bare.hover), 'ms'));
  console.log(row('hover p90', pct(r.ours.hover, 90), pct(r.bare.hover, 90), 'ms'));
  console.log(row('pointer hover p50', median(r.ours.pointer), median(r.bare.pointer), 'ms'));
  console.log(row('pointer hover p90', pct(r.ours.pointer, 90), pct(r.bare.pointer, 90), 'ms'));
  const missed = (w: Measured) => `${w.pointer.length} measured, ${w.pointerMissed} without a render`;
  console.log(`  ${''.padEnd(20)} pointer moves: ours ${missed(r.ours)}; bare ${missed(r.bare)}`);
  console.log(row('pan frame p50', median(r.ours.pan), median(r.bare.pan), 'ms'));
  console.log(row('pan frame p90', pct(r.ours.pan, 90), pct(r.bare.pan, 90), 'ms'));
  console.log(row('still after pan', r.ours.panSettled, r.bare.panSettled, 'ms'));
  console.log(
    row(
      'JS heap',
      m('ours', (l) => l.heap),
      m('bare', (l) => l.heap),
      'MB',
    ),
  );
  const ff = m('ours', (l) => l.firstFrame);
  const free = m('ours', (l) => l.free);
  return {
    firstFrame: ff,
    free,
    hoverP90: pct(r.ours.hover, 90),
    pointerP90: pct(r.ours.pointer, 90),
    panP90: pct(r.ours.pan, 90),
    ffRatio: ff / m('bare', (l) => l.firstFrame),
    freeRatio: free / m('bare', (l) => l.free),
    longest: m('ours', (l) => l.longest),
  };
}

async function buildBare(): Promise<void> {
  await build({
    configFile: false,
    root: resolve('scripts/bench/bare'),
    base: './',
    logLevel: 'warn',
    build: { outDir: resolve(BARE_OUT), emptyOutDir: true, target: 'es2022' },
  });
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (!existsSync('dist/index.html'))
    throw new Error('dist/index.html is missing: run `npm run build` first.');
  mkdirSync(CACHE, { recursive: true });
  console.log('Building the bare sigma page…');
  await buildBare();
  const graphs: Array<{ name: string; path: string; size: number | 'bundled' }> = [];
  for (const size of opts.sizes) {
    if (size === 'bundled') {
      if (existsSync('dist/graph.json'))
        graphs.push({ name: 'bundled graph.json', path: 'graph.json', size });
      else
        console.log(
          'dist/graph.json is missing (run `npm run build:graph`, then `npm run build`): skipping the bundled graph.',
        );
    } else {
      const file = graphFor(size, opts.seed);
      graphs.push({
        name: `synthetic ${size.toLocaleString('en')}`,
        path: `bench/${file.split('/').pop()!}`,
        size,
      });
    }
  }
  const server = await startStaticServer('dist', { '/bench/bare/': BARE_OUT, '/bench/': CACHE });
  const browser = await launchBrowser();
  const summary: Array<{ name: string; size: number | 'bundled' } & ReturnType<typeof report>> = [];
  try {
    for (const g of graphs) {
      const urls = {
        ours: `${server.url}/?graph=${g.path}`,
        bare: `${server.url}/bench/bare/?graph=../../${g.path}`,
      };
      const r = await measure(browser, urls, g.name, opts);
      summary.push({ name: g.name, size: g.size, ...report(g.name, r.counts.nodes, r.counts.edges, r) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `\nHeadless Chromium (software WebGL), 1280×800; ${opts.runs} loads per page and graph (medians), ${opts.hovers} hovers and un-hovers on the last.`,
  );
  console.log('Targets:');
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  for (const s of summary) {
    const x = (v: number) => `${v.toFixed(2)}×`;
    if (s.size === 'bundled') {
      console.log(
        `  ${s.name}: first frame ≤ 0.8× bare: ${verdict(s.ffRatio <= 0.8)} (${x(s.ffRatio)}); main thread free ≤ 0.8× bare: ${verdict(s.freeRatio <= 0.8)} (${x(s.freeRatio)})`,
      );
      continue;
    }
    const line = [
      `first frame ≤ 0.5× bare: ${verdict(s.ffRatio <= 0.5)} (${x(s.ffRatio)})`,
      `main thread free ≤ 0.6× bare: ${verdict(s.freeRatio <= 0.6)} (${x(s.freeRatio)})`,
    ];
    const taskLimit = s.size >= 100_000 ? 200 : 50;
    line.push(
      `no task > ${taskLimit} ms after the first frame: ${verdict(s.longest <= taskLimit)} (${s.longest.toFixed(0)} ms)`,
    );
    if (s.size >= 100_000) {
      line.push(
        `first frame ≤ 2 s: ${verdict(s.firstFrame <= 2000)} (${(s.firstFrame / 1000).toFixed(1)} s)`,
      );
      // to the tenth: a hover made just after a frame and shown in the next measures two frames (see --help)
      line.push(
        `hover p90 ≤ 33 ms: with the pointer ${verdict(s.pointerP90 <= 33)} (${s.pointerP90.toFixed(1)} ms); made just after a frame ${verdict(s.hoverP90 <= 33)} (${s.hoverP90.toFixed(1)} ms; two frames are 33.3 ms)`,
      );
      line.push(`pan ≤ 33 ms a frame (p90): ${verdict(s.panP90 <= 33)} (${s.panP90.toFixed(0)} ms)`);
    }
    console.log(`  ${s.name}: ${line.join('; ')}`);
  }
}

main().catch((e) => {
  console.error(`bench-app: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
