/**
 * A graph built with `--expand` as a person sees it: the legend's "Outside the list" entry, works
 * outside the list drawn as rings, the details' reason for each, and an outside work in the lineage
 * of a paper of the list. Built from tests/fixtures/graph-data/expand (its cache names the works; the
 * expected answer is worked out in tests/unit/build/expand.test.ts) like `npm run build:graph
 * -- --expand 10`, and served at a fixture path.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readGraphData } from '../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../src/graph/build/build';
import { serializeGraphFile } from '../../src/graph/serialize';
import { graphPixels, hexToRgb, nodeOnScreen, pixelsNear } from './atlas';
import { exportItem } from './export-helpers';
import { useBrowser } from './use-browser';

const browser = useBrowser();
const RESNET = '1512.03385';
const GAN = 'doi-10-5555-gan';
const DELTA = '2304.00004';
const BETA = '2302.00002';
let graphText = '';

beforeAll(() => {
  const { graph, meta } = buildGraph(readGraphData('tests/fixtures/graph-data/expand'), { expand: 10 });
  graphText = serializeGraphFile(graph, meta);
});

async function open(query = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route(
    (url) => url.pathname === '/fixtures/graphs/expanded.json',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: graphText }),
  );
  await page.goto(`${inject('baseUrl')}/?graph=/fixtures/graphs/expanded.json${query}`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
  return { page, errors };
}

const details = (page: Page) => page.getByRole('region', { name: 'Paper details' });
const display = (page: Page, id: string) => page.evaluate((n) => window.__atlas!.nodeDisplay(n)!, id);

describe('works outside the list in the explorer', () => {
  it('the legend has an entry for them, with the count the filters show', async () => {
    const { page, errors } = await open();
    const legend = page.getByRole('region', { name: 'Legend' });
    const entry = legend.getByTestId('legend-outside');
    expect(await entry.locator('.legend-label').textContent()).toBe('Outside the list');
    expect(await entry.locator('.legend-count').textContent()).toBe('7');
    expect(await entry.getAttribute('title')).toContain('papers of the list cite them');
    expect(errors).toEqual([]);
    await page.close();

    // a year range leaves GAN (2014), ResNet (2016) and Attention (2017)
    const filtered = await open('&years=2014-2017');
    const count = filtered.page.getByTestId('legend-outside').locator('.legend-count');
    expect(await count.textContent()).toBe('3');
    expect(filtered.errors).toEqual([]);
    await filtered.page.close();
  });

  it('draws them as rings: their colour around the edge, not at the centre', async () => {
    const { page, errors } = await open();
    // community colours are vivid (the topic colouring leaves outside works grey, like unlabelled papers)
    await page.getByRole('combobox', { name: 'Color by' }).selectOption('community');
    await page.waitForFunction(() => window.__atlas!.state()?.colorBy === 'community');
    await page.waitForTimeout(300);
    const px = await graphPixels(page);
    for (const [id, ring] of [
      [RESNET, true],
      [GAN, true],
      [BETA, false],
    ] as const) {
      const d = await display(page, id);
      const at = (await nodeOnScreen(page, id)).canvas;
      const colour = hexToRgb(d.color);
      const centre = pixelsNear(px, at.x, at.y, 1, colour);
      const disc = pixelsNear(px, at.x, at.y, d.size, colour);
      expect(disc, id).toBeGreaterThan(4);
      if (ring) expect(centre, id).toBe(0);
      else expect(centre, id).toBeGreaterThan(0);
    }
    // hovered, above the veil, a ring is still a ring
    await page.evaluate((n) => window.__atlas!.hover(n), RESNET);
    await page.waitForFunction((n) => window.__atlas!.nodeDisplay(n)!.highlighted, RESNET);
    const hovered = await graphPixels(page);
    const d = await display(page, RESNET);
    const at = (await nodeOnScreen(page, RESNET)).canvas;
    expect(pixelsNear(hovered, at.x, at.y, d.size, hexToRgb(d.color))).toBeGreaterThan(4);
    expect(pixelsNear(hovered, at.x, at.y, 1, hexToRgb(d.color))).toBe(0);
    await page.screenshot({ path: '/tmp/expand-rings.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the SVG export draws them as rings too, and the papers of the list as discs', async () => {
    const { page, errors } = await open();
    const { bytes } = await exportItem(page, 'SVG');
    const svg = bytes.toString('utf8');
    const start = svg.indexOf('<g id="nodes">');
    const circles = svg.slice(start, svg.indexOf('</g>', start)).match(/<circle[^>]*\/>/g) ?? [];
    const rings = circles.filter((c) => c.includes('stroke-width='));
    // the 7 outside works the legend counts, each a rim around a faint centre; the rest discs
    expect(rings).toHaveLength(7);
    for (const r of rings) expect(r).toMatch(/fill-opacity="0\.\d+"/);
    // the frame's legend keys them as the explorer's does
    expect(svg).toMatch(/>Outside the list<\/text>\n<text[^>]*text-anchor="end">7<\/text>/);
    expect(circles.length - rings.length).toBe(
      await page.evaluate(() => window.__atlas!.visibleCount().nodes - 7),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the details say why a work was added', async () => {
    const { page, errors } = await open();
    await page.evaluate((id) => window.__atlas!.select(id), RESNET);
    const d = details(page);
    await d
      .getByRole('heading', { level: 2, name: 'Deep Residual Learning for Image Recognition' })
      .waitFor();
    expect(await d.locator('.la-details-outside').textContent()).toBe(
      'Outside the list · cited by 4 papers of the list',
    );
    expect(await d.locator('.la-details-venue').textContent()).toBe('2016');
    const links = await d.getByRole('navigation', { name: 'Links' }).getByRole('link').allTextContents();
    expect(links).toEqual(['arXiv', 'DOI', 'OpenAlex', 'Semantic Scholar']);

    // a paper of the list says nothing of the kind
    await page.evaluate((id) => window.__atlas!.select(id), DELTA);
    await d.getByRole('heading', { level: 2, name: /Delta/ }).waitFor();
    expect(await d.locator('.la-details-outside').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an outside work is among a selected paper's ancestors, on the graph and in the lineage view", async () => {
    const { page, errors } = await open();
    await page.evaluate((id) => window.__atlas!.select(id), DELTA);
    const lineage = page.getByRole('region', { name: 'Lineage' });
    // at the default depth (2): Delta cites Beta, Gamma and five works outside the list; they cite
    // Alpha and the outside work aaa111 besides
    await lineage.locator('.la-lineage-counts', { hasText: 'ancestor' }).waitFor();
    expect(await lineage.locator('.la-lineage-counts').textContent()).toMatch(/\b9 ancestors\b/);
    for (const id of [RESNET, GAN, BETA]) {
      expect((await display(page, id)).highlighted, id).toBe(true);
      expect(await lineage.locator(`[data-id="${id}"]`).count(), id).toBeGreaterThan(0);
    }
    // and the list's papers among the outside work's descendants: Alpha, Beta, Delta cite it, Gamma cites Alpha
    await page.evaluate((id) => window.__atlas!.select(id), GAN);
    await lineage.locator('.la-lineage-counts', { hasText: 'descendant' }).waitFor();
    expect(await lineage.locator('.la-lineage-counts').textContent()).toMatch(/\b4 descendants\b/);
    expect((await display(page, DELTA)).highlighted).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the timeline places them by year, and the clusters column counts them in their communities', async () => {
    const { page, errors } = await open();
    await page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Timeline' }).check();
    await page.waitForFunction(
      () => window.__atlas!.state()!.layout === 'timeline' && !window.__atlas!.layoutAnimating(),
      null,
      {
        timeout: 10_000,
      },
    );
    // 2012 (nnn) on the left of 2016 (ResNet), left of 2023 (the list's papers)
    const x = async (id: string) => (await page.evaluate((n) => window.__atlas!.position(n)!, id)).x;
    expect(await x('s2-nnn')).toBeLessThan(await x(RESNET));
    expect(await x(RESNET)).toBeLessThan(await x(DELTA));

    await page.getByRole('button', { name: 'Clusters' }).click();
    const clusters = page.getByRole('region', { name: 'Clusters' });
    await clusters.locator('.community-label').first().waitFor();
    const communities = await clusters
      .getByRole('list', { name: 'Communities' })
      .getByRole('button')
      .allTextContents();
    // 11 papers in all: the 4 of the list and the 7 outside it
    const sizes = communities.map((t) => Number(/(\d+) papers?/.exec(t)?.[1] ?? 0));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(11);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search finds an outside work by its title', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: 'Search papers' }).fill('residual learning');
    const option = page.getByRole('listbox').getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Deep Residual Learning');
    await page.close();
  });
});
