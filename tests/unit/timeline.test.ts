import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryMap, legendEntries, UNKNOWN_CATEGORY } from '../../src/graph/categories';
import { parseGraphFile } from '../../src/graph/load';
import { createRng, randomInt } from '../../src/graph/random';
import { timelineLayout, timelineX, type TimelineResult } from '../../src/graph/timeline';
import type { AtlasGraph } from '../../src/graph/types';
import type { Family } from '../../src/model';
import { makeGraph, type PaperInput } from './support/paper-graph';

const FAMILIES = [
  { id: 'diffusion', label: 'Diffusion' },
  { id: 'gan', label: 'GAN' },
  { id: 'ar', label: 'Autoregressive' },
];

/** A dense random graph: many papers in few years, sizes from 2 to 14, some without a month. */
function randomGraph(seed: number, n: number): AtlasGraph {
  const rng = createRng(seed);
  const papers: PaperInput[] = [];
  const families: Family[] = ['diffusion', 'diffusion', 'diffusion', 'gan', 'ar', 'survey'];
  for (let i = 0; i < n; i++) {
    const size = 2 + rng() * 12;
    papers.push({
      id: `p${String(i).padStart(4, '0')}`,
      title: `Paper ${i}`,
      year: 2019 + randomInt(rng, 7),
      month: rng() < 0.1 ? null : 1 + randomInt(rng, 12),
      family: families[randomInt(rng, families.length)]!,
      size,
    });
  }
  return makeGraph(papers);
}

function radius(graph: AtlasGraph, node: string): number {
  return graph.getNodeAttribute(node, 'size');
}

function bandOf(t: TimelineResult, graph: AtlasGraph, node: string): string {
  const family = graph.getNodeAttribute(node, 'family');
  return family !== undefined && t.bands.some((b) => b.id === family) ? family : UNKNOWN_CATEGORY;
}

/** Pairs of discs closer than their radii plus `gap` minus `tolerance`. */
function overlaps(graph: AtlasGraph, t: TimelineResult, gap: number, tolerance = 1e-6): string[] {
  const nodes = [...t.positions.keys()];
  const out: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = t.positions.get(nodes[i]!)!;
      const b = t.positions.get(nodes[j]!)!;
      const need = radius(graph, nodes[i]!) + radius(graph, nodes[j]!) + gap;
      if (Math.hypot(a.x - b.x, a.y - b.y) < need - tolerance) out.push(`${nodes[i]}/${nodes[j]}`);
    }
  }
  return out;
}

