/** Robustness: hostile text stays text, bad graph files give clear messages, WebGL context loss, layout worker. */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser';
import { graphPixels, hexToRgb, inkShare, nodeOnScreen, openAtlas, pixelsNear } from './atlas';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const stats = (page: Page) => page.evaluate(() => window.__atlas!.renderer()!);

async function errorScreen(graph: string): Promise<{ status: string; heading: string; message: string }> {
  const page = await openAtlas(browser(), baseUrl, graph);
  const alert = page.getByRole('alert');
  const result = {
    status: await page.evaluate(() => window.__atlas!.status()),
    heading: (await alert.getByRole('heading').textContent()) ?? '',
    message: (await alert.locator('.error-message').textContent()) ?? '',
  };
  await page.close();
  return result;
}

describe('hostile and broken input', () => {
  it('shows HTML and script from the data as text and runs none of it', async () => {
    const page = await openAtlas(browser(), baseUrl, 'fixtures/graphs/hostile.json');
    expect(await page.evaluate(() => window.__atlas!.status())).toBe('ready');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Hostile <script>window.__pwned=2</script><img src=x onerror="window.__pwned=1"> dataset',
    );
    // hover and select a hostile paper so its label and details are drawn
    await page.evaluate(() => window.__atlas!.select('2208.01618'));
    await page.evaluate(() => window.__atlas!.hover('2208.12242'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('body img, body svg[onload], body script').count()).toBe(0);
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('a missing graph file gives a clear message, not a blank page', async () => {
    const r = await errorScreen('fixtures/graphs/missing.json');
    expect(r.status).toBe('error');
    expect(r.heading).toBe('The graph could not be opened');
    expect(r.message).toBe(
      'Could not load the graph file "missing.json": the server answered 404 Not Found. Build it with `npm run build:graph`.',
    );
  });

  it('a file that is not JSON, or not valid, is named with what is wrong', async () => {
    const broken = await errorScreen('fixtures/graphs/broken.json');
    expect(broken.message).toMatch(/^The graph file "broken\.json" is not valid JSON: /);
    const invalid = await errorScreen('fixtures/graphs/invalid.json');
    expect(invalid.message).toMatch(/^invalid\.json: node "2302\.13848": field "attributes\.year": /);
    const remote = await errorScreen('https://example.com/graph.json');
    expect(remote.message).toMatch(/must be a relative path on this site/);
  });
});

describe('WebGL context loss', () => {
  async function loseContext(page: Page, restore: boolean): Promise<void> {
    await page.evaluate((restoreIt) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.graph canvas.sigma-nodes')!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      ext.loseContext();
      if (restoreIt) setTimeout(() => ext.restoreContext(), 800);
    }, restore);
  }

  for (const restore of [true, false]) {
    it(`recreates the renderer ${restore ? 'when the context is restored' : 'even if the context never comes back'}`, async () => {
      const page = await openAtlas(browser(), baseUrl);
      expect((await stats(page)).generation).toBe(1);
      await loseContext(page, restore);
      await page.waitForFunction(() => window.__atlas!.renderer()!.contextLost);
      await expect(
        page.getByRole('status').filter({ hasText: 'graphics context was lost' }).isVisible(),
      ).resolves.toBe(true);
      await page.waitForFunction(
        () => window.__atlas!.renderer()!.generation === 2 && !window.__atlas!.renderer()!.contextLost,
        null,
        { timeout: 5000 },
      );
      await page.waitForTimeout(200);
      // drawn again, in colour, and still interactive
      const px = await graphPixels(page);
      expect(inkShare(px)).toBeGreaterThan(0.005);
      const d = await nodeOnScreen(page, '2208.12242');
      expect(pixelsNear(px, d.canvas.x, d.canvas.y, 4, hexToRgb('#0072b2'))).toBeGreaterThan(20);
      expect(await page.locator('.graph canvas.sigma-nodes').count()).toBe(1);
      await page.mouse.move(d.page.x, d.page.y, { steps: 3 });
      await page.waitForFunction(() => window.__atlas!.state()!.hovered === '2208.12242');
      expect(await page.pageErrors()).toEqual([]);
      await page.close();
    });
  }
});

describe('force layout', () => {
  it('Start runs ForceAtlas2 in a worker without blocking the page; Stop stops it', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const start = page.getByRole('button', { name: 'Start layout' });
    const stop = page.getByRole('button', { name: 'Stop layout' });
    await expect(stop.isDisabled()).resolves.toBe(true);
    const positions = () =>
      page.evaluate(() =>
        ['2208.12242', '2102.02766', '2502.13081'].map((id) => window.__atlas!.position(id)!),
      );
    const p0 = await positions();
    await start.click();
    expect(await page.evaluate(() => window.__atlas!.layoutRunning())).toBe(true);
    await expect(start.isDisabled()).resolves.toBe(true);
    // the page keeps painting frames while the layout runs (the work is in the worker): no long
    // stall between frames (software WebGL here, so frames are slow, but never blocked)
    const gaps = await page.evaluate(
      () =>
        new Promise<{ frames: number; maxGap: number }>((done) => {
          let frames = 0;
          let maxGap = 0;
          const t0 = performance.now();
          let last = t0;
          const tick = (now: number) => {
            frames++;
            maxGap = Math.max(maxGap, now - last);
            last = now;
            if (now - t0 < 1000) requestAnimationFrame(tick);
            else done({ frames, maxGap });
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(gaps.frames).toBeGreaterThan(5);
    expect(gaps.maxGap).toBeLessThan(250);
    const p1 = await positions();
    expect(p1).not.toEqual(p0);
    await stop.click();
    expect(await page.evaluate(() => window.__atlas!.layoutRunning())).toBe(false);
    await page.waitForTimeout(150);
    const p2 = await positions();
    await page.waitForTimeout(500);
    expect(await positions()).toEqual(p2);
    // the CSP allows the worker: no violation, no page error
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });
});
