/**
 * Picture moves (src/render/picture-moves.ts) with a real pointer: where frames are slow, dragging
 * the view moves the drawn picture and draws the graph once the pointer rests; where they are fast,
 * it draws at every step. The frame budget is set through `window.__atlas.pictureMovesAbove`, so
 * both run whatever this machine's speed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems, graphPixels, hexToRgb, nodeOnScreen, openAtlas, pixelsNear } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const PSP = '2008.00951';
const GAN = hexToRgb('#e69f00');
const DRAG = { x: 70, y: 45 };

const stats = (page: Page) => page.evaluate(() => window.__atlas!.renderer()!);

interface Sample {
  moves: number;
  renders: number;
  /** Some canvas is moved by a transform. */
  moved: boolean;
  /** The canvases shown that are drawn under the last render's camera, untransformed. */
  current: string[];
  /** The canvases shown that still show a picture drawn before, moved. */
  moving: string[];
}

/**
 * Drags the view by DRAG from an empty corner, sampling the renderer and the canvases' transforms
 * every frame meanwhile, and after until `until` holds in the page (by default: at once).
 */
async function drag(
  page: Page,
  until: (renders: number) => boolean = () => true,
  renders = 0,
): Promise<Sample[]> {
  const box = (await page.locator('.graph').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __samples: unknown[]; __sampling: boolean };
    w.__samples = [];
    w.__sampling = true;
    const tick = () => {
      const r = window.__atlas!.renderer()!;
      const shown = [...document.querySelectorAll<HTMLCanvasElement>('.graph canvas')].filter(
        // the pointer's canvas (transparent) is never moved
        (c) => c.style.visibility !== 'hidden' && c.style.display !== 'none' && !c.matches('.sigma-mouse'),
      );
      const name = (c: HTMLCanvasElement) => c.className.replace('sigma-', '');
      w.__samples.push({
        moves: r.pictureMoves,
        renders: r.graphRenders,
        moved: shown.some((c) => c.style.transform !== ''),
        current: shown.filter((c) => c.style.transform === '').map(name),
        moving: shown.filter((c) => c.style.transform !== '').map(name),
      });
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const from = { x: box.x + 24, y: box.y + 24 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + DRAG.x, from.y + DRAG.y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(until, renders, { timeout: 5000 });
  return page.evaluate(async () => {
    const w = window as unknown as { __samples: Sample[]; __sampling: boolean };
    // a sample of the frame after
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    w.__sampling = false;
    return w.__samples;
  });
}

/** The bundled fixture opened with a frame budget (ms) for picture moves, and its renderer's figures then. */
async function open(budget: number) {
  const page = await openAtlas(browser(), baseUrl);
  const problems = collectProblems(page);
  await page.evaluate((ms) => window.__atlas!.pictureMovesAbove(ms), budget);
  return { page, problems, before: await stats(page) };
}

const noTransform = () =>
  [...document.querySelectorAll<HTMLCanvasElement>('.graph canvas')].every((c) => c.style.transform === '');

describe('picture moves', () => {
  it('slow frames: a drag moves the drawn picture, then the graph is drawn where it went', async () => {
    const { page, problems, before } = await open(0);
    const p0 = await nodeOnScreen(page, PSP);
    // sampled until the graph is drawn again and shown
    const samples = await drag(
      page,
      (renders) =>
        window.__atlas!.renderer()!.graphRenders > renders &&
        [...document.querySelectorAll<HTMLCanvasElement>('.graph canvas')].every(
          (c) => c.style.transform === '',
        ),
      before.graphRenders,
    );
    // the pointer's steps moved the picture (CSS transforms), not drawn the graph at each step
    expect(
      samples.some((s) => s.moved && s.moves > before.pictureMoves && s.renders === before.graphRenders),
    ).toBe(true);
    // once the pointer rests, the graph is drawn once, where the picture went, and shown once
    // rasterised (deferred-present.ts): meanwhile the WebGL layers keep the moved picture and take
    // the new one in turn, while the labels, drawn at once, show where the moved picture has them
    const after = samples.filter((s) => s.renders > before.graphRenders);
    expect(after.at(-1)!.renders).toBe(before.graphRenders + 1);
    // the links' layer is copied a frame after the papers' at the soonest: a frame shows it moved
    const waiting = after.filter((s) => s.moving.length > 0);
    expect(waiting.some((s) => s.moving.includes('edges'))).toBe(true);
    for (const s of waiting) {
      expect(s.moving.filter((c) => c !== 'nodes' && c !== 'edges')).toEqual([]);
      expect(s.current).toContain('labels');
    }
    expect(after.at(-1)!.moving).toEqual([]);
    expect(after.at(-1)!.current).toEqual(expect.arrayContaining(['nodes', 'edges', 'labels']));
    // the view went with the pointer (and a little further: sigma's inertia after a quick drag)
    const p1 = await nodeOnScreen(page, PSP);
    expect(p1.page.x - p0.page.x).toBeGreaterThan(DRAG.x - 2);
    expect(p1.page.y - p0.page.y).toBeGreaterThan(DRAG.y - 2);
    const pixels = await graphPixels(page);
    expect(pixelsNear(pixels, p1.canvas.x, p1.canvas.y, 3, GAN)).toBeGreaterThan(5);
    // hovering finds the paper where it is now drawn
    await page.mouse.move(p1.page.x, p1.page.y, { steps: 3 });
    await page.waitForFunction((n) => window.__atlas!.state()!.hovered === n, PSP, { timeout: 5000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a zoom moves the picture too, about the pointer: the paper under it stays there, hovered', async () => {
    const { page, problems, before } = await open(0);
    const p0 = await nodeOnScreen(page, PSP);
    // zooming about the paper keeps it under the pointer
    await page.mouse.move(p0.page.x + 40, p0.page.y + 40);
    await page.mouse.move(p0.page.x, p0.page.y);
    await page.waitForFunction((n) => window.__atlas!.state()!.hovered === n, PSP, { timeout: 5000 });
    await page.mouse.wheel(0, -240);
    await page.waitForFunction(
      (moves) => window.__atlas!.renderer()!.pictureMoves > moves,
      before.pictureMoves,
      { timeout: 5000 },
    );
    await page.waitForFunction(noTransform, null, { timeout: 5000 });
    expect((await stats(page)).graphRenders).toBeGreaterThan(before.graphRenders);
    const p1 = await nodeOnScreen(page, PSP);
    expect(Math.hypot(p1.page.x - p0.page.x, p1.page.y - p0.page.y)).toBeLessThan(4);
    expect(await page.evaluate(() => window.__atlas!.state()!.hovered)).toBe(PSP);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fast frames: a drag draws the graph at its steps, with no transform', async () => {
    const { page, problems, before } = await open(Number.POSITIVE_INFINITY);
    const samples = await drag(page);
    expect(samples.every((s) => !s.moved && s.moves === before.pictureMoves)).toBe(true);
    expect(samples.at(-1)!.renders).toBeGreaterThan(before.graphRenders + 1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