describe('timelineLayout', () => {
  const graph = randomGraph(7, 600);
  const layout = timelineLayout(graph, { dimension: 'family', categories: FAMILIES, width: 1200, gap: 1 });

  const balanced = timelineLayout(graph, {
    dimension: 'family',
    categories: FAMILIES,
    width: 1200,
    yearScale: 'balanced',
  });

  it.each([
    ['linear', layout],
    ['balanced', balanced],
  ])('places every paper, x monotone in the publication date (%s years)', (_scale, layout) => {
    expect(layout.positions.size).toBe(graph.order);
    const nodes = graph.nodes();
    let checked = 0;
    const wrong: string[] = [];
    for (const a of nodes) {
      for (const b of nodes) {
        const pa = graph.getNodeAttributes(a);
        const pb = graph.getNodeAttributes(b);
        const earlier =
          pa.year! < pb.year! ||
          (pa.year === pb.year && pa.month !== null && pb.month !== null && pa.month < pb.month);
        if (!earlier) continue;
        checked++;
        if (!(layout.positions.get(a)!.x < layout.positions.get(b)!.x)) wrong.push(`${a} before ${b}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  it('keeps each paper within its date: its month, or mid-year without one', () => {
    const slot = 1200 / 7 / 12;
    graph.forEachNode((node, a) => {
      const x = layout.positions.get(node)!.x;
      const middle =
        a.month === null ? timelineX(layout, a.year!) : timelineX(layout, a.year!, a.month) + slot / 2;
      expect(Math.abs(x - middle)).toBeLessThanOrEqual(slot / 2);
    });
    expect(timelineX(layout, 2019, 1)).toBe(0);
    expect(timelineX(layout, 2026, 1)).toBeCloseTo(1200);
  });

  it('makes one band per category in the given order, the unlabelled last, each paper inside its band', () => {
    expect(layout.bands.map((b) => b.id)).toEqual(['diffusion', 'gan', 'ar', UNKNOWN_CATEGORY]);
    expect(layout.bands.map((b) => b.label)).toEqual([
      'Diffusion',
      'GAN',
      'Autoregressive',
      'Unknown / not labelled',
    ]);
    expect(layout.bands.reduce((s, b) => s + b.count, 0)).toBe(graph.order);
    for (let i = 1; i < layout.bands.length; i++) {
      expect(layout.bands[i]!.top).toBeLessThan(layout.bands[i - 1]!.bottom); // below, with a gap
    }
    graph.forEachNode((node) => {
      const band = layout.bands.find((b) => b.id === bandOf(layout, graph, node))!;
      const { y } = layout.positions.get(node)!;
      const r = radius(graph, node);
      expect(y + r).toBeLessThanOrEqual(band.top + 1e-9);
      expect(y - r).toBeGreaterThanOrEqual(band.bottom - 1e-9);
    });
  });

  it('leaves no two discs overlapping', () => {
    expect(overlaps(graph, layout, 1)).toEqual([]);
    expect(overlaps(graph, balanced, 1)).toEqual([]);
    // a gap of 0 still separates them, and packs the bands tighter
    const tight = timelineLayout(graph, { dimension: 'family', categories: FAMILIES, width: 1200, gap: 0 });
    expect(overlaps(graph, tight, 0)).toEqual([]);
    expect(tight.bands.at(-1)!.bottom).toBeGreaterThan(layout.bands.at(-1)!.bottom);
  });

  it('is deterministic and independent of node insertion order', () => {
    const again = timelineLayout(graph, { dimension: 'family', categories: FAMILIES, width: 1200, gap: 1 });
    expect([...again.positions]).toEqual([...layout.positions]);
    const reversed = makeGraph(
      graph
        .nodes()
        .reverse()
        .map((n) => graph.getNodeAttributes(n)),
    );
    const other = timelineLayout(reversed, {
      dimension: 'family',
      categories: FAMILIES,
      width: 1200,
      gap: 1,
    });
    for (const [node, p] of layout.positions) expect(other.positions.get(node)).toEqual(p);
  });

  it('puts the largest papers nearest their band middle', () => {
    const diffusion = layout.bands[0]!;
    const middle = (diffusion.top + diffusion.bottom) / 2;
    const inBand = graph.filterNodes((_n, a) => a.family === 'diffusion');
    inBand.sort((a, b) => radius(graph, b) - radius(graph, a));
    const offset = (n: string) => Math.abs(layout.positions.get(n)!.y - middle);
    const mean = (ns: string[]) => ns.reduce((s, n) => s + offset(n), 0) / ns.length;
    const tenth = Math.floor(inBand.length / 10);
    expect(mean(inBand.slice(0, tenth))).toBeLessThan(mean(inBand.slice(-tenth)));
  });

  it('re-bands by another dimension, with empty categories kept and papers of unknown categories unlabelled', () => {
    const g = makeGraph([
      {
        id: 'a',
        title: 'A',
        year: 2020,
        taxonomy: { space: { value: 'dm.textual', evidence: 'survey-figure' } },
      },
      {
        id: 'b',
        title: 'B',
        year: 2021,
        taxonomy: { space: { value: 'dm.parameter', evidence: 'survey-figure' } },
      },
      { id: 'c', title: 'C', year: 2021 },
      {
        id: 'd',
        title: 'D',
        year: 2022,
        taxonomy: { space: { value: 'not-in-the-taxonomy', evidence: 'survey-figure' } },
      },
    ]);
    const cats = [
      { id: 'dm.parameter', label: 'Parameter space' },
      { id: 'dm.textual', label: 'Textual space' },
      { id: 'gan.latent', label: 'Latent space' },
    ];
    const t = timelineLayout(g, { dimension: 'space', categories: cats, minBandHeight: 20 });
    expect(t.bands.map((b) => [b.id, b.count])).toEqual([
      ['dm.parameter', 1],
      ['dm.textual', 1],
      ['gan.latent', 0],
      [UNKNOWN_CATEGORY, 2],
    ]);
    expect(t.bands[2]!.top - t.bands[2]!.bottom).toBe(20);
    const y = (n: string) => t.positions.get(n)!.y;
    expect(y('b')).toBeGreaterThan(y('a')); // parameter space is the upper band
    expect(y('c')).toBe(y('d'));
    expect(t.positions.get('a')!.x).toBeLessThan(t.positions.get('b')!.x);
  });

  it('follows the legend of the real fixture: bands in legend order', () => {
    const { graph: small, meta } = parseGraphFile(
      JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
      'small.json',
    );
    const entries = legendEntries(small, meta, 'method', categoryMap(small, 'method'), null);
    const t = timelineLayout(small, { dimension: 'method', categories: entries });
    expect(t.bands.map((b) => b.id)).toEqual(entries.map((e) => e.id));
    expect(t.bands.map((b) => b.count)).toEqual(entries.map((e) => e.count));
    expect(t.bands.at(-1)!.id).toBe(UNKNOWN_CATEGORY);
  });

  it('balanced years: busier years are wider, x still monotone in the date', () => {
    const g = makeGraph([
      { id: 'a', title: 'A', year: 2020, month: 3 },
      ...Array.from({ length: 16 }, (_, i) => ({ id: `b${i}`, title: 'B', year: 2021, month: 1 + (i % 12) })),
      { id: 'c', title: 'C', year: 2023, month: 12 },
    ]);
    const t = timelineLayout(g, {
      dimension: 'family',
      categories: FAMILIES,
      width: 900,
      yearScale: 'balanced',
    });
    // shares 1.5, 3, 1 (no paper in 2022), 1.5 of 7
    expect(t.yearStarts.map((x) => Math.round(x * 7))).toEqual([0, 1350, 4050, 4950, 6300]);
    const xs = ['a', ...Array.from({ length: 16 }, (_, i) => `b${i}`), 'c'].map((n) => t.positions.get(n)!.x);
    expect(xs[0]).toBeLessThan(Math.min(...xs.slice(1, -1)));
    expect(xs.at(-1)).toBeGreaterThan(Math.max(...xs.slice(1, -1)));
    expect(timelineX(t, 2022, 1)).toBeCloseTo(4050 / 7);
    expect(timelineX(t, 2024, 1)).toBe(900);
    expect(timelineX(t, 2019, 5)).toBe(0);
    const linear = timelineLayout(g, { dimension: 'family', categories: FAMILIES, width: 900 });
    expect(linear.yearStarts).toEqual([0, 225, 450, 675, 900]);
  });

  it('honours a fixed year range, clamping papers outside it', () => {
    const t = timelineLayout(graph, {
      dimension: 'family',
      categories: FAMILIES,
      width: 700,
      years: [2020, 2023],
    });
    expect(t.firstYear).toBe(2020);
    expect(t.yearStarts).toEqual([0, 175, 350, 525, 700]);
    for (const p of t.positions.values()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(700);
    }
  });

  it('rejects bad options with a clear message', () => {
    const base = { dimension: 'family' as const, categories: FAMILIES };
    expect(() => timelineLayout(graph, { ...base, width: 0 })).toThrow(
      /width must be a positive number, got 0/,
    );
    expect(() => timelineLayout(graph, { ...base, gap: -1 })).toThrow(/gap must be a non-negative number/);
    expect(() => timelineLayout(graph, { ...base, yearScale: 'log' as 'linear' })).toThrow(
      /yearScale must be "linear" or "balanced", got "log"/,
    );
    expect(() => timelineLayout(graph, { ...base, monthSpread: 2 })).toThrow(
      /monthSpread must be in \[0, 1\]/,
    );
    expect(() => timelineLayout(graph, { ...base, years: [2024, 2020] })).toThrow(
      /years must be two integers/,
    );
    expect(() => timelineLayout(graph, { ...base, categories: [FAMILIES[0]!, FAMILIES[0]!] })).toThrow(
      /"diffusion" is listed twice/,
    );
    expect(() => timelineLayout(graph, { ...base, radius: () => Number.NaN })).toThrow(
      /radius of node "p\d+"/,
    );
  });

  it('handles an empty graph', () => {
    const t = timelineLayout(makeGraph([]), { dimension: 'family', categories: FAMILIES });
    expect(t.positions.size).toBe(0);
    expect(t.bands.map((b) => b.count)).toEqual([0, 0, 0]);
  });
});
