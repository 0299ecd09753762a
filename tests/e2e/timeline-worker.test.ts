/**
 * The timeline of a graph big enough to be packed in a worker (2,500 synthetic papers, written to
 * tests/fixtures/generated/ for this file): Layout → Timeline loads the worker and moves the papers
 * to x by year, with no console error; Force while it packs cancels it and keeps the force positions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  datasetEntryFromMeta,
  emptyDatasetsFile,
  nextDatasetsFile,
  stringifyDatasetsFile,
} from '../../src/data/datasets-list';
import { syntheticGraphFile } from '../fixtures/graph-files';
import { collectProblems } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const N = 2500;
const file = syntheticGraphFile(N, 9);
const ids = file.graph.nodes
  .filter((_n, i) => i % 50 === 0)
  .map((n) => ({ id: n.key, year: n.attributes.year! }));

beforeAll(() => {
  mkdirSync('tests/fixtures/generated', { recursive: true });
  writeFileSync('tests/fixtures/generated/timeline-2500.json', JSON.stringify(file));
  const list = nextDatasetsFile(
    emptyDatasetsFile(),
    'timeline-2500.json',
    datasetEntryFromMeta(file.meta),
    [],
  );
  writeFileSync('tests/fixtures/generated/datasets.json', stringifyDatasetsFile(list));
});

async function open(): Promise<{ page: Page; problems: string[]; workers: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(`${baseUrl}/?graph=fixtures/generated/timeline-2500.json`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 30_000 });
  return { page, problems, workers };
}

const positions = (page: Page) =>
  page.evaluate((list) => Object.fromEntries(list.map(({ id }) => [id, window.__atlas!.position(id)!])), ids);

const settled = (page: Page) =>
  page.waitForFunction(() => !window.__atlas!.layoutAnimating(), null, { timeout: 60_000 });

describe('timeline packed in a worker', () => {
  it('moves the papers to x by year, packed in a worker, with no console error', async () => {
    const { page, problems, workers } = await open();
    const force = await positions(page);
    await page.getByRole('radio', { name: 'Timeline' }).check();
    expect(await page.evaluate(() => window.__atlas!.layoutAnimating())).toBe(true); // packing
    await settled(page);
    expect(workers.some((w) => /timeline\.worker/.test(w))).toBe(true);
    const timeline = await positions(page);
    for (const a of ids) {
      for (const b of ids) {
        if (a.year < b.year)
          expect(timeline[a.id]!.x, `${a.id} (${a.year}) before ${b.id} (${b.year})`).toBeLessThan(
            timeline[b.id]!.x,
          );
      }
    }
    expect(ids.filter((p) => Math.abs(timeline[p.id]!.x - force[p.id]!.x) > 1).length).toBeGreaterThan(
      ids.length / 2,
    );
    await expect(
      page.getByRole('status').filter({ hasText: 'Packing the timeline' }).isVisible(),
    ).resolves.toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Force while the timeline is being packed cancels it: the papers stay where they were', async () => {
    const { page, problems } = await open();
    const force = await positions(page);
    // Timeline, then Force before the worker can answer: both clicks in one task of the page
    const handles = [
      await page.getByRole('radio', { name: 'Timeline' }).elementHandle(),
      await page.getByRole('radio', { name: 'Force' }).elementHandle(),
    ];
    const wasPacking = await page.evaluate(([t, f]) => {
      (t as HTMLInputElement).click();
      const packing = window.__atlas!.layoutAnimating();
      (f as HTMLInputElement).click();
      return packing;
    }, handles);
    expect(wasPacking).toBe(true);
    await settled(page);
    await page.waitForTimeout(1500); // a packing that was not cancelled would have moved them by now
    const after = await positions(page);
    for (const { id } of ids) {
      expect(after[id]!.x).toBeCloseTo(force[id]!.x, 6);
      expect(after[id]!.y).toBeCloseTo(force[id]!.y, 6);
    }
    expect(await page.evaluate(() => window.__atlas!.state()!.layout)).toBe('force');
    await expect(
      page.getByRole('status').filter({ hasText: 'Packing the timeline' }).isVisible(),
    ).resolves.toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
