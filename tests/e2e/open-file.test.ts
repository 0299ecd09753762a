/**
 * Opening a graph file made elsewhere (the GEXF and GraphML networkx wrote in tests/fixtures/foreign/)
 * with "Open file…" and by dropping it on the page: it is explored with the same tools (colour by its
 * categorical attributes, size by its numeric ones, search over its labels, details of its
 * attributes); a malformed file or one over the size limit gets an alert and the graph stays.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems, graphPixels, hexToRgb, nodeOnScreen, openAtlas, pixelsNear } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The drawer's linked papers (after the details and the lineage). */
const linked = (page: Page) => page.getByRole('region', { name: 'Linked papers' });
const FOREIGN = join(__dirname, '../fixtures/foreign');

/** Chooses a file with the header's "Open file…" button, as a person does. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open file…' }).click(),
  ]);
  await chooser.setFiles(path);
}

/** Drops a file on the page: its bytes fetched from the test server, or `text`, or `size` zero bytes, in a real DataTransfer. */
async function dropFile(
  page: Page,
  name: string,
  source: { url?: string; text?: string; size?: number },
): Promise<void> {
  await page.evaluate(
    async ({ name, url, text, size }) => {
      const body = url
        ? await (await fetch(url)).blob()
        : new Blob(text !== undefined ? [text] : [new Uint8Array(size ?? 0)]);
      const dt = new DataTransfer();
      dt.items.add(new File([body], name));
      const target = document.querySelector('.graph')!;
      for (const type of ['dragenter', 'dragover'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      if (document.querySelector('.drop-overlay')!.hasAttribute('hidden'))
        throw new Error('no drop overlay while dragging');
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, url: source.url, text: source.text, size: source.size },
  );
}

const title = (page: Page) => page.locator('.app-header .title').textContent();

describe('opening a graph file made elsewhere', () => {
  it("opens networkx's GEXF of the karate club and explores it with the same tools", async () => {
    const page = await openAtlas(browser(), baseUrl);
    const problems = collectProblems(page);
    await chooseFile(page, join(FOREIGN, 'karate.gexf'));
    await expect.poll(() => title(page)).toBe("Zachary's karate club");
    expect(await page.title()).toBe("Zachary's karate club · Lineage Atlas");
    // read and converted in a worker, under the page's CSP (no console errors, see below)
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /open-worker/.test(e.name)),
      ),
    ).toBe(true);
    expect(await page.getByTestId('counts').textContent()).toBe('34 nodes of 34 · 78 links of 78');
    // a local file has no link: the address drops the last graph's parameters, and Copy link is off
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('button', { name: 'Copy link' }).isDisabled()).toBe(true);

    // colour by: the file's own colours first, then its categorical attribute; no year in this file
    const colorBy = page.getByRole('combobox', { name: 'Color by' });
    expect(await colorBy.locator('option').allTextContents()).toEqual([
      'Colour in file',
      'club',
      'Community (Louvain)',
    ]);
    const legend = page.getByRole('region', { name: 'Legend' });
    await colorBy.selectOption({ label: 'club' });
    await expect.poll(() => legend.getByRole('button').allTextContents()).toEqual(['Mr. Hi17', 'Officer17']);
    const officer = await page.evaluate(() => window.__atlas!.nodeDisplay('33')!.color);
    const mrHi = await page.evaluate(() => window.__atlas!.nodeDisplay('0')!.color);
    expect(officer).not.toBe(mrHi);
    const px = await graphPixels(page);
    const n33 = await nodeOnScreen(page, '33');
    expect(pixelsNear(px, n33.canvas.x, n33.canvas.y, 3, hexToRgb(officer))).toBeGreaterThan(0);

    // size by a numeric attribute: the best-connected member is drawn biggest
    const sizeBy = page.getByRole('combobox', { name: 'Size by' });
    expect(await sizeBy.locator('option').allTextContents()).toEqual([
      'Links',
      'PageRank',
      'Uniform',
      'Size in file',
      'degree',
      'centrality',
    ]);
    await sizeBy.selectOption({ label: 'degree' });
    const sizes = await page.evaluate(() =>
      ['33', '0', '11'].map((id) => window.__atlas!.nodeDisplay(id)!.size),
    );
    expect(sizes[0]).toBeGreaterThan(sizes[1]!); // degree 17 > 16
    expect(sizes[1]).toBeGreaterThan(sizes[2]!); // 16 > 1

    // no years: no year filter, no timeline
    const filters = page.getByRole('region', { name: 'Filters' });
    // once the filters are mounted (when the page is idle, ui/panels.ts): its own dimension, no years
    await filters.getByRole('group', { name: 'club' }).waitFor();
    expect(await filters.getByRole('group', { name: 'Years' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Timeline' }).isDisabled()).toBe(true);
    await filters
      .getByRole('group', { name: 'club' })
      .getByRole('checkbox', { name: /^Mr\. Hi/ })
      .uncheck();
    expect(await page.evaluate(() => window.__atlas!.visibleCount().nodes)).toBe(17);
    expect(await filters.getByRole('status').textContent()).toBe('17 of 34 nodes, 32 of 78 edges visible'); // networkx counts 32 ties within the Officer's club
    await filters.getByRole('button', { name: 'Reset filters' }).click();
    // its links are the only kind: one checkbox, one legend key, no survey mentions
    expect(await filters.getByRole('group', { name: 'Edges' }).getByRole('checkbox').count()).toBe(1);
    expect(await filters.getByText("Show mentions from other surveys' repositories").count()).toBe(0);
    expect(await legend.locator('.legend-edges').textContent()).toBe('links');

    // search over its labels, and the details of its attributes
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('Member 34');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await box.press('Enter');
    // a graph file's nodes are nodes: the drawer says so
    const details = page.getByRole('region', { name: 'Node details' });
    await details.getByRole('heading', { name: 'Member 34' }).waitFor();
    expect(await details.locator('.la-details-kicker').textContent()).toBe('Node details');
    const attrs = details.getByRole('definition');
    const rows = await details
      .locator('.la-details-attributes')
      .evaluate((dl) =>
        [...dl.querySelectorAll('dt')].map(
          (dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`,
        ),
      );
    expect(rows).toEqual(['id: 33', 'club: Officer', 'degree: 17', 'centrality: 0.5152']);
    expect(await attrs.count()).toBeGreaterThan(4);
    // undirected: no lineage, the selection shows its neighbours
    expect(await page.getByRole('region', { name: 'Lineage' }).count()).toBe(0);
    expect(await page.getByTestId('selection-key').textContent()).toBe(
      'SelectionBlue: linked with itDimmed: not linked with it',
    );
    // undirected: one section of the file's links, no "to" and "from"
    const linkedWith = linked(page).getByRole('list', { name: 'Linked with' });
    await linked(page).getByRole('button', { name: 'Show all 17' }).click();
    expect(await linkedWith.getByRole('listitem').count()).toBe(17);
    expect(await linked(page).getByText('Linked from').count()).toBe(0);
    await page.screenshot({ path: 'test-results/open-file-karate.png' });

    // its communities, labelled by its own dimensions and counted in nodes; a click brushes them
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.getByRole('button', { name: 'Clusters' }).click();
    const clusters = page.getByRole('region', { name: 'Clusters' });
    expect(await clusters.locator('.clusters-intro').textContent()).toContain('pick out its nodes');
    const first = clusters.getByRole('button', { name: /^Community 1 / });
    const size = (await first.locator('.community-size').textContent())!;
    expect(size).toMatch(/^\d+ nodes$/);
    await first.click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Brushed papers' }).textContent())
      .toContain(`· ${size}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a dropped GraphML with years: lineage over its citations, timeline on', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await dropFile(page, 'citations.graphml', { url: '/fixtures/foreign/citations.graphml' });
    await expect.poll(() => title(page)).toBe('Toy citations');
    expect(await page.locator('.drop-overlay').isHidden()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Timeline' }).isDisabled()).toBe(false);
    const filters = page.getByRole('region', { name: 'Filters' });
    // the filters mount when the page is idle (ui/panels.ts), after the title
    await expect.poll(() => filters.getByRole('group', { name: 'Years' }).count()).toBe(1);
    // the kinds its `kind` attribute names, and only those
    expect(await page.locator('.legend-edges').textContent()).toBe('builds oncites');
    expect(await filters.getByRole('group', { name: 'Edges' }).getByRole('checkbox').count()).toBe(2);
    await page.evaluate(() => window.__atlas!.select('p12'));
    const details = page.getByRole('region', { name: 'Node details' });
    await details.getByRole('heading', { name: 'Survey & review <2025>' }).waitFor();
    // its `kind` attribute named our edge kinds: builds-on and cites, followed by the lineage
    const lineage = page.getByRole('region', { name: 'Lineage' });
    await expect.poll(() => lineage.textContent()).toMatch(/ancestors/i);
    expect(await page.evaluate(() => window.__atlas!.state()!.lineage.kinds)).toContain('cites');
    await page.screenshot({ path: 'test-results/open-file-citations.png' });
    await page.close();
  });

  it('opens a graph without links sized uniformly, with its labels drawn', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const nodes = Array.from({ length: 12 }, (_, i) => ({
      id: `n${i}`,
      name: `Paper number ${i}`,
      group: i % 2 ? 'odd' : 'even',
    }));
    await dropFile(page, 'bare.json', { text: JSON.stringify({ directed: true, nodes, links: [] }) });
    await expect.poll(() => title(page)).toBe('bare.json');
    expect(await page.getByRole('combobox', { name: 'Size by' }).inputValue()).toBe('uniform');
    const shown = await page.evaluate(() =>
      Array.from({ length: 12 }, (_, i) => window.__atlas!.nodeDisplay(`n${i}`)!),
    );
    expect(new Set(shown.map((d) => d.size)).size).toBe(1);
    // labels: ink just right of a node, where its label starts
    await page.mouse.move(5, 400);
    const px = await graphPixels(page);
    let inked = 0;
    for (let i = 0; i < 12; i++) {
      const p = await nodeOnScreen(page, `n${i}`);
      const r = shown[i]!.size;
      if (pixelsNear(px, p.canvas.x + r + 30, p.canvas.y, 4, hexToRgb('#1f2328'), 120) > 0) inked++;
    }
    expect(inked).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: 'test-results/open-file-bare.png' });
    await page.close();
  });

  it('keeps the graph on screen when a file is malformed or too big, and says why', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const before = await title(page);
    const counts = await page.getByTestId('counts').textContent();

    await chooseFile(page, join(FOREIGN, 'malformed/unclosed-tag.gexf'));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^unclosed-tag\.gexf:\d+/);
    expect(await title(page)).toBe(before);
    expect(await page.getByTestId('counts').textContent()).toBe(counts);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);

    await chooseFile(page, join(FOREIGN, 'malformed/missing-node.graphml'));
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/missing-node\.graphml.*e1/);
    expect(await title(page)).toBe(before);

    // over the limit: refused before it is read
    await dropFile(page, 'huge.gexf', { size: 50 * 1024 * 1024 + 1 });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('huge.gexf is 52,428,801 bytes: the explorer opens graph files of up to 50.0 MB.');
    expect(await title(page)).toBe(before);
    expect(await page.evaluate(() => window.__atlas!.status())).toBe('ready');
    await page.screenshot({ path: 'test-results/open-file-error.png' });
    await page.close();
  });
});
