/** The bundled graph (dist/graph.json, from `npm run build:graph`): the default view opens on it. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser';
import { graphPixels, inkShare, openAtlas } from './atlas';

const BUNDLED = 'dist/graph.json';
const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe.skipIf(!existsSync(BUNDLED))('bundled graph', () => {
  it('opens graph.json by default: every paper counted, drawn, with a legend by family', async () => {
    const file = JSON.parse(readFileSync(BUNDLED, 'utf8')) as {
      meta: { dataset: { name: string } };
      graph: { nodes: unknown[]; edges: unknown[] };
    };
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    expect(await page.evaluate(() => window.__atlas!.error())).toBeNull();
    expect(await page.evaluate(() => window.__atlas!.totalCount())).toEqual({
      nodes: file.graph.nodes.length,
      edges: file.graph.edges.length,
    });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(file.meta.dataset.name);
    await page.waitForFunction(() => (window.__atlas!.renderer()?.renders ?? 0) > 0);
    expect(inkShare(await graphPixels(page))).toBeGreaterThan(0.02);
    const legend = await page.getByRole('region', { name: 'Legend' }).getByRole('button').allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(3);
    expect(legend.some((t) => t.startsWith('Diffusion'))).toBe(true);
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });
});
