/**
 * The drawer's Lineage region, the graph's lineage highlight, the year-layered lineage view and the
 * comparison of two papers, on the small fixture graph (every expected answer below can be read off
 * tests/fixtures/make-graphs.ts) and on the bundled graph.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseGraphFile } from '../../src/graph/load';
import { lineage } from '../../src/graph/lineage/lineage';
import { themeFor } from '../../src/render/theme';
import { graphPixels, hexToRgb, nodeOnScreen, openAtlas, pixelsNear } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const theme = themeFor(false);

const TI = '2208.01618';
const DB = '2208.12242';
const CD = '2212.04488';
const ELITE = '2302.13848';
const IPA = '2308.06721';
const INSTANTID = '2401.07519';
const HYPER = '2307.06949';
const E4E = '2102.02766';
const PTI = '2106.05744';
const PSP = '2008.00951';
const I2S = '1904.03189';

const region = (page: Page) => page.getByRole('region', { name: 'Lineage' });
const select = (page: Page, id: string) => page.evaluate((n) => window.__atlas!.select(n), id);
const display = (page: Page, id: string) => page.evaluate((n) => window.__atlas!.nodeDisplay(n)!, id);

async function waitForCounts(page: Page, text: string): Promise<void> {
  await region(page).locator('.la-lineage-counts', { hasText: text }).waitFor({ timeout: 5000 });
}

/** A real click on a node of the graph (clear of the drawer). */
async function clickNode(page: Page, id: string): Promise<void> {
  // two clicks on the graph within sigma's double-click window (300 ms) are a double click (a zoom),
  // not two clicks: a person choosing a second paper takes longer than that
  await page.waitForTimeout(350);
  const p = (await nodeOnScreen(page, id)).page;
  expect(p.x).toBeLessThan(1280 - 360);
  await page.mouse.move(p.x - 20, p.y - 20);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.up();
}

/** Pixels of `color` at a node's disc on the graph canvas. */
async function colourAt(page: Page, id: string, color: string): Promise<number> {
  const px = await graphPixels(page);
  const p = await nodeOnScreen(page, id);
  return pixelsNear(px, p.canvas.x, p.canvas.y, 3, hexToRgb(color));
}

describe('lineage region and highlight', () => {
  it('counts ancestors and descendants; the depth changes the counts and the highlighted pixels', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // e4e builds on pSp, which cites Image2StyleGAN; PTI builds on e4e (all clear of the drawer)
    await select(page, E4E);
    await waitForCounts(page, '2 ancestors · 1 descendant');
    const depth = region(page).getByRole('radiogroup', { name: 'Depth' });
    expect(await depth.getByRole('radio').count()).toBe(4);
    expect(await depth.getByRole('radio', { name: '2' }).isChecked()).toBe(true);
    for (const id of [I2S, PSP, PTI]) expect((await nodeOnScreen(page, id)).page.x).toBeLessThan(1280 - 360);
    await page.mouse.move(5, 400);
    // two steps: Image2StyleGAN blue on screen
    expect((await display(page, I2S)).color).toBe(theme.references);
    expect(await colourAt(page, I2S, theme.references)).toBeGreaterThan(5);
    expect(await colourAt(page, PTI, theme.citations)).toBeGreaterThan(5);

    await depth.getByRole('radio', { name: '1' }).check();
    await waitForCounts(page, '1 ancestor · 1 descendant');
    expect(await page.evaluate(() => window.__atlas!.state()!.lineage.depth)).toBe(1);
    // one step: Image2StyleGAN falls under the veil, pSp stays blue
    expect((await display(page, I2S)).highlighted).toBe(false);
    expect(await colourAt(page, I2S, theme.references)).toBe(0);
    expect(await colourAt(page, PSP, theme.references)).toBeGreaterThan(5);

    await depth.getByRole('radio', { name: 'All' }).check();
    await waitForCounts(page, '2 ancestors · 1 descendant');
    expect(await colourAt(page, I2S, theme.references)).toBeGreaterThan(5);
    await select(page, IPA);
    await waitForCounts(page, '3 ancestors · 3 descendants');
    await region(page).screenshot({ path: 'test-results/lineage-region.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('kind checkboxes choose the links followed', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await select(page, DB);
    // DreamBooth only compares with Textual Inversion and mentions PTI: no ancestor over cites/builds-on
    await waitForCounts(page, '0 ancestors · 9 descendants');
    const kinds = region(page).getByRole('group', { name: 'Follow links' });
    expect(await kinds.getByRole('checkbox', { name: 'builds on' }).isChecked()).toBe(true);
    expect(await kinds.getByRole('checkbox', { name: 'cites' }).isChecked()).toBe(true);
    expect(await kinds.getByRole('checkbox', { name: 'mentions' }).isChecked()).toBe(false);
    await kinds.getByRole('checkbox', { name: 'mentions' }).check();
    // PTI, then e4e and Image2StyleGAN above it; the survey mentions DreamBooth
    await waitForCounts(page, '3 ancestors · 10 descendants');
    await kinds.getByRole('checkbox', { name: 'compares' }).check();
    await waitForCounts(page, '4 ancestors · 10 descendants');
    await kinds.getByRole('checkbox', { name: 'cites' }).uncheck();
    expect(await page.evaluate(() => window.__atlas!.state()!.lineage.kinds)).toEqual([
      'builds-on',
      'compares',
      'mentions',
    ]);
    await page.close();
  });

  it('the legend says what the colours mean while a paper is selected', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const key = page.getByTestId('selection-key');
    expect(await key.isVisible()).toBe(false);
    await select(page, IPA);
    await key.waitFor();
    const text = await key.textContent();
    expect(text).toContain('Blue: ancestors (what it builds on)');
    expect(text).toContain('Green: descendants (what builds on it)');
    expect(text).toContain('Dimmed: outside its lineage (2 steps');
    await page.close();
  });
});

