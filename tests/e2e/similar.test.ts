/**
 * Similar papers on the bundled graph (dist/graph.json, from `npm run build:graph`): DreamBooth's
 * drawer lists the papers an independent computation in this file ranks first (coupling and
 * co-citation by Salton's cosine, their mean; written from the definitions, reading graph.json
 * directly), with their reasons and lineage marks; the Similarity layout moves the papers, keeps
 * the URL and goes back without console errors; Shift-click a paper and Shift+Enter another in search, then "Similar to these".
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectProblems, nodeOnScreen, openAtlas } from './atlas';
import { exportItem } from './export-helpers';
import { useBrowser } from './use-browser';

const BUNDLED = 'dist/graph.json';
const DREAMBOOTH = '2208.12242';
const TEXTUAL_INVERSION = '2208.01618';
const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface FileNode {
  key: string;
  attributes: { label: string; outsideReferences?: string[]; abstract?: string };
}
interface FileEdge {
  source: string;
  target: string;
  attributes: { kind: string; kinds: string[] };
}

/** The scores from their definitions: references are out-links of these kinds plus outside references. */
function expectedSimilar(nodes: FileNode[], edges: FileEdge[], paper: string, limit = 10) {
  const kinds = new Set(['builds-on', 'cites', 'compares', 'links']);
  const refs = new Map<string, Set<string>>(
    nodes.map((n) => [n.key, new Set(n.attributes.outsideReferences?.map((k) => `outside ${k}`) ?? [])]),
  );
  const citers = new Map<string, Set<string>>(nodes.map((n) => [n.key, new Set()]));
  for (const e of edges) {
    if (!kinds.has(e.attributes.kind) && !e.attributes.kinds.some((k) => kinds.has(k))) continue;
    refs.get(e.source)!.add(e.target);
    citers.get(e.target)!.add(e.source);
  }
  const common = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
  const cosine = (shared: number, a: number, b: number) => (shared === 0 ? 0 : shared / Math.sqrt(a * b));
  const out: Array<{ node: string; score: number; shared: number; cocited: number }> = [];
  for (const n of nodes) {
    if (n.key === paper) continue;
    const shared = common(refs.get(paper)!, refs.get(n.key)!);
    const cocited = common(citers.get(paper)!, citers.get(n.key)!);
    const score =
      (cosine(shared, refs.get(paper)!.size, refs.get(n.key)!.size) +
        cosine(cocited, citers.get(paper)!.size, citers.get(n.key)!.size)) /
      2;
    if (score > 0) out.push({ node: n.key, score, shared, cocited });
  }
  // best first, ties (equal to 1e-12) by key
  return ranked(out).slice(0, limit);
}

/** Best first, ties (equal to 1e-12) by key. */
function ranked<T extends { node: string; score: number }>(list: T[]): T[] {
  return list.sort((a, b) =>
    Math.abs(a.score - b.score) > 1e-12 ? b.score - a.score : a.node < b.node ? -1 : 1,
  );
}

/** Papers within `depth` steps of `paper` over builds-on / cites links, either way (its lineage). */
function lineageOf(edges: FileEdge[], paper: string, depth: number): Set<string> {
  const follow = edges.filter((e) =>
    ['builds-on', 'cites'].some((k) => e.attributes.kind === k || e.attributes.kinds.includes(k)),
  );
  const out = new Set<string>();
  for (const [from, to] of [
    ['source', 'target'],
    ['target', 'source'],
  ] as const) {
    let frontier = [paper];
    const seen = new Set([paper]);
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const e of follow) {
        if (!frontier.includes(e[from]) || seen.has(e[to])) continue;
        seen.add(e[to]);
        next.push(e[to]);
      }
      frontier = next;
    }
    for (const n of seen) if (n !== paper) out.add(n);
  }
  return out;
}

async function similarRows(page: Page) {
  const region = page.getByRole('region', { name: 'Similar papers' });
  await region.locator('.la-similar-row').first().waitFor({ timeout: 10_000 });
  return region.locator('.la-similar-row').evaluateAll((rows) =>
    rows.map((r) => ({
      node: (r as HTMLElement).dataset.node!,
      reasons: r.querySelector('.la-similar-reasons')!.textContent!,
      kin: r.querySelector('.la-similar-kin')!.textContent!,
    })),
  );
}

type Positions = Record<string, { x: number; y: number }>;
const positions = (page: Page, ids: string[]): Promise<Positions> =>
  page.evaluate((list) => Object.fromEntries(list.map((id) => [id, window.__atlas!.position(id)!])), ids);
const moved = (a: Positions, b: Positions) =>
  Object.keys(a).filter((k) => Math.hypot(a[k]!.x - b[k]!.x, a[k]!.y - b[k]!.y) > 1e-6).length;

