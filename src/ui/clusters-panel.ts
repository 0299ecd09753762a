/**
 * The "Clusters" region (the analysis column): tabs "Communities" (the Louvain communities with
 * their labels), "Heat map" (communities × a taxonomy dimension, with the NMI between the two) and
 * "Taxonomy grid" (family × inversion method × scheme). Every click brushes papers in the graph.
 * Everything is computed once, the first time the column is shown (and per heat-map dimension).
 */
import { communityAgreement, type CommunityAgreement } from '../graph/clusters/agreement';
import { clusterLabels } from '../graph/clusters/labels';
import { communityContingency } from '../graph/clusters/contingency';
import { taxonomyGrid } from '../graph/clusters/taxonomy-grid';
import { dimension, nodeNoun, parentDimensionId, type GraphMeta, type TaxonomyDimension } from '../model';
import { toggleBrush } from '../state/brush';
import type { ViewState } from '../state/types';
import { renderCommunityList } from './clusters-list';
import type { MountPanel } from './context';
import { h } from './dom';
import { renderHeatmap } from './heatmap';
import { renderTaxonomyGrid } from './taxonomy-grid-view';
import './clusters.css';

/** Communities smaller than this are pooled (heat map) or listed compactly (list). */
const MIN_COMMUNITY = 3;
/**
 * The taxonomy grid's dimensions, read from the taxonomy: a dimension that is the declared parent of
 * two others groups the tables, its last two children are the rows and the columns (for the bundled
 * survey: family; scheme × method). Without such a parent, the first dimension groups and the last two
 * are the rows and columns. Null for fewer than three dimensions.
 */
export function gridDimensions(meta: GraphMeta): { group: string; rows: string; columns: string } | null {
  const dims = meta.taxonomy.dimensions;
  const childrenOf = (id: string) => dims.filter((d) => d.id !== id && parentDimensionId(d) === id);
  const parent = dims.find((d) => childrenOf(d.id).length >= 2) ?? dims[0];
  if (!parent) return null;
  const candidates =
    childrenOf(parent.id).length >= 2 ? childrenOf(parent.id) : dims.filter((d) => d.id !== parent.id);
  const rows = candidates[candidates.length - 1];
  const columns = candidates[candidates.length - 2];
  return rows && columns ? { group: parent.id, rows: rows.id, columns: columns.id } : null;
}