describe('lineage view', () => {
  it('draws the lineage over time: hover names a paper, a click selects it, "Show all links" adds the implied ones', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await select(page, IPA);
    const view = region(page).locator('svg.la-lineage-svg');
    await view.waitFor();
    // the view may be drawn again meanwhile (a panel mounted in idle time changes the view): an
    // element scrolled to can be replaced under the scroll, so try until one stays
    await expect
      .poll(() =>
        view.scrollIntoViewIfNeeded({ timeout: 2000 }).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    const nodes = view.locator('g.la-lineage-node');
    expect(await nodes.count()).toBe(7);
    expect(await view.locator('g.la-lineage-node.role-selected').getAttribute('data-id')).toBe(IPA);
    // older papers to the left: Textual Inversion (2022) before InstantID (2024)
    const box = async (id: string) =>
      (await view.locator(`g.la-lineage-node[data-id="${id}"]`).boundingBox())!;
    expect((await box(TI)).x).toBeLessThan((await box(INSTANTID)).x);
    // IP-Adapter → DreamBooth is implied by IP-Adapter → ELITE → DreamBooth
    const edges = view.locator('path.la-lineage-edge');
    expect(await edges.count()).toBe(6);
    expect(await view.locator(`path[data-source="${IPA}"][data-target="${DB}"]`).count()).toBe(0);
    await region(page).getByRole('checkbox', { name: 'Show all links' }).check();
    await expect.poll(() => region(page).locator('svg path.la-lineage-edge').count()).toBe(7);
    expect(await region(page).locator(`svg path[data-source="${IPA}"][data-target="${DB}"]`).count()).toBe(1);
    // edges styled by kind: builds-on thicker than cites
    const width = (sel: string) => region(page).locator(sel).first().getAttribute('stroke-width');
    expect(Number(await width('path.kind-builds-on'))).toBeGreaterThan(
      Number(await width('path.kind-cites')),
    );

    // hover names the paper: a visible label and the native tooltip
    const node = region(page).locator(`g.la-lineage-node[data-id="${INSTANTID}"]`);
    expect(await node.locator('title').textContent()).toContain(
      'InstantID: Zero-shot Identity-Preserving Generation',
    );
    await node.hover();
    const hover = region(page).locator('g.la-lineage-hover');
    await hover.waitFor({ state: 'visible' });
    expect(await hover.textContent()).toBe('InstantID · 2024');
    await region(page).screenshot({ path: 'test-results/lineage-view-hover.png' });
    // keyboard: one tab stop (the selection), arrows move between papers, the label follows
    const selectedNode = region(page).locator('g.la-lineage-node.role-selected');
    expect(await region(page).locator('g.la-lineage-node[tabindex="0"]').count()).toBe(1);
    await selectedNode.focus();
    await page.keyboard.press('ArrowLeft');
    const focusedId = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    expect([TI, DB, ELITE]).toContain(focusedId);
    expect(await hover.getAttribute('data-id')).toBe(focusedId);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).not.toBe(focusedId);

    const top = (await region(page).boundingBox())!.y;
    await node.click();
    await page.waitForFunction((n) => window.__atlas!.state()!.selected === n, INSTANTID);
    await page
      .getByRole('region', { name: 'Paper details' })
      .getByRole('heading', { name: /InstantID/ })
      .waitFor();
    // the drawer shows the new paper, and the Lineage region stays where it was to go on walking
    // (within a few pixels: the drawer cannot scroll past its end when the new paper's details are shorter)
    expect(Math.abs((await region(page).boundingBox())!.y - top)).toBeLessThan(40);
    await page.close();
  });

  it('opens an enlarged view; Escape closes only that', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await select(page, IPA);
    await region(page).getByRole('button', { name: 'Expand' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lineage of IP-Adapter' });
    await dialog.waitFor();
    expect(await dialog.locator('g.la-lineage-node').count()).toBe(7);
    const w = (await dialog.locator('svg').boundingBox())!.width;
    expect(w).toBeGreaterThan(800);
    await page.screenshot({ path: 'test-results/lineage-dialog.png' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.__atlas!.state()!.selected)).toBe(IPA);
    await page.close();
  });
});

