/**
 * "My library" on the bundled graph: a Zotero-style BibTeX export opened through the UI is matched
 * (10 of its 12 entries), ringed in the graph, keyed in the legend, listed in the region ("Not in
 * your library", "New since"); it survives a reload (this browser's storage) and never enters the
 * link; the exports (pictures and the playback's video frames) show it only when "Include my
 * library" is ticked; a malformed file gets a
 * located error and the library stays; "Clear my library" removes it.
 */
import { join } from 'node:path';
import { decompressFrames, parseGIF } from 'gifuct-js';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  collectProblems,
  graphPixels,
  hexToRgb,
  nodeOnScreen,
  openAtlas,
  pixelsNear,
  type Pixels,
} from './atlas';
import { decodeImage, exportItem, openExportMenu, record } from './export-helpers';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const FIXTURES = join(__dirname, '../fixtures/library');
/** The ring's colour in the light theme (src/render/theme.ts). */
const RING = hexToRgb('#d6336c');

const region = (page: Page) => page.getByRole('region', { name: 'My library' });
const summary = (page: Page) => region(page).getByTestId('library-summary');

async function chooseLibrary(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    region(page).getByRole('button', { name: 'Open my library…' }).click(),
  ]);
  await chooser.setFiles(file);
}

const libraryNodes = (page: Page) => page.evaluate(() => window.__atlas!.state()!.library?.nodes ?? null);

