import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { WORKER_FROM_PAPERS } from '../../src/ui/search-source';
import { syntheticGraphFile } from '../fixtures/graph-files';
import { useBrowser } from './use-browser';
import { openFixture, pwned, selected } from './panel-helpers';

const browser = useBrowser();

describe('search', () => {
  it('suggests papers for a typo, moves with the arrow keys and selects with Enter', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const box = page.getByRole('combobox', { name: 'Search papers' });
    const list = page.getByRole('listbox');
    await expect(list.isVisible()).resolves.toBe(false);
    await box.fill('diffusion');
    await list.waitFor({ state: 'visible' });
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const options = list.getByRole('option');
    expect(await options.count()).toBeGreaterThanOrEqual(3);
    const first = options.nth(0);
    const second = options.nth(1);
    // the first suggestion is active, and the combobox points at it
    expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await first.getAttribute('aria-selected')).toBe('false');
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    const secondId = await second.getAttribute('data-id');
    await box.press('Enter');
    expect(await selected(page)).toBe(secondId);

    // a typo still finds DreamBooth first: name, year and title are shown
    await box.fill('dreambth');
    const top = options.nth(0);
    expect(await top.textContent()).toContain('DreamBooth');
    expect(await top.textContent()).toContain('2022');
    expect(await top.textContent()).toContain('Fine Tuning Text-to-Image');
    await box.press('Enter');
    expect(await selected(page)).toBe('2208.12242');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('DreamBooth');
    const details = page.getByRole('region', { name: 'Paper details' });
    await details.getByRole('heading', { name: /DreamBooth: Fine Tuning/ }).waitFor();
    await page.screenshot({ path: 'test-results/search-selected.png' });

    // the box follows the selection made elsewhere: another paper, then none
    await page.evaluate(() => window.__atlas!.select('2208.01618'));
    await expect.poll(() => box.inputValue()).toBe('Textual Inversion');
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(() => box.inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a paper by a spaced name or an arXiv id, and chooses with the mouse', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('ip adapter');
    const option = page.getByRole('option').first();
    expect(await option.textContent()).toContain('IP-Adapter');
    await page.screenshot({ path: 'test-results/search-suggestions.png' });
    await option.click();
    expect(await selected(page)).toBe('2308.06721');
    expect(await page.getByRole('listbox').isVisible()).toBe(false);

    // PTI is drawn away from the middle; choosing it animates the camera to it
    const canvas = (await page.locator('#graph').boundingBox())!;
    const offCentre = async () => {
      const at = (await page.evaluate(() => window.__atlas!.screenPosition('2106.05744')))!;
      return Math.hypot(at.x - (canvas.x + canvas.width / 2), at.y - (canvas.y + canvas.height / 2));
    };
    expect(await offCentre()).toBeGreaterThan(canvas.height * 0.2);
    await box.fill('2106.05744');
    expect(await page.getByRole('option').first().textContent()).toContain('PTI');
    await box.press('Enter');
    expect(await selected(page)).toBe('2106.05744');
    await page.waitForTimeout(900);
    expect(await offCentre()).toBeLessThan(canvas.height * 0.15);
    await page.close();
  });

  it('Escape closes the suggestions without touching the selection, a second one clears the text', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    await page.evaluate(() => window.__atlas!.select('2212.04488'));
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('elite');
    await page.getByRole('listbox').waitFor({ state: 'visible' });
    await box.press('Escape');
    expect(await page.getByRole('listbox').isVisible()).toBe(false);
    expect(await selected(page)).toBe('2212.04488');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await selected(page)).toBe('2212.04488');
    // ArrowDown reopens the suggestions of the current text
    await box.fill('kosmos');
    await box.press('Escape');
    await box.press('ArrowDown');
    expect(await page.getByRole('option').first().textContent()).toContain('Kosmos-G');
    await box.fill('zzzzqqqq');
    expect(await page.getByRole('listbox').textContent()).toContain('No paper matches');
    await page.close();
  });

  it('marks suggestions the filters hide', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    await page
      .getByRole('region', { name: 'Filters' })
      .getByRole('checkbox', { name: /^GAN \d/ })
      .uncheck();
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('pti');
    const option = page.getByRole('option').first();
    expect(await option.textContent()).toContain('PTI');
    expect(await option.textContent()).toContain('hidden');
    await box.fill('elite');
    expect(await page.getByRole('option').first().textContent()).not.toContain('hidden');
    await page.close();
  });

  it('shows hostile paper text literally in the suggestions', async () => {
    const { page, errors } = await openFixture(browser(), 'hostile.json');
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('dream');
    const list = page.getByRole('listbox');
    await list.waitFor({ state: 'visible' });
    const text = await list.textContent();
    expect(text).toContain('Dream<script>window.__pwned=2</script>');
    expect(text).toContain('<script>window.__pwned=2</script>');
    expect(await list.locator('script, img, svg, b').count()).toBe(0);
    await box.press('Enter');
    expect(await selected(page)).toBe('2208.12242');
    expect(await pwned(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Opens the generated graph `file` of `n` synthetic papers, types the name of its last paper (the
 * last to be indexed) as soon as the app is ready, and chooses it once it is the first suggestion.
 */
async function openAndFindLast(page: Page, file: string, n: number): Promise<void> {
  await page.goto(`${inject('baseUrl')}/?graph=fixtures/generated/search/${file}`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 60_000 });
  const box = page.getByRole('combobox', { name: 'Search papers' });
  await box.fill(`M${n - 1}`);
  const option = page.getByRole('listbox').getByRole('option').first();
  await expect.poll(() => option.getAttribute('data-id'), { timeout: 30_000 }).toBe(`p${n - 1}`);
  await box.press('Enter');
  expect(await selected(page)).toBe(`p${n - 1}`);
}

/** Writes a graph file of `n` synthetic papers (seed `seed`) as `file` among the generated fixtures. */
function writeGenerated(file: string, n: number, seed: number): void {
  const dir = 'tests/fixtures/generated/search';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), JSON.stringify(syntheticGraphFile(n, seed)));
}

describe('search on a big graph, before its index is done', () => {
  const N = 6000;
  beforeAll(() => writeGenerated('big.json', N, 11));

  it('searches the papers indexed so far, says so, then searches again once all are', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // what the list says while the index is built, from the page's start
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __notes: string[] }).__notes = []);
      new MutationObserver(() => {
        for (const li of document.querySelectorAll('.la-search-empty'))
          if (li.textContent && !seen.includes(li.textContent)) seen.push(li.textContent);
      }).observe(document, { childList: true, subtree: true });
    });
    await openAndFindLast(page, 'big.json', N);
    // typed before the index was done: the list said how much was indexed
    const notes = (await page.evaluate('window.__notes')) as string[];
    expect(
      notes.some((t) =>
        new RegExp(`^Searching… [\\d,]+ of ${N.toLocaleString('en')} papers indexed$`).test(t),
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('search on a graph of WORKER_FROM_PAPERS papers or more', () => {
  const N = WORKER_FROM_PAPERS;
  beforeAll(() => writeGenerated('huge.json', N, 2));

  it('is indexed by a worker, and finds the last paper sent', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await openAndFindLast(page, 'huge.json', N);
    expect(workers.some((url) => /search\.worker/.test(url))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to indexing on the page when the worker cannot load, with a warning', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.route(/search\.worker/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await openAndFindLast(page, 'huge.json', N);
    expect(warnings.some((w) => w.startsWith('Search indexes on the page: the worker failed.'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