const TABS = [
  { id: 'communities', label: 'Communities' },
  { id: 'heatmap', label: 'Heat map' },
  { id: 'grid', label: 'Taxonomy grid' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function dimensionName(meta: GraphMeta, d: TaxonomyDimension): string {
  return dimension(meta.taxonomy, d)?.label ?? d;
}

/** The last word of a dimension's name, capitalised, for a grid's corner: "Personalization scheme" → "Scheme". */
function shortName(name: string): string {
  const last = name.trim().split(/\s+/).pop() ?? name;
  return last.charAt(0).toUpperCase() + last.slice(1);
}

/** "NMI 0.42 with inversion method (156 labelled papers, 260 unlabelled left out)". */
export function agreementText(a: CommunityAgreement, name: string, noun: (n: number) => string): string {
  const nmi = a.nmi === null ? 'NMI not defined' : `NMI ${a.nmi.toFixed(2)}`;
  const labelled = `${a.labelled.toLocaleString('en')} labelled ${noun(a.labelled)}`;
  const left = a.unlabelled > 0 ? `, ${a.unlabelled.toLocaleString('en')} unlabelled left out` : '';
  return `${nmi} with ${name.toLowerCase()} (${labelled}${left})`;
}

export const mountClusters: MountPanel = (container, ctx) => {
  const { graph, meta, store } = ctx;
  const brush = (label: string, nodes: string[], community?: number) =>
    store.update((s) => toggleBrush(s, label, nodes, community));
  const noun = (n: number) => nodeNoun(meta, n);

  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Cluster views' });
  const tabs = new Map<TabId, { tab: HTMLButtonElement; panel: HTMLElement }>();
  for (const t of TABS) {
    const tab = h('button', {
      type: 'button',
      role: 'tab',
      id: `clusters-tab-${t.id}`,
      'aria-controls': `clusters-panel-${t.id}`,
      'aria-selected': 'false',
      tabindex: -1,
      text: t.label,
    });
    const panel = h('div', {
      role: 'tabpanel',
      id: `clusters-panel-${t.id}`,
      'aria-labelledby': `clusters-tab-${t.id}`,
      class: 'tab-panel',
      hidden: true,
    });
    tabs.set(t.id, { tab, panel });
    tablist.append(tab);
  }
  const region = h(
    'section',
    { class: 'clusters', role: 'region', 'aria-labelledby': 'clusters-title' },
    h('h2', { class: 'panel-title', id: 'clusters-title', text: 'Clusters' }),
    h('p', {
      class: 'muted small clusters-intro',
      text: `${meta.communities.length.toLocaleString('en')} Louvain communities of the ${meta.file ? 'graph' : 'citation graph'}. Click a community or a cell to pick out its ${noun(2)}.`,
    }),
    tablist,
    ...[...tabs.values()].map((t) => t.panel),
  );
  container.append(region);

  let active: TabId = 'communities';
  const built = new Set<TabId>();
  const select = (id: TabId, focus = false) => {
    active = id;
    for (const [tid, t] of tabs) {
      const on = tid === id;
      t.tab.setAttribute('aria-selected', String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
    }
    if (focus) tabs.get(id)!.tab.focus();
    build(id);
  };
  for (const [id, t] of tabs) {
    t.tab.addEventListener('click', () => select(id));
    t.tab.addEventListener('keydown', (e) => {
      const i = TABS.findIndex((x) => x.id === id);
      const next =
        e.key === 'ArrowRight'
          ? i + 1
          : e.key === 'ArrowLeft'
            ? i - 1
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? TABS.length - 1
                : null;
      if (next === null) return;
      e.preventDefault();
      select(TABS[(next + TABS.length) % TABS.length]!.id, true);
    });
  }

  // ── the views, built on first show ──
  const dimensions = meta.taxonomy.dimensions.map((d) => d.id);
  const gridDims = gridDimensions(meta);
  // the heat map opens on the grid's columns (the inversion method for the bundled survey)
  let heatDimension: TaxonomyDimension = gridDims?.columns ?? dimensions[0] ?? '';

  function buildHeatmap(panel: HTMLElement): void {
    if (dimensions.length === 0) {
      panel.append(h('p', { class: 'muted small', text: 'The taxonomy of this graph has no dimensions.' }));
      return;
    }
    const selectEl = h('select', { id: 'heatmap-dimension' });
    for (const d of dimensions) selectEl.append(h('option', { value: d, text: dimensionName(meta, d) }));
    selectEl.value = heatDimension;
    const nmi = h('p', { class: 'nmi', 'data-testid': 'nmi' });
    const note = h('p', {
      class: 'muted small',
      text: 'Normalised mutual information between each paper’s community and its category, divided by the arithmetic mean of the two entropies: 0 when they are independent, 1 when they coincide.',
    });
    const chart = h('div', { class: 'heatmap-wrap' });
    const key = h('p', { class: 'muted small heatmap-key' });
    const draw = () => {
      const table = communityContingency(graph, meta, { dimension: heatDimension, minSize: MIN_COMMUNITY });
      chart.replaceChildren(renderHeatmap(table, { minSize: MIN_COMMUNITY, onBrush: brush, noun }));
      const pooled = table.rows.find((r) => r.community === null);
      key.textContent = `Columns are the communities of the Communities tab${pooled ? `; “rest” pools the ${pooled.communities} communities of fewer than ${MIN_COMMUNITY} ${noun(2)}` : ''}. Grey: ${noun(2)} without a label.`;
      nmi.textContent = agreementText(
        communityAgreement(graph, { dimension: heatDimension }),
        dimensionName(meta, heatDimension),
        noun,
      );
      syncPressed(store.get());
    };
    selectEl.addEventListener('change', () => {
      heatDimension = selectEl.value as TaxonomyDimension;
      draw();
    });
    panel.append(
      h(
        'div',
        { class: 'field heatmap-field' },
        h('label', { for: 'heatmap-dimension', text: 'Categories' }),
        selectEl,
      ),
      nmi,
      chart,
      key,
      note,
    );
    draw();
  }

  function build(id: TabId): void {
    if (built.has(id) || !isShown()) return;
    built.add(id);
    const panel = tabs.get(id)!.panel;
    if (id === 'communities') {
      panel.append(
        renderCommunityList(clusterLabels(graph, meta), { minListed: MIN_COMMUNITY, onBrush: brush, noun }),
      );
    } else if (id === 'heatmap') {
      buildHeatmap(panel);
    } else {
      if (!gridDims) {
        panel.append(
          h('p', {
            class: 'muted small',
            text: 'The taxonomy grid needs three dimensions; the taxonomy of this graph has fewer.',
          }),
        );
      } else {
        const grid = taxonomyGrid(graph, meta, gridDims);
        const rowsName = dimensionName(meta, gridDims.rows);
        const columnsName = dimensionName(meta, gridDims.columns);
        panel.append(
          h('p', {
            class: 'muted small',
            text: `Papers per ${columnsName.toLowerCase()} and ${rowsName.toLowerCase()}, and the year of the first; empty cells are gaps in the taxonomy.`,
          }),
          renderTaxonomyGrid(grid, {
            rowsName: shortName(rowsName),
            columnsName: shortName(columnsName),
            onBrush: brush,
          }),
        );
      }
    }
    syncPressed(store.get());
  }

  /** Marks the control of what is brushed (same label) as pressed. */
  function syncPressed(s: ViewState): void {
    for (const el of region.querySelectorAll<Element>('[data-brush]')) {
      el.setAttribute(
        'aria-pressed',
        String(s.brush !== null && el.getAttribute('data-brush') === s.brush.label),
      );
    }
  }

  // the column starts hidden: build when it first gets a size
  const isShown = () => container.getClientRects().length > 0;
  const resize = new ResizeObserver(() => build(active));
  resize.observe(container);
  select('communities');

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.brush !== prev.brush) syncPressed(s);
  });
  return () => {
    resize.disconnect();
    unsubscribe();
    container.replaceChildren();
  };
};
