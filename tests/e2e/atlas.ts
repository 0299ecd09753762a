/**
 * Helpers for the explorer's end-to-end tests: open the app on a fixture and wait until it is ready,
 * and read what is on screen from real screenshots (decoded in the page, so no PNG library is needed).
 */
import type { Browser, Page } from 'playwright-core';

export async function openAtlas(
  browser: Browser,
  baseUrl: string,
  graph = 'fixtures/graphs/small.json',
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const query = graph === '' ? '' : `?graph=${encodeURIComponent(graph)}`;
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForFunction(
    () => window.__atlas !== undefined && window.__atlas.status() !== 'loading',
    null,
    { timeout: 20_000 },
  );
  return page;
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixels of a screenshot of the graph canvas (RGBA), decoded in the page. */
export async function graphPixels(page: Page): Promise<Pixels> {
  const png = await page.locator('.graph').screenshot();
  const raw = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let bin = '';
    for (let i = 0; i < img.data.length; i += 0x8000)
      bin += String.fromCharCode(...img.data.subarray(i, i + 0x8000));
    return { width: img.width, height: img.height, b64: btoa(bin) };
  }, png.toString('base64'));
  return { width: raw.width, height: raw.height, data: new Uint8Array(Buffer.from(raw.b64, 'base64')) };
}

/** Share of pixels where two pictures of one size differ (RGB); throws when their sizes differ. */
export function differingShare(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`pictures of different sizes: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  return n / (a.width * a.height);
}

/** Share of pixels that differ from the background (the top-left pixel). */
export function inkShare(px: Pixels): number {
  const [r0, g0, b0] = px.data;
  let ink = 0;
  for (let i = 0; i < px.data.length; i += 4) {
    if (Math.abs(px.data[i]! - r0!) + Math.abs(px.data[i + 1]! - g0!) + Math.abs(px.data[i + 2]! - b0!) > 30)
      ink++;
  }
  return ink / (px.width * px.height);
}

/** How many pixels within `radius` of (x, y) (canvas coordinates) are close to `color`. */
export function pixelsNear(
  px: Pixels,
  x: number,
  y: number,
  radius: number,
  color: Rgb,
  tolerance = 40,
): number {
  let n = 0;
  for (
    let yy = Math.max(0, Math.round(y - radius));
    yy <= Math.min(px.height - 1, Math.round(y + radius));
    yy++
  ) {
    for (
      let xx = Math.max(0, Math.round(x - radius));
      xx <= Math.min(px.width - 1, Math.round(x + radius));
      xx++
    ) {
      const i = (yy * px.width + xx) * 4;
      if (
        Math.abs(px.data[i]! - color.r) +
          Math.abs(px.data[i + 1]! - color.g) +
          Math.abs(px.data[i + 2]! - color.b) <=
        tolerance
      )
        n++;
    }
  }
  return n;
}

/** A node's position on the graph canvas (canvas coordinates) and on the page. */
export async function nodeOnScreen(
  page: Page,
  id: string,
): Promise<{ page: { x: number; y: number }; canvas: { x: number; y: number } }> {
  const p = await page.evaluate((node) => window.__atlas!.screenPosition(node), id);
  if (!p) throw new Error(`node ${id} is not on screen`);
  const box = await page.locator('.graph').boundingBox();
  if (!box) throw new Error('no graph canvas');
  return { page: p, canvas: { x: p.x - box.x, y: p.y - box.y } };
}

/** Everything that would show up red in the browser's console: console errors, page errors, failed or >= 400 responses. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) =>
    problems.push(`failed request: ${r.url()} (${r.failure()?.errorText ?? '?'})`),
  );
  return problems;
}
