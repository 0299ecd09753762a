/**
 * The shareable view: the URL keeps colour, filters, selection, labels and camera; Copy link copies
 * it; opening it in a new page restores the view; Back / Forward step through discrete changes; a
 * malformed link opens with a notice naming what was ignored.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser';
import { nodeOnScreen } from './atlas';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const GRAPH = '?graph=/fixtures/graphs/small.json';

async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
  return { page, errors };
}

const newContext = () =>
  browser().newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });

/** What a person sees of the view, and the state behind it (hover aside). */
async function seen(page: Page) {
  return page.evaluate(() => {
    const { hovered: _h, ...state } = window.__atlas!.state()!;
    return {
      state,
      counts: document.querySelector('[data-testid="counts"]')?.textContent,
      colorBy: (document.getElementById('color-by') as HTMLSelectElement).value,
      drawer: !(document.querySelector('.drawer') as HTMLElement).hidden,
      legend: [...document.querySelectorAll('.legend-entry')].map((e) => e.textContent),
    };
  });
}

const camera = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('cam'));
const query = (page: Page) => page.evaluate(() => decodeURIComponent(location.search));

describe('shareable view', () => {
  it('colour, filters, selection and camera go into the link; Copy link; the link opens the same view in a new page', async () => {
    const context = await newContext();
    const { page, errors } = await open(context, `${baseUrl}/${GRAPH}`);
    expect(await query(page)).toBe('?graph=/fixtures/graphs/small.json');
    await page.getByRole('combobox', { name: 'Color by' }).selectOption('method');
    const families = page.getByRole('region', { name: 'Filters' }).getByRole('group', { name: 'Family' });
    await families.getByRole('checkbox', { name: /^Autoregressive \d/ }).uncheck();
    await page.getByRole('spinbutton', { name: 'Minimum degree' }).fill('1');
    const dreambooth = await nodeOnScreen(page, '2208.12242');
    await page.mouse.click(dreambooth.page.x, dreambooth.page.y);
    await page.waitForFunction(() => window.__atlas!.state()!.selected === '2208.12242');
    // a camera move, written after it settles
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.wheel(0, -250);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('cam'), null, {
      timeout: 5000,
    });
    expect(await query(page)).toMatch(
      /^\?graph=\/fixtures\/graphs\/small\.json&color=method&f\.family=diffusion,gan,survey&degree=1&sel=2208\.12242&cam=[\d.-]+,[\d.-]+,[\d.]+$/,
    );

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await page.evaluate(() => location.href));
    const before = await seen(page);
    const camBefore = (await camera(page))!.split(',').map(Number);

    // a new page (another context: nothing shared but the link)
    const other = await newContext();
    const { page: reopened, errors: errors2 } = await open(other, link);
    const after = await seen(reopened);
    expect(after).toEqual(before);
    expect(after.state.colorBy).toBe('method');
    expect(after.state.filters.categories.family).toEqual(['diffusion', 'gan', 'survey']);
    expect(after.drawer).toBe(true);
    expect(await reopened.getByRole('heading', { name: 'DreamBooth' }).count()).toBeGreaterThan(0);
    const camAfter = (await camera(reopened))!.split(',').map(Number);
    camAfter.forEach((v, i) => expect(v).toBeCloseTo(camBefore[i]!, 3));
    // the paper is drawn at the same place on both pages
    const p1 = await nodeOnScreen(page, '2208.12242');
    const p2 = await nodeOnScreen(reopened, '2208.12242');
    expect(Math.abs(p1.canvas.x - p2.canvas.x)).toBeLessThan(1.5);
    expect(Math.abs(p1.canvas.y - p2.canvas.y)).toBeLessThan(1.5);
    expect(await reopened.locator('.link-notice').isVisible()).toBe(false);
    expect([...errors, ...errors2]).toEqual([]);
    await context.close();
    await other.close();
  });

  it('Back and Forward step through colour, filter and selection changes; camera moves add no entries', async () => {
    const context = await newContext();
    const { page, errors } = await open(context, `${baseUrl}/${GRAPH}`);
    const length = () => page.evaluate(() => history.length);
    const start = await length();
    await page.getByRole('combobox', { name: 'Color by' }).selectOption('year');
    const families = page.getByRole('region', { name: 'Filters' }).getByRole('group', { name: 'Family' });
    await families.getByRole('checkbox', { name: /^GAN \d/ }).uncheck();
    await page.evaluate(() => window.__atlas!.select('2208.12242'));
    expect(await length()).toBe(start + 3);
    // camera moves: many frames, no new entry, the last one updated
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -120);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('cam'), null, {
      timeout: 5000,
    });
    expect(await length()).toBe(start + 3);
    expect(await query(page)).toContain('sel=2208.12242&cam=');

    const state = () => page.evaluate(() => window.__atlas!.state()!);
    const step = async (dir: 'back' | 'forward') => {
      const before = await page.evaluate(() => location.href);
      await page.evaluate((d) => (d === 'back' ? history.back() : history.forward()), dir);
      await page.waitForFunction((b) => location.href !== b, before);
    };
    await step('back');
    expect((await state()).selected).toBeNull();
    expect((await state()).filters.categories.family).toEqual(['diffusion', 'ar', 'survey']);
    expect(await page.locator('.drawer').isHidden()).toBe(true);
    expect(await camera(page)).toBeNull();
    await step('back');
    expect((await state()).filters.categories.family).toBeUndefined();
    expect((await state()).colorBy).toBe('year');
    expect(await page.getByRole('combobox', { name: 'Color by' }).inputValue()).toBe('year');
    expect(await page.getByTestId('counts').textContent()).toBe('16 papers of 16 · 23 links of 24');
    await step('back');
    expect((await state()).colorBy).toBe('family');
    await step('forward');
    await step('forward');
    await step('forward');
    expect((await state()).selected).toBe('2208.12242');
    expect((await state()).filters.categories.family).toEqual(['diffusion', 'ar', 'survey']);
    expect(await page.getByTestId('counts').textContent()).toMatch(/^12 papers of 16/);
    expect(await camera(page)).not.toBeNull();
    // no entry was added while stepping
    expect(await length()).toBe(start + 3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link with unknown or malformed parameters opens the rest of the view, with a notice naming what was ignored', async () => {
    const context = await newContext();
    const { page, errors } = await open(
      context,
      `${baseUrl}/${GRAPH}&color=rainbow&years=20x1&foo=1&sel=2208.12242&cam=1,2&labels=0.8`,
    );
    const notice = page.locator('.link-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(
      'Ignored in the link: foo, color=rainbow, years=20x1, cam=1,2 Dismiss',
    );
    // the reasons are in its tooltip
    const reasons = (await notice.getAttribute('title')) ?? '';
    expect(reasons).toContain('unknown parameter "foo"');
    expect(reasons).toContain('years "20x1": expected a year range like 2022-2024');
    expect(await notice.getAttribute('role')).toBe('status');
    const s = await page.evaluate(() => window.__atlas!.state()!);
    expect(s.colorBy).toBe('family');
    expect(s.filters.years).toBeNull();
    expect(s.selected).toBe('2208.12242');
    expect(s.labelDensity).toBe(0.8);
    // the address bar now holds the clean link
    expect(await query(page)).toBe('?graph=/fixtures/graphs/small.json&sel=2208.12242&labels=0.8');
    await page.screenshot({ path: 'test-results/share-malformed.png' });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Copy link falls back when the Clipboard API is missing', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const { page, errors } = await open(context, `${baseUrl}/${GRAPH}&color=year`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const status = page.locator('.share-status');
    await expect.poll(() => status.textContent()).toMatch(/^(Link copied|Copy the selected link)$/);
    if ((await status.textContent()) === 'Copy the selected link') {
      const field = page.getByRole('textbox', { name: 'Link to this view' });
      expect(await field.inputValue()).toBe(await page.evaluate(() => location.href));
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
