/**
 * A graph built with the online cache, as a person sees it: the details drawer shows a paper's
 * total references and citations next to those in the set, its first arXiv version, the abstract,
 * and which service each link comes from; search finds a paper by its abstract.
 * The cache is fetched from the fake services on loopback, then built offline like `npm run build:graph`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runFetch } from '../../scripts/lib/fetch-run';
import { readGraphData } from '../../scripts/lib/graph-data-fs';
import { buildGraph } from '../../src/graph/build/build';
import { serializeGraphFile } from '../../src/graph/serialize';
import { startFakeApis } from '../unit/online/fake-apis';
import { fakeClock, SMALL_DIR, testConfig } from '../unit/online/support';
import { smallWorld } from '../unit/online/world';
import { useBrowser } from './use-browser';

const browser = useBrowser();

/** The drawer's linked papers (after the details and the lineage). */
const linked = (page: Page) => page.getByRole('region', { name: 'Linked papers' });
let graphText = '';
let dir = '';

beforeAll(async () => {
  const apis = await startFakeApis(smallWorld());
  dir = mkdtempSync(join(tmpdir(), 'atlas-online-e2e-'));
  cpSync(SMALL_DIR, dir, { recursive: true });
  await runFetch(testConfig(dir, apis), { clock: fakeClock(), log: () => {}, progress: () => {} });
  await apis.close();
  const { graph, meta } = buildGraph(readGraphData(dir));
  graphText = serializeGraphFile(graph, meta);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // by path: a glob would also match the page's own URL, whose query names the file
  await page.route(
    (url) => url.pathname === '/fixtures/graphs/online.json',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: graphText }),
  );
  await page.goto(`${inject('baseUrl')}/?graph=/fixtures/graphs/online.json`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
  return { page, errors };
}

describe('online citations in the explorer', () => {
  it("details show totals, first version, abstract and each link's source", async () => {
    const { page, errors } = await open();
    await page.evaluate(() => window.__atlas!.select('2203.00004'));
    const details = page.getByRole('region', { name: 'Paper details' });
    await details.getByRole('heading', { level: 2 }).waitFor();
    const counts = details.getByRole('definition');
    const all = await counts.allTextContents();
    expect(all).toContain('15 in total · 3 in this set');
    // in the set: Epsilon cites it; the awesome list's mention is not a citation
    expect(all).toContain('7 in total · 1 in this set');
    expect(all).toContain('2022-03-15 · cs.LG');

    // the abstract is folded away until asked for
    const abstract = details.getByText('Encoders for fast personalization.');
    expect(await abstract.isVisible()).toBe(false);
    await details.getByText('Abstract', { exact: true }).click();
    expect(await abstract.isVisible()).toBe(true);

    // AlphaGAN is cited by Delta according to a README, Semantic Scholar and OpenAlex
    const cites = linked(page).getByRole('list', { name: 'Cites', exact: true });
    const alpha = cites.getByRole('listitem').filter({ hasText: 'AlphaGAN' });
    expect(await alpha.locator('.la-provenance').textContent()).toBe(
      'README example/delta + Semantic Scholar + OpenAlex · also mentions',
    );
    expect(await alpha.getByRole('button').getAttribute('title')).toContain(
      'Semantic Scholar (fetched 2026-11-29)',
    );
    await page.screenshot({ path: '/tmp/online-details.png' });

    // the pair only OpenAlex gives says so
    await page.evaluate(() => window.__atlas!.select('2101.00002'));
    await details.getByRole('heading', { level: 2, name: /personalizing/i }).waitFor();
    const gamma = linked(page)
      .getByRole('list', { name: 'Cites', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'GAMMA' });
    expect(await gamma.locator('.la-provenance').textContent()).toBe('OpenAlex');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search finds a paper by words of its abstract', async () => {
    const { page } = await open();
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('projection latent codes');
    // the search's suggestions (the header's dataset switcher has options too)
    const option = page.getByRole('listbox').getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('AlphaGAN');
    await page.close();
  });
});
