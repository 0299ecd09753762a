/**
 * The preview (src/render/preview.ts). A big graph opened through its compact form, 6,000 synthetic
 * papers and their links (written to tests/fixtures/generated/preview/ for this file, with the
 * compact form `build:graph` writes), shows its papers by WebGL before the graph model is built,
 * where and in the colours the full frame then draws them; the preview goes when sigma's first
 * render, drawn over several frames, is whole. A small graph's (the bundled one) is drawn on a 2D
 * canvas before sigma's code has run, and goes when sigma's first render is on screen. The boot is
 * held while the preview shows (its next animation frame waits for the test), so the test sees it
 * whatever the machine's speed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writeCompactForm } from '../../scripts/lib/build-io';
import { emptyDatasetsFile, nextDatasetsFile, stringifyDatasetsFile } from '../../src/data/datasets-list';
import { parseGraphFile } from '../../src/graph/load';
import { SLICED_FROM_ITEMS } from '../../src/render/slices';
import { syntheticGraphFile } from '../fixtures/graph-files';
import { collectProblems, graphPixels, nodeOnScreen, type Pixels } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const DIR = 'tests/fixtures/generated/preview';
const N = 6000;

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, 'preview.json');
  const file = syntheticGraphFile(N, 5);
  writeFileSync(path, JSON.stringify(file));
  const { graph, meta } = parseGraphFile(file, path);
  const entry = writeCompactForm(path, graph, meta);
  const list = nextDatasetsFile(emptyDatasetsFile(), 'preview.json', entry, ['preview.json']);
  // a denser graph of over SLICED_FROM_ITEMS papers and links, which sigma indexes in slices
  const densePath = join(DIR, 'dense.json');
  const dense = syntheticGraphFile(N, 6, 17);
  writeFileSync(densePath, JSON.stringify(dense));
  const built = parseGraphFile(dense, densePath);
  const denseEntry = writeCompactForm(densePath, built.graph, built.meta);
  const both = nextDatasetsFile(list, 'dense.json', denseEntry, ['preview.json', 'dense.json']);
  denseTitles = new Map(dense.graph.nodes.map((n) => [n.key, String(n.attributes?.title)]));
  // the same big graph with its side table cut short, as a broken download leaves it
  const brokenPath = join(DIR, 'broken.json');
  writeFileSync(brokenPath, JSON.stringify(dense));
  const brokenEntry = writeCompactForm(brokenPath, built.graph, built.meta);
  const side = readFileSync(join(DIR, 'broken.side.json'), 'utf8');
  writeFileSync(join(DIR, 'broken.side.json'), side.slice(0, Math.floor(side.length * 0.6)));
  const all = nextDatasetsFile(both, 'broken.json', brokenEntry, [
    'preview.json',
    'dense.json',
    'broken.json',
  ]);
  writeFileSync(join(DIR, 'datasets.json'), stringifyDatasetsFile(all));
});

let denseTitles = new Map<string, string>();

/** A paper of the dense graph selected: its details show its title, which only the side table has. */
async function expectPaperDetails(page: Page): Promise<void> {
  const [id] = await page.evaluate(() => window.__atlas!.sampleNodes(1));
  await page.evaluate((node) => window.__atlas!.select(node!), id);
  const details = page.getByRole('region', { name: 'Paper details' });
  await expect(details.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(denseTitles.get(id!));
}

/**
 * Before any page script: logs the canvas class of every WebGL draw that draws something, and holds
 * the animation frame the boot waits for after drawing the preview (`atlas:preview`) until
 * `__releasePreview()`.
 */
const PROBE = `(() => {
  const w = window;
  w.__draws = [];
  w.__previewHeld = false;
  let release = null;
  w.__releasePreview = () => release && release();
  for (const C of [w.WebGLRenderingContext, w.WebGL2RenderingContext]) {
    const f = C.prototype.drawArrays;
    C.prototype.drawArrays = function (mode, first, count) {
      if (count > 0 && w.__draws.length < 50) w.__draws.push(this.canvas.className);
      return f.apply(this, arguments);
    };
  }
  // when the preview canvas leaves the page
  w.__previewGoneAt = null;
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.removedNodes)
        if (n.classList && n.classList.contains('graph-preview')) w.__previewGoneAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, ...rest) {
    const r = mark(name, ...rest);
    if (name === 'atlas:preview') {
      const raf = w.requestAnimationFrame;
      w.requestAnimationFrame = (cb) => {
        w.requestAnimationFrame = raf;
        return raf(() => {
          w.__previewHeld = true;
          new Promise((resolve) => (release = resolve)).then(() => cb(performance.now()));
        });
      };
    }
    return r;
  };
})();`;

async function openHeld(graph: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  await page.addInitScript(PROBE);
  await page.goto(`${baseUrl}/?graph=${graph}`);
  return { page, problems };
}

/** Opens `graph` and waits until the boot is held at its preview: the preview alone, sigma not set up yet. */
async function openHeldAtPreview(graph: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openHeld(graph);
  const { page } = opened;
  await page.waitForFunction(() => (window as unknown as { __previewHeld: boolean }).__previewHeld, null, {
    timeout: 60_000,
  });
  expect(await page.locator('.graph canvas.graph-preview').count()).toBe(1);
  expect(await page.locator('.graph canvas.sigma-nodes').count()).toBe(0);
  return opened;
}

const ready = (page: Page) =>
  page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 60_000 });

