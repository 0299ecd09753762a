/**
 * App benchmark: in headless Chromium, the time to the first rendered frame after navigation and
 * the hover-highlight latency, on seeded synthetic graphs of 1k, 10k and 50k papers and on the
 * bundled graph. Prints figures (medians); it is a measurement, not a test.
 *
 *   npm run build && npm run bench:app [-- --sizes 1000,10000 --hovers 100 --runs 3]
 *
 * Hover latency is measured in the page: from the store update (what a pointer event does) to the
 * end of the render it triggers.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { syntheticGraphFile } from '../tests/fixtures/graph-files';
import { startStaticServer } from './static-server';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    hovers: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const HOVERS = Number(values.hovers);
/**
 * Hovers measured on a graph of `n` nodes: the full count up to 1k nodes, then fewer (at least 10),
 * since each hover waits for a frame and software WebGL takes seconds per frame at 50k nodes.
 */
const hoversFor = (n: number): number => Math.max(Math.min(10, HOVERS), Math.min(HOVERS, Math.floor((HOVERS * 1000) / n)));
const RUNS = Number(values.runs);
const CACHE = join('.cache', 'bench-app');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function graphFor(n: number, seed: number): string {
  const file = join(CACHE, `synthetic-${n}-${seed}.json`);
  if (!existsSync(file)) {
    const t0 = performance.now();
    const text = JSON.stringify(syntheticGraphFile(n, seed));
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    console.log(`  generated ${file} (${(text.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

/**
 * Runs in the page (as source text: the bundler's helpers must not leak into it). Hovers `count`
 * nodes spread over the graph and un-hovers each, timing from the store update to the end of the
 * render it causes.
 */
const HOVER_PROBE = `async function (count) {
  const atlas = window.__atlas;
  const total = atlas.totalCount().nodes;
  const ids = [];
  for (let i = 0; i < count; i++) ids.push('p' + Math.floor(((i * 7919) % count) * (total / count)));
  function nextRender(before) {
    return new Promise(function (done) {
      function check() { if (atlas.renderer().renders > before) done(); else requestAnimationFrame(check); }
      check();
    });
  }
  const hover = [];
  const unhover = [];
  for (const id of ids) {
    for (const [target, out] of [[id, hover], [null, unhover]]) {
      const before = atlas.renderer().renders;
      const t0 = performance.now();
      atlas.hover(target);
      await nextRender(before);
      out.push(performance.now() - t0);
      await new Promise(function (r) { setTimeout(r, 0); });
    }
  }
  return { hover, unhover };
}`;

interface Result {
  name: string;
  nodes: number;
  edges: number;
  firstFrame: number[];
  hover?: number[];
  unhover?: number[];
}

async function measure(browser: Browser, url: string, name: string, hovers: number): Promise<Result> {
  const result: Result = { name, nodes: 0, edges: 0, firstFrame: [] };
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    // poll with string evaluations: the page's CSP forbids eval, and bundler helpers must not leak in
    const deadline = Date.now() + 120_000;
    while (!(await page.evaluate("!!window.__atlas && (window.__atlas.status() === 'error' || (!!window.__atlas.renderer() && window.__atlas.renderer().firstRenderAt !== null))"))) {
      if (Date.now() > deadline) throw new Error(`${name}: no first frame after 120 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const status = (await page.evaluate('[window.__atlas.status(), window.__atlas.error()]')) as [string, string | null];
    if (status[0] !== 'ready') throw new Error(`${name}: the app did not start: ${status[1]}`);
    result.firstFrame.push((await page.evaluate('window.__atlas.renderer().firstRenderAt')) as number);
    console.log(`  ${name}: load ${run + 1}/${RUNS}, first frame ${fmt(result.firstFrame.at(-1)!)}`);
    const counts = (await page.evaluate('window.__atlas.totalCount()')) as { nodes: number; edges: number };
    result.nodes = counts.nodes;
    result.edges = counts.edges;
    if (run === RUNS - 1 && hovers > 0) {
      const lat = (await page.evaluate(`(${HOVER_PROBE})(${hovers})`)) as { hover: number[]; unhover: number[] };
      result.hover = lat.hover;
      result.unhover = lat.unhover;
    }
    await page.close();
  }
  return result;
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/index.html is missing: run `npm run build` first.');
  mkdirSync(CACHE, { recursive: true });
  console.log('Generating synthetic graphs (cached in .cache/bench-app/)…');
  const files = SIZES.map((n) => ({ n, file: graphFor(n, Number(values.seed)) }));
  const server = await startStaticServer('dist', { '/bench/': CACHE });
  const browser = await launchBrowser();
  const results: Result[] = [];
  try {
    if (existsSync('dist/graph.json')) {
      results.push(await measure(browser, `${server.url}/`, 'bundled graph.json', 0));
    } else {
      console.log('dist/graph.json is missing (run `npm run build:graph` then `npm run build`): skipping the bundled graph.');
    }
    for (const { n, file } of files) {
      const name = file.split('/').pop()!;
      const r = await measure(browser, `${server.url}/?graph=bench/${name}`, `synthetic ${n.toLocaleString('en')}`, hoversFor(n));
      results.push(r);
      if (r.hover) console.log(`  ${r.name}: hover ${fmt(median(r.hover))} median (p90 ${fmt(pct(r.hover, 90))}), un-hover ${fmt(median(r.unhover ?? []))}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nHeadless Chromium (software WebGL), 1280×800; ${RUNS} page loads per graph, ${HOVERS} hovers at 1k nodes, fewer on larger graphs (${SIZES.map((n) => `${hoversFor(n)} at ${n}`).join(', ')}); median, p90.`);
  console.log('graph                  nodes    edges   first frame (median of loads)   hover highlight   un-hover');
  for (const r of results) {
    const hover = r.hover ? `${fmt(median(r.hover))} (p90 ${fmt(pct(r.hover, 90))})` : '—';
    const unhover = r.unhover ? `${fmt(median(r.unhover))} (p90 ${fmt(pct(r.unhover, 90))})` : '—';
    console.log(
      `${r.name.padEnd(22)} ${String(r.nodes).padStart(6)} ${String(r.edges).padStart(8)}   ${fmt(median(r.firstFrame)).padEnd(30)}  ${hover.padEnd(26)} ${unhover}`,
    );
  }
  const bundled = results.find((r) => r.name.startsWith('bundled'));
  const tenK = results.find((r) => r.nodes === 10_000);
  console.log('\nTargets:');
  if (bundled) console.log(`  bundled graph first frame < 1000 ms: ${median(bundled.firstFrame) < 1000 ? 'met' : 'NOT met'} (${fmt(median(bundled.firstFrame))})`);
  if (tenK?.hover) console.log(`  hover < 16 ms median at 10k nodes: ${median(tenK.hover) < 16 ? 'met' : 'NOT met'} (${fmt(median(tenK.hover))})`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
