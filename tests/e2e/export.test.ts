/** The Export menu: every item downloads a file; images of the view at 1×, 2×, 4× and as SVG. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { exportFilename } from '../../src/export/data';
import { parseGraphFile } from '../../src/graph/load';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './use-browser';
import { openFixture } from './panel-helpers';
import { compareImages, crop, decodeImage, exportItem, mirror } from './export-helpers';
import { graphPixels, type Pixels } from './atlas';

const browser = useBrowser();
const OUT = 'test-results/export';
mkdirSync(OUT, { recursive: true });

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const SLUG = 'fixture-small-personalization-graph';
const { meta } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
/** The name the app gives an image: exportFilename's, which says the dataset, the scope and the day. */
function imageName(ext: string, suffix?: string): string {
  const name = exportFilename(meta, 'visible', new Date(), ext, suffix);
  for (const part of [SLUG, 'visible', today()]) expect(name).toContain(part);
  return name;
}

async function graphSize(page: Page): Promise<{ width: number; height: number }> {
  const box = (await page.locator('.graph').boundingBox())!;
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** The SVG parsed in the page: whether it is well-formed, its size, what it draws. */
async function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const q = (s: string) => doc.querySelectorAll(s).length;
    const view = doc.getElementById('view');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
      ns: doc.documentElement.namespaceURI,
      version: doc.documentElement.getAttribute('version'),
      circles: q('#nodes circle'),
      linkPaths: q('#edges path'),
      labels: [...doc.querySelectorAll('#labels g:last-child text')].map((t) => t.textContent),
      frameTexts: [...doc.querySelectorAll('#frame text')].map((t) => t.textContent),
      swatches: q('#frame circle'),
      transform: view?.getAttribute('transform') ?? '',
      clip: [...(doc.querySelector('#view-clip rect')?.attributes ?? [])].map((a) => `${a.name}=${a.value}`),
    };
  }, svg);
}

type ParsedSvg = Awaited<ReturnType<typeof parseSvg>>;

/**
 * The SVG opened as a page in Chromium and the PNG export, each with its view box cut out, compared
 * with a screenshot of the live canvas (see `compareImages` for the measures). The control compares
 * the canvas with itself mirrored: same colours, different layout.
 */
async function compareWithCanvas(page: Page, svg: string, parsed: ParsedSvg, name: string) {
  // the canvas as the person sees it, with the panels that float over it (legend card, details drawer) set aside
  const floating = (visibility: string) =>
    page.evaluate(
      (v) =>
        document
          .querySelectorAll<HTMLElement>('.legend-dock, .drawer')
          .forEach((e) => (e.style.visibility = v)),
      visibility,
    );
  await floating('hidden');
  const canvas = await graphPixels(page);
  await floating('');
  writeFileSync(`${OUT}/${name}.svg`, svg);
  const [, tx, ty] = /translate\(([\d.]+) ([\d.]+)\)/.exec(parsed.transform)!.map(Number);
  const svgPage = await browser().newPage({ viewport: { width: parsed.width, height: parsed.height } });
  await svgPage.goto(`file://${process.cwd()}/${OUT}/${name}.svg`);
  const shot = await svgPage.screenshot();
  await svgPage.close();
  writeFileSync(`${OUT}/${name}-svg-rendered.png`, shot);
  const rendered = await decodeImage(page, shot);
  // inset by 2 px: the view's border line belongs to the frame, not to the picture
  const inner = (px: Pixels, x: number, y: number) =>
    crop(px, x + 2, y + 2, canvas.width - 4, canvas.height - 4);
  const live = inner(canvas, 0, 0);
  const pngBytes = (await exportItem(page, 'PNG 1×')).bytes;
  writeFileSync(`${OUT}/${name}-1x.png`, pngBytes);
  const png = await decodeImage(page, pngBytes);
  const result = {
    svg: compareImages(live, inner(rendered, tx!, ty!)),
    png: compareImages(live, inner(png, tx!, ty!)),
    control: compareImages(live, mirror(live)),
  };
  console.log(name, JSON.stringify(result));
  return result;
}

