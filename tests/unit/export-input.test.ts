import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportData, exportFilename } from '../../src/export/data';
import { buildExportInput } from '../../src/export/input';
import { filtersSummary } from '../../src/export/summary';
import { computeVisibility } from '../../src/graph/filters';
import { parseGraphFile } from '../../src/graph/load';
import {
  setFilters,
  setMinDegree,
  setYearRange,
  toggleCategory,
  toggleEdgeKind,
  toggleUnlabelled,
} from '../../src/state/filters';
import { initialViewState, select, setColorBy } from '../../src/state/view';

const { graph, meta } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
const s0 = initialViewState(meta);

describe('filtersSummary', () => {
  it('says "no filters" for the default view and names each active filter with its labels', () => {
    expect(filtersSummary(s0.filters, meta)).toBe('no filters');
    let s = setYearRange(s0, [2022, 2024], meta.years!);
    s = toggleCategory(toggleCategory(s, meta, 'family', 'diffusion', false), meta, 'family', 'ar', false);
    s = setMinDegree(toggleEdgeKind(s, 'mentions', false), 2);
    expect(filtersSummary(s.filters, meta)).toBe(
      'years 2022–2024; Model family: GAN, Survey; links builds-on, cites, compares; minimum degree 2',
    );
    expect(
      filtersSummary(
        setFilters(s0, { years: [2023, 2023], categories: { family: [] }, showSurveyMentions: true }).filters,
        meta,
      ),
    ).toBe("year 2023; Model family: none; mentions from other surveys' lists shown");
    expect(filtersSummary(toggleUnlabelled(s0, meta, 'method', false).filters, meta)).toBe(
      'Inversion method: unlabelled hidden',
    );
  });
});

describe('buildExportInput', () => {
  const s = select(setColorBy(toggleCategory(s0, meta, 'family', 'gan', false), 'method'), '2208.12242');
  const visibility = computeVisibility(graph, s.filters);
  const date = new Date(2026, 10, 29, 23, 59);

  it('holds the visible papers and links for the visible scope, everything for all', () => {
    const visible = buildExportInput(graph, meta, s, visibility, 'visible', date);
    expect([...visible.nodes].sort()).toEqual(graph.filterNodes((_n, a) => a.family !== 'gan').sort());
    expect(visible.edges).toBe(visibility.edges);
    expect(visible.filtersSummary).toBe('Model family: Diffusion, Autoregressive, Survey');
    expect(visible.selected).toBe('2208.12242');
    const all = buildExportInput(graph, meta, s, visibility, 'all', date);
    expect(all.nodes.size).toBe(16);
    expect(all.edges.size).toBe(24);
  });

  it('carries the colours and sizes of the current colour-by and size-by', () => {
    const input = buildExportInput(graph, meta, s, visibility, 'visible', date);
    graph.forEachNode((n, a) => {
      expect(input.colors!.get(n)).toBe(a.colors.method ?? meta.taxonomy.unknownColor);
      expect(input.sizes!.get(n)).toBe(a.sizes.citations);
    });
  });

  it('feeds the JSON export: the papers in scope in the graph-file format, named after the dataset, scope and day', () => {
    const input = buildExportInput(graph, meta, s, visibility, 'visible', date);
    const [file] = exportData('json', input);
    expect(file!.filename).toBe(exportFilename(meta, 'visible', date, 'json'));
    for (const part of ['fixture-small-personalization-graph', 'visible', '2026-11-29'])
      expect(file!.filename).toContain(part);
    const png = exportFilename(meta, 'all', date, 'png', '2x');
    for (const part of ['fixture-small-personalization-graph', 'all', '2026-11-29', '2x'])
      expect(png).toContain(part);
    expect(png.endsWith('.png')).toBe(true);
    const parsed = parseGraphFile(JSON.parse(file!.content as string), file!.filename);
    expect(parsed.graph.order).toBe(visibility.nodes.size);
    expect(parsed.graph.size).toBe(visibility.edges.size);
    expect(parsed.meta.counts.papers).toBe(visibility.nodes.size);
  });
});
