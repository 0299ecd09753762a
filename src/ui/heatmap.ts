/**
 * The community × category heat map (d3, SVG): one row per category of the chosen dimension, one
 * column per community (small ones pooled), each cell coloured by its number of papers on a
 * sequential scale with the number written in a colour that stays readable. A cell with papers is a
 * button: a click (or Enter / Space) brushes them.
 */
import { interpolateBlues, interpolateGreys, select } from 'd3';
import type { ContingencyTable } from '../graph/clusters/contingency';
import { communityName } from './clusters-list';

const CELL_W = 34;
const CELL_H = 24;
const LABEL_W = 226;
const HEAD_H = 40;
const LABEL_CHARS = 31;

export interface HeatmapOptions {
  /** Smallest community size shown as its own column (for the pooled column's title). */
  minSize: number;
  onBrush(label: string, nodes: string[]): void;
  /** What the graph's nodes are called, for a count: "3 papers", "1 node" (`nodeNoun` of the graph's meta). */
  noun: (n: number) => string;
}

/**
 * Cell fill for a count on a 0..max scale (counts above max clamp): light blue for 1, dark blue for
 * max, grey for the unlabelled papers; none for 0.
 */
export function cellFill(count: number, max: number, unlabelled = false): string | null {
  if (count <= 0 || max <= 0) return null;
  const t = 0.12 + 0.83 * Math.min(1, count / max);
  return unlabelled ? interpolateGreys(t * 0.8) : interpolateBlues(t);
}

/** Whether a count's text goes white on its cell (dark enough). */
export function lightText(count: number, max: number, unlabelled = false): boolean {
  return max > 0 && Math.min(1, count / max) > (unlabelled ? 0.6 : 0.45);
}

function shorten(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1).trimEnd()}…`;
}

/** The brush label of a heat-map column (community). */
export function columnName(row: ContingencyTable['rows'][number]): string {
  return row.community === null ? `${row.communities} smaller communities` : communityName(row.community);
}

export function renderHeatmap(table: ContingencyTable, o: HeatmapOptions): SVGSVGElement {
  const { noun } = o;
  const cols = table.rows; // communities across
  const rows = table.columns; // categories down
  // the scale ignores the unlabelled papers, whose counts would wash out every labelled cell
  let max = 0;
  table.counts.forEach((row) =>
    row.forEach((n, i) => {
      if (rows[i]!.id !== null) max = Math.max(max, n);
    }),
  );
  if (max === 0) max = table.max;
  const width = LABEL_W + cols.length * CELL_W + 4;
  const height = HEAD_H + rows.length * CELL_H + 4;
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', 'heatmap')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-label', 'Papers per community and category');

  // column heads: community colour and number
  const head = svg.append('g').attr('class', 'heatmap-head');
  cols.forEach((c, j) => {
    const x = LABEL_W + j * CELL_W + CELL_W / 2;
    const g = head.append('g').attr('transform', `translate(${x},0)`);
    g.append('title').text(
      c.community === null
        ? `${c.communities} communities of fewer than ${o.minSize} ${noun(2)} (${c.size} ${noun(c.size)})`
        : `${communityName(c.community)} (${c.size} ${noun(c.size)})`,
    );
    if (c.color)
      g.append('circle').attr('cy', 11).attr('r', 6).attr('fill', c.color).attr('class', 'heatmap-swatch');
    g.append('text')
      .attr('y', HEAD_H - 8)
      .attr('text-anchor', 'middle')
      .attr('class', 'heatmap-col')
      .text(c.community === null ? 'rest' : String(c.community + 1));
  });

  rows.forEach((r, i) => {
    const y = HEAD_H + i * CELL_H;
    const label = svg
      .append('text')
      .attr('x', LABEL_W - 8)
      .attr('y', y + CELL_H / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('class', r.id === null ? 'heatmap-row unlabelled' : 'heatmap-row')
      .text(shorten(r.fullLabel, LABEL_CHARS));
    label.append('title').text(`${r.fullLabel}: ${r.total} ${noun(r.total)}`);
    cols.forEach((c, j) => {
      const count = table.counts[j]![i]!;
      const nodes = table.nodes[j]![i]!;
      const x = LABEL_W + j * CELL_W;
      const brush = `${columnName(c)} × ${r.fullLabel}`;
      const cell = svg
        .append('g')
        .attr('class', count > 0 ? 'heatmap-cell' : 'heatmap-cell empty')
        .attr('transform', `translate(${x},${y})`);
      const fill = cellFill(count, max, r.id === null);
      cell
        .append('rect')
        .attr('x', 1)
        .attr('y', 1)
        .attr('width', CELL_W - 2)
        .attr('height', CELL_H - 2)
        .attr('rx', 3)
        .attr('fill', fill ?? 'none');
      if (count === 0) return;
      cell
        .attr('role', 'button')
        .attr('tabindex', 0)
        .attr('data-brush', brush)
        .attr('aria-pressed', 'false')
        .attr('aria-label', `${brush}: ${count} ${noun(count)}`);
      cell
        .append('text')
        .attr('x', CELL_W / 2)
        .attr('y', CELL_H / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle')
        .attr('class', lightText(count, max, r.id === null) ? 'heatmap-count light' : 'heatmap-count')
        .text(String(count));
      cell.on('click', () => o.onBrush(brush, nodes));
      cell.on('keydown', (e: KeyboardEvent) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        o.onBrush(brush, nodes);
      });
    });
  });
  return svg.node()!;
}
