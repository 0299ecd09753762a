/**
 * Per-family categories on the bundled graph: coloured by inversion method, the legend groups the
 * methods under their family's heading, and the details drawer names the family with the method.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Taxonomy } from '../../src/model';
import { openAtlas } from './atlas';
import { useBrowser } from './use-browser';

const BUNDLED = 'dist/graph.json';
const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe.skipIf(!existsSync(BUNDLED))('per-family categories on the bundled graph', () => {
  const taxonomy = existsSync(BUNDLED)
    ? (JSON.parse(readFileSync(BUNDLED, 'utf8')) as { meta: { taxonomy: Taxonomy } }).meta.taxonomy
    : null;
  const dim = (id: string) => taxonomy!.dimensions.find((d) => d.id === id)!;

  it('groups the legend under family headings when coloured by inversion method', async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1280, height: 900 });
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect(legend.getByRole('heading', { level: 3 }).count()).resolves.toBe(0); // family: flat
    await page.getByLabel('Color by').selectOption('method');
    await expect(legend.getByText('Inversion method', { exact: true }).isVisible()).resolves.toBe(true);

    // one heading per family that has methods, with the family dimension's labels, in its order
    const methods = dim('method').categories;
    const families = dim('family').categories.filter((f) => methods.some((m) => m.parent === f.id));
    const headings = await legend.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings).toEqual(families.map((f) => f.label));
    expect(headings).toContain('GAN');
    for (const family of families) {
      const entries = await legend
        .getByRole('group', { name: family.label })
        .getByRole('button')
        .allTextContents();
      expect(entries.map((t) => t.replace(/\d+$/, ''))).toEqual(
        methods.filter((m) => m.parent === family.id).map((m) => m.label),
      );
    }
    // "Optimization-based" appears once per family, each under its own heading
    const optimization = legend.getByRole('button', { name: /^Optimization-based\s*\d+$/ });
    expect(await optimization.count()).toBeGreaterThan(1);
    const gan = legend
      .getByRole('group', { name: 'GAN' })
      .getByRole('button', { name: /^Optimization-based/ });
    expect(await gan.getAttribute('title')).toBe('Show only GAN · Optimization-based');

    // isolating still works, and keyboard focus stays on the entry
    await gan.click();
    expect(await page.evaluate(() => window.__atlas!.state()!.isolated)).toBe('gan.optimization');
    await expect(gan.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__atlas!.state()!.isolated)).toBeNull();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.category)).toBe(
      'gan.optimization',
    );
    await page.locator('.legend-dock').screenshot({ path: 'test-results/legend-method.png' });
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('names the family with per-family labels in the details drawer', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    await page.evaluate(() => window.__atlas!.select('1904.03189')); // Image2StyleGAN
    const details = page.getByRole('region', { name: 'Paper details' });
    await details.getByRole('heading', { level: 2, name: /Image2StyleGAN/i }).waitFor();
    const value = async (term: string) =>
      details
        .locator('dt', { hasText: term })
        .locator('xpath=following-sibling::dd[1]/span[1]')
        .textContent();
    expect(await value('Family')).toBe('GAN');
    expect(await value('Inversion method')).toBe('GAN · Optimization-based');
    expect(await value('Inversion space')).toMatch(/^GAN · /);
    await page.close();
  });
  it('names per-family timeline bands after their family, as the legend groups them', async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1280, height: 900 });
    await page.getByLabel('Color by').selectOption('space');
    await page.getByRole('radio', { name: 'Timeline' }).check();
    await page.waitForFunction(() => window.__atlas!.layoutAnimating() === false);
    const names = (
      await page.getByRole('list', { name: 'Timeline bands' }).getByRole('listitem').allTextContents()
    ).map((t) => t.replace(/\d+$/, ''));
    const families = new Map(dim('family').categories.map((f) => [f.id, f.label]));
    const expected = dim('space').categories.map((c) =>
      c.parent ? `${families.get(c.parent)} · ${c.label}` : c.label,
    );
    // every space band is named with its family; the three "Parameter space" bands are told apart
    expect(names.filter((n) => n !== 'Unknown / not labelled')).toEqual(expected);
    expect(names.filter((n) => n.endsWith('· Parameter space')).length).toBeGreaterThan(1);
    await page.close();
  });
});