describe('Export menu', () => {
  it('is a menu button with every format, navigable with the keyboard', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const button = page.getByRole('button', { name: 'Export' });
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export' });
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const names = await menu
      .locator('[role="menuitem"], [role="menuitemcheckbox"]')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${e.getAttribute('role')}:${e.childNodes[0]?.textContent?.trim() ?? ''}${e.textContent?.includes('Visible') ? 'Visible papers only' : ''}`,
        ),
      );
    expect(names).toEqual([
      'menuitem:PNG 1×',
      'menuitem:PNG 2×',
      'menuitem:PNG 4×',
      'menuitem:SVG',
      'menuitem:Video (WebM)',
      'menuitem:GIF',
      'menuitemcheckbox:Visible papers only',
      'menuitem:GEXF',
      'menuitem:GraphML',
      'menuitem:JSON',
      'menuitem:CSV',
      'menuitem:BibTeX',
    ]);
    // accessible names are the formats (hints are hidden from them)
    for (const name of [
      'PNG 1×',
      'PNG 2×',
      'PNG 4×',
      'SVG',
      'Video (WebM)',
      'GIF',
      'GEXF',
      'GraphML',
      'JSON',
      'CSV',
      'BibTeX',
    ]) {
      expect(await menu.getByRole('menuitem', { name, exact: true }).count()).toBe(1);
    }
    await page.screenshot({ path: `${OUT}/menu-open.png` });
    const scope = menu.getByRole('menuitemcheckbox', { name: 'Visible papers only' });
    expect(await scope.getAttribute('aria-checked')).toBe('true');
    // the first item has focus; arrows move, wrapping; End / Home jump
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.firstChild?.textContent ?? document.activeElement?.textContent,
      );
    expect(await focused()).toBe('PNG 1×');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('PNG 2×');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('BibTeX');
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    expect(await scope.evaluate((e) => e === document.activeElement)).toBe(true);
    // Enter toggles the checkbox and keeps the menu open
    await page.keyboard.press('Enter');
    expect(await scope.getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press(' ');
    expect(await scope.getAttribute('aria-checked')).toBe('true');
    expect(await menu.isVisible()).toBe(true);
    // Escape closes and gives focus back to the button
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);
    expect(await button.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    // ArrowUp on the button opens on the last item; Enter on an item downloads it
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('BibTeX');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(imageName('svg'));
    expect(await menu.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('PNG 1×, 2× and 4×: the framed view, twice and four times the pixels, downloaded under the CSP', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    const view = await graphSize(page);
    const sizes: Array<{ width: number; height: number }> = [];
    for (const scale of [1, 2, 4]) {
      const { download, bytes } = await exportItem(page, `PNG ${scale}×`);
      expect(download.suggestedFilename()).toBe(imageName('png', scale === 1 ? undefined : `${scale}x`));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(10_000);
      writeFileSync(`${OUT}/view-${scale}x.png`, bytes);
      const px = await decodeImage(page, bytes);
      sizes.push({ width: px.width, height: px.height });
      const status = page.locator('.menu-status');
      expect(await status.textContent()).toBe(`Saved ${download.suggestedFilename()}`);
    }
    // the frame adds a legend column and a title / caption around the view
    expect(sizes[0]!.width).toBeGreaterThan(view.width + 150);
    expect(sizes[0]!.height).toBeGreaterThan(view.height + 60);
    expect(sizes[1]).toEqual({ width: sizes[0]!.width * 2, height: sizes[0]!.height * 2 });
    expect(sizes[2]).toEqual({ width: sizes[0]!.width * 4, height: sizes[0]!.height * 4 });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000); // the 4× image is large for a software rasteriser

  it('SVG: a valid SVG 1.1 document with discs, links, labels and the legend, drawing the same picture as the canvas', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const { download, bytes } = await exportItem(page, 'SVG');
    expect(download.suggestedFilename()).toBe(imageName('svg'));
    const svg = bytes.toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).not.toContain('foreignObject');
    const parsed = await parseSvg(page, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
    expect(parsed.version).toBe('1.1');
    expect(parsed.circles).toBe(16);
    expect(parsed.linkPaths).toBeGreaterThanOrEqual(2);
    expect(parsed.labels).toContain('DreamBooth');
    expect(parsed.frameTexts).toEqual(
      expect.arrayContaining([
        'Fixture: small personalization graph',
        'Model family',
        'Diffusion',
        '9',
        'GAN',
        '4',
        'Links',
        'builds on',
      ]),
    );
    expect(
      parsed.frameTexts.some(
        (t) => t?.includes('build 00000000') && t.includes(today()) && t.includes('filters: no filters'),
      ),
    ).toBe(true);
    expect(parsed.swatches).toBe(4);

    const result = await compareWithCanvas(page, svg, parsed, 'default');
    expect(result.svg.inkCorrelation).toBeGreaterThan(0.98);
    expect(result.svg.inkMeanDiff).toBeLessThan(0.004);
    expect(result.svg.histogramDistance).toBeLessThan(0.1);
    expect(result.png.inkCorrelation).toBeGreaterThan(0.98);
    expect(result.png.inkMeanDiff).toBeLessThan(0.004);
    expect(result.control.inkCorrelation).toBeLessThan(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a selection, another colouring and a zoomed camera: SVG and PNG still draw what the canvas shows, with the selection keys', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    await page.getByRole('combobox', { name: 'Color by' }).selectOption('method');
    await page.evaluate(() => window.__atlas!.select('2208.12242'));
    // zoom in a little around the centre, as a person would with the wheel
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(800);
    const { bytes } = await exportItem(page, 'SVG');
    const svg = bytes.toString('utf8');
    const parsed = await parseSvg(page, svg);
    expect(parsed.error).toBeNull();
    expect(svg).toContain('id="veil"');
    expect(parsed.frameTexts).toEqual(
      expect.arrayContaining(['Selected: DreamBooth', 'cites / builds on', 'cited by / built on by']),
    );
    const result = await compareWithCanvas(page, svg, parsed, 'selection');
    expect(result.svg.inkCorrelation).toBeGreaterThan(0.98);
    expect(result.svg.inkMeanDiff).toBeLessThan(0.004);
    expect(result.svg.histogramDistance).toBeLessThan(0.1);
    expect(result.png.inkCorrelation).toBeGreaterThan(0.98);
    expect(result.control.inkCorrelation).toBeLessThan(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
