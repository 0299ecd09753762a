/**
 * The timeline layout on the small fixture: papers move to x by year and bands by colour-by, the
 * axis shows the years where the papers are (also after panning), colour-by re-bands, going back
 * restores the force positions, and Start layout leaves the timeline first.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { nodeOnScreen, openAtlas } from './atlas';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface FixtureNode {
  key: string;
  attributes: { year: number; name: string | null; family: string };
}
const fixture = JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')) as {
  graph: { nodes: FixtureNode[] };
};
const papers = fixture.graph.nodes.map((n) => ({
  id: n.key,
  year: n.attributes.year,
  family: n.attributes.family,
}));

type Positions = Record<string, { x: number; y: number }>;

function positions(page: Page): Promise<Positions> {
  return page.evaluate(
    (ids) => Object.fromEntries(ids.map((id) => [id, window.__atlas!.position(id)!])),
    papers.map((p) => p.id),
  );
}

/** Waits until papers have stopped moving between layouts. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__atlas!.layoutAnimating(), null, { timeout: 10_000 });
  await page.waitForTimeout(250); // the overlay fades in
}

/** The year labels a person sees on the axis, with their horizontal centre on the page. */
async function yearLabels(page: Page): Promise<Array<{ text: string; x: number }>> {
  const axis = page.getByRole('group', { name: 'Publication year' });
  const out: Array<{ text: string; x: number }> = [];
  for (const label of await axis.locator('.timeline-year').all()) {
    if (!(await label.isVisible())) continue;
    const box = (await label.boundingBox())!;
    out.push({ text: (await label.textContent())!, x: box.x + box.width / 2 });
  }
  return out;
}

