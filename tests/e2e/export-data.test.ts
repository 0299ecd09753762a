/**
 * The Export menu's data items: each downloads its files, named after the dataset, the scope and the
 * day; "Visible papers only" picks what the filters show or the whole graph.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { exportFilename } from '../../src/export/data';
import { parseGraphFile } from '../../src/graph/load';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './use-browser';
import { openFixture, visibleCount } from './panel-helpers';
import { openExportMenu } from './export-helpers';

const browser = useBrowser();
const { meta } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
const SLUG = 'fixture-small-personalization-graph';
const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Chooses a data item and collects every download it starts, until the menu's status says it is done. */
async function exportData(page: Page, name: string): Promise<Array<{ name: string; text: string }>> {
  const downloads: Download[] = [];
  const onDownload = (d: Download) => downloads.push(d);
  page.on('download', onDownload);
  await openExportMenu(page);
  await page.getByRole('menuitem', { name, exact: true }).click();
  const status = page.locator('.menu-status');
  await page.waitForFunction(
    () => /^(Saved|.* failed)/.test(document.querySelector('.menu-status')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  );
  const said = (await status.textContent()) ?? '';
  expect(said, said).toMatch(/^Saved /);
  // the status names the files; their download events may arrive just after it
  const names = said.replace(/^Saved /, '').split(', ');
  for (let waited = 0; downloads.length < names.length && waited < 10_000; waited += 100)
    await page.waitForTimeout(100);
  page.off('download', onDownload);
  const files = await Promise.all(
    downloads.map(async (d) => ({
      name: d.suggestedFilename(),
      text: await readFile(await d.path(), 'utf8'),
    })),
  );
  expect(said).toBe(`Saved ${files.map((f) => f.name).join(', ')}`);
  return files;
}

const FORMATS: Array<{ item: string; ext: string; check(text: string): void }> = [
  { item: 'GEXF', ext: 'gexf', check: (t) => expect(t).toMatch(/<gexf[\s>]/) },
  { item: 'GraphML', ext: 'graphml', check: (t) => expect(t).toMatch(/<graphml[\s>]/) },
  // graphology's serialisation at the top level, the dataset in the graph attributes
  {
    item: 'JSON',
    ext: 'json',
    check: (t) => expect(JSON.parse(t).attributes.format).toBe('lineage-atlas/graph'),
  },
  { item: 'CSV', ext: 'csv', check: (t) => expect(t.split('\n')[0]).toMatch(/,/) },
  { item: 'BibTeX', ext: 'bib(tex)?', check: (t) => expect(t).toMatch(/@\w+\{/) },
];

describe('data exports', () => {
  for (const format of FORMATS) {
    it(`${format.item}: downloads named after the dataset, the scope and the day, with content`, async () => {
      const { page, errors } = await openFixture(browser(), 'small.json');
      const files = await exportData(page, format.item);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        // the dataset, the scope and the day, in the order exportFilename writes them
        expect(f.name).toMatch(new RegExp(`\\.${format.ext}$`));
        for (const part of [SLUG, 'visible', today()]) expect(f.name).toContain(part);
        expect(f.text.length).toBeGreaterThan(100);
        format.check(f.text);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('with only GAN papers shown, the JSON holds exactly the GAN papers; unticked, the whole graph', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const families = page.getByRole('region', { name: 'Filters' }).getByRole('group', { name: 'Family' });
    for (const family of ['Diffusion', 'Autoregressive', 'Survey'])
      await families.getByRole('checkbox', { name: new RegExp(`^${family} \\d`) }).uncheck();
    const shown = await visibleCount(page);
    expect(shown.nodes).toBe(4);
    const gan = await page.evaluate(() => window.__atlas!.state()!.filters.categories.family);
    expect(gan).toEqual(['gan']);

    const [visible] = await exportData(page, 'JSON');
    expect(visible!.name).toBe(exportFilename(meta, 'visible', new Date(), 'json'));
    const file = JSON.parse(visible!.text);
    expect(file.nodes.map((n: { attributes: { family: string } }) => n.attributes.family)).toEqual([
      'gan',
      'gan',
      'gan',
      'gan',
    ]);
    expect(file.nodes.map((n: { key: string }) => n.key).sort()).toEqual([
      '1904.03189',
      '2008.00951',
      '2102.02766',
      '2106.05744',
    ]);
    expect(file.edges).toHaveLength(shown.edges);

    // the whole graph when "Visible papers only" is unticked
    await openExportMenu(page);
    const scope = page.getByRole('menuitemcheckbox', { name: 'Visible papers only' });
    await scope.click();
    expect(await scope.getAttribute('aria-checked')).toBe('false');
    const [all] = await exportData(page, 'JSON');
    expect(all!.name).toBe(exportFilename(meta, 'all', new Date(), 'json'));
    expect(all!.name).toContain('all');
    const whole = JSON.parse(all!.text);
    expect(whole.nodes).toHaveLength(16);
    expect(whole.edges).toHaveLength(24);

    // opened again with "Open file…": the whole Lineage Atlas view, a paper's details as before
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open file…' }).click(),
    ]);
    await chooser.setFiles({ name: all!.name, mimeType: 'application/json', buffer: Buffer.from(all!.text) });
    await expect.poll(() => page.locator('.app-header .title').textContent()).toBe(meta.dataset.name);
    const colourBy = await page
      .locator('#color-by option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(colourBy).toEqual(expect.arrayContaining(meta.taxonomy.dimensions.map((d) => d.id)));
    await page.evaluate(() => window.__atlas!.select('2008.00951'));
    await page.getByRole('region', { name: 'Paper details' }).getByRole('heading').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
