/**
 * Playback on the bundled graph: Play, Pause and the month steps change what shows and the caption;
 * the Export menu records the playback as WebM and GIF, decoded here by independent decoders
 * (ts-ebml reads the WebM's EBML, the browser's own VideoDecoder decodes its VP8/VP9 frames;
 * gifuct-js decodes the GIF).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { decompressFrames, parseGIF } from 'gifuct-js';
import type { Page } from 'playwright-core';
import { Decoder, tools } from 'ts-ebml';
import { describe, expect, inject, it } from 'vitest';
import { openAtlas, type Pixels } from './atlas';
import { openExportMenu, record } from './export-helpers';
import { visibleCount } from './panel-helpers';
import { useBrowser } from './use-browser';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const OUT = 'test-results/playback';
mkdirSync(OUT, { recursive: true });

const caption = (page: Page) => page.getByTestId('playback-caption').textContent();
const playback = (page: Page) => page.getByRole('group', { name: 'Playback' });

describe('playback', () => {
  it('Play, Pause and the month steps change the papers shown and the caption', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const all = await visibleCount(page);
    expect(await page.getByTestId('playback-caption').isHidden()).toBe(true);
    const controls = playback(page);
    await controls.getByRole('combobox', { name: 'Speed (months per second)' }).selectOption('12');
    await controls.getByRole('button', { name: 'Play', exact: true }).click();
    // playing starts at the first paper's month: few papers show
    await page.getByTestId('playback-caption').waitFor();
    const early = await visibleCount(page);
    expect(early.nodes).toBeLessThan(all.nodes / 4);
    const firstCaption = await caption(page);
    expect(firstCaption).toMatch(
      /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4} · \d+ papers?, \d+ links?$/,
    );
    await page.waitForFunction(
      (first) => document.querySelector('[data-testid="playback-caption"]')?.textContent !== first,
      firstCaption,
    );
    // play on until a paper more shows (the second paper comes 10 months after the first: 0.8 s at
    // this speed; a fixed wait raced it)
    await page.waitForFunction((n) => window.__atlas!.visibleCount().nodes > n, early.nodes, {
      timeout: 10_000,
    });
    await controls.getByRole('button', { name: 'Pause', exact: true }).click();
    const paused = await visibleCount(page);
    const pausedCaption = await caption(page);
    expect(paused.nodes).toBeGreaterThan(early.nodes);
    expect(pausedCaption).not.toBe(firstCaption);
    // paused: nothing moves
    await page.waitForTimeout(400);
    expect(await caption(page)).toBe(pausedCaption);
    // the legend's counts follow the playhead
    const legendTotal = await page.$$eval('.legend-count', (els) =>
      els.reduce((n, el) => n + Number(el.textContent), 0),
    );
    expect(legendTotal).toBeGreaterThanOrEqual(paused.nodes);
    expect(legendTotal).toBeLessThan(all.nodes);

    // a month on, then back: the caption names the next month, then this one again
    const month = () => page.getByTestId('playback-date').textContent();
    const before = await month();
    await controls.getByRole('button', { name: 'Forward one month' }).click();
    const next = await month();
    expect(next).not.toBe(before);
    expect((await visibleCount(page)).nodes).toBeGreaterThanOrEqual(paused.nodes);
    await controls.getByRole('button', { name: 'Back one month' }).click();
    expect(await month()).toBe(before);
    expect(await visibleCount(page)).toEqual(paused);
    // the playhead and the speed are in the link
    expect(new URL(page.url()).searchParams.get('speed')).toBe('12');
    expect(new URL(page.url()).searchParams.get('play')).toMatch(/^\d{4}-\d{2}$/);

    // it plays in the timeline layout too, with the same papers at the same month
    await page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Timeline' }).check();
    await page.waitForFunction(() => !window.__atlas!.layoutAnimating(), null, { timeout: 10_000 });
    expect(await page.evaluate(() => window.__atlas!.state()!.layout)).toBe('timeline');
    expect(await visibleCount(page)).toEqual(paused);
    await controls.getByRole('button', { name: 'Forward one month' }).click();
    expect(await month()).toBe(next);

    await controls.getByRole('button', { name: 'End playback' }).click();
    expect(await visibleCount(page)).toEqual(all);
    expect(await page.getByTestId('playback-caption').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('playing writes the address a few times a second, not once a month, and ends on the month shown', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __historyCalls: number[] };
      w.__historyCalls = [];
      for (const name of ['pushState', 'replaceState'] as const) {
        const original = history[name].bind(history);
        history[name] = (...args: Parameters<History['pushState']>) => {
          w.__historyCalls.push(performance.now());
          original(...args);
        };
      }
    });
    await page.goto(`${baseUrl}/?speed=24`);
    await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
    const calls = () =>
      page.evaluate(() => (window as unknown as { __historyCalls: number[] }).__historyCalls);
    const before = (await calls()).length;
    await playback(page).getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(2000);
    await playback(page).getByRole('button', { name: 'Pause', exact: true }).click();
    const months = await page.evaluate(() => window.__atlas!.state()!.filters.playhead);
    expect(months).not.toBeNull();
    await page.waitForTimeout(400);
    // many months went by, but the address was written at most every 250 ms (and at the first month)
    const times = (await calls()).slice(before);
    const first = Number(
      await playback(page).getByRole('slider', { name: 'Playback month' }).getAttribute('min'),
    );
    const monthsPlayed = months!.year * 12 + months!.month - 1 - first;
    expect(monthsPlayed).toBeGreaterThan(12);
    expect(times.length).toBeLessThan(monthsPlayed / 2);
    expect(times.length).toBeLessThanOrEqual((times.at(-1)! - times[0]!) / 250 + 3);
    const key = `${months!.year}-${String(months!.month).padStart(2, '0')}`;
    expect(new URL(page.url()).searchParams.get('play')).toBe(key);
    await page.close();
  });

  it('a link with play= and speed= opens paused at that month, at that speed', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    const all = await visibleCount(page);
    await page.goto(`${baseUrl}/?play=2022-06&speed=3`);
    await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
    expect(await caption(page)).toMatch(/^June 2022 · \d+ papers?/);
    expect(
      await playback(page).getByRole('combobox', { name: 'Speed (months per second)' }).inputValue(),
    ).toBe('3');
    expect(await playback(page).getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    const shown = await visibleCount(page);
    expect(shown.nodes).toBeGreaterThan(0);
    expect(shown.nodes).toBeLessThan(all.nodes);
    await page.close();
  });
});

/** Pixels that are clearly coloured (a paper's disc, not grey text or white). */
function colouredPixels(px: Pixels, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.floor(y0 * px.height); y < y1 * px.height; y++) {
    for (let x = Math.floor(x0 * px.width); x < x1 * px.width; x++) {
      const i = (y * px.width + x) * 4;
      const r = px.data[i]!;
      const g = px.data[i + 1]!;
      const b = px.data[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
    }
  }
  return n;
}

