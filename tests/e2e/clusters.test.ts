/**
 * The Clusters column: the communities listed with their labels, the heat map with its NMI figure,
 * the taxonomy grid; a click on a community or a cell brushes its papers in the graph (vivid and
 * labelled, the rest dimmed: checked in the reducers' output and in the canvas's pixels).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { communityAgreement } from '../../src/graph/clusters/agreement';
import { parseGraphFile } from '../../src/graph/load';
import { themeFor } from '../../src/render/theme';
import { graphPixels, hexToRgb, nodeOnScreen, openAtlas, pixelsNear } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const small = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);

const E4E = '2102.02766';
const PSP = '2008.00951';
const PTI = '2106.05744';
const IMAGE2STYLEGAN = '1904.03189';
const DREAMBOOTH = '2208.12242';
const GAN_ORANGE = hexToRgb('#e69f00');
const DIFFUSION_BLUE = hexToRgb('#0072b2');
const FADED = themeFor(false).fadedNode;

const state = (page: Page) => page.evaluate(() => window.__atlas!.state()!);
const display = (page: Page, id: string) => page.evaluate((n) => window.__atlas!.nodeDisplay(n)!, id);

async function openClusters(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Clusters' });
  await toggle.click();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await page.getByRole('region', { name: 'Clusters' }).waitFor();
  // the column builds its content once it has a size (a ResizeObserver callback, after layout)
  await page.getByRole('region', { name: 'Clusters' }).locator('.community-label').first().waitFor();
}

/** Waits for a render after the state change, so pixels show it. */
async function rendered(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function discPixels(
  page: Page,
  id: string,
  color: { r: number; g: number; b: number },
): Promise<number> {
  const px = await graphPixels(page);
  const p = await nodeOnScreen(page, id);
  return pixelsNear(px, p.canvas.x, p.canvas.y, 3, color);
}

describe('clusters column', () => {
  it('lists the communities with size, label, terms and central papers', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await expect(page.getByRole('region', { name: 'Clusters' }).isVisible()).resolves.toBe(false);
    await openClusters(page);
    const region = page.getByRole('region', { name: 'Clusters' });
    const list = region.getByRole('list', { name: 'Communities' });
    const items = await list.getByRole('button').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Community 1\s*Diffusion · Subject-driven\s*9 papers/);
    expect(items[1]).toMatch(/^Community 2\s*GAN · GAN inversion\s*4 papers\s*GAN 100% · GAN inversion 100%/);
    expect(items[1]).toMatch(/stylegan/);
    expect(items[1]).toMatch(/Central \(PageRank\): /);
    // the two smaller communities (2 papers and 1) sit under a disclosure
    await expect(region.getByText('2 smaller communities (1–2 papers each)').isVisible()).resolves.toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null),
    ).toBeNull();
    await page.close();
  });

  it('the link keeps a brushed community and the open column; opening it brushes the same papers', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await openClusters(page);
    await page.getByRole('button', { name: /^Community 2 / }).click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('community=2');
    const url = page.url();
    expect(new URL(url).searchParams.get('clusters')).toBe('1');
    const brush = (await state(page)).brush;

    const again = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(url);
    await again.waitForFunction(() => window.__atlas?.status() === 'ready');
    expect((await state(again)).brush).toEqual(brush);
    const toggle = again.getByRole('button', { name: 'Clusters' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const community = again
      .getByRole('region', { name: 'Clusters' })
      .getByRole('button', { name: /^Community 2 / });
    await expect.poll(() => community.getAttribute('aria-pressed')).toBe('true');
    await expect(again.getByRole('status', { name: 'Brushed papers' }).textContent()).resolves.toBe(
      'Community 2 · GAN · GAN inversion · 4 papersClear',
    );
    // closing the column and clearing the brush leave the link
    await toggle.click();
    await again
      .getByRole('status', { name: 'Brushed papers' })
      .getByRole('button', { name: 'Clear' })
      .click();
    await expect.poll(() => again.evaluate(() => location.search)).not.toMatch(/community=|clusters=/);
    await again.close();
    await page.close();
  });

  it('a community click brushes its papers: vivid and labelled, the rest dimmed; Clear and Escape undo it', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await openClusters(page);
    expect(await discPixels(page, DREAMBOOTH, DIFFUSION_BLUE)).toBeGreaterThan(5);
    const community = page.getByRole('button', { name: /^Community 2 / });
    await community.click();
    expect((await state(page)).brush).toEqual({
      label: 'Community 2 · GAN · GAN inversion',
      nodes: [IMAGE2STYLEGAN, PSP, E4E, PTI],
      community: 1,
    });
    await expect(community.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await display(page, E4E)).toMatchObject({ highlighted: true, forceLabel: true, color: '#e69f00' });
    expect(await display(page, DREAMBOOTH)).toMatchObject({ highlighted: false, color: FADED });
    await rendered(page);
    expect(await discPixels(page, PSP, GAN_ORANGE)).toBeGreaterThan(5);
    expect(await discPixels(page, DREAMBOOTH, DIFFUSION_BLUE)).toBe(0);
    const bar = page.getByRole('status', { name: 'Brushed papers' });
    await expect(bar.textContent()).resolves.toBe('Community 2 · GAN · GAN inversion · 4 papersClear');

    await bar.getByRole('button', { name: 'Clear' }).click();
    expect((await state(page)).brush).toBeNull();
    expect((await display(page, DREAMBOOTH)).color).toBe('#0072b2');
    await expect(bar.isVisible()).resolves.toBe(false);
    await expect(community.getAttribute('aria-pressed')).resolves.toBe('false');

    // Escape: the first one drops a selection, the next one the brush
    await community.click();
    await page.evaluate((n) => window.__atlas!.select(n), E4E);
    // the drawer and the column both open: the column narrows, the canvas keeps room between them
    const room = await page.evaluate(
      () =>
        document.querySelector('.drawer')!.getBoundingClientRect().left -
        document.querySelector('.stage')!.getBoundingClientRect().left,
    );
    expect(room).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: 'test-results/clusters-and-drawer.png' });
    await page.keyboard.press('Escape');
    expect(await state(page)).toMatchObject({
      selected: null,
      brush: { label: 'Community 2 · GAN · GAN inversion' },
    });
    await page.keyboard.press('Escape');
    expect((await state(page)).brush).toBeNull();
    await page.close();
  });

  it('heat map: the NMI figure with the labelled and left-out counts; a cell click brushes its papers', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await openClusters(page);
    await page.getByRole('tab', { name: 'Heat map' }).click();
    await expect(page.getByRole('tab', { name: 'Heat map' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    const nmi = communityAgreement(small.graph, { dimension: 'method' });
    expect(nmi).toMatchObject({ labelled: 13, unlabelled: 3 });
    await expect(page.getByTestId('nmi').textContent()).resolves.toBe(
      `NMI ${nmi.nmi!.toFixed(2)} with inversion method (13 labelled papers, 3 unlabelled left out)`,
    );
    // Community 2 (the GAN papers) × Learning-based (encoder): e4e and pSp
    const cell = page.getByRole('button', { name: 'Community 2 × Learning-based (encoder): 2 papers' });
    await expect(cell.textContent()).resolves.toBe('2');
    await cell.click();
    expect((await state(page)).brush).toEqual({
      label: 'Community 2 × Learning-based (encoder)',
      nodes: [PSP, E4E],
    });
    await expect(cell.getAttribute('aria-pressed')).resolves.toBe('true');
    expect((await display(page, PSP)).highlighted).toBe(true);
    // PTI is in the same community but hybrid: dimmed
    expect((await display(page, PTI)).color).toBe(FADED);
    await rendered(page);
    expect(await discPixels(page, E4E, GAN_ORANGE)).toBeGreaterThan(5);
    expect(await discPixels(page, PTI, GAN_ORANGE)).toBe(0);
    // clicking the brushed cell again clears the brush
    await cell.click();
    expect((await state(page)).brush).toBeNull();

    // another dimension redraws the map and the figure
    await page.getByLabel('Categories').selectOption('family');
    await expect(page.getByTestId('nmi').textContent()).resolves.toMatch(
      /^NMI \d\.\d\d with model family \(16 labelled papers\)$/,
    );
    await expect(page.getByRole('button', { name: 'Community 2 × GAN: 4 papers' }).isVisible()).resolves.toBe(
      true,
    );
    await page.close();
  });

  it('taxonomy grid: counts and first years per family, gaps empty; a cell click brushes', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await openClusters(page);
    await page.getByRole('tab', { name: 'Taxonomy grid' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Taxonomy grid' });
    const captions = await panel.locator('caption').allTextContents();
    // the survey family has no table: none of its papers has a method or a scheme
    expect(captions).toEqual(['Diffusion · 9 papers', 'GAN · 4 papers', 'Autoregressive · 2 papers']);
    // the GAN papers have methods but no scheme: e4e (2021) and pSp (2020) are learning-based
    const cell = panel.getByRole('button', {
      name: 'GAN · Learning-based (encoder) × scheme not labelled: 2 papers, first in 2020',
    });
    await expect(cell.textContent()).resolves.toBe('22020');
    expect(await panel.locator('.tgrid-gap').count()).toBeGreaterThan(0);
    await cell.click();
    expect((await state(page)).brush?.nodes).toEqual([PSP, E4E]);
    expect((await display(page, E4E)).highlighted).toBe(true);
    expect((await display(page, IMAGE2STYLEGAN)).color).toBe(FADED);
    await rendered(page);
    expect(await discPixels(page, PSP, GAN_ORANGE)).toBeGreaterThan(5);
    await page.screenshot({ path: '/tmp/clusters-grid-small.png' });
    await page.close();
  });
});

const BUNDLED = 'dist/graph.json';
describe.skipIf(!existsSync(BUNDLED))('clusters on the bundled graph', () => {
  it('labels every listed community and shows the NMI with the inversion method', async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    await openClusters(page);
    const list = page.getByRole('region', { name: 'Clusters' }).getByRole('list', { name: 'Communities' });
    const labels = await list.locator('.community-label').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(5);
    for (const l of labels) expect(l).toMatch(/^(Diffusion|GAN|Autoregressive|Survey)( · \S.*)?$/);
    await page.getByRole('tab', { name: 'Heat map' }).click();
    await expect(page.getByTestId('nmi').textContent()).resolves.toMatch(
      /^NMI 0\.\d\d with inversion method \(\d+ labelled papers, \d+ unlabelled left out\)$/,
    );
    await page.screenshot({ path: '/tmp/clusters-heatmap-bundled.png' });
    expect(await page.evaluate(() => window.__atlas!.error())).toBeNull();
    await page.close();
  });
});
