/** The explorer on the small fixture: the graph is drawn, colour-by / size-by / legend / labels work. */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser';
import { graphPixels, hexToRgb, inkShare, nodeOnScreen, openAtlas, pixelsNear } from './atlas';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const state = (page: Page) => page.evaluate(() => window.__atlas!.state()!);

describe('explorer', () => {
  it('renders the graph on a WebGL canvas under the CSP, with counts and a legend', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    expect(await page.evaluate(() => window.__atlas!.status())).toBe('ready');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    // the sigma canvases are there and a WebGL context is alive
    expect(await page.locator('.graph canvas').count()).toBeGreaterThanOrEqual(3);
    expect(
      await page.evaluate(
        () =>
          (document.querySelector('.sigma-nodes') as HTMLCanvasElement | null)?.getContext('webgl2') !== null,
      ),
    ).toBe(true);
    // non-blank: coloured discs on the canvas, the most cited paper drawn in its family colour
    const px = await graphPixels(page);
    expect(inkShare(px)).toBeGreaterThan(0.005);
    const dreambooth = await nodeOnScreen(page, '2208.12242');
    expect(pixelsNear(px, dreambooth.canvas.x, dreambooth.canvas.y, 4, hexToRgb('#0072b2'))).toBeGreaterThan(
      20,
    );
    await expect(page.getByText('DreamBooth', { exact: true }).count()).resolves.toBe(0); // labels are on the canvas, not DOM
    await expect(page.getByTestId('counts').textContent()).resolves.toBe('16 papers of 16 · 23 links of 24');
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect(legend.getByRole('button').allTextContents()).resolves.toEqual([
      'Diffusion9',
      'GAN4',
      'Autoregressive2',
      'Survey1',
    ]);
    expect(await page.evaluate(() => window.__atlas!.visibleCount())).toEqual({ nodes: 16, edges: 23 });
    expect(violations).toEqual([]);
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('colour by another dimension changes the legend and the node colours', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const colorBy = page.getByLabel('Color by');
    const legend = page.getByRole('region', { name: 'Legend' });
    await colorBy.selectOption('space');
    expect((await state(page)).colorBy).toBe('space');
    await expect(legend.getByRole('button').allTextContents()).resolves.toEqual([
      'Textual space3',
      'Parameter space4',
      'Image feature space2',
      'Latent space (W/W+)4',
      'Unknown / not labelled3',
    ]);
    const unlabelled = await page.evaluate(() => window.__atlas!.nodeDisplay('2502.13081')!.color);
    expect(unlabelled).toBe('#9e9e9e');
    await colorBy.selectOption('year');
    const years = await legend.getByRole('button').allTextContents();
    expect(years[0]).toBe('20191');
    expect(years).toHaveLength(7);
    // a year's nodes take the sequential colour the legend shows
    const swatch = await legend
      .locator('[data-category="2022"] .swatch')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const display = await page.evaluate(() => window.__atlas!.nodeDisplay('2208.12242')!.color);
    const { r, g, b } = hexToRgb(display);
    expect(swatch).toBe(`rgb(${r}, ${g}, ${b})`);
    await page.close();
  });

  it('legend entries isolate a category and restore, with the mouse and the keyboard', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const legend = page.getByRole('region', { name: 'Legend' });
    const gan = legend.getByRole('button', { name: /^GAN/ });
    await gan.click();
    expect((await state(page)).isolated).toBe('gan');
    expect(await gan.getAttribute('aria-pressed')).toBe('true');
    const faded = await page.evaluate(() => window.__atlas!.nodeDisplay('2208.12242')!.color);
    const kept = await page.evaluate(() => window.__atlas!.nodeDisplay('2102.02766')!.color);
    expect(kept).toBe('#e69f00');
    expect(faded).not.toBe('#0072b2');
    // DreamBooth's disc is no longer drawn in the diffusion colour
    const px = await graphPixels(page);
    const dreambooth = await nodeOnScreen(page, '2208.12242');
    expect(pixelsNear(px, dreambooth.canvas.x, dreambooth.canvas.y, 4, hexToRgb('#0072b2'))).toBe(0);
    // keyboard: the focused entry toggles with Enter / Space
    await legend.getByRole('button', { name: /^GAN/ }).press('Enter');
    expect((await state(page)).isolated).toBeNull();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect((await state(page)).isolated).toBe('ar');
    await page.close();
  });

  it('size by PageRank or uniform changes the drawn sizes', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const sizes = () =>
      page.evaluate(() =>
        ['2208.12242', '1904.03189', '2502.13081', '2308.06721'].map(
          (n) => window.__atlas!.nodeDisplay(n)!.size,
        ),
      );
    const byCitations = await sizes();
    await page.getByLabel('Size by').selectOption('uniform');
    expect((await state(page)).sizeBy).toBe('uniform');
    expect(await sizes()).toEqual([6, 6, 6, 6]);
    await page.getByLabel('Size by').selectOption('pagerank');
    const byRank = await sizes();
    expect(byRank).not.toEqual([6, 6, 6, 6]);
    expect(byRank).not.toEqual(byCitations);
    await page.close();
  });

  it('label density and the sidebar toggle are keyboard reachable', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const slider = page.getByLabel('Label density');
    await slider.focus();
    await page.keyboard.press('End');
    expect((await state(page)).labelDensity).toBe(1);
    const toggle = page.getByRole('button', { name: 'Hide sidebar' });
    await toggle.press('Enter');
    await expect(
      page.getByRole('button', { name: 'Show sidebar' }).getAttribute('aria-expanded'),
    ).resolves.toBe('false');
    // the legend stays visible with the sidebar collapsed
    await expect(page.getByRole('region', { name: 'Legend' }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