/** The ink mask (pixels far from white) of a band of rows, as 0/1 per pixel. */
function inkMask(px: Pixels, y0: number, y1: number): number[] {
  const mask: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < px.width; x++) {
      const i = (y * px.width + x) * 4;
      mask.push(765 - px.data[i]! - px.data[i + 1]! - px.data[i + 2]! > 120 ? 1 : 0);
    }
  }
  return mask;
}

/** The lowest row with ink: the caption's last line. */
function lastInkRow(px: Pixels): number {
  for (let y = px.height - 1; y >= 0; y--) if (inkMask(px, y, y + 1).some((v) => v === 1)) return y;
  return -1;
}

const differing = (a: number[], b: number[]) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

/** The first frame shows fewer papers than the last; the caption (the month) differs, the title does not. */
function checkFrames(first: Pixels, last: Pixels) {
  // the graph: the left part of the frame under the title (the legend is on the right)
  const early = colouredPixels(first, 0.03, 0.15, 0.7, 0.85);
  const late = colouredPixels(last, 0.03, 0.15, 0.7, 0.85);
  expect(late).toBeGreaterThan(early * 1.5 + 20);
  const bottom = Math.max(lastInkRow(first), lastInkRow(last));
  expect(bottom).toBeGreaterThan(first.height / 2);
  const band = Math.round(first.height * 0.04);
  const captionDiff = differing(
    inkMask(first, bottom - band, bottom + 1),
    inkMask(last, bottom - band, bottom + 1),
  );
  const titleDiff = differing(inkMask(first, 0, band * 2), inkMask(last, 0, band * 2));
  expect(captionDiff).toBeGreaterThan(10);
  expect(captionDiff).toBeGreaterThan(titleDiff * 3);
}