describe('my library', () => {
  it("rings its papers in the playback's video frames only when Include my library is ticked", async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    await chooseLibrary(page, join(FIXTURES, 'zotero.bib'));
    await summary(page).filter({ hasText: '10 of 12 entries matched' }).waitFor();
    const size = { width: 1280, height: 800, fps: 5, seconds: 1 };
    /** Ring-coloured pixels in the last frame of a recorded GIF (the palette shifts colours a little). */
    const lastFrameRings = async (): Promise<number> => {
      const { bytes } = await record(page, 'GIF', size);
      const gif = parseGIF(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
      const frames = decompressFrames(gif, true);
      expect(frames).toHaveLength(size.fps * size.seconds);
      const px: Pixels = {
        width: size.width,
        height: size.height,
        data: new Uint8Array(frames.at(-1)!.patch),
      };
      return pixelsNear(px, px.width / 2, px.height / 2, Math.max(px.width, px.height), RING, 40);
    };
    const without = await lastFrameRings();
    await openExportMenu(page);
    const include = page.getByRole('menuitemcheckbox', { name: 'Include my library' });
    await include.click();
    expect(await include.getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
    const withRings = await lastFrameRings();
    expect(withRings).toBeGreaterThan(without + 50);
    await page.close();
  });

  it('marks a Zotero export, lists what to read next, survives a reload, stays out of the link, and clears', async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    const problems = collectProblems(page);
    // the library's code is not loaded at start-up
    const loadedLibraryCode = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => /library-view/.test(e.name)));
    expect(await loadedLibraryCode()).toBe(false);
    const probe = '2208.01618';
    const before = await nodeOnScreen(page, probe);
    const r = await page.evaluate((id) => window.__atlas!.nodeDisplay(id)!.size, probe);
    const ringBefore = pixelsNear(await graphPixels(page), before.canvas.x, before.canvas.y, r + 6, RING, 30);

    await chooseLibrary(page, join(FIXTURES, 'zotero.bib'));
    await expect
      .poll(() => summary(page).textContent(), { timeout: 15_000 })
      .toBe('10 of 12 entries matched; 2 not in this graph');
    expect(await loadedLibraryCode()).toBe(true);
    const unmatched = region(page).getByTestId('library-unmatched');
    await unmatched.locator('summary').click();
    expect(await unmatched.locator('li').allTextContents()).toEqual([
      'vaswani_attention_2017 (line 71): Attention Is All You Need',
      'lecun_deep_2015 (line 80): doi 10.1038/nature14539',
    ]);
    expect((await libraryNodes(page))?.length).toBe(10);

    // the legend's key and the rings
    const key = page.getByTestId('legend-library');
    await expect.poll(() => key.isVisible()).toBe(true);
    expect(await key.textContent()).toBe('In my library10');
    await expect.poll(() => page.evaluate(() => window.__atlas!.libraryRings())).toBe(10);
    const after = await nodeOnScreen(page, probe);
    const ringAfter = pixelsNear(await graphPixels(page), after.canvas.x, after.canvas.y, r + 6, RING, 30);
    expect(ringAfter).toBeGreaterThan(ringBefore + 10);

    // the export shows the library only when asked (the whole graph in view: every ring)
    const svgWithout = (await exportItem(page, 'SVG')).bytes.toString('utf8');
    expect(svgWithout).not.toContain('<g id="library"');
    expect(svgWithout).not.toContain('In my library');
    await openExportMenu(page);
    const include = page.getByRole('menuitemcheckbox', { name: 'Include my library' });
    await include.click();
    expect(await include.getAttribute('aria-checked')).toBe('true');
    const svgWith = (await exportItem(page, 'SVG')).bytes.toString('utf8');
    const rings = /<g id="library"[^>]*>\n([\s\S]*?)<\/g>/.exec(svgWith)?.[1] ?? '';
    expect(rings.match(/<circle/g)?.length).toBe(10);
    expect(svgWith).toContain('>In my library</text>');
    // the PNG too: ring-coloured pixels appear only with the box ticked
    const ringPixels = (px: Pixels) =>
      pixelsNear(px, px.width / 2, px.height / 2, Math.max(px.width, px.height), RING, 30);
    const pngWith = ringPixels(await decodeImage(page, (await exportItem(page, 'PNG 1×')).bytes));
    await openExportMenu(page);
    await include.click();
    expect(await include.getAttribute('aria-checked')).toBe('false');
    const pngWithout = ringPixels(await decodeImage(page, (await exportItem(page, 'PNG 1×')).bytes));
    expect(pngWith).toBeGreaterThan(pngWithout + 200);

    // what to read next: rows select their paper
    const notIn = region(page).getByTestId('library-not-in').getByRole('button');
    expect(await notIn.count()).toBe(15);
    const first = await notIn.first().getAttribute('data-node');
    expect(await libraryNodes(page)).not.toContain(first);
    await notIn.first().click();
    await expect.poll(() => page.evaluate(() => window.__atlas!.state()!.selected)).toBe(first);
    const since = region(page).getByRole('spinbutton', { name: 'New since the end of year' });
    await since.fill('2024');
    await since.dispatchEvent('change');
    const fresh = region(page).getByTestId('library-new').getByRole('button');
    await expect.poll(() => fresh.count()).toBeGreaterThan(0);
    for (const text of await fresh.locator('.library-title').allTextContents())
      expect(text).toMatch(/ · 2025$/);

    // never in the link (the selection is, as ever)
    const url = new URL(page.url());
    expect(url.searchParams.get('sel')).toBe(first);
    expect(url.search).not.toMatch(/librar/i);
    for (const id of (await libraryNodes(page))!) expect(url.search).not.toContain(encodeURIComponent(id));

    // a reload keeps it (this browser's storage), still out of the link
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.status() === 'ready');
    await expect
      .poll(() => summary(page).textContent(), { timeout: 15_000 })
      .toBe('10 of 12 entries matched; 2 not in this graph');
    expect((await libraryNodes(page))?.length).toBe(10);
    expect(new URL(page.url()).search).not.toMatch(/librar/i);

    // a malformed file: a located error, and the library stays
    await chooseLibrary(page, {
      name: 'broken.ris',
      mimeType: 'application/x-research-info-systems',
      buffer: Buffer.from('TY  - JOUR\nTI  - A\nTY  - JOUR\nER  - \n'),
    });
    const error = region(page).getByTestId('library-error');
    await expect
      .poll(() => error.textContent())
      .toBe(
        'broken.ris, line 3: a new record (TY) starts before the record opened on line 1 was closed with "ER  - "',
      );
    expect(await summary(page).textContent()).toBe('10 of 12 entries matched; 2 not in this graph');
    expect((await libraryNodes(page))?.length).toBe(10);

    // another format replaces it, and the error goes
    await chooseLibrary(page, join(FIXTURES, 'zotero.ris'));
    await expect.poll(() => error.isVisible()).toBe(false);
    expect(await summary(page).textContent()).toBe('10 of 12 entries matched; 2 not in this graph');

    // Clear removes it, here and from storage
    await region(page).getByRole('button', { name: 'Clear my library' }).click();
    await expect.poll(() => libraryNodes(page)).toBeNull();
    expect(await summary(page).count()).toBe(0);
    expect(await key.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => window.__atlas!.libraryRings())).toBe(0);
    await page.reload();
    await page.waitForFunction(() => window.__atlas?.status() === 'ready');
    expect(await libraryNodes(page)).toBeNull();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('library')))).toEqual(
      [],
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
