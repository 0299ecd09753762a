/**
 * A clean load: opening the page and using it briefly logs no console error, throws nothing and
 * requests nothing that fails, on the bundled graph and on a fixture; the page's icon is served.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Hover and select a paper, search, colour by inversion method, isolate a legend entry, close the drawer. */
async function exercise(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.__atlas!.renderer()?.renders ?? 0) > 0);
  await page.getByRole('combobox', { name: 'Search papers' }).fill('dream');
  await page.getByRole('option').first().click();
  await page.getByRole('region', { name: 'Paper details' }).getByRole('heading', { level: 2 }).waitFor();
  await page.evaluate(() => window.__atlas!.hover(window.__atlas!.state()!.selected));
  await page.getByLabel('Color by').selectOption('method');
  await page
    .getByRole('region', { name: 'Legend' })
    .getByRole('button', { name: /^Optimization/ })
    .first()
    .click();
  await page.getByLabel('Color by').selectOption('year');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300); // let late requests and errors arrive
}

describe('clean load', () => {
  for (const [name, query] of [
    ['the bundled graph', ''],
    ['the small fixture', '?graph=fixtures/graphs/small.json'],
  ] as const) {
    it(`opening ${name} and using it logs no error and no failed request`, async () => {
      const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
      const problems = collectProblems(page);
      await page.goto(`${baseUrl}/${query}`);
      await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
      await exercise(page);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('declares an SVG icon that is served (no /favicon.ico 404 in a browser that asks for one)', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/?graph=fixtures/graphs/small.json`);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toMatch(/\.svg$/);
    const icon = await page.request.get(new URL(href!, page.url()).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
    await page.close();
  });
});
