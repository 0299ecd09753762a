/** Steps shared by the export and share end-to-end tests: the Export menu, downloads, decoding images. */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Pixels } from './atlas';

/** Opens the Export menu with the mouse. */
export async function openExportMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Export' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('menu', { name: 'Export' }).waitFor();
}

/** Chooses a menu item and returns the download it starts, with its bytes. */
export async function exportItem(page: Page, name: string): Promise<{ download: Download; bytes: Buffer }> {
  await openExportMenu(page);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('menuitem', { name, exact: true }).click(),
  ]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

/** Decodes image bytes (PNG, or SVG when `mime` says so) to RGBA in the page. */
export async function decodeImage(page: Page, bytes: Buffer, mime = 'image/png'): Promise<Pixels> {
  const raw = await page.evaluate(
    async ({ b64, mime }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([data], { type: mime }));
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let bin = '';
      for (let i = 0; i < px.data.length; i += 0x8000)
        bin += String.fromCharCode(...px.data.subarray(i, i + 0x8000));
      return { width: px.width, height: px.height, b64: btoa(bin) };
    },
    { b64: bytes.toString('base64'), mime },
  );
  return { width: raw.width, height: raw.height, data: new Uint8Array(Buffer.from(raw.b64, 'base64')) };
}

/** A crop of an image (x, y, width, height in its pixels). */
export function crop(px: Pixels, x: number, y: number, width: number, height: number): Pixels {
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * px.width + x) * 4;
    data.set(px.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/**
 * Ink grid: the image cut into `cols` × `rows` cells, each the share of its pixels that differ from
 * `background` by more than a threshold. Two renders of the same picture have close grids even when
 * their anti-aliasing differs; a moved or missing cluster of papers shows up as cells that disagree.
 */
export function inkGrid(
  px: Pixels,
  cols: number,
  rows: number,
  background: [number, number, number],
): number[] {
  const grid = new Array<number>(cols * rows).fill(0);
  const counts = new Array<number>(cols * rows).fill(0);
  for (let y = 0; y < px.height; y++) {
    const gy = Math.min(rows - 1, Math.floor((y * rows) / px.height));
    for (let x = 0; x < px.width; x++) {
      const gx = Math.min(cols - 1, Math.floor((x * cols) / px.width));
      const i = (y * px.width + x) * 4;
      const d =
        Math.abs(px.data[i]! - background[0]) +
        Math.abs(px.data[i + 1]! - background[1]) +
        Math.abs(px.data[i + 2]! - background[2]);
      counts[gy * cols + gx]!++;
      if (d > 60) grid[gy * cols + gx]!++;
    }
  }
  return grid.map((g, i) => g / counts[i]!);
}

/**
 * Colour histogram of the ink: pixels away from the background binned by hue family
 * (4 levels per channel = 64 bins), normalised to sum 1.
 */
export function colorHistogram(px: Pixels, background: [number, number, number]): number[] {
  const bins = new Array<number>(64).fill(0);
  let total = 0;
  for (let i = 0; i < px.data.length; i += 4) {
    const [r, g, b] = [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
    if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) <= 60)
      continue;
    bins[(r >> 6) * 16 + (g >> 6) * 4 + (b >> 6)]!++;
    total++;
  }
  return total === 0 ? bins : bins.map((v) => v / total);
}

/** The image mirrored left to right. */
export function mirror(px: Pixels): Pixels {
  const data = new Uint8Array(px.data.length);
  for (let y = 0; y < px.height; y++) {
    for (let x = 0; x < px.width; x++) {
      const from = (y * px.width + x) * 4;
      data.set(px.data.subarray(from, from + 4), (y * px.width + (px.width - 1 - x)) * 4);
    }
  }
  return { width: px.width, height: px.height, data };
}

function pearson(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/**
 * How alike two renders of a view are, on a white background:
 * - `inkCorrelation`: Pearson correlation of their 24 × 16 ink grids (where the drawing is: 1 = same layout);
 * - `inkMeanDiff`: mean absolute difference of the grids' cells (how much ink differs, 0 = none);
 * - `histogramDistance`: half the L1 distance of their ink colour histograms (0 = same colours, 1 = disjoint).
 */
export function compareImages(
  a: Pixels,
  b: Pixels,
): { inkCorrelation: number; inkMeanDiff: number; histogramDistance: number } {
  const bg: [number, number, number] = [a.data[0]!, a.data[1]!, a.data[2]!];
  const ga = inkGrid(a, 24, 16, bg);
  const gb = inkGrid(b, 24, 16, bg);
  const ha = colorHistogram(a, bg);
  const hb = colorHistogram(b, bg);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    inkCorrelation: round(pearson(ga, gb)),
    inkMeanDiff: round(ga.reduce((s, v, i) => s + Math.abs(v - gb[i]!), 0) / ga.length),
    histogramDistance: round(ha.reduce((s, v, i) => s + Math.abs(v - hb[i]!), 0) / 2),
  };
}

/** Opens "Video (WebM)" or "GIF", sets the size, fps and length, records, and returns the download. */
export async function record(
  page: Page,
  item: string,
  o: { width: number; height: number; fps: number; seconds: number },
) {
  await openExportMenu(page);
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('Width (px)').fill(String(o.width));
  await dialog.getByLabel('Height (px)').fill(String(o.height));
  await dialog.getByLabel('Frames per second').selectOption(String(o.fps));
  await dialog.getByLabel('Length (s)').fill(String(o.seconds));
  // the length shows before recording
  const frames = o.fps * o.seconds;
  expect(await dialog.getByTestId('video-summary').textContent()).toContain(
    `${o.seconds} s · ${frames} frames at ${o.fps} fps`,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    dialog.getByRole('button', { name: 'Record' }).click(),
  ]);
  const bytes = await readFile(await download.path());
  await dialog.waitFor({ state: 'detached' });
  return { name: download.suggestedFilename(), bytes, dialog };
}
