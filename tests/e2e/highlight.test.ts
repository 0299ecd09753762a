/** Neighbourhood highlighting with a real pointer: hover, click to select, Escape and background click clear. */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser';
import { graphPixels, hexToRgb, nodeOnScreen, openAtlas, pixelsNear } from './atlas';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const state = (page: Page) => page.evaluate(() => window.__atlas!.state()!);
const display = (page: Page, id: string) => page.evaluate((n) => window.__atlas!.nodeDisplay(n)!, id);
const IP_ADAPTER = '2308.06721';
const ELITE = '2302.13848'; // cited by IP-Adapter
const INSTANTID = '2401.07519'; // cites IP-Adapter
const PSP = '2008.00951'; // unrelated

/** Moves the pointer onto a node and waits until the app reports it hovered. */
async function hoverNode(page: Page, id: string): Promise<void> {
  const { page: p } = await nodeOnScreen(page, id);
  await page.mouse.move(p.x - 30, p.y - 30);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  await page.waitForFunction((n) => window.__atlas!.state()!.hovered === n, id, { timeout: 5000 });
}

describe('neighbourhood highlighting', () => {
  it('hover keeps the node and its neighbours vivid with labels, fades the rest', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const before = await graphPixels(page);
    const psp = await nodeOnScreen(page, PSP);
    const gan = hexToRgb('#e69f00');
    expect(pixelsNear(before, psp.canvas.x, psp.canvas.y, 3, gan)).toBeGreaterThan(5);

    const graphRenders = () => page.evaluate(() => window.__atlas!.renderer()!.graphRenders);
    const rendersBefore = await graphRenders();
    await hoverNode(page, IP_ADAPTER);
    // a hover draws the layers above the veil only, never the whole graph again
    expect(await graphRenders()).toBe(rendersBefore);
    expect(await display(page, IP_ADAPTER)).toMatchObject({
      highlighted: true,
      forceLabel: true,
      color: '#0072b2',
    });
    expect(await display(page, ELITE)).toMatchObject({ forceLabel: true, color: '#0072b2' });
    expect(await display(page, INSTANTID)).toMatchObject({ forceLabel: true });
    expect((await display(page, PSP)).highlighted).toBe(false);
    // on screen: pSp's disc lost its family colour under the veil
    const during = await graphPixels(page);
    expect(pixelsNear(during, psp.canvas.x, psp.canvas.y, 3, gan)).toBe(0);
    // the neighbourhood's edges are drawn above the veil: dark ink along IP-Adapter → ELITE
    const ip = await nodeOnScreen(page, IP_ADAPTER);
    const el = await nodeOnScreen(page, ELITE);
    // the paper and its neighbours are drawn above the veil, in their family's colour
    const blue = hexToRgb('#0072b2');
    expect(pixelsNear(during, ip.canvas.x, ip.canvas.y, 2, blue)).toBeGreaterThan(12);
    expect(pixelsNear(during, el.canvas.x, el.canvas.y, 2, blue)).toBeGreaterThan(12);
    const mid = { x: (ip.canvas.x + el.canvas.x) / 2, y: (ip.canvas.y + el.canvas.y) / 2 };
    const edgeInk = hexToRgb('#4a515b');
    expect(pixelsNear(during, mid.x, mid.y, 3, edgeInk, 60)).toBeGreaterThan(2);
    expect(pixelsNear(before, mid.x, mid.y, 3, edgeInk, 60)).toBe(0);
    // leaving the node restores everything
    await page.mouse.move(5, 400);
    await page.waitForFunction(() => window.__atlas!.state()!.hovered === null);
    expect((await display(page, PSP)).color).toBe('#e69f00');
    await page.close();
  });

  it('a click selects: the paper outlined, references blue, citations green; Escape clears', async () => {
    const page = await openAtlas(browser(), baseUrl);
    // DreamBooth mentions PTI (a reference) and HyperDreamBooth builds on it (a citation); both stay
    // clear of the details drawer at this viewport. The lineage at depth 1 following every kind is the
    // one-hop selection (by default it follows cites and builds-on only, two steps: see lineage.test.ts)
    const DREAMBOOTH = '2208.12242';
    const PTI = '2106.05744';
    const HYPER = '2307.06949';
    await hoverNode(page, DREAMBOOTH);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction((n) => window.__atlas!.state()!.selected === n, DREAMBOOTH);
    const lineage = page.getByRole('region', { name: 'Lineage' });
    await lineage.getByRole('radio', { name: '1' }).check();
    await lineage.getByRole('checkbox', { name: 'compares' }).check();
    await lineage.getByRole('checkbox', { name: 'mentions' }).check();
    // move off the node: the selection sticks
    await page.mouse.move(5, 400);
    await page.waitForFunction(() => window.__atlas!.state()!.hovered === null);
    expect((await state(page)).selected).toBe(DREAMBOOTH);
    expect((await display(page, DREAMBOOTH)).highlighted).toBe(true);
    const ref = await display(page, PTI);
    const cit = await display(page, HYPER);
    const px = await graphPixels(page);
    const r = await nodeOnScreen(page, PTI);
    const c = await nodeOnScreen(page, HYPER);
    expect(pixelsNear(px, r.canvas.x, r.canvas.y, 3, hexToRgb(ref.color))).toBeGreaterThan(5);
    expect(pixelsNear(px, c.canvas.x, c.canvas.y, 3, hexToRgb(cit.color))).toBeGreaterThan(5);
    // blue for what it cites, green for what cites it, the selection itself neutral
    const rr = hexToRgb(ref.color);
    const cc = hexToRgb(cit.color);
    expect(rr.b).toBeGreaterThan(rr.r + 80);
    expect(cc.g).toBeGreaterThan(cc.r + 80);
    const sel = hexToRgb((await display(page, DREAMBOOTH)).color);
    expect(Math.max(sel.r, sel.g, sel.b) - Math.min(sel.r, sel.g, sel.b)).toBeLessThan(30);
    // what neither cites nor is cited by it fades under the veil
    expect((await display(page, PSP)).highlighted).toBe(false);
    await expect(page.locator('.sigma-veil').isVisible()).resolves.toBe(true);
    const psp = await nodeOnScreen(page, PSP);
    expect(pixelsNear(px, psp.canvas.x, psp.canvas.y, 3, hexToRgb('#e69f00'))).toBe(0);
    // the details drawer opened
    await expect(page.getByRole('complementary', { name: 'Selection' }).isVisible()).resolves.toBe(true);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__atlas!.state()!.selected === null);
    expect((await display(page, PTI)).color).toBe('#e69f00');
    await expect(page.getByRole('complementary', { name: 'Selection' }).isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('a click on the background clears the selection', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await page.evaluate((n) => window.__atlas!.select(n), IP_ADAPTER);
    expect((await display(page, ELITE)).highlighted).toBe(true);
    // find an empty spot of the canvas: far from every node
    const box = (await page.locator('.graph').boundingBox())!;
    const spot = await page.evaluate(
      ({ x, y, w, h }) => {
        const ids = [
          '2208.01618',
          '2208.12242',
          '2212.04488',
          '2302.13848',
          '2308.06721',
          '2401.07519',
          '2312.04461',
          '2307.06949',
          '2306.00983',
          '2310.02992',
          '2102.02766',
          '2106.05744',
          '1904.03189',
          '2008.00951',
          '2502.13081',
          'unlabelled-method',
        ];
        const pts = ids.map((id) => window.__atlas!.screenPosition(id)!);
        let best = { x: x + 10, y: y + 10, d: 0 };
        for (let gx = x + 40; gx < x + w - 320; gx += 20) {
          for (let gy = y + 20; gy < y + h - 20; gy += 20) {
            const d = Math.min(...pts.map((p) => Math.hypot(p.x - gx, p.y - gy)));
            if (d > best.d) best = { x: gx, y: gy, d };
          }
        }
        return best;
      },
      { x: box.x, y: box.y, w: box.width, h: box.height },
    );
    expect(spot.d).toBeGreaterThan(30);
    await page.mouse.click(spot.x, spot.y);
    await page.waitForFunction(() => window.__atlas!.state()!.selected === null);
    expect((await display(page, ELITE)).highlighted).toBe(false);
    await expect(page.locator('.sigma-veil').isVisible()).resolves.toBe(false);
    await page.close();
  });
});