describe('timeline layout', () => {
  it('moves papers to x by year and back to the force positions, with a year axis that follows the camera', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const force = await positions(page);
    const layoutRadios = page.getByRole('radiogroup', { name: 'Layout' });
    await expect(layoutRadios.getByRole('radio', { name: 'Force' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('group', { name: 'Publication year' }).isVisible()).resolves.toBe(false);

    await layoutRadios.getByRole('radio', { name: 'Timeline' }).check();
    expect(await page.evaluate(() => window.__atlas!.state()!.layout)).toBe('timeline');
    await settled(page);
    const timeline = await positions(page);
    // x order follows years: every paper of an earlier year is left of every paper of a later one
    for (const a of papers) {
      for (const b of papers) {
        if (a.year < b.year)
          expect(timeline[a.id]!.x, `${a.id} (${a.year}) before ${b.id} (${b.year})`).toBeLessThan(
            timeline[b.id]!.x,
          );
      }
    }
    expect(papers.filter((p) => Math.abs(timeline[p.id]!.x - force[p.id]!.x) > 1).length).toBeGreaterThan(
      papers.length / 2,
    );

    // the axis names the years, left to right, and each paper is drawn within its year
    const labels = await yearLabels(page);
    expect(labels.map((l) => l.text)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    const at = (year: string) => labels.find((l) => l.text === year)!.x;
    const dreambooth = await nodeOnScreen(page, '2208.12242'); // 2022
    expect(Math.abs(dreambooth.page.x - at('2022'))).toBeLessThan(Math.abs(dreambooth.page.x - at('2021')));
    expect(Math.abs(dreambooth.page.x - at('2022'))).toBeLessThan(Math.abs(dreambooth.page.x - at('2023')));
    // the bands are named on screen, in the legend's order
    const bands = page.getByRole('list', { name: 'Timeline bands' }).getByRole('listitem');
    await expect(bands.allTextContents()).resolves.toEqual([
      'Diffusion9',
      'GAN4',
      'Autoregressive2',
      'Survey1',
    ]);

    // panning moves the axis with the papers
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(800); // sigma's inertia after the drag
    const moved = await nodeOnScreen(page, '2208.12242');
    expect(moved.page.x).toBeLessThan(dreambooth.page.x - 60);
    const after = (await yearLabels(page)).find((l) => l.text === '2022')!;
    expect(after.x - at('2022')).toBeCloseTo(moved.page.x - dreambooth.page.x, -1);

    // back to Force: the positions the page opened on, and no axis
    await layoutRadios.getByRole('radio', { name: 'Force' }).check();
    await settled(page);
    const back = await positions(page);
    for (const p of papers) {
      expect(back[p.id]!.x).toBeCloseTo(force[p.id]!.x, 6);
      expect(back[p.id]!.y).toBeCloseTo(force[p.id]!.y, 6);
    }
    await expect(page.getByRole('group', { name: 'Publication year' }).isVisible()).resolves.toBe(false);
    expect(await page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('re-bands when the colour-by changes, each paper inside its named band', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await page.getByRole('radio', { name: 'Timeline' }).check();
    await settled(page);
    await page.getByLabel('Color by').selectOption('space');
    await settled(page);
    const bands = page.getByRole('list', { name: 'Timeline bands' }).getByRole('listitem');
    await expect(bands.allTextContents()).resolves.toEqual([
      'Textual space3',
      'Parameter space4',
      'Image feature space2',
      'Latent space (W/W+)4',
      'Unknown / not labelled3',
    ]);
    // each band's name sits at its top: a paper is below its own band's name and above the next one;
    // no name is hidden under the floating legend
    const legend = (await page.getByRole('region', { name: 'Legend' }).boundingBox())!;
    const tops: number[] = [];
    for (const band of await bands.all()) {
      const box = (await band.boundingBox())!;
      tops.push(box.y);
      const under =
        box.x < legend.x + legend.width &&
        box.x + box.width > legend.x &&
        box.y < legend.y + legend.height &&
        box.y + box.height > legend.y;
      expect(under, (await band.textContent()) ?? undefined).toBe(false);
    }
    const inBand = { '2208.01618': 0, '2208.12242': 1, '2308.06721': 2, '2102.02766': 3, '2502.13081': 4 };
    for (const [id, b] of Object.entries(inBand)) {
      const { page: p } = await nodeOnScreen(page, id);
      expect(p.y, id).toBeGreaterThan(tops[b]!);
      if (b + 1 < tops.length) expect(p.y, id).toBeLessThan(tops[b + 1]!);
    }
    await page.close();
  });

  it('Start layout leaves the timeline for the force positions, then runs ForceAtlas2', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const force = await positions(page);
    await page.getByRole('radio', { name: 'Timeline' }).check();
    await settled(page);
    const timeline = await positions(page);
    await page.getByRole('button', { name: 'Start layout' }).click();
    expect(await page.evaluate(() => window.__atlas!.state()!.layout)).toBe('force');
    await expect(page.getByRole('radio', { name: 'Force' }).isChecked()).resolves.toBe(true);
    await page.waitForFunction(() => window.__atlas!.layoutRunning(), null, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Stop layout' }).click();
    // ForceAtlas2 started from the force positions: papers are nearer those than the timeline's
    const now = await positions(page);
    const distance = (ps: Positions) =>
      papers.reduce((sum, p) => sum + Math.hypot(now[p.id]!.x - ps[p.id]!.x, now[p.id]!.y - ps[p.id]!.y), 0);
    expect(distance(force)).toBeLessThan(distance(timeline) / 4);
    await page.close();
  });

  it('keeps the timeline, its axis above the papers and its stripes below, when the renderer is recreated', async () => {
    const page = await openAtlas(browser(), baseUrl);
    await page.getByRole('radio', { name: 'Timeline' }).check();
    await settled(page);
    const before = await positions(page);
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.graph canvas.sigma-nodes')!;
      const ext = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!.getExtension(
        'WEBGL_lose_context',
      )!;
      ext.loseContext();
      setTimeout(() => ext.restoreContext(), 500);
    });
    await page.waitForFunction(
      () => window.__atlas!.renderer()!.generation === 2 && !window.__atlas!.renderer()!.contextLost,
      null,
      { timeout: 5000 },
    );
    await page.waitForTimeout(300);
    expect(await positions(page)).toEqual(before);
    const order = await page.evaluate(() => {
      const graph = document.querySelector('.graph')!;
      return { first: graph.firstElementChild!.className, last: graph.lastElementChild!.className };
    });
    expect(order).toEqual({ first: 'timeline-under shown', last: 'timeline-over shown' });
    expect((await yearLabels(page)).map((l) => l.text)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    await page.close();
  });
});