interface WebmBlock {
  data: Buffer;
  key: boolean;
  /** Milliseconds from the start (cluster timecode + block timecode, at the default 1 ms scale). */
  time: number;
}

/** Reads the WebM's EBML with ts-ebml: codec, duration, the frames' blocks and times. */
function readWebm(bytes: Buffer) {
  const elements = new Decoder().decode(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  let scale = 1_000_000;
  let duration = Number.NaN;
  let codec = '';
  let cluster = 0;
  const blocks: WebmBlock[] = [];
  for (const e of elements) {
    if (e.type === 'm') continue;
    const value = (e as unknown as { value: unknown }).value;
    // Matroska renamed Timecode to Timestamp; ts-ebml's schema may say either
    if (e.name === 'TimecodeScale' || e.name === 'TimestampScale') scale = Number(value);
    else if (e.name === 'Duration') duration = Number(value);
    else if (e.name === 'CodecID') codec = String(value);
    else if (e.name === 'Timecode' || e.name === 'Timestamp') cluster = Number(value);
    else if (e.name === 'SimpleBlock' || e.name === 'Block') {
      const b = tools.ebmlBlock(value as Buffer);
      for (const f of b.frames)
        blocks.push({ data: f, key: e.name === 'Block' || b.keyframe, time: cluster + b.timecode });
    }
  }
  return { codec, seconds: (duration * scale) / 1e9, msPerTick: scale / 1e6, blocks };
}

/** Decodes the blocks with the page's own VideoDecoder; returns the first and last frame's pixels. */
async function decodeWebmFrames(
  page: Page,
  codec: string,
  blocks: WebmBlock[],
): Promise<{ count: number; first: Pixels; last: Pixels }> {
  const raw = await page.evaluate(
    async ({ codec, chunks }) => {
      const frames: VideoFrame[] = [];
      const decoder = new VideoDecoder({
        output: (f) => frames.push(f),
        error: (e) => {
          throw e;
        },
      });
      decoder.configure({ codec: codec === 'V_VP9' ? 'vp09.00.10.08' : 'vp8' });
      for (const c of chunks) {
        const data = Uint8Array.from(atob(c.b64), (ch) => ch.charCodeAt(0));
        decoder.decode(
          new EncodedVideoChunk({ type: c.key ? 'key' : 'delta', timestamp: c.time * 1000, data }),
        );
      }
      await decoder.flush();
      const read = (f: VideoFrame) => {
        const canvas = new OffscreenCanvas(f.displayWidth, f.displayHeight);
        const g = canvas.getContext('2d')!;
        g.drawImage(f, 0, 0);
        const px = g.getImageData(0, 0, canvas.width, canvas.height);
        let bin = '';
        for (let i = 0; i < px.data.length; i += 0x8000)
          bin += String.fromCharCode(...px.data.subarray(i, i + 0x8000));
        return { width: px.width, height: px.height, b64: btoa(bin) };
      };
      const out = { count: frames.length, first: read(frames[0]!), last: read(frames[frames.length - 1]!) };
      for (const f of frames) f.close();
      return out;
    },
    { codec, chunks: blocks.map((b) => ({ b64: b.data.toString('base64'), key: b.key, time: b.time })) },
  );
  const px = (r: { width: number; height: number; b64: string }): Pixels => ({
    width: r.width,
    height: r.height,
    data: new Uint8Array(Buffer.from(r.b64, 'base64')),
  });
  return { count: raw.count, first: px(raw.first), last: px(raw.last) };
}

describe('video export', () => {
  const size = { width: 640, height: 400, fps: 5, seconds: 3 };

  it('the test browser has WebCodecs with VP8 or VP9 (else only the GIF fallback is tested here)', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    const support = await page.evaluate(async () => {
      if (typeof VideoEncoder === 'undefined') return null;
      const ok = async (codec: string) =>
        (await VideoEncoder.isConfigSupported({ codec, width: 640, height: 400 })).supported === true;
      return { vp8: await ok('vp8'), vp9: await ok('vp09.00.10.08') };
    });
    expect(support).not.toBeNull();
    expect(support!.vp8 || support!.vp9).toBe(true);
    await page.close();
  });

  it('records a 3-second WebM of the playback, frame by frame', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const before = await visibleCount(page);
    const { name, bytes } = await record(page, 'Video (WebM)', size);
    writeFileSync(`${OUT}/${name}`, bytes);
    expect(name).toMatch(/playback\.webm$/);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    const webm = readWebm(bytes);
    expect(['V_VP8', 'V_VP9']).toContain(webm.codec);
    // frame count = fps × duration; frames 1/fps apart; the file says 3 s
    expect(webm.blocks).toHaveLength(size.fps * size.seconds);
    const times = webm.blocks.map((b) => b.time * webm.msPerTick).sort((a, b) => a - b);
    times.forEach((t, i) => expect(t).toBeCloseTo((i * 1000) / size.fps, 0));
    expect(webm.seconds).toBeCloseTo(size.seconds, 1);
    expect(webm.blocks[0]!.key).toBe(true);
    const decoded = await decodeWebmFrames(page, webm.codec, webm.blocks);
    expect(decoded.count).toBe(size.fps * size.seconds);
    expect(decoded.first.width).toBe(size.width);
    expect(decoded.first.height).toBe(size.height);
    checkFrames(decoded.first, decoded.last);
    // the view is back as it was
    expect(await visibleCount(page)).toEqual(before);
    expect(await page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toContain(name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records a GIF of the playback', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    const { name, bytes } = await record(page, 'GIF', size);
    writeFileSync(`${OUT}/${name}`, bytes);
    expect(name).toMatch(/playback\.gif$/);
    const gif = parseGIF(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(gif.lsd.width).toBe(size.width);
    expect(gif.lsd.height).toBe(size.height);
    const frames = decompressFrames(gif, true);
    expect(frames).toHaveLength(size.fps * size.seconds);
    expect(frames.reduce((ms, f) => ms + f.delay, 0)).toBe(size.seconds * 1000);
    const full = (i: number): Pixels => {
      const f = frames[i]!;
      expect(f.dims).toEqual({ width: size.width, height: size.height, top: 0, left: 0 });
      return { width: size.width, height: size.height, data: new Uint8Array(f.patch) };
    };
    checkFrames(full(0), full(frames.length - 1));
    await page.close();
  });

  it('a recording can be cancelled: no file, and the view is back as it was', async () => {
    const page = await openAtlas(browser(), baseUrl, '');
    const before = await visibleCount(page);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await openExportMenu(page);
    await page.getByRole('menuitem', { name: 'GIF', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Width (px)').fill('320');
    await dialog.getByLabel('Height (px)').fill('200');
    await dialog.getByLabel('Frames per second').selectOption('5');
    await dialog.getByLabel('Length (s)').fill('60');
    await dialog.getByRole('button', { name: 'Record' }).click();
    // progress shows
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Frame \d+ of 300$/);
    expect(Number(await dialog.locator('progress').getAttribute('value'))).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);
    expect(await page.getByRole('status').filter({ hasText: 'GIF: cancelled' }).count()).toBe(1);
    expect(await visibleCount(page)).toEqual(before);
    await page.close();
  });

  it('a browser without WebCodecs gets the GIF and a sentence saying why', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      delete (window as { VideoEncoder?: unknown }).VideoEncoder;
    });
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 20_000 });
    await openExportMenu(page);
    await page.getByRole('menuitem', { name: 'Video (WebM)', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('no WebCodecs video encoder');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const small = { width: 160, height: 100, fps: 5, seconds: 1 };
    const { name, bytes } = await record(page, 'Video (WebM)', small);
    expect(name).toMatch(/playback\.gif$/);
    expect(
      decompressFrames(
        parseGIF(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
        false,
      ),
    ).toHaveLength(5);
    await page.close();
  });
});