/** Waits until the papers have left `from`, then until they stop moving (two reads 400 ms apart agree). */
async function still(page: Page, ids: string[], from: Positions): Promise<Positions> {
  let last = await positions(page, ids);
  for (let i = 0; i < 75; i++) {
    await page.waitForTimeout(400);
    const now = await positions(page, ids);
    const busy = await page.locator('.similar-layout-status').isVisible();
    if (!busy && moved(from, now) > 0 && moved(last, now) === 0) return now;
    last = now;
  }
  throw new Error('the papers did not move and settle');
}

describe.skipIf(!existsSync(BUNDLED))('similar papers on the bundled graph', () => {
  const file = existsSync(BUNDLED)
    ? (JSON.parse(readFileSync(BUNDLED, 'utf8')) as { graph: { nodes: FileNode[]; edges: FileEdge[] } })
    : { graph: { nodes: [], edges: [] } };
  const { nodes, edges } = file.graph;
  const ids = nodes.map((n) => n.key);

  it("lists DreamBooth's similar papers as computed from the definitions, with reasons and lineage marks", async () => {
    // the bundled graph has no abstracts: the scores are the links' alone
    expect(nodes.some((n) => n.attributes.abstract)).toBe(false);
    const expected = expectedSimilar(nodes, edges, DREAMBOOTH);
    expect(expected.length).toBe(10);
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    const problems = collectProblems(page);
    await page.evaluate((id) => window.__atlas!.select(id), DREAMBOOTH);
    const rows = await similarRows(page);
    expect(rows.map((r) => r.node)).toEqual(expected.map((e) => e.node));
    const inLineage = lineageOf(edges, DREAMBOOTH, 2); // the default depth
    rows.forEach((r, i) => {
      const e = expected[i]!;
      const reasons = [
        e.shared > 0 ? `shares ${e.shared} reference${e.shared === 1 ? '' : 's'}` : null,
        e.cocited > 0 ? `co-cited by ${e.cocited}` : null,
      ];
      expect(r.reasons).toBe(reasons.filter(Boolean).join(' · '));
      expect(r.kin.startsWith('in lineage'), `${r.node}: ${r.kin}`).toBe(inLineage.has(r.node));
    });
    // pointing at a row lights its paper in the graph
    const firstRow = page.getByRole('region', { name: 'Similar papers' }).locator('.la-similar-row').first();
    await firstRow.hover();
    await page.waitForFunction((n) => window.__atlas!.state()!.hovered === n, expected[0]!.node);
    await page.waitForFunction(
      (n) => window.__atlas!.nodeDisplay(n)?.highlighted === true,
      expected[0]!.node,
    );
    // a row selects its paper
    await page
      .getByRole('region', { name: 'Similar papers' })
      .locator('.la-similar-row .la-neighbour-button')
      .first()
      .click();
    expect(await page.evaluate(() => window.__atlas!.state()!.selected)).toBe(expected[0]!.node);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('"Compare" on a row compares it with the selection', async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    await page.evaluate((id) => window.__atlas!.select(id), DREAMBOOTH);
    await similarRows(page);
    const row = page.getByRole('region', { name: 'Similar papers' }).locator('.la-similar-row').nth(1);
    const other = await row.getAttribute('data-node');
    await row.getByRole('button', { name: 'Compare' }).click();
    expect(await page.evaluate(() => window.__atlas!.state()!.compareWith)).toBe(other);
    await page.close();
  });

  it('the Similarity layout moves the papers, keeps the link, and goes back, without console errors', async () => {
    const page = await openAtlas(browser(), baseUrl, '', { width: 1440, height: 900 });
    const problems = collectProblems(page);
    await page.waitForFunction(() => (window.__atlas!.renderer()?.renders ?? 0) > 0);
    const force = await positions(page, ids);
    await page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Similarity' }).check();
    await page.waitForFunction(
      () => new URLSearchParams(window.location.search).get('layout') === 'similarity',
    );
    const map = await still(page, ids, force);
    expect(moved(force, map)).toBeGreaterThan(ids.length / 2);
    // the data export (graphology's serialisation) holds the map's positions, as on screen
    const { bytes } = await exportItem(page, 'JSON');
    const exported = JSON.parse(bytes.toString('utf8')) as {
      nodes: Array<{ key: string; attributes: { x: number; y: number } }>;
    };
    const at = new Map(exported.nodes.map((n) => [n.key, n.attributes]));
    expect(at.size).toBe(ids.length);
    for (const id of ids) {
      expect(at.get(id)!.x).toBeCloseTo(map[id]!.x, 3);
      expect(at.get(id)!.y).toBeCloseTo(map[id]!.y, 3);
    }
    await page.keyboard.press('Escape');
    // the Clusters column leads with the communities of the similarity map; a click picks one out
    await page.getByRole('button', { name: 'Clusters', exact: true }).click();
    const communities = page.getByRole('region', { name: 'Communities of the similarity map' });
    const first = communities
      .getByRole('list', { name: 'Similarity communities' })
      .getByRole('button')
      .first();
    await first.waitFor();
    await first.click();
    const brush = await page.evaluate(() => window.__atlas!.state()!.brush);
    expect(brush?.label).toBe('Similarity community 1');
    expect(brush!.nodes.length).toBeGreaterThan(1);
    await expect(first.getAttribute('aria-pressed')).resolves.toBe('true');
    // back to the force layout: the same positions as before
    await page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Force' }).check();
    const back = await still(page, ids, map);
    expect(moved(force, back)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
    // a link opens on the map (opened straight at the link: leaving a page that has just loaded
    // aborts the requests of the code it loads when idle, which the problems would count)
    const linked = await browser().newPage({ viewport: { width: 1440, height: 900 } });
    const linkedProblems = collectProblems(linked);
    await linked.goto(`${baseUrl}/?layout=similarity`);
    await linked.waitForFunction(() => window.__atlas?.status() === 'ready');
    expect(await linked.evaluate(() => window.__atlas!.state()!.layout)).toBe('similarity');
    const linkedMap = await still(linked, ids, force);
    expect(moved(force, linkedMap)).toBeGreaterThan(ids.length / 2);
    // "Start layout" leaves the map first, then runs ForceAtlas2 from the force positions
    await linked.getByRole('button', { name: 'Start layout' }).click();
    expect(await linked.evaluate(() => window.__atlas!.state()!.layout)).toBe('force');
    await linked.waitForFunction(() => window.__atlas!.layoutRunning(), null, { timeout: 10_000 });
    await linked.getByRole('button', { name: 'Stop layout' }).click();
    expect(linkedProblems).toEqual([]);
    await linked.close();
  });
});

describe('similar to several papers', () => {
  it('Shift-click a paper and Shift+Enter another in search, then "Similar to these" lists the others by similarity to both', async () => {
    const page = await openAtlas(browser(), baseUrl);
    const problems = collectProblems(page);
    await page.waitForFunction(() => (window.__atlas!.renderer()?.renders ?? 0) > 0);
    // one paper Shift-clicked in the graph, the other picked in search with Shift+Enter (the drawer,
    // open after the first pick, may cover the second paper on screen)
    const at = await nodeOnScreen(page, DREAMBOOTH);
    await page.keyboard.down('Shift');
    await page.mouse.click(at.page.x, at.page.y);
    await page.keyboard.up('Shift');
    expect(await page.evaluate(() => window.__atlas!.state()!.seeds)).toEqual([DREAMBOOTH]);
    const box = page.getByRole('combobox', { name: 'Search papers' });
    await box.fill('textual inversion');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await box.press('ArrowDown');
    await box.press('Shift+Enter');
    expect(await page.evaluate(() => window.__atlas!.state()!.seeds)).toEqual([
      DREAMBOOTH,
      TEXTUAL_INVERSION,
    ]);
    const region = page.getByRole('region', { name: 'Similar papers' });
    const picked = region.getByRole('list', { name: 'Picked papers' }).getByRole('listitem');
    await expect(picked.count()).resolves.toBe(2);
    await region.getByRole('button', { name: 'Similar to these' }).click();
    await region.getByRole('heading', { name: 'Similar to these 2 papers' }).waitFor();
    const listed = await region
      .getByRole('list', { name: 'Similar to the picked papers' })
      .locator('.la-similar-row')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.node!));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).not.toContain(DREAMBOOTH);
    expect(listed).not.toContain(TEXTUAL_INVERSION);
    // the mean of the two papers' similarities, computed from the definitions
    const small = JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')) as {
      graph: { nodes: FileNode[]; edges: FileEdge[] };
    };
    const sum = new Map<string, number>();
    for (const seed of [DREAMBOOTH, TEXTUAL_INVERSION]) {
      for (const p of expectedSimilar(small.graph.nodes, small.graph.edges, seed, Infinity))
        sum.set(p.node, (sum.get(p.node) ?? 0) + p.score / 2);
    }
    const mean = ranked(
      [...sum]
        .filter(([n]) => n !== DREAMBOOTH && n !== TEXTUAL_INVERSION)
        .map(([node, score]) => ({ node, score })),
    );
    expect(listed).toEqual(mean.slice(0, 10).map((p) => p.node));
    expect(problems).toEqual([]);
    await page.close();
  });
});
