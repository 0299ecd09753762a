/**
 * The dataset switcher: two graph files and their datasets.json (tests/fixtures/datasets/). The header
 * offers the datasets by name and paper count; choosing one opens it with ?graph= in the URL (the old
 * dataset's other parameters dropped) and the back button returns. One dataset: no switcher.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const ready = (page: Page) =>
  page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });

/**
 * Ready, and the filters mounted (they load once the page is idle): leaving the page while their
 * code downloads aborts those requests, which the problems collected would count.
 */
async function settled(page: Page): Promise<void> {
  await ready(page);
  await page.getByRole('region', { name: 'Filters' }).waitFor({ timeout: 20_000 });
}

/** What a person sees of the open dataset: the title, the counts, the switcher's shown option. */
async function shown(page: Page) {
  const switcher = page.getByRole('combobox', { name: 'Dataset' });
  return {
    title: await page.getByRole('heading', { level: 1 }).textContent(),
    counts: await page.getByTestId('counts').textContent(),
    chosen: await switcher.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? null),
  };
}

describe('dataset switcher', () => {
  it('lists the datasets, opens the one chosen with ?graph= in the URL, and the back button returns', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectProblems(page);
    const start = `${baseUrl}/?graph=fixtures/datasets/alpha.json&color=year#selected=2208.12242`;
    await page.goto(start);
    await settled(page);

    const switcher = page.getByRole('combobox', { name: 'Dataset' });
    await expect(switcher.locator('option').allTextContents()).resolves.toEqual([
      'Alpha: personalization (16 papers)',
      'Beta: GAN inversion (5 papers)',
    ]);
    expect(await shown(page)).toEqual({
      title: 'Alpha: personalization',
      counts: '16 papers of 16 · 23 links of 24',
      chosen: 'Alpha: personalization (16 papers)',
    });
    expect(await switcher.isVisible()).toBe(true);
    await page.locator('.app-header').screenshot({ path: '/tmp/datasets-header.png' });

    // choosing Beta opens it: its graph, its name, and only ?graph= in the URL
    await Promise.all([
      page.waitForURL(/beta\.json/),
      switcher.selectOption({ label: 'Beta: GAN inversion (5 papers)' }),
    ]);
    await settled(page);
    expect(page.url()).toBe(`${baseUrl}/?graph=fixtures/datasets/beta.json`);
    expect(await shown(page)).toEqual({
      title: 'Beta: GAN inversion',
      counts: '5 papers of 5 · 5 links of 5',
      chosen: 'Beta: GAN inversion (5 papers)',
    });
    expect(await page.title()).toBe('Beta: GAN inversion · Lineage Atlas');
    await page.locator('.app-header').screenshot({ path: '/tmp/datasets-header-beta.png' });

    // back: Alpha again, with the URL it had
    await page.goBack();
    await settled(page);
    expect(page.url()).toBe(start);
    expect(await shown(page)).toEqual({
      title: 'Alpha: personalization',
      counts: '16 papers of 16 · 23 links of 24',
      chosen: 'Alpha: personalization (16 papers)',
    });
    // and forward again
    await page.goForward();
    await settled(page);
    expect((await shown(page)).title).toBe('Beta: GAN inversion');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('is keyboard-operable: focus, arrow to the other dataset, it opens', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/?graph=fixtures/datasets/beta.json`);
    await ready(page);
    await page.getByRole('combobox', { name: 'Dataset' }).focus();
    await Promise.all([page.waitForURL(/alpha\.json/), page.keyboard.press('ArrowUp')]);
    await ready(page);
    expect((await shown(page)).title).toBe('Alpha: personalization');
    await page.close();
  });

  for (const [what, query] of [
    ['the bundled graph', ''],
    ['a fixture whose datasets.json lists it alone', '?graph=fixtures/graphs/small.json'],
  ] as const) {
    it(`shows no switcher on ${what} (one dataset), and loads cleanly`, async () => {
      const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
      const problems = collectProblems(page);
      await page.goto(`${baseUrl}/${query}`);
      await ready(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('');
      expect(await page.getByRole('combobox', { name: 'Dataset' }).count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
