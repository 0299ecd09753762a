/**
 * The compact graph form in the page (tests/fixtures/compact/, see make-compact.ts): a graph whose
 * datasets.json lists a binary opens from it and not from the graph file, its first frame drawn from
 * the binary alone by the renderer the app then takes over (boot/first-frame.ts); a link that names a
 * view is drawn by the app; a corrupted binary falls back to the graph file with a console warning
 * naming the file and section, and no error screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function open(
  graph: string,
): Promise<{ page: Page; problems: string[]; warnings: string[]; requested: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const requested: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/fixtures/compact/')) requested.push(path.slice('/fixtures/compact/'.length));
  });
  await page.goto(`${baseUrl}/?graph=fixtures/compact/${graph}`);
  await page.waitForFunction(
    () => window.__atlas !== undefined && window.__atlas.status() !== 'loading',
    null,
    { timeout: 20_000 },
  );
  return { page, problems, warnings, requested };
}

/** What the page shows of the graph: status, counts, and a few papers' positions and labels. */
function shown(page: Page) {
  return page.evaluate(() => {
    const a = window.__atlas!;
    const ids = ['2208.12242', '2102.02766', 'unlabelled-method'];
    return {
      status: a.status(),
      total: a.totalCount(),
      papers: ids.map((id) => ({
        id,
        position: a.position(id),
        label: a.nodeDisplay(id)?.label ?? null,
        color: a.nodeDisplay(id)?.color,
      })),
    };
  });
}

describe('compact graph form', () => {
  it('opens a graph from its compact form, without downloading the graph file', async () => {
    const { page, problems, warnings, requested } = await open('good.json');
    const view = await shown(page);
    expect(view.status).toBe('ready');
    expect(view.total).toEqual({ nodes: 16, edges: 24 });
    expect(requested.sort()).toEqual(['datasets.json', 'good.bin', 'good.side.json']);
    expect(warnings.filter((w) => /compact form/.test(w))).toEqual([]);
    expect(problems).toEqual([]);
    // the first frame was drawn from the binary alone, and the app took its renderer over
    const boot = () =>
      page.evaluate(() => ({
        firstFrame: performance.getEntriesByName('atlas:first-frame').length,
        generation: window.__atlas!.renderer()!.generation,
      }));
    expect(await boot()).toEqual({ firstFrame: 1, generation: 1 });

    // the same as the graph file gives
    const { page: page2 } = await open('bad.json');
    expect(await shown(page2)).toEqual(view);
    await page.close();
    await page2.close();
  });

  it('leaves a link that names a view to the app: that view is drawn, not the default one first', async () => {
    const { page, problems } = await open('good.json&color=year&sel=2208.12242');
    expect(await page.evaluate(() => performance.getEntriesByName('atlas:first-frame').length)).toBe(0);
    expect(await page.evaluate(() => window.__atlas!.state()!.colorBy)).toBe('year');
    expect(await page.evaluate(() => window.__atlas!.state()!.selected)).toBe('2208.12242');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('undoes a first frame whose side table is of another build, and opens the graph file: a warning, no error screen', async () => {
    const { page, problems, warnings, requested } = await open('badside.json');
    expect(await page.evaluate(() => window.__atlas!.status())).toBe('ready');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    // the binary was fine: the first frame was drawn, then the side table refused
    expect(await page.evaluate(() => performance.getEntriesByName('atlas:first-frame').length)).toBe(1);
    const told = warnings.filter((w) => /compact form/.test(w));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /^The compact form could not be used, loading the graph file instead: badside\.side\.json: field "payloadCrc": \d+ does not match the binary's/,
    );
    expect(requested).toContain('badside.json');
    // the app's graph is the graph file's, drawn by a renderer of its own
    const { page: good } = await open('good.json');
    expect(await shown(page)).toEqual(await shown(good));
    expect(problems).toEqual([]);
    await good.close();
    await page.close();
  });

  it('falls back to the graph file when the binary is corrupted: a warning, no error screen', async () => {
    const { page, problems, warnings, requested } = await open('bad.json');
    expect(await page.evaluate(() => window.__atlas!.status())).toBe('ready');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Fixture: small personalization graph',
    );
    expect(requested).toContain('bad.json');
    expect(warnings.filter((w) => /compact form/.test(w))).toEqual([
      expect.stringMatching(
        /^The compact form of bad\.json could not be used, loading bad\.json instead: bad\.bin: section POSX \(entry 5, offset \d+, 128 bytes\): checksum mismatch: the section is corrupted$/,
      ),
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
