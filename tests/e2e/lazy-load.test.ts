/**
 * Code loaded on first use (issue 15): the Export menu, the Clusters column, the file readers, the
 * lineage and the Timeline layout are chunks of their own, requested only when first used; each then
 * works, and nothing logs a console error or fails to load.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const FOREIGN = join(__dirname, '../fixtures/foreign');

/** The chunks of the lazily loaded parts (Vite names a chunk after its entry module). */
const CHUNKS = {
  export: /\/assets\/export-menu-[\w-]+\.js$/,
  clusters: /\/assets\/clusters-panel-[\w-]+\.js$/,
  lineage: /\/assets\/lineage-panel-[\w-]+\.js$/,
  timeline: /\/assets\/timeline-[\w-]+\.js$/,
  readers: /\/assets\/open-async-[\w-]+\.js$/,
};

describe('code loaded on first use', () => {
  it('loads the Export menu, Clusters, lineage, Timeline and the file readers when first used, without errors', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectProblems(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const loaded = (re: RegExp) => scripts.some((u) => re.test(u));
    await page.goto(`${baseUrl}/?graph=fixtures/graphs/small.json`);
    await page.waitForFunction(
      () => window.__atlas?.status() === 'ready' && (window.__atlas.renderer()?.renders ?? 0) > 0,
      null,
      { timeout: 20_000 },
    );
    // the filters mount once the page is idle
    await page
      .getByRole('group', { name: 'Publication year' })
      .or(page.locator('[data-panel="filters"] *').first())
      .first()
      .waitFor();
    for (const [part, re] of Object.entries(CHUNKS))
      expect(loaded(re), `${part} loaded before use`).toBe(false);

    // Export: one click on the button loads the menu and opens it
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: /^SVG/ }).waitFor();
    expect(loaded(CHUNKS.export)).toBe(true);
    await page.keyboard.press('Escape');

    // Clusters: the column lists the communities
    await page.getByRole('button', { name: 'Clusters' }).click();
    await page.getByRole('region', { name: 'Clusters' }).locator('.community-label').first().waitFor();
    expect(loaded(CHUNKS.clusters)).toBe(true);

    // lineage: selecting a paper shows its Lineage region
    await page.evaluate(() => window.__atlas!.select(window.__atlas!.sampleNodes(1)[0]!));
    await page.getByRole('region', { name: 'Lineage' }).waitFor();
    expect(loaded(CHUNKS.lineage)).toBe(true);
    await page.keyboard.press('Escape');

    // Timeline: the papers move, and come back to rest
    await page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Timeline' }).check();
    await page.waitForFunction(() => window.__atlas!.layoutAnimating());
    await page.waitForFunction(() => !window.__atlas!.layoutAnimating());
    expect(loaded(CHUNKS.timeline)).toBe(true);

    // Open file: the readers load and the GraphML file replaces the graph
    const title = await page.title();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open file…' }).click(),
    ]);
    await chooser.setFiles(join(FOREIGN, 'citations.graphml'));
    await page.waitForFunction((before) => document.title !== before, title, { timeout: 20_000 });
    expect(loaded(CHUNKS.readers)).toBe(true);

    await page.waitForTimeout(300); // late errors
    expect(problems).toEqual([]);
    await page.close();
  });
});
