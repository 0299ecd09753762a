/**
 * A dataset with dimensions the code has never heard of (tests/fixtures/graph-data/vision, built by
 * `npm run build:graph` into tests/fixtures/vision/vision.json): "Color by", the legend, the filters
 * and the details drawer all come from its taxonomy, and filtering over a new dimension changes counts.
 */
import { describe, expect, inject, it } from 'vitest';
import { graphPixels, hexToRgb, nodeOnScreen, openAtlas, pixelsNear } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const GRAPH = '/fixtures/vision/vision.json';

describe('a dataset with new dimensions', () => {
  it('colours by, lists and filters over its own dimensions', async () => {
    const page = await openAtlas(browser(), baseUrl, GRAPH, { width: 1280, height: 900 });
    const colorBy = page.getByRole('combobox', { name: 'Color by' });
    const options = await colorBy.locator('option').allTextContents();
    expect(options).toEqual([
      'Venue type',
      'Venue',
      'Modality',
      'Architecture',
      'Task',
      'Year',
      'Community (Louvain)',
    ]);
    // it opens coloured by its first dimension
    expect(await colorBy.inputValue()).toBe('venue-type');
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect(legend.getByRole('button').allTextContents()).resolves.toEqual([
      'Journal2',
      'Conference4',
      'Preprint2',
    ]);

    // colour by modality: the legend lists its categories (a paper counts under its first one), the nodes take its colours
    await colorBy.selectOption({ label: 'Modality' });
    await expect(legend.getByText('Modality', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(legend.getByRole('button').allTextContents()).resolves.toEqual([
      'Image6',
      'Text1',
      'Audio1',
    ]);
    const px = await graphPixels(page);
    const audioOnly = await nodeOnScreen(page, '2001.00006');
    const imageFirst = await nodeOnScreen(page, '1501.00001');
    expect(pixelsNear(px, audioOnly.canvas.x, audioOnly.canvas.y, 3, hexToRgb('#44aa99'))).toBeGreaterThan(0);
    expect(pixelsNear(px, imageFirst.canvas.x, imageFirst.canvas.y, 3, hexToRgb('#332288'))).toBeGreaterThan(
      0,
    );
    expect(pixelsNear(px, audioOnly.canvas.x, audioOnly.canvas.y, 3, hexToRgb('#332288'))).toBe(0);
    await page.screenshot({ path: 'test-results/new-dimensions-modality.png' });

    // colour by venue: categories grouped under their parent dimension, venue type
    await colorBy.selectOption({ label: 'Venue' });
    expect(await legend.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Journal',
      'Conference',
      'Preprint',
    ]);
    const conference = await legend
      .getByRole('group', { name: 'Conference' })
      .getByRole('button')
      .allTextContents();
    expect(conference).toEqual(['CVPR2', 'NeurIPS2']);

    // the filter over modality changes the counts and goes into the URL
    const filters = page.getByRole('region', { name: 'Filters' });
    const modality = filters.getByRole('group', { name: 'Modality' });
    expect(await modality.getByRole('checkbox').count()).toBe(3);
    const status = filters.getByRole('status');
    expect(await status.textContent()).toContain('8 of 8 papers, 12 of 12 edges visible');
    await modality.getByRole('checkbox', { name: /^Audio 3$/ }).uncheck();
    expect(await status.textContent()).toContain('7 of 8 papers');
    await modality.getByRole('checkbox', { name: /^Image 7$/ }).uncheck();
    expect(await status.textContent()).toContain('3 of 8 papers');
    expect(await page.evaluate(() => window.__atlas!.visibleCount().nodes)).toBe(3);
    await expect
      .poll(() => page.evaluate(() => new URLSearchParams(location.search).get('f.modality')))
      .toBe('text');
    // the legend counts follow the filter
    await expect(
      legend.getByRole('group', { name: 'Conference' }).getByRole('button').allTextContents(),
    ).resolves.toEqual(['CVPR1', 'NeurIPS1']);
    await page.screenshot({ path: 'test-results/new-dimensions-filtered.png' });

    // the details drawer names the paper's categories in the new dimensions
    await page.evaluate(() => window.__atlas!.select('2101.00007'));
    const details = page.getByRole('region', { name: 'Paper details' });
    await details.getByRole('heading', { level: 2 }).first().waitFor();
    const value = (term: string) =>
      details
        .locator('dt')
        .filter({ hasText: new RegExp(`^${term}$`) })
        .locator('xpath=following-sibling::dd[1]/span[1]')
        .textContent();
    expect(await value('Modality')).toBe('Image, Text, Audio');
    expect(await value('Venue type')).toBe('Journal');
    expect(await value('Venue')).toBe('Journal · TPAMI');
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('opens a shared link with a filter over a new dimension', async () => {
    const page = await openAtlas(browser(), baseUrl, GRAPH);
    await page.goto(
      `${baseUrl}/?graph=${encodeURIComponent(GRAPH)}&color=modality&f.venue-type=journal,preprint`,
    );
    await page.waitForFunction(() => window.__atlas?.status() === 'ready');
    expect(await page.evaluate(() => window.__atlas!.state()!.filters.categories)).toEqual({
      'venue-type': ['journal', 'preprint'],
    });
    expect(await page.evaluate(() => window.__atlas!.visibleCount().nodes)).toBe(4);
    const venueType = page
      .getByRole('region', { name: 'Filters' })
      .getByRole('group', { name: 'Venue type' });
    expect(await venueType.getByRole('checkbox', { name: /^Conference/ }).isChecked()).toBe(false);
    expect(await venueType.getByRole('checkbox', { name: /^Journal/ }).isChecked()).toBe(true);
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });
});