describe('compare with…', () => {
  it('a paper chosen through search: the lowest common ancestors, listed, clickable and drawn', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await select(page, ELITE);
    await region(page).getByRole('button', { name: 'Compare with…' }).click();
    await region(page).getByRole('status').filter({ hasText: 'Choose a paper to compare with' }).waitFor();
    await page.getByRole('combobox', { name: 'Search papers' }).fill('custom diffusion');
    await page.getByRole('option').filter({ hasText: 'Multi-Concept Customization' }).click();
    await page.waitForFunction((n) => window.__atlas!.state()!.compareWith === n, CD);
    expect(await page.evaluate(() => window.__atlas!.state()!.selected)).toBe(ELITE);
    // the search box names the selection, not the paper compared with it
    expect(await page.getByRole('combobox', { name: 'Search papers' }).inputValue()).toBe('ELITE');
    // both build on / cite Textual Inversion and DreamBooth, and neither of those cites the other
    const lcas = region(page).getByRole('list', { name: 'Lowest common ancestors' });
    await lcas.waitFor();
    const names = await lcas.getByRole('button').allInnerTexts();
    expect(names.map((t) => t.split('\n')[0])).toEqual(['Textual Inversion', 'DreamBooth']);
    expect(await region(page).locator('.la-compare-text').textContent()).toContain(
      'their 2 lowest common ancestors',
    );
    await page.mouse.move(5, 400);
    expect((await display(page, TI)).color).toBe(theme.commonAncestor);
    expect((await display(page, DB)).color).toBe(theme.commonAncestor);
    expect((await display(page, CD)).color).toBe(theme.selected);
    const key = await page.getByTestId('selection-key').textContent();
    expect(key).toContain('Purple: where the two diverged (lowest common ancestors)');
    await region(page).screenshot({ path: 'test-results/lineage-compare-lcas.png' });

    await region(page).getByRole('button', { name: 'Clear comparison' }).click();
    await page.waitForFunction(() => window.__atlas!.state()!.compareWith === null);
    expect((await display(page, DB)).color).toBe(theme.references);
    // a listed paper is a button that selects it
    await region(page).getByRole('button', { name: 'Compare with…' }).click();
    await select(page, CD);
    await lcas.getByRole('button', { name: /DreamBooth/ }).click();
    await page.waitForFunction((n) => window.__atlas!.state()!.selected === n, DB);
    await page.close();
  });

  it('a paper clicked on the graph: the lineage path, listed and drawn; Escape ends the comparison only', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await select(page, INSTANTID);
    await region(page).getByRole('button', { name: 'Compare with…' }).click();
    await clickNode(page, DB);
    await page.waitForFunction((n) => window.__atlas!.state()!.compareWith === n, DB);
    expect(await page.evaluate(() => window.__atlas!.state()!.selected)).toBe(INSTANTID);
    const path = region(page).getByRole('list', { name: 'Lineage path' });
    await path.waitFor();
    const names = await path.getByRole('button').allInnerTexts();
    expect(names.map((t) => t.split('\n')[0])).toEqual(['InstantID', 'IP-Adapter', 'DreamBooth']);
    expect(await region(page).locator('.la-compare-text').textContent()).toBe(
      'InstantID descends from DreamBooth in 2 steps:',
    );
    // on the graph: the path only (IP-Adapter blue, both ends neutral), ELITE no longer highlighted
    await page.mouse.move(5, 400);
    expect((await display(page, IPA)).color).toBe(theme.references);
    expect((await display(page, DB)).color).toBe(theme.selected);
    expect((await display(page, ELITE)).highlighted).toBe(false);
    expect((await display(page, HYPER)).highlighted).toBe(false);
    expect(await page.getByTestId('selection-key').textContent()).toContain('Comparison');
    await page.screenshot({ path: 'test-results/lineage-compare-path.png' });

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__atlas!.state()!.compareWith === null);
    expect(await page.evaluate(() => window.__atlas!.state()!.selected)).toBe(INSTANTID);

    // HyperDreamBooth and InstantID diverged at DreamBooth: purple on screen
    await region(page).getByRole('button', { name: 'Compare with…' }).click();
    await clickNode(page, HYPER);
    await page.waitForFunction((n) => window.__atlas!.state()!.compareWith === n, HYPER);
    const lcas = region(page).getByRole('list', { name: 'Lowest common ancestors' });
    expect((await lcas.getByRole('button').allInnerTexts()).map((t) => t.split('\n')[0])).toEqual([
      'DreamBooth',
    ]);
    await page.mouse.move(5, 400);
    expect(await colourAt(page, DB, theme.commonAncestor)).toBeGreaterThan(5);
    expect(await colourAt(page, HYPER, theme.selected)).toBeGreaterThan(5);
    await page.screenshot({ path: 'test-results/lineage-compare-lca-graph.png' });
    await page.close();
  });
});

