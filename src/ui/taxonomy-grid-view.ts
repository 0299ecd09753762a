/**
 * The "Taxonomy grid" tab: per model family, a table of personalization schemes (rows) by inversion
 * methods (columns), each cell with its number of papers and first year; empty cells are the gaps.
 * A cell with papers is a button that brushes them.
 */
import type { TaxonomyGrid } from '../graph/clusters/taxonomy-grid';
import { h } from './dom';
import { cellFill, lightText } from './heatmap';

export interface GridViewOptions {
  /** Axis names for the corner cell, e.g. "Scheme" and "Method". */
  rowsName: string;
  columnsName: string;
  onBrush(label: string, nodes: string[]): void;
}

export function renderTaxonomyGrid(grid: TaxonomyGrid, o: GridViewOptions): HTMLElement {
  // the shading scale ignores the unlabelled row and column, whose counts dwarf the rest
  let max = 0;
  for (const b of grid.blocks)
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (b.rows[i]!.id !== null && b.columns[j]!.id !== null) max = Math.max(max, c.count);
      }),
    );
  const wrap = h('div', { class: 'tgrid-wrap' });
  for (const b of grid.blocks) {
    // a family none of whose papers has a label in either dimension (the surveys) has no table
    const labelled = b.cells.some((row, i) =>
      row.some((c, j) => c.count > 0 && (b.rows[i]!.id !== null || b.columns[j]!.id !== null)),
    );
    if (!labelled) continue;
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = b.color;
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'tgrid-corner', text: `${o.rowsName} \\ ${o.columnsName}` }),
      ...b.columns.map((c) =>
        h('th', { scope: 'col', class: c.id === null ? 'unlabelled' : null, text: c.label }),
      ),
    );
    const body = b.rows.map((r, i) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', class: r.id === null ? 'unlabelled' : null, text: r.label }),
        ...b.columns.map((c, j) => {
          const cell = b.cells[i]![j]!;
          if (cell.count === 0)
            return h('td', { class: 'tgrid-gap', title: 'No papers: a gap in the taxonomy' });
          const label = `${b.label} · ${c.id === null ? `${o.columnsName.toLowerCase()} not labelled` : c.label} × ${r.id === null ? `${o.rowsName.toLowerCase()} not labelled` : r.label}`;
          const button = h(
            'button',
            {
              type: 'button',
              class: 'tgrid-cell',
              'aria-pressed': 'false',
              'data-brush': label,
              'aria-label': `${label}: ${cell.count} ${cell.count === 1 ? 'paper' : 'papers'}, first in ${cell.firstYear}`,
            },
            h('span', { class: 'tgrid-count', text: String(cell.count) }),
            h('span', { class: 'tgrid-year', text: String(cell.firstYear) }),
          );
          const labelled = r.id !== null && c.id !== null;
          const fill = labelled ? cellFill(cell.count, max) : null;
          if (fill) {
            button.style.background = fill;
            if (lightText(cell.count, max)) button.classList.add('light');
          }
          button.addEventListener('click', () => o.onBrush(label, cell.nodes));
          return h('td', {}, button);
        }),
      ),
    );
    wrap.append(
      h(
        'table',
        { class: 'tgrid' },
        h(
          'caption',
          {},
          swatch,
          h('span', { text: b.label }),
          h('span', { class: 'muted', text: ` · ${b.size} papers` }),
        ),
        h('thead', {}, head),
        h('tbody', {}, ...body),
      ),
    );
  }
  return wrap;
}