function pixel(px: Pixels, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * px.width + Math.round(x)) * 4;
  return [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
}
const close = (a: number[], b: number[], tolerance: number) =>
  a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/**
 * Each paper's centre: painted in the preview, and the same colour in the full frame (its links lie
 * beneath; a label may cover a few).
 */
async function expectSameCentres(page: Page, preview: Pixels, full: Pixels): Promise<void> {
  const ids = await page.evaluate(() => window.__atlas!.sampleNodes(120));
  let same = 0;
  let painted = 0;
  let onScreen = 0;
  const background = pixel(preview, 3, 3);
  for (const id of ids) {
    const { canvas } = await nodeOnScreen(page, id);
    if (canvas.x < 2 || canvas.y < 2 || canvas.x > full.width - 3 || canvas.y > full.height - 3) continue;
    onScreen += 1;
    const a = pixel(preview, canvas.x, canvas.y);
    if (!close(a, background, 8)) painted += 1;
    if (close(a, pixel(full, canvas.x, canvas.y), 24)) same += 1;
  }
  expect(onScreen).toBeGreaterThan(100);
  expect(painted / onScreen).toBeGreaterThan(0.95);
  expect(same / onScreen).toBeGreaterThan(0.85);
}

describe('the preview', () => {
  it('of a big graph shows the papers by WebGL before the model is built, where and as the full frame draws them, then goes', async () => {
    const { page, problems } = await openHeldAtPreview('fixtures/generated/preview/preview.json');
    const preview = await graphPixels(page);
    await page.evaluate(() => (window as unknown as { __releasePreview: () => void }).__releasePreview());
    await ready(page);
    // it goes once sigma's first render, drawn over several frames, is whole
    await page.locator('.graph canvas.graph-preview').waitFor({ state: 'detached', timeout: 30_000 });
    // not before: the first render draws the papers over several frames, on top of the preview
    const { goneAt, completeAt } = await page.evaluate(() => ({
      goneAt: (window as unknown as { __previewGoneAt: number | null }).__previewGoneAt,
      completeAt: window.__atlas!.renderer()!.drawing?.firstCompleteAt ?? null,
    }));
    expect(completeAt).not.toBeNull();
    expect(goneAt).toBeGreaterThanOrEqual(completeAt!);
    const draws = await page.evaluate(() => (window as unknown as { __draws: string[] }).__draws);
    expect(draws[0]).toBe('graph-preview');
    expect(draws.slice(1)).toContain('sigma-nodes');
    expect(draws.slice(1)).not.toContain('graph-preview');
    await expectSameCentres(page, preview, await graphPixels(page));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("indexes the big graph in slices into the buffers sigma's own refresh makes", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectProblems(page);
    await page.goto(`${baseUrl}/?graph=fixtures/generated/preview/dense.json`);
    await ready(page);
    const { nodes, edges } = await page.evaluate(() => window.__atlas!.totalCount());
    expect(nodes + edges).toBeGreaterThanOrEqual(SLICED_FROM_ITEMS);
    const sliced = await page.evaluate(() => window.__atlas!.indexing());
    expect(sliced?.sliced).toBe(true);
    // sigma's own full refresh, at once, over the same renderer
    await page.evaluate(() => window.__atlas!.refreshRenderer());
    const own = await page.evaluate(() => window.__atlas!.indexing());
    expect(Object.keys(sliced!.digest).length).toBeGreaterThanOrEqual(9);
    expect(sliced!.digest).toEqual(own!.digest);
    // and what shows: a paper's neighbourhood on hover, as usual
    const [id] = await page.evaluate(() => window.__atlas!.sampleNodes(1));
    await page.evaluate((node) => window.__atlas!.hover(node!), id);
    await page.waitForFunction((node) => window.__atlas!.nodeDisplay(node!)?.highlighted === true, id);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("has a big graph's side table read by a worker from the start: the page never downloads it, and a paper's details show", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectProblems(page);
    await page.goto(`${baseUrl}/?graph=fixtures/generated/preview/dense.json`);
    await ready(page);
    const downloaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()),
    );
    expect(downloaded).toContain('dense.bin');
    expect(downloaded).not.toContain('dense.side.json');
    expect(downloaded).not.toContain('dense.json');
    await expectPaperDetails(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("falls back to a big graph's file when the side table the worker reads is cut short: a warning naming the file, no error screen", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectProblems(page);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${baseUrl}/?graph=fixtures/generated/preview/broken.json`);
    await ready(page);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(warnings.filter((w) => /compact form/.test(w))).toEqual([
      expect.stringMatching(
        /^The compact form could not be used, loading the graph file instead: broken\.side\.json: (line \d+: )?is not valid JSON \(truncated or corrupted\?\)/,
      ),
    ]);
    const { nodes } = await page.evaluate(() => window.__atlas!.totalCount());
    expect(nodes).toBe(N);
    await expectPaperDetails(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("of a small graph is drawn on a 2D canvas before sigma's, and goes once sigma's first render shows", async () => {
    const { page, problems } = await openHeldAtPreview('graph.json');
    // not drawn by WebGL
    expect(await page.evaluate(() => (window as unknown as { __draws: string[] }).__draws)).toEqual([]);
    const preview = await graphPixels(page);
    await page.evaluate(() => (window as unknown as { __releasePreview: () => void }).__releasePreview());
    await ready(page);
    await page.locator('.graph canvas.graph-preview').waitFor({ state: 'detached', timeout: 30_000 });
    // not before sigma's first render is on its canvases (render/deferred-present.ts)
    const { goneAt, presentAt } = await page.evaluate(() => ({
      goneAt: (window as unknown as { __previewGoneAt: number | null }).__previewGoneAt,
      presentAt: window.__atlas!.renderer()!.firstPresentAt ?? null,
    }));
    expect(presentAt).not.toBeNull();
    expect(goneAt).toBeGreaterThanOrEqual(presentAt!);
    expect(await page.evaluate(() => (window as unknown as { __draws: string[] }).__draws)).not.toContain(
      'graph-preview',
    );
    await expectSameCentres(page, preview, await graphPixels(page));
    expect(problems).toEqual([]);
    await page.close();
  });
});
