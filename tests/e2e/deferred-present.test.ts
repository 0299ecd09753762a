/**
 * The first render shown once rasterised (src/render/deferred-present.ts): on the bundled graph, the
 * graph's layers draw into framebuffers of their own while their canvases stay hidden, then are
 * copied onto their canvases a canvas a frame, the papers first, the labels shown with the last;
 * the contexts are given back as they were, and a render drawn directly after shows the same
 * picture. Without WebGL 2 (no fences, no framebuffer copies) the layers draw directly.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems, differingShare, graphPixels, inkShare } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface Blit {
  layer: string;
  frame: number;
  hidden: boolean;
  labelsHidden: boolean | null;
}
interface Seen {
  firstDrawHidden: boolean | null;
  blits: Blit[];
}

/** Before any page script: counts animation frames, and logs the first draw and each copy. */
const PROBE = `(() => {
  const w = window;
  const seen = (w.__seen = { firstDrawHidden: null, blits: [] });
  let frame = 0;
  const tick = () => { frame += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const P = w.WebGL2RenderingContext.prototype;
  const draw = P.drawArrays;
  P.drawArrays = function (mode, first, count) {
    if (count > 0 && seen.firstDrawHidden === null && this.canvas.classList.contains('sigma-nodes'))
      seen.firstDrawHidden = this.canvas.style.visibility === 'hidden';
    return draw.apply(this, arguments);
  };
  const blit = P.blitFramebuffer;
  P.blitFramebuffer = function () {
    const labels = document.querySelector('.graph canvas.sigma-labels');
    seen.blits.push({
      layer: this.canvas.className,
      frame,
      hidden: this.canvas.style.visibility === 'hidden',
      labelsHidden: labels ? labels.style.visibility === 'hidden' : null,
    });
    return blit.apply(this, arguments);
  };
})();`;

/** Before any page script: a browser without WebGL 2. */
const NO_WEBGL2 = `(() => {
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    return kind === 'webgl2' ? null : get.call(this, kind, ...rest);
  };
})();`;

async function open(probe: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  await page.addInitScript(probe);
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => window.__atlas?.status() === 'ready', null, { timeout: 30_000 });
  return { page, problems };
}

/** Two animation frames: what was drawn before is on screen. */
const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('the first render, shown once rasterised', () => {
  it('copies the layers onto their hidden canvases a frame apart, papers first, and gives the contexts back', async () => {
    const { page, problems } = await open(PROBE);
    await page.waitForFunction(() => window.__atlas!.renderer()!.firstPresentAt !== null, null, {
      timeout: 30_000,
    });
    const stats = await page.evaluate(() => window.__atlas!.renderer()!);
    expect(stats.firstPresentAt!).toBeGreaterThanOrEqual(stats.firstRenderAt!);
    const seen = (await page.evaluate('window.__seen')) as Seen;
    // drawn while its canvas was hidden
    expect(seen.firstDrawHidden).toBe(true);
    // the papers' layer, then the links' a frame later, each onto its canvas while hidden; the
    // graph's labels shown after the last
    const first = seen.blits.slice(0, 2);
    expect(first.map((b) => b.layer)).toEqual(['sigma-nodes', 'sigma-edges']);
    expect(first.every((b) => b.hidden && b.labelsHidden === true)).toBe(true);
    expect(first[1]!.frame).toBeGreaterThan(first[0]!.frame);
    // nothing more copied: the later renders draw directly
    expect(seen.blits).toHaveLength(2);
    const shown = await page.evaluate(() =>
      ['nodes', 'edges', 'labels'].map(
        (k) => getComputedStyle(document.querySelector(`.graph canvas.sigma-${k}`)!).visibility,
      ),
    );
    expect(shown).toEqual(['visible', 'visible', 'visible']);
    // the contexts as sigma made them: no method of the group's left on them
    const own = await page.evaluate(() =>
      ['nodes', 'edges'].map((k) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`.graph canvas.sigma-${k}`)!;
        const gl = canvas.getContext('webgl2')!;
        return Object.getOwnPropertyNames(gl).filter(
          (n) => n === 'bindFramebuffer' || n.startsWith('draw') || n === 'clear',
        );
      }),
    );
    expect(own).toEqual([[], []]);
    // the hover layer, drawn on a 2D canvas (hover-program.ts), was given no WebGL context: a
    // canvas that has one gives no 2D context
    const hoverLayerFree = await page.evaluate(
      () =>
        document.querySelector<HTMLCanvasElement>('.graph canvas.sigma-hoverNodes')!.getContext('2d') !==
        null,
    );
    expect(hoverLayerFree).toBe(true);

    // the same picture drawn directly
    await frames(page);
    const deferred = await graphPixels(page);
    expect(inkShare(deferred)).toBeGreaterThan(0.02);
    await page.evaluate(() => window.__atlas!.refreshRenderer());
    await frames(page);
    expect(differingShare(await graphPixels(page), deferred)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws directly where WebGL 2 is missing', async () => {
    const { page, problems } = await open(NO_WEBGL2);
    await frames(page);
    expect(await page.evaluate(() => window.__atlas!.renderer()!.firstPresentAt)).toBeNull();
    expect(inkShare(await graphPixels(page))).toBeGreaterThan(0.02);
    const visibility = await page.evaluate(
      () => getComputedStyle(document.querySelector('.graph canvas.sigma-nodes')!).visibility,
    );
    expect(visibility).toBe('visible');
    expect(problems).toEqual([]);
    await page.close();
  });
});
