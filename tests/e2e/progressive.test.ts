/**
 * A big graph drawn over several frames (src/render/progressive-draws.ts): a graph of 6,000
 * synthetic papers and their links (over PROGRESSIVE_FROM_ITEMS papers and links, written to
 * tests/fixtures/generated/progressive/) is drawn a budget of items a frame, into the same picture
 * that one frame draws, every paper in the first; a hover meanwhile does not start the drawing
 * over; a small graph is drawn in one frame as before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writeCompactForm } from '../../scripts/lib/build-io';
import { emptyDatasetsFile, nextDatasetsFile, stringifyDatasetsFile } from '../../src/data/datasets-list';
import { parseGraphFile } from '../../src/graph/load';
import { MOST_FRAMES, PROGRESSIVE_FROM_ITEMS } from '../../src/render/draw-budget';
import type { RendererStats } from '../../src/render/renderer';
import { syntheticGraphFile } from '../fixtures/graph-files';
import { collectProblems, differingShare, graphPixels, inkShare } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const DIR = 'tests/fixtures/generated/progressive';
const GRAPH = 'fixtures/generated/progressive/big.json';

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, 'big.json');
  const file = syntheticGraphFile(6000, 7);
  writeFileSync(path, JSON.stringify(file));
  const { graph, meta } = parseGraphFile(file, path);
  const entry = writeCompactForm(path, graph, meta);
  writeFileSync(
    join(DIR, 'datasets.json'),
    stringifyDatasetsFile(nextDatasetsFile(emptyDatasetsFile(), 'big.json', entry, ['big.json'])),
  );
});

const drawing = (page: Page): Promise<RendererStats['drawing']> =>
  page.evaluate(() => window.__atlas!.renderer()!.drawing);

async function open(graph: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  await page.goto(`${baseUrl}/?graph=${graph}`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 60_000 });
  return { page, problems };
}

// the first render is drawn whole and shown once rasterised (src/render/deferred-present.ts);
// later renders are drawn a budget at a time
const drawnWhole = (page: Page) =>
  page.waitForFunction(
    () => {
      const r = window.__atlas!.renderer()!;
      const d = r.drawing;
      return !!d && !d.pending && d.firstCompleteAt !== null && r.firstPresentAt !== null;
    },
    null,
    { timeout: 60_000 },
  );

interface Layer {
  ink: number;
  hash: number;
}
type Layers = { nodes: Layer; edges: Layer };

/** In the page: what sigma's nodes and links layers hold now (painted pixels and a hash of them). */
const LAYERS = `() => {
  const read = (name) => {
    const canvas = document.querySelector('.graph canvas.sigma-' + name);
    const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    const px = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
    let ink = 0;
    let hash = 0x811c9dc5;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] > 0) ink++;
      hash = Math.imul(hash ^ (px[i] | (px[i + 1] << 8) | (px[i + 2] << 16) | (px[i + 3] << 24)), 0x01000193) >>> 0;
    }
    return { ink, hash };
  };
  return { nodes: read('nodes'), edges: read('edges') };
}`;

describe('a big graph drawn over several frames', () => {
  it('draws it a budget at a time into the picture one frame draws', async () => {
    const { page, problems } = await open(GRAPH);
    const { nodes, edges } = await page.evaluate(() => window.__atlas!.totalCount());
    expect(nodes + edges).toBeGreaterThanOrEqual(PROGRESSIVE_FROM_ITEMS);
    await drawnWhole(page);
    // the side table's attributes may redraw the graph once more after the first render
    await page.waitForTimeout(500);
    await drawnWhole(page);
    const progressive = await graphPixels(page);
    expect(inkShare(progressive)).toBeGreaterThan(0.02);

    // a small budget: the render is still drawing when it returns, then ends within MOST_FRAMES
    const pending = await page.evaluate(() => {
      window.__atlas!.drawBudget(1024);
      window.__atlas!.refreshRenderer();
      return window.__atlas!.renderer()!.drawing!.pending;
    });
    expect(pending).toBe(true);
    await drawnWhole(page);
    const frames = (await drawing(page))!.framesOfLast;
    expect(frames).toBeGreaterThan(1);
    expect(frames).toBeLessThanOrEqual(MOST_FRAMES + 1);
    expect(differingShare(await graphPixels(page), progressive)).toBe(0);

    // the whole graph in one frame: the same picture
    await page.evaluate(() => {
      window.__atlas!.drawBudget(1e9);
      window.__atlas!.refreshRenderer();
    });
    await drawnWhole(page);
    expect((await drawing(page))!.framesOfLast).toBe(1);
    expect(differingShare(await graphPixels(page), progressive)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws every paper in the first frame of a render, and the links after', async () => {
    const { page, problems } = await open(GRAPH);
    await drawnWhole(page);
    const first = (await page.evaluate(`(() => {
      window.__atlas.drawBudget(1024);
      window.__atlas.refreshRenderer();
      return { layers: (${LAYERS})(), pending: window.__atlas.renderer().drawing.pending };
    })()`)) as { layers: Layers; pending: boolean };
    expect(first.pending).toBe(true);
    await drawnWhole(page);
    const last = (await page.evaluate(`(${LAYERS})()`)) as Layers;
    expect(last.nodes.ink).toBeGreaterThan(1000);
    expect(first.layers.nodes).toEqual(last.nodes);
    expect(first.layers.edges.ink).toBeLessThan(last.edges.ink / 2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets a hover through while it draws, without starting over', async () => {
    const { page, problems } = await open(GRAPH);
    await drawnWhole(page);
    const before = await page.evaluate(() => window.__atlas!.renderer()!.graphRenders);
    const [id] = await page.evaluate(() => window.__atlas!.sampleNodes(1));
    const pending = await page.evaluate((node) => {
      window.__atlas!.drawBudget(1024);
      window.__atlas!.refreshRenderer();
      window.__atlas!.hover(node!);
      return window.__atlas!.renderer()!.drawing!.pending;
    }, id);
    expect(pending).toBe(true);
    await page.waitForFunction((node) => window.__atlas!.nodeDisplay(node!)?.highlighted === true, id);
    await drawnWhole(page);
    const after = await page.evaluate(() => window.__atlas!.renderer()!);
    // the refresh's render alone: the hover drew its own layers
    expect(after.graphRenders).toBe(before + 1);
    expect(after.drawing!.framesOfLast).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws a small graph in one frame, as sigma does', async () => {
    const { page, problems } = await open('fixtures/compact/good.json');
    expect(await page.evaluate(() => window.__atlas!.renderer()!.drawing)).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });
});