const BUNDLED = 'dist/graph.json';

describe.skipIf(!existsSync(BUNDLED))('lineage on the bundled graph', () => {
  it('counts what the lineage walk finds over the visible links and draws it', async () => {
    const { graph } = parseGraphFile(JSON.parse(readFileSync(BUNDLED, 'utf8')), BUNDLED);
    // the most cited paper with both ancestors and descendants
    const id = graph
      .nodes()
      .filter((n) => graph.outDegree(n) > 0)
      .sort((a, b) => graph.getNodeAttribute(b, 'citations') - graph.getNodeAttribute(a, 'citations'))[0]!;
    const visible = (e: string) => !graph.getEdgeAttribute(e, 'surveyOnly');
    const expected = (depth: number) => lineage(graph, id, { depth, edgeFilter: visible });
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    await select(page, id);
    const l2 = expected(2);
    await waitForCounts(
      page,
      `${l2.ancestors.size} ancestor${l2.ancestors.size === 1 ? '' : 's'} · ${l2.descendants.size} descendants`,
    );
    await region(page).getByRole('radio', { name: 'All' }).check();
    const all = expected(Infinity);
    await waitForCounts(
      page,
      `${all.ancestors.size} ancestor${all.ancestors.size === 1 ? '' : 's'} · ${all.descendants.size} descendants`,
    );
    expect(all.descendants.size).toBeGreaterThan(l2.descendants.size - 1);
    const view = region(page).locator('svg.la-lineage-svg');
    await view.scrollIntoViewIfNeeded();
    expect(await view.locator('g.la-lineage-node').count()).toBe(
      Math.min(300, 1 + all.ancestors.size + all.descendants.size),
    );
    // the most cited papers carry labels
    expect(await view.locator('text.la-lineage-label').count()).toBeGreaterThan(3);
    await region(page).screenshot({ path: 'test-results/lineage-real-region.png' });
    await region(page).getByRole('button', { name: 'Expand' }).click();
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: 'test-results/lineage-real-dialog.png' });
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });
});
